using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Web.Security;
using Outturn.Application.Benchmarks;
using Outturn.Application.Monitoring;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;

namespace Outturn.Web.Features.Indicators;

[Authorize(Policy = Policies.Public)]
public sealed class DetailsModel(MonitoringQuery query, ReportVisibility access, BenchmarkQuery benchmarks, ChildCounts counts, FunnelQuery funnels) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public Indicator Indicator { get; private set; } = null!;

    /// <summary>Every period with a recorded value, oldest first, with the statuses the rules give it.</summary>
    public IReadOnlyList<MeasureAssessment> History { get; private set; } = [];

    /// <summary>For a formula measure, the measures its formula reads.</summary>
    public IReadOnlyList<Indicator> Inputs { get; private set; } = [];

    /// <summary>The council's figures by year beside its target, neighbours, region and England (Benchmarks feature).</summary>
    public TrendView Trend { get; private set; } = null!;

    /// <summary>Every authority's figure against its denominator, when the benchmark file gives the counts (_Funnel.cshtml).</summary>
    public FunnelModel? Funnel { get; private set; }

    /// <summary>"3 of 12", or "c of c" when either is a count of fewer than five children and the viewer lacks the child-level permission.</summary>
    public string CountsText(IndicatorValue v) =>
        counts.WithholdsCounts(v.Numerator, v.Denominator, User.AsViewer())
            ? $"{Domain.Statistics.SmallNumberRules.Suppressed} of {Domain.Statistics.SmallNumberRules.Suppressed}"
            : $"{counts.Text(v.Numerator, User.AsViewer())} of {counts.Text(v.Denominator, User.AsViewer())}";

    /// <summary>A value's interval in words, unless it would give away counts withheld from this viewer.</summary>
    public string? IntervalText(MeasureAssessment h) =>
        counts.WithholdsCounts(h.Current?.Numerator, h.Current?.Denominator, User.AsViewer()) && h.Interval is not null ? counts.WithheldText : h.IntervalText;

    /// <summary>Whether the figures' internal notes are shown (staff who produce and approve figures; never the public).</summary>
    public bool ShowInternalNotes { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planRef, string indicatorRef, CancellationToken ct)
    {
        var plan = await query.LoadPlanAsync(planRef, ct);
        if (plan is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        var indicator = plan.Indicators.FirstOrDefault(i => i.Ref == indicatorRef);
        if (indicator is null) return this.NotFoundWith($"{plan.Ref} has no measure with the reference \"{indicatorRef}\".");
        // Figures of a round not yet published are drafts: only those allowed see them.
        var viewer = User.AsViewer();
        ShowInternalNotes = viewer.SeesInternalNotes;
        var hidden = await access.HiddenPeriodsAsync(planRef, viewer, ct);
        indicator.Values.RemoveAll(v => hidden.Contains(v.Period));
        Plan = plan;
        Indicator = indicator;
        Inputs = indicator.Formula is not null && Domain.Formulas.Formula.TryParse(indicator.Formula, out var formula, out _)
            ? formula!.Refs.Select(r => plan.Indicators.FirstOrDefault(x => x.Ref == r)).OfType<Indicator>().ToList()
            : [];
        History = indicator.Values.Select(v => v.Period).Order().Select(p => MeasureAssessment.For(indicator, p, counts.Rules)).ToList();
        Trend = await benchmarks.TrendAsync(indicator, null, ct);
        if (await funnels.ForAsync(indicator, ct) is { } funnel)
            Funnel = new FunnelModel("funnel-chart", indicator, funnel, n => counts.Text(n, User.AsViewer()));
        return Page();
    }
}
