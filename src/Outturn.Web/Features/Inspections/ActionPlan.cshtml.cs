using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Documents;
using Outturn.Application.Inspections;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Reports;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Inspections;

/// <summary>
/// The improvement action plan of an inspection as a document, as at a quarter (by default the last quarter ended):
/// a page, and Word, PDF and HTML files from the same renderers as the board documents. Improvement progress is for
/// signed-in staff (ADR 0400).
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class ActionPlanModel(InspectionQuery query, BoardReports reports, TimeProvider clock) : Microsoft.AspNetCore.Mvc.RazorPages.PageModel
{
    public Document Document { get; private set; } = null!;
    public string Html { get; private set; } = "";
    public string InspectionRef { get; private set; } = "";
    public Period AsAt { get; private set; }

    /// <summary>The last quarter ended by a date: the quarter whose progress has been reported.</summary>
    public static Period LastQuarterEnded(DateOnly today)
    {
        var year = today.Month >= 4 ? today.Year : today.Year - 1;
        var quarter = (today.Month + 8) % 12 / 3 + 1; // April to June is the first quarter
        return quarter == 1 ? Period.Quarter(year - 1, 4) : Period.Quarter(year, quarter - 1);
    }

    public async Task<IActionResult> OnGetAsync(string inspectionRef, string? format, Period? period, CancellationToken ct)
    {
        var inspection = await query.GetAsync(inspectionRef, includeUnpublished: true, ct);
        if (inspection is null) return this.NotFoundWith($"No inspection has the reference \"{inspectionRef}\".");
        var asAt = period ?? LastQuarterEnded(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (asAt.Kind != PeriodKind.Quarter) return this.BadRequestWith($"{asAt.ToDisplayString()} is not a quarter. Use a form such as 2015-16-Q2.");
        (InspectionRef, AsAt) = (inspection.Ref, asAt);
        Document = InspectionActionPlan.Build(inspection, await query.LinkNamesAsync(inspection.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Links), ct), asAt);
        if (format is not null)
        {
            if (!BoardReports.TryParseFormat(format, out var f)) return this.NotFoundWith($"\"{format}\" is not a format: use docx, pdf or html.");
            var file = await reports.RenderAsync(Document, f, ReportFiles.Slug($"{inspection.Ref}-action-plan-{asAt.ToSlug()}"), ct);
            return File(file.Content, file.ContentType, file.FileName);
        }
        Html = HtmlRenderer.RenderFragment(Document);
        return Page();
    }

    public DownloadLinks Downloads => new(Document.Title, $"/inspections/{Uri.EscapeDataString(InspectionRef)}/action-plan",
        [($"docx?period={AsAt.ToSlug()}", "Word document (.docx)"), ($"pdf?period={AsAt.ToSlug()}", "PDF"), ($"html?period={AsAt.ToSlug()}", "Printable web page (.html)")]);
}
