using Outturn.Domain.Status;

namespace Outturn.Domain.Benchmarks;

/// <summary>
/// The statistics of a comparison group's values for one indicator and period (docs/spec.md §6 Benchmarking rules): the arithmetic mean
/// over the members that have a value, with the count used; the median; the range; and the top-quartile value.
/// </summary>
public sealed record GroupStatistics(int Count, decimal Average, decimal Median, decimal Lowest, decimal Highest, decimal? TopQuartile)
{
    /// <summary>
    /// Null when no member has a value. The top-quartile value is the 75th percentile in the direction of the polarity
    /// (the 25th for lower-is-better), by linear interpolation between the ordered values as Excel's PERCENTILE.INC
    /// computes it; none for an indicator with no polarity.
    /// </summary>
    public static GroupStatistics? Of(IEnumerable<decimal?> values, Polarity polarity)
    {
        var v = values.OfType<decimal>().Order().ToList();
        if (v.Count == 0) return null;
        var top = polarity switch
        {
            Polarity.Higher => Percentile(v, 0.75m),
            Polarity.Lower => Percentile(v, 0.25m),
            _ => (decimal?)null,
        };
        return new GroupStatistics(v.Count, v.Sum() / v.Count, Percentile(v, 0.5m), v[0], v[^1], top);
    }

    /// <summary>PERCENTILE.INC over values sorted ascending: h = (n − 1)p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).</summary>
    public static decimal Percentile(IReadOnlyList<decimal> ascending, decimal p)
    {
        if (ascending.Count == 0) throw new ArgumentException("No values.", nameof(ascending));
        var h = (ascending.Count - 1) * p;
        var lower = (int)Math.Floor(h);
        if (lower >= ascending.Count - 1) return ascending[^1];
        return ascending[lower] + (h - lower) * (ascending[lower + 1] - ascending[lower]);
    }
}

/// <summary>How an authority compares for one indicator and period: everything the benchmark command and pages print.</summary>
public sealed record BenchmarkPosition(
    decimal? Value,
    string? Suppression,
    RankPlace? Place,
    decimal? England,
    decimal? Region,
    GroupStatistics? Neighbours,
    bool NeighboursImported,
    decimal? ImportedNeighboursAverage,
    QuartileThresholds? National,
    bool EnglandRounded = false,
    bool RegionRounded = false)
{
    public decimal? NeighboursAverage => Neighbours?.Average ?? ImportedNeighboursAverage;

    public decimal? GapToEngland => Gap(England);
    public decimal? GapToNeighboursAverage => Gap(NeighboursAverage);
    public decimal? GapToNeighboursMedian => Gap(Neighbours?.Median);
    /// <summary>Value − the neighbours' top-quartile value: how far from "reach the neighbours' top quartile".</summary>
    public decimal? GapToNeighboursTopQuartile => Gap(Neighbours?.TopQuartile);

    private decimal? Gap(decimal? comparator) => Value is null || comparator is null ? null : Value - comparator;

    /// <summary>Whether a gap (value − comparator) is in the authority's favour: null when there is no polarity or no gap.</summary>
    public static bool? IsBetter(decimal? gap, Polarity polarity) => gap is null || polarity == Polarity.None || gap == 0
        ? null
        : polarity == Polarity.Higher ? gap > 0 : gap < 0;
}
