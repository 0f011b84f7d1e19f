using Outturn.Domain.Benchmarks;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Benchmarks;

public class GroupStatisticsTests
{
    // Ten neighbours whose mean is the published CED033 statistical-neighbour figure (85%, the Q2 2015/16 report's chart table; docs/sources.md §2.5).
    private static readonly decimal?[] Ten = [78m, 80m, 82m, 84m, 85m, 86m, 87m, 88m, 90m, 90m];

    [Fact]
    public void The_average_is_the_arithmetic_mean_over_the_neighbours_with_a_value()
    {
        var s = GroupStatistics.Of(Ten, Polarity.Higher)!;

        Assert.Equal(10, s.Count);
        Assert.Equal(85m, s.Average); // 850 ÷ 10
        Assert.Equal((78m, 90m), (s.Lowest, s.Highest));
    }

    [Fact]
    public void A_suppressed_neighbour_is_left_out_and_the_count_says_so()
    {
        var s = GroupStatistics.Of([.. Ten[..9], null], Polarity.Higher)!;

        Assert.Equal(9, s.Count);
        Assert.Equal(760m / 9, s.Average); // the nine values sum to 760
    }

    [Fact]
    public void The_median_of_an_even_count_is_the_midpoint_of_the_middle_two() =>
        Assert.Equal(85.5m, GroupStatistics.Of(Ten, Polarity.Higher)!.Median); // (85 + 86) ÷ 2

    [Fact]
    public void The_top_quartile_follows_polarity()
    {
        // h = 9 × 0.75 = 6.75: 87 + 0.75 × (88 − 87) = 87.75; lower is better: h = 2.25: 82 + 0.25 × (84 − 82) = 82.5.
        Assert.Equal(87.75m, GroupStatistics.Of(Ten, Polarity.Higher)!.TopQuartile);
        Assert.Equal(82.5m, GroupStatistics.Of(Ten, Polarity.Lower)!.TopQuartile);
        Assert.Null(GroupStatistics.Of(Ten, Polarity.None)!.TopQuartile);
    }

    [Fact]
    public void No_values_give_no_statistics() =>
        Assert.Null(GroupStatistics.Of([null, null], Polarity.Higher));

    [Fact]
    public void Gaps_are_value_minus_comparator_and_judged_by_polarity()
    {
        // CED033 at Q2 2015/16: 75% against England 82% and neighbours 85% (docs/sources.md §2.5).
        var p = new BenchmarkPosition(75m, null, null, 82m, null, GroupStatistics.Of(Ten, Polarity.Higher), false, null, null);

        Assert.Equal(-7m, p.GapToEngland);
        Assert.Equal(-10m, p.GapToNeighboursAverage);
        Assert.Equal(-10.5m, p.GapToNeighboursMedian);
        Assert.Equal(-12.75m, p.GapToNeighboursTopQuartile);
        Assert.False(BenchmarkPosition.IsBetter(p.GapToEngland, Polarity.Higher));
        Assert.True(BenchmarkPosition.IsBetter(-7m, Polarity.Lower));
    }

    [Fact]
    public void An_imported_neighbours_average_is_used_when_no_neighbour_values_are_held()
    {
        var p = new BenchmarkPosition(16.8m, null, null, 15m, 15m, null, true, 14m, null);

        Assert.Equal(14m, p.NeighboursAverage);
        Assert.Equal(2.8m, p.GapToNeighboursAverage);
    }
}
