using System.Globalization;
using Outturn.Domain.Periods;
using Outturn.Domain.Statistics;
using Outturn.Domain.Status;

namespace Outturn.Domain.Plans;

/// <summary>A measure's figures and statuses for one period, as the monitoring report and the status command show them.</summary>
public sealed record MeasureAssessment(
    Indicator Indicator,
    Period Period,
    Target? AnnualTarget,
    decimal? ComparisonTarget,
    IndicatorValue? Current,
    IndicatorValue? Previous,
    IndicatorValue? PreviousYearActual,
    StatusJudgement<Progress> Progress,
    StatusJudgement<Direction> Direction)
{
    /// <param name="rules">The small-number rules as configured; the defaults (a denominator under 30) when not given.</param>
    public static MeasureAssessment For(Indicator indicator, Period period, SmallNumberRules? rules = null)
    {
        var year = period.Kind is PeriodKind.Quarter or PeriodKind.Month or PeriodKind.FinancialYear
            ? period.ContainingFinancialYear()
            : period;
        var annual = indicator.Targets.FirstOrDefault(t => t.Period == year);
        var profile = period == year ? null : indicator.Targets.FirstOrDefault(t => t.Period == period && t.State == TargetState.Set);
        var annualValue = annual?.State == TargetState.Set ? annual.Value : null;
        var comparison = StatusRules.ComparisonTarget(indicator.Rules, period, annualValue, profile?.Value);

        var current = ValueFor(indicator, period);
        var previous = ValueFor(indicator, period.SamePeriodLastYear());
        var previousYear = year.Kind == PeriodKind.FinancialYear
            ? indicator.Values.FirstOrDefault(v => v.Period == year.SamePeriodLastYear())
            : null;
        var basisPeriod = BasisPeriodFor(indicator.Basis, period, year);
        var basis = indicator.Basis switch
        {
            Plans.DirectionBasis.SamePeriodLastYear => previous,
            Plans.DirectionBasis.PreviousYearOutturn => previousYear ?? (basisPeriod is { } y ? ValueFor(indicator, y) : null),
            _ => basisPeriod is { } b ? ValueFor(indicator, b) : null,
        };

        var progress = StatusJudgement<Progress>.Of(StatusRules.Progress(indicator.Rules, current?.Value, comparison));
        var direction = StatusJudgement<Direction>.Of(
            StatusRules.Direction(indicator.Polarity, indicator.Precision, current?.Value, basis?.Value));

        foreach (var o in indicator.Overrides.Where(o => o.Period == period))
        {
            if (o.Kind == OverrideKind.Progress && StatusWords.TryParseProgress(o.Status, out var p))
                progress = progress.WithOverride(p, o.Reason);
            else if (o.Kind == OverrideKind.Direction && StatusWords.TryParseDirection(o.Status, out var d))
                direction = direction.WithOverride(d, o.Reason);
        }

        var multiplier = indicator.Multiplier ?? 1m;
        return new MeasureAssessment(indicator, period, annual, comparison, current, previous, previousYear, progress, direction)
        {
            BasisPeriod = basisPeriod,
            BasisValue = basis,
            Interval = indicator.IsRatio && current is not null ? RatioMeasures.IntervalOf(current.Numerator, current.Denominator, multiplier) : null,
            ChangeSignificant = indicator.IsRatio && current is not null && basis is not null
                ? RatioMeasures.ChangeIsSignificant((current.Numerator, current.Denominator), (basis.Numerator, basis.Denominator), multiplier)
                : null,
            IsSmallNumber = indicator.IsRatio && (rules ?? SmallNumberRules.Default).IsSmall(current?.Denominator),
        };
    }

    /// <summary>The figure held for a period or, failing that, the one rolled up from the finer figures inside it.</summary>
    public static IndicatorValue? ValueFor(Indicator indicator, Period period) =>
        indicator.Values.FirstOrDefault(v => v.Period == period)
        ?? (indicator.ValueType == Status.ValueType.Cumulative ? RollUps.YearToDate(indicator, period) : RollUps.ForPeriod(indicator, period));

    /// <summary>The period a basis compares with: a year earlier, the period before, or last year's outturn.</summary>
    public static Period? BasisPeriodFor(DirectionBasis basis, Period period, Period year) => basis switch
    {
        Plans.DirectionBasis.SamePeriodLastYear => period.SamePeriodLastYear(),
        Plans.DirectionBasis.PreviousYearOutturn => year.Kind == PeriodKind.FinancialYear ? year.SamePeriodLastYear() : period.SamePeriodLastYear(),
        _ => period.Kind switch
        {
            PeriodKind.Quarter => period.Number == 1 ? Period.Quarter(period.Year - 1, 4) : Period.Quarter(period.Year, period.Number - 1),
            PeriodKind.Month => period.Number == 1 ? Period.Month(period.Year - 1, 12) : Period.Month(period.Year, period.Number - 1),
            _ => period.SamePeriodLastYear(),
        },
    };

    /// <summary>The period direction of travel compares with (null only for an unknown basis).</summary>
    public Period? BasisPeriod { get; init; }

    /// <summary>The figure direction of travel compares with, as the measure's basis names it.</summary>
    public IndicatorValue? BasisValue { get; init; }

    /// <summary>The 95% interval of a ratio measure's value, in its units; null without numerator and denominator.</summary>
    public Interval? Interval { get; init; }

    /// <summary>For a ratio measure with counts in both periods: whether the change is more than chance; else null.</summary>
    public bool? ChangeSignificant { get; init; }

    /// <summary>A ratio measure whose denominator is under the small-number threshold.</summary>
    public bool IsSmallNumber { get; init; }

    /// <summary>What the arrow compares with, named beside it: "compared with 2014/15 outturn".</summary>
    public string BasisText => "compared with " + BasisName;

    private string BasisName => Indicator.Basis == Plans.DirectionBasis.PreviousYearOutturn
        ? $"{BasisPeriod} outturn"
        : BasisPeriod?.ToDisplayString() ?? "";

    /// <summary>"No significant change" when the change is within noise; null when it is not, or cannot be said.</summary>
    public string? SignificanceText => ChangeSignificant == false ? "no significant change" : null;

    /// <summary>The interval as words a screen reader can read: "95% interval 49.0% to 94.3%".</summary>
    public string? IntervalText => Interval is { } i
        ? $"95% interval {Indicator.Format((decimal)i.Low)} to {Indicator.Format((decimal)i.High)}"
        : null;

    /// <summary>
    /// Why direction of travel is N/A, and what is held instead: "Quarter 2 2014/15 not held; 2014/15 outturn 80%".
    /// Null when there is a direction.
    /// </summary>
    public string? DirectionNote
    {
        get
        {
            if (Direction.Computed != Status.Direction.NotApplicable) return null;
            if (Indicator.Polarity == Polarity.None) return "a contextual measure: no better or worse";
            if (Current?.Value is null) return $"no figure for {Period.ToDisplayString()}";
            if (BasisValue?.Value is not null) return null;
            var missing = BasisName;
            var held = Alternatives().FirstOrDefault(a => a.Value?.Value is not null && a.Name != BasisName);
            var notHeld = BasisValue is null ? "not held" : "not available";
            return held.Value is null
                ? $"{missing} {notHeld}; no earlier figure held"
                : $"{missing} {notHeld}; {held.Name} {Indicator.Format(held.Value.Value)}";
        }
    }

    private IEnumerable<(string Name, IndicatorValue? Value)> Alternatives()
    {
        var year = Period.Kind is PeriodKind.Quarter or PeriodKind.Month ? Period.ContainingFinancialYear() : Period;
        if (year.Kind == PeriodKind.FinancialYear) yield return ($"{year.SamePeriodLastYear()} outturn", PreviousYearActual);
        yield return (Period.SamePeriodLastYear().ToDisplayString(), Previous);
        if (BasisPeriodFor(Plans.DirectionBasis.PreviousPeriod, Period, year) is { } before)
            yield return (before.ToDisplayString(), ValueFor(Indicator, before));
    }

    /// <summary>Text for the "Current" cell: the figure with its note, or why there is none.</summary>
    public string CurrentText => Describe(Current);

    public string PreviousYearActualText => PreviousYearActual is null ? "N/A" : Describe(PreviousYearActual);

    public string TargetText => AnnualTarget?.Describe(Indicator) ?? "";

    private string Describe(IndicatorValue? v)
    {
        if (v is null) return "";
        if (v.Value is null) return v.Note ?? "Not available";
        var text = Indicator.Format(v.Value);
        if (v.Status == ValueStatus.Provisional) text += " (provisional)";
        if (!string.IsNullOrWhiteSpace(v.Note)) text += " " + v.Note;
        return text;
    }
}
