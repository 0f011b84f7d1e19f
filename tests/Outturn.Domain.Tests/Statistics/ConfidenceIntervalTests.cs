using Outturn.Domain.Statistics;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Statistics;

public class ConfidenceIntervalTests
{
    private static void Near(double expected, double actual, double within = 0.00005) =>
        Assert.InRange(actual, expected - within, expected + within);

    [Fact]
    public void Wilson_for_8_out_of_10_is_0_4902_to_0_9433()
    {
        // p = 0.8, z² = 3.8415: centre (0.8 + 0.19207) ÷ 1.38415 = 0.71673; half-width 1.41600 × √0.0256037 = 0.22658.
        var (low, high) = ConfidenceIntervals.Wilson(8, 10);
        Near(0.4902, low);
        Near(0.9433, high);
    }

    [Fact]
    public void Wilson_for_none_starts_at_zero_and_for_all_ends_at_one()
    {
        // 0/10: z²/n ÷ (1 + z²/n) = 0.38415 ÷ 1.38415 = 0.2775 upper limit.
        var none = ConfidenceIntervals.Wilson(0, 10);
        Assert.Equal(0, none.Low);
        Near(0.2775, none.High);
        var all = ConfidenceIntervals.Wilson(10, 10);
        Near(0.7225, all.Low);
        Assert.Equal(1, all.High);
    }

    [Fact]
    public void Wilson_refuses_a_numerator_above_its_denominator() =>
        Assert.Throws<DomainException>(() => ConfidenceIntervals.Wilson(11, 10));

    [Fact]
    public void A_zero_denominator_is_refused() =>
        Assert.Throws<DomainException>(() => ConfidenceIntervals.Wilson(0, 0));

    // Exact (Garwood) 95% Poisson limits, as tabulated (e.g. the APHO technical briefing on confidence intervals).
    [Theory]
    [InlineData(0, 0.0, 3.689)]
    [InlineData(1, 0.0253, 5.572)]
    [InlineData(2, 0.242, 7.225)]
    [InlineData(3, 0.619, 8.767)]
    [InlineData(5, 1.623, 11.668)]
    [InlineData(9, 4.115, 17.085)]
    public void Below_ten_events_the_limits_are_exact_Poisson(int events, double low, double high)
    {
        var interval = ConfidenceIntervals.Byar(events);
        Near(low, interval.Low, 0.0006);
        Near(high, interval.High, 0.0006);
    }

    [Fact]
    public void From_ten_events_Byar_approximation_is_used()
    {
        // 10 × (1 − 1/90 − 1.959964/(3√10))³ = 10 × 0.782291³ = 4.7874;
        // 11 × (1 − 1/99 + 1.959964/(3√11))³ = 11 × 1.186880³ = 18.3915 (exact Poisson: 4.795, 18.390).
        var interval = ConfidenceIntervals.Byar(10);
        Near(4.7874, interval.Low, 0.0001);
        Near(18.3915, interval.High, 0.0001);
    }

    [Fact]
    public void Byar_for_100_events_agrees_with_the_exact_table()
    {
        var interval = ConfidenceIntervals.Byar(100);
        Near(81.36, interval.Low, 0.01);
        Near(121.63, interval.High, 0.01);
    }

    [Fact]
    public void A_rate_per_10000_scales_the_count_interval_by_the_population()
    {
        // 5 events in 2,000 children: 25 per 10,000, interval 1.623 … 11.668 × 10,000 ÷ 2,000 = 8.12 … 58.34.
        var interval = ConfidenceIntervals.Rate(5, 2000, 10000);
        Near(8.12, interval.Low, 0.01);
        Near(58.34, interval.High, 0.01);
    }

    // Newcombe (1998), Statistics in Medicine 17:873-890, table II, method 10.
    [Theory]
    [InlineData(56, 70, 48, 80, 0.0524, 0.3339)]
    [InlineData(9, 10, 3, 10, 0.1705, 0.8090)]
    [InlineData(5, 56, 0, 29, -0.0381, 0.1926)]
    [InlineData(0, 10, 0, 20, -0.1611, 0.2775)]
    public void Newcombe_hybrid_score_interval_matches_the_published_table(int x1, int n1, int x2, int n2, double low, double high)
    {
        var interval = ConfidenceIntervals.NewcombeDifference(x1, n1, x2, n2);
        Near(low, interval.Low, 0.0001);
        Near(high, interval.High, 0.0001);
    }

    [Fact]
    public void The_ratio_of_two_rates_includes_one_when_the_counts_are_few()
    {
        // 20 against 10 events in equal populations: Wilson for 20 of 30 is 0.4878 … 0.8077, a ratio of 0.95 … 4.20.
        var ratio = ConfidenceIntervals.RateRatio(20, 1000, 10, 1000)!.Value;
        Near(0.953, ratio.Low, 0.002);
        Near(4.20, ratio.High, 0.01);
        Assert.True(ratio.Contains(1));
    }

    [Fact]
    public void The_ratio_of_two_rates_excludes_one_when_the_counts_are_enough()
    {
        // 40 against 20: Wilson for 40 of 60 is 0.5406 … 0.7727, a ratio of 1.18 … 3.40.
        var ratio = ConfidenceIntervals.RateRatio(40, 1000, 20, 1000)!.Value;
        Near(1.177, ratio.Low, 0.002);
        Near(3.40, ratio.High, 0.01);
    }

    [Theory]
    [InlineData(0.85, Polarity.Higher, Comparison.Similar)]  // England inside 0.4902 … 0.9433
    [InlineData(0.40, Polarity.Higher, Comparison.Better)]   // the whole interval above England, higher is better
    [InlineData(0.40, Polarity.Lower, Comparison.Worse)]
    [InlineData(0.96, Polarity.Higher, Comparison.Worse)]    // the whole interval below England
    [InlineData(0.96, Polarity.Lower, Comparison.Better)]
    [InlineData(0.40, Polarity.None, Comparison.NotCompared)]
    public void Against_a_comparator_a_measure_is_similar_when_the_comparator_lies_inside_its_interval(double england, Polarity polarity, Comparison expected) =>
        Assert.Equal(expected, ConfidenceIntervals.Compare(ConfidenceIntervals.Wilson(8, 10), england, polarity));
}
