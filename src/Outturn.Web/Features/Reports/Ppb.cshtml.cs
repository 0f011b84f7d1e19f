using Microsoft.AspNetCore.Authorization;
using Outturn.Application.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Documents;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Reports;

/// <summary>
/// The Priority Based report for a quarter, as a page and as Word, PDF, HTML; its monitoring tables as .xlsx and CSV.
/// A published quarter comes from its frozen snapshot, for anyone; a draft only for those allowed (ReportVisibility).
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class PpbModel(ReportVisibility access, BoardReports reports) : PageModel
{
    public Document Document { get; private set; } = null!;
    public string Html { get; private set; } = "";
    public string PlanRef { get; private set; } = "";
    public Period Period { get; private set; }
    public bool IsDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planRef, Period period, string? format, string? table, CancellationToken ct)
    {
        var p = period;
        if (p.Kind != PeriodKind.Quarter) return this.BadRequestWith(NotAQuarter(p));
        var result = await access.GetAsync(planRef, p, User.AsViewer(), ct);
        if (ReportRefusal.For(this, result, planRef, p) is { } refusal) return refusal;
        PlanRef = planRef;
        Period = p;
        IsDraft = result.IsDraft || result.Round is null;
        var baseName = ReportFiles.Slug($"{planRef}-{p.ToSlug()}-ppb{(IsDraft ? "-draft" : "")}");
        // The monitoring tables as data: measures and milestones, figures as numbers, computed and final statuses.
        if (format == "xlsx") return File(TableExport.MonitoringXlsx(result.Report!), TableExport.XlsxContentType, baseName + ".xlsx");
        if (format == "csv")
        {
            var which = table is "milestones" or "commentary" ? table : "measures";
            return File(TableExport.MonitoringCsv(result.Report!, which), TableExport.CsvContentType, baseName + "-" + which + ".csv");
        }

        Document = await reports.PpbAsync(result.Report!, result.Round, IsDraft, ct);
        if (format is not null)
            return await ReportFiles.FileAsync(this, reports, Document, format, baseName, ct) ?? this.NotFoundWith($"\"{format}\" is not a format: use docx, pdf, html, xlsx or csv.");
        Html = HtmlRenderer.RenderFragment(Document);
        return Page();
    }

    /// <summary>Board documents are quarterly; any other period is refused with the form to use.</summary>
    public static string NotAQuarter(Period period) => $"{period.ToDisplayString()} is not a quarter. Use a form such as 2015-16-Q2.";

    public DownloadLinks Downloads => new(Document.Title, $"/plans/{Uri.EscapeDataString(PlanRef)}/reports/ppb/{Period.ToSlug()}",
    [
        ("docx", "Word document (.docx)"), ("pdf", "PDF"), ("html", "Printable web page (.html)"),
        ("xlsx", "Measures and milestones as a spreadsheet (.xlsx)"), ("csv", "Measures as CSV"), ("csv?table=milestones", "Milestones as CSV"),
    ]);
}
