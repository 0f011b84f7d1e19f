using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Web.Features.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Monitoring;

/// <summary>
/// A quarter's monitoring. Once its round is published the page shows the frozen report, with any later correction
/// marked "revised since publication"; before that, only those allowed to see drafts see it.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(ReportVisibility access, MonitoringQuery query) : PageModel
{
    public ReportContext Context { get; private set; } = null!;
    public MonitoringReport Report { get; private set; } = null!;
    public MonitoringRound? Round { get; private set; }
    public bool IsDraft { get; private set; }
    public IReadOnlyDictionary<string, FigureRevision> Revisions { get; private set; } = new Dictionary<string, FigureRevision>();
    public string PlanRef { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string planRef, Period period, CancellationToken ct)
    {
        var p = period;
        var result = await access.GetAsync(planRef, p, User.AsViewer(), ct);
        if (ReportRefusal.For(this, result, planRef, p) is { } refusal) return refusal;
        Report = result.Report!;
        Round = result.Round;
        IsDraft = result.IsDraft;
        Revisions = result.Revisions;
        PlanRef = planRef;
        var plan = (await query.LoadPlanAsync(planRef, ct))!;
        var hidden = await access.HiddenPeriodsAsync(planRef, User.AsViewer(), ct);
        foreach (var indicator in plan.Indicators) indicator.Values.RemoveAll(v => hidden.Contains(v.Period));
        // A published report's sections 4.0, 5.0 and 7.0 are those frozen with it.
        Context = new ReportContext(plan, p, IsDraft ? null : Report.Registers);
        return Page();
    }
}
