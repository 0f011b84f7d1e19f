using System.Globalization;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Status;

public class DirectionTests
{
    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void A_measure_with_no_polarity_has_no_direction_of_travel() =>
        Assert.Equal(Direction.NotApplicable, StatusRules.Direction(Polarity.None, 0, 80m, 70m));

    [Fact]
    public void A_measure_with_no_current_value_has_no_direction_of_travel() =>
        Assert.Equal(Direction.NotApplicable, StatusRules.Direction(Polarity.Higher, 0, null, 70m));

    [Fact]
    public void A_measure_with_no_value_last_year_has_no_direction_of_travel() =>
        Assert.Equal(Direction.NotApplicable, StatusRules.Direction(Polarity.Higher, 0, 80m, null));

    [Theory]
    [InlineData(0, "99.4", "98.6")]   // both round to 99
    [InlineData(1, "99.44", "99.36")] // both round to 99.4
    [InlineData(2, "5", "5")]
    public void Values_equal_at_the_display_precision_are_the_same(int precision, string now, string then)
    {
        Assert.Equal(Direction.Same, StatusRules.Direction(Polarity.Higher, precision, D(now), D(then)));
        Assert.Equal(Direction.Same, StatusRules.Direction(Polarity.Lower, precision, D(now), D(then)));
    }

    [Theory]
    [InlineData(Polarity.Higher, "80", "75", Direction.Better)]
    [InlineData(Polarity.Higher, "75", "80", Direction.Worse)]
    [InlineData(Polarity.Lower, "4.4", "5.4", Direction.Better)]
    [InlineData(Polarity.Lower, "16.8", "15", Direction.Worse)]
    public void The_direction_is_better_when_the_change_goes_the_way_of_the_polarity(
        Polarity polarity, string now, string then, Direction expected) =>
        Assert.Equal(expected, StatusRules.Direction(polarity, 1, D(now), D(then)));

    [Fact]
    public void A_change_visible_only_at_a_finer_precision_is_a_change_at_that_precision()
    {
        // 99.4 vs 99.3: the same at precision 0 (99 vs 99), better at precision 1.
        Assert.Equal(Direction.Same, StatusRules.Direction(Polarity.Higher, 0, 99.4m, 99.3m));
        Assert.Equal(Direction.Better, StatusRules.Direction(Polarity.Higher, 1, 99.4m, 99.3m));
    }

    [Theory]
    [InlineData(0, "2.5", "2.4")]
    [InlineData(0, "3.5", "3.4")]
    [InlineData(0, "2.5", "2.6")]
    [InlineData(1, "0.25", "0.24")]
    [InlineData(1, "0.35", "0.36")]
    [InlineData(0, "-2.5", "-2.4")]
    public void Two_values_are_the_same_exactly_when_they_print_the_same(int precision, string now, string then)
    {
        // SPEC 3: the display precision is "used to print values and to decide 'the same'".
        var indicator = new Indicator { Ref = "X", Title = "X", Precision = precision };
        var printSame = indicator.Format(D(now)) == indicator.Format(D(then));

        var direction = StatusRules.Direction(Polarity.Higher, precision, D(now), D(then));

        Assert.Equal(printSame, direction == Direction.Same);
    }
}
