using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Outturn.Domain;
using Outturn.Domain.Periods;

namespace Outturn.Web.Features.Shared;

/// <summary>
/// Where a rule of the domain refuses a change, wherever it is thrown: the API answers problem+json with the rule's
/// message; a form posted from a page goes back to that page (post, then redirect) with the message in its error
/// summary. The API's unreadable input (a period that is not one, malformed JSON) is answered here too, so no
/// endpoint or page model catches these itself.
/// </summary>
public sealed class DomainErrors(IProblemDetailsService problems, ITempDataDictionaryFactory tempData) : IExceptionHandler
{
    /// <summary>The TempData key the layout reads to show a refused change in the error summary.</summary>
    public const string RefusedKey = "Outturn.Refused";

    /// <summary>What the refused form held, so the page comes back with what the user typed (<see cref="RefusedFormFilter"/>).</summary>
    public const string FormKey = "Outturn.RefusedForm";

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        // The handler runs after the request has been pointed at the error page: the feature keeps where it was.
        var failed = http.Features.Get<IExceptionHandlerFeature>();
        var path = failed?.Path is { } p ? new PathString(p) : http.Request.Path;
        var api = path.StartsWithSegments("/api");
        if (exception is DomainException refused)
        {
            if (api)
                return refused.Kind == DomainRefusal.Conflict
                    ? await ProblemAsync(http, StatusCodes.Status409Conflict, "Refused", refused.Message, exception)
                    : await ProblemAsync(http, StatusCodes.Status400BadRequest, "Refused", refused.Message, exception);
            if (!HttpMethods.IsPost(http.Request.Method)) return false; // a page that cannot be shown: the error page says why
            var data = tempData.GetTempData(http);
            data[RefusedKey] = refused.Message;
            if (http.Request.HasFormContentType)
                data[FormKey] = JsonSerializer.Serialize(http.Request.Form
                    .Where(f => f.Key != "__RequestVerificationToken")
                    .ToDictionary(f => f.Key, f => f.Value.ToArray()));
            data.Save();
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            // Back to the page as a reader asks for it: the address without the form's handler.
            var query = QueryString.Create(http.Request.Query.Where(q => !q.Key.Equals("handler", StringComparison.OrdinalIgnoreCase)));
            http.Response.Headers.Location = http.Request.PathBase + path + query;
            return true;
        }
        if (api && exception is BadHttpRequestException bad)
            return await ProblemAsync(http, bad.StatusCode, "Bad request", ReadableReason(http, failed, bad), exception);
        return false;
    }

    private async ValueTask<bool> ProblemAsync(HttpContext http, int status, string title, string detail, Exception exception)
    {
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    /// <summary>What the client sent that could not be read, in words: a period named by its own message, JSON by its position.</summary>
    private static string ReadableReason(HttpContext http, IExceptionHandlerFeature? failed, BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
            return $"The request body is not valid JSON{(json.LineNumber is { } line ? $" (line {line + 1}, position {json.BytePositionInLine + 1})" : "")}.";
        var method = failed?.Endpoint?.Metadata.GetMetadata<MethodInfo>();
        var route = failed?.RouteValues ?? http.Request.RouteValues;
        foreach (var parameter in method?.GetParameters() ?? [])
        {
            if ((Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType) != typeof(Period) || parameter.Name is null) continue;
            var text = route.TryGetValue(parameter.Name, out var v) ? v as string : http.Request.Query[parameter.Name].ToString();
            if (!string.IsNullOrEmpty(text) && !Period.TryParse(text, out _)) return Period.NotAPeriod(text);
        }
        return bad.Message;
    }
}
