using Outturn.Domain.Periods;
using Outturn.Domain.Statistics;
using Outturn.Domain.Status;

namespace Outturn.Domain.Plans;

/// <summary>
/// A quarter's or the year to date's figure made from the monthly (or quarterly) figures held, by the measure's
/// aggregation, so that a measure collected monthly appears in the quarterly report without anyone adding it up.
/// </summary>
public static class RollUps
{
    /// <summary>The period's own figure from the finer figures inside it (a quarter from its months, a year from its quarters or months).</summary>
    public static IndicatorValue? ForPeriod(Indicator indicator, Period period) => Within(indicator, period, period.Start, period.End);

    /// <summary>The year to date at the end of a quarter or month: every finer figure from 1 April to the period's end.</summary>
    public static IndicatorValue? YearToDate(Indicator indicator, Period period)
    {
        if (period.Kind is not (PeriodKind.Quarter or PeriodKind.Month)) return ForPeriod(indicator, period);
        return Within(indicator, period, period.ContainingFinancialYear().Start, period.End);
    }

    private static IndicatorValue? Within(Indicator indicator, Period period, DateOnly start, DateOnly end)
    {
        if (period.Kind is not (PeriodKind.Quarter or PeriodKind.FinancialYear)) return null;
        var inside = indicator.Values.Where(v => v.Period.Start >= start && v.Period.End <= end && v.Period != period).ToList();
        // Months when any are held (they are the finer grain), otherwise quarters.
        var kind = inside.Any(v => v.Period.Kind == PeriodKind.Month) ? PeriodKind.Month : PeriodKind.Quarter;
        var parts = inside.Where(v => v.Period.Kind == kind).OrderBy(v => v.Period).ToList();
        if (parts.Count == 0) return null;
        var expected = kind == PeriodKind.Month
            ? (end.Year - start.Year) * 12 + end.Month - start.Month + 1
            : ((end.Year - start.Year) * 12 + end.Month - start.Month + 1) / 3;
        return Aggregate(indicator, period, parts, expected, kind == PeriodKind.Month ? "months" : "quarters");
    }

    /// <summary>
    /// Combines figures by aggregation: sum, last, mean, or the summed numerator over the summed denominator. The
    /// result is provisional when a part is, or when fewer parts are held than the span has.
    /// </summary>
    public static IndicatorValue? Aggregate(Indicator indicator, Period period, IReadOnlyList<IndicatorValue> parts, int expected, string partName)
    {
        var held = parts.Where(p => p.Value is not null).OrderBy(p => p.Period).ToList();
        if (held.Count == 0) return null;
        var result = new IndicatorValue { IndicatorId = indicator.Id, Period = period };
        switch (indicator.RollUpAggregation)
        {
            case Aggregation.Sum:
                result.Value = held.Sum(p => p.Value!.Value);
                break;
            case Aggregation.Last:
                result.Value = held[^1].Value;
                result.Numerator = held[^1].Numerator;
                result.Denominator = held[^1].Denominator;
                break;
            case Aggregation.Mean:
                result.Value = held.Sum(p => p.Value!.Value) / held.Count;
                break;
            default:
                if (held.Any(p => p.Numerator is null || p.Denominator is null)) return null;
                result.Numerator = held.Sum(p => p.Numerator!.Value);
                result.Denominator = held.Sum(p => p.Denominator!.Value);
                result.Value = RatioMeasures.Value(result.Numerator, result.Denominator, indicator.Multiplier ?? 1m);
                if (result.Value is null) return null;
                break;
        }
        var complete = held.Count >= expected;
        result.Status = complete && held.All(p => p.Status == ValueStatus.Final) ? ValueStatus.Final : ValueStatus.Provisional;
        if (!complete) result.Note = $"({held.Count} of {expected} {partName})";
        return result;
    }
}
