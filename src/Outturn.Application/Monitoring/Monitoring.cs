using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;

namespace Outturn.Application.Monitoring;

public sealed record MilestoneRow(Milestone Milestone, MilestoneUpdate? Update, MilestoneProgress? Suggested)
{
    public bool HasNoUpdate => Update?.Progress is null;
}

/// <summary>One priority's block of section 6 of the quarterly report.</summary>
public sealed record PriorityMonitoring(
    Priority Priority,
    IReadOnlyList<MeasureAssessment> KeyMeasures,
    IReadOnlyList<MilestoneRow> Milestones,
    IReadOnlyList<MeasureAssessment> Measures,
    IReadOnlyList<string> Commentary);

/// <summary>A plan's quarterly monitoring for one period: the content and order of the report's Performance Overview.</summary>
public sealed record MonitoringView(Plan Plan, Period Period, IReadOnlyList<PriorityMonitoring> Priorities, IReadOnlyList<Officer> Officers)
{
    /// <summary>The commentary submitted in the period's round against each measure, by ref.</summary>
    public IReadOnlyDictionary<string, string> MeasureCommentary { get; init; } = new Dictionary<string, string>();

    public IEnumerable<MeasureAssessment> AllMeasures => Priorities.SelectMany(p => p.KeyMeasures.Concat(p.Measures));
}

/// <summary>
/// One measure's line of the status command and API. <see cref="Previous"/> is the same period last year whatever
/// the basis; <see cref="Direction"/> compares with <see cref="DirectionBasis"/>. Numerator, denominator and the
/// interval are null where the measure is not a ratio (or its counts are not held); <see cref="ChangeSignificant"/>
/// is null where significance cannot be said.
/// </summary>
public sealed record StatusLine(
    string Ref, string Title, decimal? Target, decimal? Current, decimal? Previous,
    string Progress, string Direction, string FinalProgress, string FinalDirection, string? OverrideReason,
    decimal? Numerator = null, decimal? Denominator = null, decimal? IntervalLow = null, decimal? IntervalHigh = null,
    bool? ChangeSignificant = null, string DirectionBasis = "same_period_last_year");

public sealed class MonitoringQuery(OutturnDbContext db)
{
    /// <summary>The plan with everything the monitoring needs, or null when no plan has that ref.</summary>
    public Task<Plan?> LoadPlanAsync(string planRef, CancellationToken ct = default) =>
        db.Plans.AsNoTracking().AsSplitQuery()
            .Include(p => p.Priorities)
            .Include(p => p.Objectives).ThenInclude(o => o.Officer)
            .Include(p => p.Milestones).ThenInclude(m => m.Updates)
            .Include(p => p.Milestones).ThenInclude(m => m.Officer)
            .Include(p => p.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Indicators).ThenInclude(i => i.Values)
            .Include(p => p.Indicators).ThenInclude(i => i.Overrides)
            .Include(p => p.Indicators).ThenInclude(i => i.Comparators)
            .Include(p => p.Indicators).ThenInclude(i => i.Officer)
            .SingleOrDefaultAsync(p => p.Ref == planRef, ct);

