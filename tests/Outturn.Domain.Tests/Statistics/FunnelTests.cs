using Outturn.Domain.Statistics;

namespace Outturn.Domain.Tests.Statistics;

/// <summary>
/// Funnel plot limits for a proportion, worked by hand: p0 ± z·√(p0(1 − p0)/n), within 0 and 1, with
/// z = 1.959964 (95%) and 3.090232 (99.8%).
/// </summary>
public sealed class FunnelTests
{
    [Fact]
    public void Limits_around_one_half_at_a_denominator_of_one_hundred()
    {
        // √(0.5 × 0.5 ÷ 100) = 0.05; 1.959964 × 0.05 = 0.0979982; 3.090232 × 0.05 = 0.1545116.
        var l95 = FunnelPlot.Limits(0.5, 100, ConfidenceIntervals.Z95);
        var l998 = FunnelPlot.Limits(0.5, 100, ConfidenceIntervals.Z998);
        Assert.Equal(0.4020018, l95.Low, 6);
        Assert.Equal(0.5979982, l95.High, 6);
        Assert.Equal(0.3454884, l998.Low, 6);
        Assert.Equal(0.6545116, l998.High, 6);
    }

    [Fact]
    public void A_limit_below_zero_is_zero()
    {
        // √(0.1 × 0.9 ÷ 20) = 0.0670820; 3.090232 × 0.0670820 = 0.2072991: 0.1 − 0.207 is below zero.
        var l998 = FunnelPlot.Limits(0.1, 20, ConfidenceIntervals.Z998);
        Assert.Equal(0, l998.Low);
        Assert.Equal(0.3072991, l998.High, 6);
    }

    [Fact]
    public void The_limits_narrow_as_the_denominator_grows()
    {
        // Four times the denominator halves the width: 0.8 ± 1.959964 × √(0.16 ÷ 400) = 0.8 ± 0.0391993.
        var wide = FunnelPlot.Limits(0.8, 100, ConfidenceIntervals.Z95);
        var narrow = FunnelPlot.Limits(0.8, 400, ConfidenceIntervals.Z95);
        Assert.Equal(0.7608007, narrow.Low, 6);
        Assert.Equal(0.8391993, narrow.High, 6);
        Assert.Equal((wide.High - wide.Low) / 2, narrow.High - narrow.Low, 9);
    }

    [Fact]
    public void Each_area_is_placed_inside_or_beyond_the_95_and_99_8_per_cent_limits()
    {
        // Around 50%, at 100 the limits are 40.2–59.8% (95%) and 34.5–65.5% (99.8%).
        var plot = FunnelPlot.For(
        [
            new FunnelArea("A", "Inside", 55, 100),
            new FunnelArea("B", "Above 95%", 62, 100),
            new FunnelArea("C", "Above 99.8%", 70, 100),
            new FunnelArea("D", "Below 95%", 38, 100),
            new FunnelArea("E", "Below 99.8%", 30, 100),
            new FunnelArea("F", "No denominator", 0, 0),
        ], 0.5, 100m);
        Assert.Equal(50, plot.Target, 9);
        Assert.Equal(
            [FunnelPosition.Inside, FunnelPosition.Above95, FunnelPosition.Above998, FunnelPosition.Below95, FunnelPosition.Below998],
            plot.Points.Select(p => p.Position));
        var b = plot.Points[1];
        Assert.Equal(62, b.Value, 9);
        Assert.Equal(40.20018, b.Limits95.Low, 4);
        Assert.Equal(65.45116, b.Limits998.High, 4);
        // The curve runs from half the smallest denominator to past the largest.
        Assert.Equal(50, plot.Curve[0].Denominator, 9);
        Assert.Equal(105, plot.Curve[^1].Denominator, 9);
    }

    [Fact]
    public void A_rate_is_not_drawn_with_proportion_limits()
    {
        Assert.Throws<DomainException>(() => FunnelPlot.For([new FunnelArea("A", "A", 5, 10_000)], 0.001, 10_000m));
    }
}
