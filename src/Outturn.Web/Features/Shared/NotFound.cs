using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Outturn.Web.Features.Shared;

public static class PageResults
{
    public const string MessageKey = "Outturn.ErrorMessage";

    /// <summary>A 404 whose page says what was not found (the error page reads the message).</summary>
    public static IActionResult NotFoundWith(this PageModel page, string message)
    {
        page.HttpContext.Items[MessageKey] = message;
        return page.NotFound();
    }

    /// <summary>The first thing wrong with a form field as bound (a period that is not one, say), or null.</summary>
    public static string? ErrorFor(this Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;

    /// <summary>A 503 whose page says what this server cannot make (a PDF without Chromium) and what to do instead.</summary>
    public static IActionResult UnavailableWith(this PageModel page, string message)
    {
        page.HttpContext.Items[MessageKey] = message;
        return page.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    public static IActionResult BadRequestWith(this PageModel page, string message)
    {
        page.HttpContext.Items[MessageKey] = message;
        return page.BadRequest();
    }
}