    public async Task<MonitoringView?> ForPeriodAsync(string planRef, Period period, DateOnly today, CancellationToken ct = default)
    {
        var plan = await LoadPlanAsync(planRef, ct);
        if (plan is null) return null;
        var priorityIds = plan.Priorities.Select(p => p.Id).ToList();
        var commentary = await db.Commentaries.AsNoTracking()
            .Where(c => priorityIds.Contains(c.PriorityId) && c.Period == period)
            .ToListAsync(ct);
        var planYear = period.Kind is PeriodKind.Quarter or PeriodKind.Month ? period.ContainingFinancialYear().Year : period.Year;
        var asAt = period.End < today ? period.End : today;

        var priorities = plan.Priorities.OrderBy(p => p.Order).Select(priority =>
        {
            var measures = plan.Indicators.Where(i => i.PriorityId == priority.Id).OrderBy(i => i.Order)
                .Select(i => MeasureAssessment.For(i, period)).ToList();
            var milestones = plan.Milestones.Where(m => m.PriorityId == priority.Id && m.Year == planYear).OrderBy(m => m.Order)
                .Select(m =>
                {
                    var update = m.Updates.FirstOrDefault(u => u.Period == period);
                    return new MilestoneRow(m, update, StatusRules.SuggestMilestone(m.Due, asAt, update?.Progress));
                }).ToList();
            return new PriorityMonitoring(
                priority,
                measures.Where(m => m.Indicator.IsKey).ToList(),
                milestones,
                measures.Where(m => !m.Indicator.IsKey).ToList(),
                commentary.Where(c => c.PriorityId == priority.Id && c.Text != "").OrderBy(c => c.Order).Select(c => c.Text).ToList());
        }).Where(p => p.KeyMeasures.Count + p.Milestones.Count + p.Measures.Count + p.Commentary.Count > 0).ToList();

        var officers = plan.Objectives.Select(o => o.Officer)
            .Concat(plan.Milestones.Select(m => m.Officer))
            .Concat(plan.Indicators.Select(i => i.Officer))
            .OfType<Officer>().DistinctBy(o => o.Id).Where(o => o.Initials is not null).OrderBy(o => o.Initials, StringComparer.Ordinal).ToList();
        // What each measure's officer wrote against it in the period's round, once submitted.
        var measureCommentary = await db.Set<Domain.Rounds.RoundItem>().AsNoTracking()
            .Where(i => i.IndicatorId != null && i.State == Domain.Rounds.ItemState.Submitted && i.Commentary != null
                        && db.Set<Domain.Rounds.MonitoringRound>().Any(r => r.Id == i.RoundId && r.PlanId == plan.Id && r.Period == period))
            .Select(i => new { i.IndicatorId, i.Commentary })
            .ToListAsync(ct);
        var refs = plan.Indicators.ToDictionary(i => i.Id, i => i.Ref);
        return new MonitoringView(plan, period, priorities, officers)
        {
            MeasureCommentary = measureCommentary.Where(c => refs.ContainsKey(c.IndicatorId!.Value)).ToDictionary(c => refs[c.IndicatorId!.Value], c => c.Commentary!),
        };
    }

    public static IReadOnlyList<StatusLine> StatusLines(Plan plan, Period period) =>
        plan.Indicators.OrderBy(i => i.Priority?.Order ?? plan.Priorities.FirstOrDefault(p => p.Id == i.PriorityId)?.Order).ThenBy(i => i.Order)
            .Select(i => MeasureAssessment.For(i, period))
            .Select(a => new StatusLine(
                a.Indicator.Ref, a.Indicator.Title,
                Normal(a.AnnualTarget?.State == TargetState.Set ? a.AnnualTarget.Value : null),
                Normal(a.Current?.Value), Normal(a.Previous?.Value),
                a.Progress.Computed.ToWord(), a.Direction.Computed.ToWord(),
                a.Progress.Final.ToWord(), a.Direction.Final.ToWord(),
                a.Progress.IsOverridden ? a.Progress.Reason : null,
                Normal(a.Current?.Numerator), Normal(a.Current?.Denominator),
                Bound(a.Interval?.Low), Bound(a.Interval?.High),
                a.ChangeSignificant, a.Indicator.Basis.ToWord()))
            .ToList();

    /// <summary>An interval's limit as a figure, to four decimal places of the measure's units (null for none).</summary>
    public static decimal? Bound(double? limit) =>
        limit is { } x && double.IsFinite(x) ? Normal(Math.Round((decimal)x, 4, MidpointRounding.AwayFromZero)) : null;

    /// <summary>PostgreSQL returns numeric(18,6) as 75.000000; print it as 75.</summary>
    public static decimal? Normal(decimal? d) => d is null ? null : d.Value / 1.000000000000000000000000000000000m;
}
