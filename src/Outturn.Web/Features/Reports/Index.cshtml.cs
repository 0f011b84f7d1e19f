using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Reports;

/// <summary>A plan's board documents: the quarterly reports (published, and drafts for those allowed), the plan's own documents.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(MonitoringQuery query, RoundViews rounds) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<(Period Period, RoundState? State)> Quarters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string planRef, CancellationToken ct)
    {
        var plan = await query.LoadPlanAsync(planRef, ct);
        if (plan is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        Plan = plan;
        var held = (await rounds.ListAsync(ct)).Where(r => r.Plan.Ref == planRef).ToDictionary(r => r.Round.Period, r => (RoundState?)r.Round.State);
        var withData = plan.Indicators.SelectMany(i => i.Values.Select(v => v.Period)).Where(p => p.Kind == PeriodKind.Quarter && plan.Covers(p));
        Quarters = held.Keys.Concat(withData).Distinct().Order()
            .Select(p => (p, held.GetValueOrDefault(p)))
            .Where(q => q.Item2 == RoundState.Published || User.AsViewer().CanSeeWholeDraft(q.Item2 ?? RoundState.Open, plan.OrganisationId))
            .ToList();
        return Page();
    }

    public bool IsPerformanceOfficer => User.IsInRole("PerformanceOfficer") || User.IsInRole("Administrator");
}
