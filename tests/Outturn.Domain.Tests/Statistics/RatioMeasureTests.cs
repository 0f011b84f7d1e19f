using Outturn.Domain.Statistics;

namespace Outturn.Domain.Tests.Statistics;

public class RatioMeasureTests
{
    [Fact]
    public void A_percentage_is_the_numerator_over_the_denominator_times_100() =>
        Assert.Equal(80m, RatioMeasures.Value(8, 10, 100));

    [Fact]
    public void A_rate_per_10000_children() =>
        Assert.Equal(62.5m, RatioMeasures.Value(25, 4000, 10000));

    [Fact]
    public void No_value_from_a_zero_denominator() =>
        Assert.Null(RatioMeasures.Value(0, 0, 100));

    [Fact]
    public void A_percentage_interval_is_in_percentage_points()
    {
        var interval = RatioMeasures.IntervalOf(8, 10, 100)!.Value;
        Assert.InRange(interval.Low, 49.01, 49.03);
        Assert.InRange(interval.High, 94.32, 94.34);
    }

    [Fact]
    public void A_value_without_counts_has_no_interval() =>
        Assert.Null(RatioMeasures.IntervalOf(null, 10, 100));

    [Fact]
    public void Three_children_of_forty_is_within_noise()
    {
        // 30/40 (75%) against 33/40 (82.5%): the difference's interval plainly includes zero.
        Assert.False(RatioMeasures.ChangeIsSignificant((30, 40), (33, 40), 100));
    }

    [Fact]
    public void A_large_fall_in_a_large_cohort_is_significant() =>
        // 56/70 against 48/80: Newcombe's interval 0.0524 … 0.3339 excludes zero.
        Assert.True(RatioMeasures.ChangeIsSignificant((56, 70), (48, 80), 100));

    [Fact]
    public void A_rate_change_is_significant_when_the_ratio_interval_excludes_one()
    {
        Assert.True(RatioMeasures.ChangeIsSignificant((40, 1000), (20, 1000), 10000));
        Assert.False(RatioMeasures.ChangeIsSignificant((20, 1000), (10, 1000), 10000));
    }

    [Fact]
    public void Without_counts_for_both_periods_significance_is_unknown() =>
        Assert.Null(RatioMeasures.ChangeIsSignificant((30, 40), (null, null), 100));
}

public class SmallNumberTests
{
    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    public void A_denominator_under_30_is_a_small_number(int denominator, bool small) =>
        Assert.Equal(small, SmallNumberRules.Default.IsSmall(denominator));

    [Fact]
    public void The_small_number_threshold_is_configurable() =>
        Assert.True(new SmallNumberRules(SmallDenominator: 50).IsSmall(40));

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    public void Fewer_than_five_children_are_suppressed_outside_child_level_views(int children, bool suppressed)
    {
        Assert.Equal(suppressed, SmallNumberRules.Default.IsSuppressed(children, childLevelView: false));
        Assert.False(SmallNumberRules.Default.IsSuppressed(children, childLevelView: true));
    }
}
