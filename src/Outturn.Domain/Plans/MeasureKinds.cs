namespace Outturn.Domain.Plans;

/// <summary>How a measure's monthly or quarterly values make a quarter's or the year to date's.</summary>
public enum Aggregation
{
    /// <summary>Counts: add them up.</summary>
    Sum,
    /// <summary>Snapshots and year-to-date figures: the latest one.</summary>
    Last,
    /// <summary>Rolling figures: their mean.</summary>
    Mean,
    /// <summary>Ratios: the summed numerator over the summed denominator, times the multiplier.</summary>
    Ratio,
}

/// <summary>What a measure's direction of travel compares the period's value with.</summary>
public enum DirectionBasis { SamePeriodLastYear, PreviousPeriod, PreviousYearOutturn }

public static class MeasureWords
{
    public static readonly IReadOnlyDictionary<string, Aggregation> Aggregations = new Dictionary<string, Aggregation>
    {
        ["sum"] = Aggregation.Sum, ["last"] = Aggregation.Last, ["mean"] = Aggregation.Mean, ["ratio"] = Aggregation.Ratio,
    };

    public static readonly IReadOnlyDictionary<string, DirectionBasis> Bases = new Dictionary<string, DirectionBasis>
    {
        ["same_period_last_year"] = DirectionBasis.SamePeriodLastYear,
        ["previous_period"] = DirectionBasis.PreviousPeriod,
        ["previous_year_outturn"] = DirectionBasis.PreviousYearOutturn,
    };

    public static string ToWord(this Aggregation a) => Aggregations.First(kv => kv.Value == a).Key;

    public static string ToWord(this DirectionBasis b) => Bases.First(kv => kv.Value == b).Key;
}
