using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Outturn.Domain.Periods;

namespace Outturn.Web.Features.Shared;

/// <summary>
/// Reads a <see cref="Period"/> from a page's route, query or form in every form <see cref="Period.TryParse"/> accepts.
/// Text that is not a period becomes a model error with <see cref="Period.NotAPeriod"/>'s message; the API binds the
/// same type through <see cref="Period.TryParse"/> and <see cref="DomainErrors"/> words its refusal the same way.
/// </summary>
public sealed class PeriodModelBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue;
        // An empty form field is no period rather than a bad one: the page says what is missing.
        if (string.IsNullOrWhiteSpace(text)) return Task.CompletedTask;
        if (Period.TryParse(text, out var period)) context.Result = ModelBindingResult.Success(period);
        else context.ModelState.TryAddModelError(context.ModelName, Period.NotAPeriod(text));
        return Task.CompletedTask;
    }
}

public sealed class PeriodModelBinderProvider : IModelBinderProvider
{
    private static readonly PeriodModelBinder Binder = new();

    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        (Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType) == typeof(Period) ? Binder : null;
}

/// <summary>
/// A page whose web address holds a period that cannot be read answers 400 with the period's message, before its
/// handler runs (404 where the page says so with <see cref="UnreadablePeriodIsNotFoundAttribute"/>). A period typed
/// into a form stays in the model state for the page's own error summary.
/// </summary>
public sealed class PeriodInAddressFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        foreach (var parameter in context.HandlerMethod?.Parameters ?? [])
        {
            if ((Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType) != typeof(Period)) continue;
            var inAddress = context.RouteData.Values.ContainsKey(parameter.Name) || context.HttpContext.Request.Query.ContainsKey(parameter.Name);
            if (!inAddress || context.ModelState[parameter.Name] is not { Errors.Count: > 0 } entry) continue;
            context.HttpContext.Items[PageResults.MessageKey] = entry.Errors[0].ErrorMessage;
            var notFound = context.ActionDescriptor.EndpointMetadata.OfType<UnreadablePeriodIsNotFoundAttribute>().Any();
            context.Result = new StatusCodeResult(notFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest);
            return;
        }
        await next();
    }
}

/// <summary>For pages where a period in the address names a thing (a year's return) that, unreadable, does not exist.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UnreadablePeriodIsNotFoundAttribute : Attribute;
