using Outturn.Domain.Plans;
using Outturn.Domain.Status;

namespace Outturn.Application.Monitoring;

/// <summary>
/// The quarterly monitoring as printed: plain data that can be shown, served as JSON, and frozen as the published
/// snapshot. Statuses are words (green, better…); both the computed and the final one are kept. A published snapshot
/// also carries sections 4.0, 5.0 and 7.0 (<see cref="Registers"/>) and the figures of the trend charts beside its key
/// measures (<see cref="Charts"/>) as they stood when it was published; a live report has neither.
/// </summary>
public sealed record MonitoringReport(
    string Plan, string PlanTitle, string? Directorate, string Period, string PeriodTitle, string ReportingPeriod,
    string PreviousYearHeading, string YearHeading,
    IReadOnlyList<PriorityReport> Priorities, IReadOnlyList<OfficerKey> Officers,
    ReportRegisters? Registers = null, IReadOnlyList<Benchmarks.TrendFigures>? Charts = null)
{
    public static MonitoringReport From(MonitoringView v)
    {
        var year = v.Period.Kind == Domain.Periods.PeriodKind.Quarter ? v.Period.ContainingFinancialYear() : v.Period;
        return new MonitoringReport(
            v.Plan.Ref, v.Plan.Title, v.Plan.Directorate, v.Period.ToString(), v.Period.ToDisplayString(), v.Period.ToReportingPeriodString(),
            year.SamePeriodLastYear().ToShortYearString() + " Actual", year.ToShortYearString() + " Target",
            v.Priorities.Select(p => new PriorityReport(
                p.Priority.Name,
                p.KeyMeasures.Select(m => MeasureLine.From(m) with { Commentary = v.MeasureCommentary.GetValueOrDefault(m.Indicator.Ref) }).ToList(),
                p.Milestones.Select(m => new MilestoneLine(m.Milestone.Ref, m.Milestone.Text, m.Update?.Progress?.ToWord(), m.Update?.Commentary, m.Suggested?.ToWord())).ToList(),
                p.Measures.Select(m => MeasureLine.From(m) with { Commentary = v.MeasureCommentary.GetValueOrDefault(m.Indicator.Ref) }).ToList(),
                p.Commentary)).ToList(),
            v.Officers.Select(o => new OfficerKey(o.Initials!, o.Name, o.JobTitle)).ToList());
    }

    public IEnumerable<MeasureLine> AllMeasures => Priorities.SelectMany(p => p.KeyMeasures.Concat(p.Measures));
}

public sealed record PriorityReport(string Priority, IReadOnlyList<MeasureLine> KeyMeasures, IReadOnlyList<MilestoneLine> Milestones, IReadOnlyList<MeasureLine> Measures, IReadOnlyList<string> Commentary);

public sealed record MilestoneLine(string Ref, string Text, string? Progress, string? Commentary, string? Suggested);

public sealed record OfficerKey(string Initials, string Name, string? JobTitle);

public sealed record MeasureLine(
    string Ref, string Title, bool Key, string PreviousYearActual, decimal? Target, string TargetText, decimal? Current, string CurrentText,
    string ValueStatus, decimal? Previous, string Progress, string Direction, string FinalProgress, string FinalDirection,
    string? ProgressReason, string? DirectionReason,
    decimal? Numerator = null, decimal? Denominator = null, decimal? IntervalLow = null, decimal? IntervalHigh = null,
    bool? ChangeSignificant = null, string DirectionBasis = "same_period_last_year",
    string? BasisText = null, string? DirectionNote = null, string? IntervalText = null, bool SmallNumber = false,
    string? Commentary = null)
{
    public static MeasureLine From(MeasureAssessment a) => new(
        a.Indicator.Ref, a.Indicator.Title, a.Indicator.IsKey, a.PreviousYearActualText,
        MonitoringQuery.Normal(a.AnnualTarget?.State == TargetState.Set ? a.AnnualTarget.Value : null), a.TargetText,
        MonitoringQuery.Normal(a.Current?.Value), a.CurrentText, a.Current?.Status.ToString().ToLowerInvariant() ?? "missing",
        MonitoringQuery.Normal(a.Previous?.Value),
        a.Progress.Computed.ToWord(), a.Direction.Computed.ToWord(), a.Progress.Final.ToWord(), a.Direction.Final.ToWord(),
        a.Progress.IsOverridden ? a.Progress.Reason : null, a.Direction.IsOverridden ? a.Direction.Reason : null,
        MonitoringQuery.Normal(a.Current?.Numerator), MonitoringQuery.Normal(a.Current?.Denominator),
        MonitoringQuery.Bound(a.Interval?.Low), MonitoringQuery.Bound(a.Interval?.High),
        a.ChangeSignificant, a.Indicator.Basis.ToWord(), a.BasisText, a.DirectionNote, a.IntervalText, a.IsSmallNumber);

    /// <summary>"No significant change" beside the arrow when the change is within noise.</summary>
    public string? SignificanceText => ChangeSignificant == false ? "no significant change" : null;

    /// <summary>
    /// <c>c</c> when the numerator and denominator (and the interval) are withheld from the viewer: counts of fewer
    /// than five children outside a child-level view (<see cref="ChildCounts"/>). Never stored: applied as it is read.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Suppression { get; init; }

    public StatusJudgement<Progress> ProgressJudgement => Judge<Progress>(Progress, FinalProgress, ProgressReason, StatusWords.TryParseProgress);

    public StatusJudgement<Direction> DirectionJudgement => Judge<Direction>(Direction, FinalDirection, DirectionReason, StatusWords.TryParseDirection);

    private delegate bool Parser<T>(string? s, out T value);

    private static StatusJudgement<T> Judge<T>(string computed, string final, string? reason, Parser<T> parse) where T : struct, Enum
    {
        parse(computed, out var c);
        parse(final, out var f);
        return reason is null ? StatusJudgement<T>.Of(c) : StatusJudgement<T>.Of(c).WithOverride(f, reason);
    }
}

/// <summary>
/// What the report's other sections (risks, equality, finance…) need to find their content: the plan and period, and
/// for a published report its frozen register sections, which the page shows instead of the registers as they are now.
/// </summary>
public sealed record ReportContext(Plan Plan, Domain.Periods.Period Period, ReportRegisters? Registers = null);
