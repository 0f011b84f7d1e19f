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

    public static IActionResult BadRequestWith(this PageModel page, string message)
    {
        page.HttpContext.Items[MessageKey] = message;
        return page.BadRequest();
    }
}
