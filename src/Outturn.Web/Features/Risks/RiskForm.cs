using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Organisations;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Web.Features.Shared;

namespace Outturn.Web.Features.Risks;

/// <summary>
/// The fields the risk forms share: what a risk says about itself (create and edit) and a quarter's scores (create
/// and score). Each page reads them into the domain's terms, and shows each problem beside its field.
/// </summary>
public abstract class RiskFormPage(RiskQuery query, OrganisationService organisations) : PageModel
{
    protected RiskQuery Query { get; } = query;
    public FormErrors Errors { get; } = [];
    public IReadOnlyList<(string Value, string Text)> PlanOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> OrganisationOptions { get; private set; } = [];
    private IReadOnlyList<OrganisationRow> _organisations = [];

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? Cause { get; set; }
    [BindProperty] public string? Event { get; set; }
    [BindProperty] public string? Consequence { get; set; }
    [BindProperty] public string? Category { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? Directorate { get; set; }
    [BindProperty] public string? Service { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Plan { get; set; }
    [BindProperty] public string? Objective { get; set; }
    [BindProperty] public string? ReviewDate { get; set; }

    [BindProperty] public Period? Quarter { get; set; }
    [BindProperty] public string? InitialLikelihood { get; set; }
    [BindProperty] public string? InitialImpact { get; set; }
    [BindProperty] public string? ResidualLikelihood { get; set; }
    [BindProperty] public string? ResidualImpact { get; set; }
    [BindProperty] public string? TargetLikelihood { get; set; }
    [BindProperty] public string? TargetImpact { get; set; }

    protected async Task LoadChoicesAsync(CancellationToken ct)
    {
        PlanOptions = [("", "None"), .. (await Query.PlansAsync(ct)).Select(p => (p.Ref, $"{p.Ref}: {p.Title}"))];
        _organisations = await organisations.ListAsync(ct);
        OrganisationOptions = [("", "Not assigned"), .. _organisations.Select(o => (o.Organisation.Ref, new string('\u00a0', o.Depth * 3) + o.Organisation.Name))];
    }

    protected void Show(Risk risk)
    {
        (Title, Description, Cause, Event, Consequence) = (risk.Title, risk.Description, risk.Cause, risk.Event, risk.Consequence);
        (Category, Owner, Directorate, Service) = (risk.Category, risk.Owner, risk.Directorate, risk.Service);
        Organisation = risk.OrganisationId is { } id ? _organisations.FirstOrDefault(o => o.Organisation.Id == id)?.Organisation.Ref : null;
        (Plan, Objective) = (risk.PlanRef, risk.ObjectiveRef);
        ReviewDate = FormFields.ShowDate(risk.ReviewDate);
    }

    protected void ShowScores(RiskScore initial, RiskScore residual, RiskScore? target)
    {
        (InitialLikelihood, InitialImpact) = (initial.Likelihood.ToString(), initial.Impact.ToString());
        (ResidualLikelihood, ResidualImpact) = (residual.Likelihood.ToString(), residual.Impact.ToString());
        (TargetLikelihood, TargetImpact) = (target?.Likelihood.ToString(), target?.Impact.ToString());
    }

    /// <summary>The details as entered; their problems (the domain's own rules) go beside the fields.</summary>
    protected RiskDetails ReadDetails()
    {
        int? organisationId = null;
        if (!string.IsNullOrWhiteSpace(Organisation))
        {
            organisationId = _organisations.FirstOrDefault(o => o.Organisation.Ref == Organisation)?.Organisation.Id;
            if (organisationId is null) Errors.Add("organisation", "Choose an organisation from the list.");
        }
        var details = new RiskDetails(Title, Description, Cause, Event, Consequence, Category, Owner, Directorate, Service, organisationId, Plan, Objective);
        foreach (var p in details.Problems()) Errors.Add(p.Field, p.Message);
        return details;
    }

    protected DateOnly? ReadReviewDate(bool required) =>
        FormFields.ParseDate(ReviewDate, "review-date", "the date of the next review", Errors, required);

    protected Period? ReadQuarter()
    {
        if (ModelState.ErrorFor(nameof(Quarter)) is { } notAPeriod) Errors.Add("quarter", notAPeriod);
        else if (Quarter is not { } q) Errors.Add("quarter", "Enter the quarter the scores are for, such as 2015/16 Q3.");
        else if (q.Kind != PeriodKind.Quarter) Errors.Add("quarter", $"{q.ToDisplayString()} is not a quarter; enter one such as 2015/16 Q3.");
        else return q;
        return null;
    }

    /// <summary>The scores as chosen: initial and residual are needed; a target needs both its likelihood and its impact.</summary>
    protected RiskScores? ReadScores()
    {
        var count = Errors.Count;
        int? Factor(string? value, string field, string what, bool required)
        {
            if (int.TryParse(value, out var f) && RiskScore.IsValidFactor(f)) return f;
            if (required || !string.IsNullOrWhiteSpace(value)) Errors.Add(field, $"Choose the {what}, from 1 to 4.");
            return null;
        }
        var il = Factor(InitialLikelihood, "initial-likelihood", "initial likelihood", true);
        var ii = Factor(InitialImpact, "initial-impact", "initial impact", true);
        var rl = Factor(ResidualLikelihood, "residual-likelihood", "residual likelihood", true);
        var ri = Factor(ResidualImpact, "residual-impact", "residual impact", true);
        var tl = Factor(TargetLikelihood, "target-likelihood", "target likelihood", false);
        var ti = Factor(TargetImpact, "target-impact", "target impact", false);
        if (tl is null && ti is not null) Errors.Add("target-likelihood", "Choose the target likelihood as well as the target impact, or neither.");
        if (ti is null && tl is not null) Errors.Add("target-impact", "Choose the target impact as well as the target likelihood, or neither.");
        if (Errors.Count > count) return null;
        return new RiskScores(new RiskScore(il!.Value, ii!.Value), new RiskScore(rl!.Value, ri!.Value), tl is { } l && ti is { } i ? new RiskScore(l, i) : null);
    }

    public static IReadOnlyList<(string Value, string Text)> Likelihoods(bool optional) =>
        [("", optional ? "Not set" : "Choose"), .. Enumerable.Range(RiskScore.Min, RiskScore.Max).Select(n => (n.ToString(), $"{n} {RiskWords.LikelihoodWord(n)}"))];

    public static IReadOnlyList<(string Value, string Text)> Impacts(bool optional) =>
        [("", optional ? "Not set" : "Choose"), .. Enumerable.Range(RiskScore.Min, RiskScore.Max).Select(n => (n.ToString(), $"{n} {RiskWords.ImpactWord(n)}"))];

    public static string RiskHref(string riskRef) => "/risks/" + Uri.EscapeDataString(riskRef);
}
