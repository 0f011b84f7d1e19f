using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Organisations;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>
/// The quarter's review of a risk: its initial, residual and target scores for the quarter (scoring a quarter again
/// corrects it, audited), and when it is next to be reviewed.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ScoreModel(RiskQuery query, OrganisationService organisations, ScoreRisk score) : RiskFormPage(query, organisations)
{
    public Risk Risk { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string riskRef, Period? quarter, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, ct) is { } notFound) return notFound;
        var latest = Risk.Assessments.OrderByDescending(a => a.Period).FirstOrDefault();
        // A quarter asked for is shown as scored, to correct it; otherwise the form starts from the latest scores for the next quarter.
        var chosen = quarter is { Kind: PeriodKind.Quarter } q ? Risk.Assessments.FirstOrDefault(a => a.Period == q) : null;
        Quarter = quarter ?? (latest is null ? null : Next(latest.Period));
        var shown = chosen ?? latest;
        if (shown is not null) ShowScores(shown.Initial, shown.Residual, shown.Target);
        else ShowScores(Risk.Initial, Risk.Residual, Risk.Target);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string riskRef, int version, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, ct) is { } notFound) return notFound;
        var period = ReadQuarter();
        var scores = ReadScores();
        var next = FormFields.ParseDate(ReviewDate, "review-date", "the date of the next review", Errors, required: false);
        if (Errors.Count > 0) return Page();
        await score.HandleAsync(new ScoreRiskCommand(riskRef, version, period!.Value, scores!, next, Reason), ct);
        TempData["Done"] = $"{riskRef} scored for {period.Value.ToDisplayString()}.";
        return Redirect(RiskHref(riskRef));
    }

    private static Period Next(Period q) => q.Number == 4 ? Period.Quarter(q.Year + 1, 1) : Period.Quarter(q.Year, q.Number + 1);

    private async Task<IActionResult?> LoadAsync(string riskRef, CancellationToken ct)
    {
        if (await Query.RiskAsync(riskRef, ct) is not { } risk) return this.NotFoundWith($"No risk has the reference \"{riskRef}\".");
        Risk = risk;
        return null;
    }
}
