using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Documents;
using Outturn.Domain.Documents;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Reports;

/// <summary>
/// The committee cover report for a plan's quarter: the performance team edits its fields (prefilled with the
/// standard wording), saves them for the plan and period, then downloads it as Word, PDF or HTML.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class CoverModel(CoverReports covers, BoardReports reports) : PageModel
{
    [BindProperty] public CoverForm Form { get; set; } = new();
    public string PlanRef { get; private set; } = "";
    public Period Period { get; private set; }
    public IReadOnlyList<(string Field, string Problem)> Problems { get; private set; } = [];
    public bool Saved { get; private set; }
    public bool IsStored { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planRef, Period period, string? format, CancellationToken ct)
    {
        var p = period;
        if (p.Kind != PeriodKind.Quarter) return this.BadRequestWith(PpbModel.NotAQuarter(p));
        var cover = await covers.GetAsync(planRef, p, ct);
        if (cover is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        (PlanRef, Period, IsStored) = (planRef, p, cover.Id != 0);
        if (format is not null)
            return await ReportFiles.FileAsync(this, reports, CoverReports.Build(cover), format, ReportFiles.Slug($"{planRef}-{p.ToSlug()}-cover"), ct)
                   ?? this.NotFoundWith($"\"{format}\" is not a format: use docx, pdf or html.");
        Form = CoverForm.From(cover);
        Saved = TempData["CoverSaved"] is true;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planRef, Period period, CancellationToken ct)
    {
        var p = period;
        if (p.Kind != PeriodKind.Quarter) return this.BadRequestWith(PpbModel.NotAQuarter(p));
        var current = await covers.GetAsync(planRef, p, ct);
        if (current is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        (PlanRef, Period, IsStored) = (planRef, p, current.Id != 0);
        Problems = await covers.SaveAsync(planRef, p, Form.ToCover(), User.Identity?.Name ?? "unknown", ct);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        TempData["CoverSaved"] = true;
        return Redirect($"/plans/{Uri.EscapeDataString(planRef)}/reports/cover/{p.ToSlug()}");
    }

    public string? ProblemFor(string field) => Problems.FirstOrDefault(x => x.Field == field).Problem;

    public DownloadLinks Downloads => new("the cover report", $"/plans/{Uri.EscapeDataString(PlanRef)}/reports/cover/{Period.ToSlug()}",
        [("docx", "Word document (.docx)"), ("pdf", "PDF"), ("html", "Printable web page (.html)")]);

    /// <summary>The fields, with the label each has on the form and whether it is a long text.</summary>
    public static readonly IReadOnlyList<(string Name, string Label, bool Long, string? Hint)> Fields =
    [
        (nameof(CoverReport.ReportTo), "REPORT TO", false, null),
        (nameof(CoverReport.Date), "DATE", false, "The date of the meeting, as it is to be printed, for example 4 January 2016"),
        (nameof(CoverReport.ReportingOfficer), "REPORTING OFFICER", false, null),
        (nameof(CoverReport.Subject), "SUBJECT", false, null),
        (nameof(CoverReport.Wards), "WARDS", false, null),
        (nameof(CoverReport.Purpose), "1.0 PURPOSE OF REPORT", true, "Paragraphs are separated by a blank line and numbered 1.1, 1.2…; lines starting with \"- \" are printed as a list."),
        (nameof(CoverReport.Recommended), "2.0 RECOMMENDED", true, null),
        (nameof(CoverReport.SupportingInformation), "3.0 SUPPORTING INFORMATION", true, null),
        (nameof(CoverReport.PolicyImplications), "4.0 POLICY IMPLICATIONS", true, null),
        (nameof(CoverReport.OtherImplications), "5.0 OTHER IMPLICATIONS", true, null),
        (nameof(CoverReport.CouncilPriorities), "6.0 IMPLICATIONS FOR THE COUNCIL'S PRIORITIES", true, null),
        (nameof(CoverReport.RiskAnalysis), "7.0 RISK ANALYSIS", true, null),
        (nameof(CoverReport.EqualityAndDiversity), "8.0 EQUALITY AND DIVERSITY ISSUES", true, null),
        (nameof(CoverReport.BackgroundPapers), "9.0 LIST OF BACKGROUND PAPERS", true, null),
    ];
}

public sealed class CoverForm
{
    public string? ReportTo { get; set; }
    public string? Date { get; set; }
    public string? ReportingOfficer { get; set; }
    public string? Subject { get; set; }
    public string? Wards { get; set; }
    public string? Purpose { get; set; }
    public string? Recommended { get; set; }
    public string? SupportingInformation { get; set; }
    public string? PolicyImplications { get; set; }
    public string? OtherImplications { get; set; }
    public string? CouncilPriorities { get; set; }
    public string? RiskAnalysis { get; set; }
    public string? EqualityAndDiversity { get; set; }
    public string? BackgroundPapers { get; set; }

    public string? Get(string name) => (string?)typeof(CoverForm).GetProperty(name)!.GetValue(this);

    public static CoverForm From(CoverReport c) => new()
    {
        ReportTo = c.ReportTo, Date = c.Date, ReportingOfficer = c.ReportingOfficer, Subject = c.Subject, Wards = c.Wards, Purpose = c.Purpose,
        Recommended = c.Recommended, SupportingInformation = c.SupportingInformation, PolicyImplications = c.PolicyImplications,
        OtherImplications = c.OtherImplications, CouncilPriorities = c.CouncilPriorities, RiskAnalysis = c.RiskAnalysis,
        EqualityAndDiversity = c.EqualityAndDiversity, BackgroundPapers = c.BackgroundPapers,
    };

    public CoverReport ToCover() => new()
    {
        ReportTo = ReportTo ?? "", Date = Date ?? "", ReportingOfficer = ReportingOfficer ?? "", Subject = Subject ?? "", Wards = Wards ?? "",
        Purpose = Purpose ?? "", Recommended = Recommended ?? "", SupportingInformation = SupportingInformation ?? "",
        PolicyImplications = PolicyImplications ?? "", OtherImplications = OtherImplications ?? "", CouncilPriorities = CouncilPriorities ?? "",
        RiskAnalysis = RiskAnalysis ?? "", EqualityAndDiversity = EqualityAndDiversity ?? "", BackgroundPapers = BackgroundPapers ?? "",
    };
}
