using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Outturn.Web.Features.Shared;

/// <summary>
/// After <see cref="DomainErrors"/> sends a refused form back to its page, the page is shown as it now is and then
/// given back what the user typed, so they correct the one thing the rule named instead of starting again.
/// </summary>
public sealed class RefusedFormFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (!HttpMethods.IsGet(context.HttpContext.Request.Method) || executed.Result is not PageResult
            || context.HandlerInstance is not PageModel page || page.TempData[DomainErrors.FormKey] is not string json)
            return;
        var fields = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json) ?? [];
        var form = new FormCollection(fields.ToDictionary(f => f.Key, f => new Microsoft.Extensions.Primitives.StringValues(f.Value)));
        // Only the properties the page binds from its form: what it loaded for display stays as loaded.
        foreach (var property in page.GetType().GetProperties().Where(p => p.CanWrite && p.IsDefined(typeof(Microsoft.AspNetCore.Mvc.BindPropertyAttribute), true)))
        {
            // A list or object property comes back from its fields ("Rows[0].Text"), a simple one from its own.
            if (!form.Keys.Any(k => k == property.Name || k.StartsWith(property.Name + "[", StringComparison.Ordinal) || k.StartsWith(property.Name + ".", StringComparison.Ordinal))) continue;
            var provider = new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture);
            var metadata = page.MetadataProvider.GetMetadataForProperty(page.GetType(), property.Name);
            var binder = context.HttpContext.RequestServices.GetRequiredService<IModelBinderFactory>()
                .CreateBinder(new ModelBinderFactoryContext { Metadata = metadata, BindingInfo = BindingInfo.GetBindingInfo([], metadata) });
            var binding = DefaultModelBindingContext.CreateBindingContext(page.PageContext, provider, metadata, null, property.Name);
            await binder.BindModelAsync(binding);
            if (binding.Result.IsModelSet) property.SetValue(page, binding.Result.Model);
        }
        page.ModelState.Clear(); // the rule's message is the one error to show
    }
}
