using Outturn.Domain.Benchmarks;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Benchmarks;

/// <summary>docs/spec.md §6 Benchmarking rules, worked by hand.</summary>
public class RankingTests
{
    private static (string, decimal?)[] Values(params (string, decimal?)[] v) => v;

    [Fact]
    public void Equal_values_share_the_better_rank_and_the_next_rank_skips()
    {
        var places = Ranking.Rank(Values(("A", 90m), ("B", 85m), ("C", 85m), ("D", 80m)), Polarity.Higher);

        Assert.Equal([1, 2, 2, 4], new[] { "A", "B", "C", "D" }.Select(a => places[a].Rank));
        Assert.All(places.Values, p => Assert.Equal(4, p.Of));
    }

    [Fact]
    public void Lower_is_better_ranks_the_smallest_value_first()
    {
        // CED047-style: 3+ placements, lower is better.
        var places = Ranking.Rank(Values(("Halton", 4.4m), ("B", 10m), ("C", 11m), ("D", 16.8m)), Polarity.Lower);

        Assert.Equal(new RankPlace(1, 4, 1), places["Halton"]);
        Assert.Equal(new RankPlace(4, 4, 4), places["D"]);
    }

    [Fact]
    public void Suppressed_cells_are_not_ranked_and_do_not_count_in_of()
    {
        var places = Ranking.Rank(Values(("A", 90m), ("B", null), ("C", 70m), ("D", 60m), ("E", 50m)), Polarity.Higher);

        Assert.False(places.ContainsKey("B"));
        Assert.Equal(new RankPlace(2, 4, 2), places["C"]); // ceil(4 × 2 ÷ 4) = 2
    }

    [Fact]
    public void Indicators_with_no_polarity_are_ranked_by_value_descending()
    {
        var places = Ranking.Rank(Values(("A", 1m), ("B", 3m), ("C", 2m)), Polarity.None);

        Assert.Equal((1, 2, 3), (places["B"].Rank, places["C"].Rank, places["A"].Rank));
    }

    [Theory]
    // ceil(4r ÷ 153) worked by hand for the 153 authorities of England.
    [InlineData(1, 153, 1)]    // 4/153 = 0.03
    [InlineData(38, 153, 1)]   // 152/153 = 0.99
    [InlineData(39, 153, 2)]   // 156/153 = 1.02
    [InlineData(76, 153, 2)]   // 304/153 = 1.99
    [InlineData(77, 153, 3)]   // 308/153 = 2.01
    [InlineData(114, 153, 3)]  // 456/153 = 2.98
    [InlineData(115, 153, 4)]  // 460/153 = 3.01
    [InlineData(153, 153, 4)]
    [InlineData(2, 4, 2)]      // exactly 2
    [InlineData(1, 3, 2)]      // 4/3 = 1.33: with three authorities nobody is in band 1
    public void The_quartile_band_is_the_ceiling_of_four_times_rank_over_n(int rank, int of, int band) =>
        Assert.Equal(band, Ranking.Band(rank, of));

    [Fact]
    public void A_rank_outside_one_to_n_has_no_band() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Ranking.Band(5, 4));

    [Fact]
    public void Tied_authorities_across_a_band_boundary_both_take_the_better_band()
    {
        // Ranks 1, 2, 2, 4, 5, 6, 7, 8 of 8: the two 2nds are band ceil(8/8) = 1.
        var places = Ranking.Rank(Values(("A", 9m), ("B", 8m), ("C", 8m), ("D", 6m), ("E", 5m), ("F", 4m), ("G", 3m), ("H", 2m)), Polarity.Higher);

        Assert.Equal(1, places["C"].Band);
        Assert.Equal(2, places["D"].Band); // ceil(16/8) = 2
    }

    [Fact]
    public void National_quartile_thresholds_are_the_worst_value_inside_each_of_the_top_three_bands()
    {
        // Eight authorities 80 … 73, ranks 1–8: bands 1,1,2,2,3,3,4,4 (ceil(4r/8)).
        var values = Enumerable.Range(0, 8).Select(i => ($"A{i}", (decimal?)(80 - i))).ToArray();

        Assert.Equal(new QuartileThresholds(79m, 77m, 75m), Ranking.Thresholds(values, Polarity.Higher));
        // Lower is better reverses the order: best 73, bands 1 = {73, 74}, 2 = {75, 76}, 3 = {77, 78}.
        Assert.Equal(new QuartileThresholds(74m, 76m, 78m), Ranking.Thresholds(values, Polarity.Lower));
    }
}
