using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Web.Security;
using Outturn.Application.Monitoring;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;

namespace Outturn.Web.Features.Plans;

[Authorize(Policy = Policies.Public)]
public sealed class DetailsModel(MonitoringQuery query, PlanExport export, IAuthorizationService authorization, TimeProvider clock, Application.Plans.Editing.PlanEditQuery versions, ReportVisibility access) : PageModel
{
    /// <summary>The plan check's findings, for performance officers and administrators only; null for everyone else.</summary>
    public IReadOnlyList<PlanFinding>? Findings { get; private set; }

    public Plan Plan { get; private set; } = null!;
    /// <summary>The plan's latest version ("Version 2, amended 3 November 2015"), or null for a plan not yet approved.</summary>
    public PlanVersion? Latest { get; private set; }
    /// <summary>Performance officers and administrators change plans in the browser.</summary>
    public bool CanEdit { get; private set; }
    public IReadOnlyList<Period> MonitoringPeriods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string planRef, CancellationToken ct)
    {
        var plan = await query.LoadPlanAsync(planRef, ct);
        if (plan is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        Plan = plan;
        if ((await authorization.AuthorizeAsync(User, Policies.PerformanceOfficer)).Succeeded)
        {
            Findings = await export.CheckAsync(planRef, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
            CanEdit = true;
        }
        Latest = (await versions.VersionsAsync(plan.Id, ct)).FirstOrDefault();
        var withData = plan.Indicators.SelectMany(i => i.Values.Select(v => v.Period))
            .Concat(plan.Milestones.SelectMany(m => m.Updates.Select(u => u.Period)))
            .Where(p => p.Kind == PeriodKind.Quarter && plan.Covers(p))
            .Distinct().Order().ToList();
        // Only the quarters this person can open: a round not yet published is a draft, and its link would only lead to sign in.
        var hidden = await access.HiddenPeriodsAsync(planRef, User.AsViewer(), ct);
        MonitoringPeriods = (withData.Count > 0
            ? withData
            : Enumerable.Range(1, 4).Select(q => Period.Quarter(plan.FirstYear, q)).ToList()).Where(p => !hidden.Contains(p)).ToList();
        return Page();
    }

    public IEnumerable<Objective> ObjectivesOf(Priority p) => Plan.Objectives.Where(o => o.PriorityId == p.Id).OrderBy(o => o.Order);

    public IEnumerable<Milestone> MilestonesOf(Objective o) => Plan.Milestones.Where(m => m.ObjectiveId == o.Id).OrderBy(m => m.Order);

    public IEnumerable<Indicator> MeasuresOf(Objective o) => Plan.Indicators.Where(i => i.ObjectiveId == o.Id).OrderBy(i => i.Order);

    /// <summary>Measures reported under a priority that no objective of that priority links to.</summary>
    public IEnumerable<Indicator> OtherMeasuresOf(Priority p) => Plan.Indicators
        .Where(i => i.PriorityId == p.Id && (i.ObjectiveId is null || Plan.Objectives.First(o => o.Id == i.ObjectiveId).PriorityId != p.Id))
        .OrderBy(i => i.Order);

    public string RetiredText(DateOnly? on) => on?.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) ?? "";

    public static string IndicatorHref(Plan plan, Indicator i) => $"/plans/{Uri.EscapeDataString(plan.Ref)}/indicators/{Uri.EscapeDataString(i.Ref)}";
}
