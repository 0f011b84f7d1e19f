using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>A control measure's progress and commentary for a quarter (reported at quarters 2 and 4).</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ProgressModel(RiskQuery query, RecordControlProgress record) : PageModel
{
    public Risk Risk { get; private set; } = null!;
    public RiskControlMeasure Control { get; private set; } = null!;
    public FormErrors Errors { get; } = [];

    [BindProperty] public Period? Quarter { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Commentary { get; set; }

    public async Task<IActionResult> OnGetAsync(string riskRef, string controlRef, Period? quarter, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, controlRef, ct) is { } notFound) return notFound;
        var latest = Control.Updates.OrderByDescending(u => u.Period).FirstOrDefault();
        Quarter = quarter ?? latest?.Period;
        if (Quarter is { } q && Control.For(q) is { } u) (Status, Commentary) = (u.Progress?.ToWord(), u.Commentary);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string riskRef, string controlRef, int version, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, controlRef, ct) is { } notFound) return notFound;
        if (ModelState.ErrorFor(nameof(Quarter)) is { } notAPeriod) Errors.Add("quarter", notAPeriod);
        else if (Quarter is not { Kind: PeriodKind.Quarter }) Errors.Add("quarter", "Enter the quarter the progress is for, such as 2015/16 Q2.");
        MilestoneProgress? progress = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (StatusWords.TryParseMilestoneProgress(Status, out var p)) progress = p;
            else Errors.Add("status", "Choose green, amber, red or complete.");
        }
        if (progress is null && string.IsNullOrWhiteSpace(Commentary) && Errors.Count == 0)
            Errors.Add("status", "Choose the control measure's progress or write a commentary.");
        if (Errors.Count > 0) return Page();
        await record.HandleAsync(new ControlProgressCommand(riskRef, version, controlRef, Quarter!.Value, progress, Commentary), ct);
        TempData["Done"] = $"Progress on {riskRef}{Control.Ref} for {Quarter.Value.ToDisplayString()} saved.";
        return Redirect(RiskFormPage.RiskHref(riskRef) + "#controls");
    }

    private async Task<IActionResult?> LoadAsync(string riskRef, string controlRef, CancellationToken ct)
    {
        if (await query.RiskAsync(riskRef, ct) is not { } risk) return this.NotFoundWith($"No risk has the reference \"{riskRef}\".");
        Risk = risk;
        if (risk.ControlFor(controlRef) is not { } control) return this.NotFoundWith($"{riskRef} has no control measure \"{controlRef}\".");
        Control = control;
        return null;
    }
}
