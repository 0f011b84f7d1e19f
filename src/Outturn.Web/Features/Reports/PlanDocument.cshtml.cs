using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Documents;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Reports;

/// <summary>
/// The documents of a plan as a whole, public like the plan itself: the Business Plan and the plan review, as a
/// page and as Word, PDF, HTML, and their tables as .xlsx and CSV.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class PlanDocumentModel(DocumentContent content, BoardReports reports) : PageModel
{
    public Document Document { get; private set; } = null!;
    public string Html { get; private set; } = "";
    public string PlanRef { get; private set; } = "";
    public string Kind { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string planRef, string kind, string? format, CancellationToken ct)
    {
        var document = kind switch
        {
            "business-plan" => await content.BusinessPlanAsync(planRef, ct),
            "plan-review" => await content.PlanReviewAsync(planRef, ct),
            _ => null,
        };
        if (document is null) return this.NotFoundWith(kind is "business-plan" or "plan-review" ? $"No plan has the reference \"{planRef}\"." : $"There is no \"{kind}\" document.");
        Document = document;
        PlanRef = planRef;
        Kind = kind;
        if (format is not null)
            return await ReportFiles.FileAsync(this, reports, document, format, ReportFiles.Slug($"{planRef}-{kind}"), ct) ?? this.NotFoundWith($"\"{format}\" is not a format: use docx, pdf, html, xlsx or csv.");
        Html = HtmlRenderer.RenderFragment(document);
        return Page();
    }

    public DownloadLinks Downloads => new(Document.Title, $"/plans/{Uri.EscapeDataString(PlanRef)}/reports/{Kind}", DownloadLinks.Standard);
}
