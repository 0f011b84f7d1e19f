using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Audit;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Admin;

/// <summary>
/// The audit trail searched by person, item, date range and kind of change, each change told in words; the same
/// search downloads as CSV with the exact stored values. Administrators only: it holds every draft figure.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class AuditModel(AuditSearch search) : PageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)] public string? Person { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }

    public AuditResult Result { get; private set; } = new([], 0);
    public List<(string Field, string Message)> Errors { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Query() is not { } query) return Page();
        Result = await search.SearchAsync(query, Shown, ct);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (Query() is not { } query) return Page();
        return File(await search.CsvAsync(query, ct), "text/csv; charset=utf-8", "audit.csv");
    }

    /// <summary>The search as asked, or null with the errors for the form when a date cannot be read.</summary>
    private AuditQuery? Query()
    {
        var from = Date(From, "from", "start");
        var to = Date(To, "to", "end");
        if (from is { } f && to is { } t && t < f) Errors.Add(("to", "The end date must be the same as or after the start date."));
        if (!string.IsNullOrWhiteSpace(Kind) && !AuditSearch.Kinds.ContainsKey(Kind)) Errors.Add(("kind", "Choose a kind of change from the list."));
        return Errors.Count > 0 ? null : new AuditQuery(Person, Item, from, to, Kind);
    }

    private DateOnly? Date(string? text, string field, string word)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        string[] forms = ["yyyy-MM-dd", "d/M/yyyy", "d MMMM yyyy", "d MMM yyyy"];
        if (DateOnly.TryParseExact(text.Trim(), forms, CultureInfo.GetCultureInfo("en-GB"), DateTimeStyles.None, out var d)) return d;
        Errors.Add((field, $"The {word} date must be a date, like 12/1/2016 or 2016-01-12; \"{(text.Length > 40 ? text[..40] + "…" : text)}\" is not."));
        return null;
    }

    public string CsvLink => "/admin/audit?handler=Csv" + string.Concat(new[] { ("Person", Person), ("Item", Item), ("From", From), ("To", To), ("Kind", Kind) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"&{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
