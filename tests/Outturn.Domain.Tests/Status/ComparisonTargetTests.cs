using Outturn.Domain.Periods;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Tests.Status;

public class ComparisonTargetTests
{
    private static MeasureRules Rules(ValueType type, Frequency frequency = Frequency.Quarterly) =>
        new(Polarity.Higher, 0, type, frequency, null);

    [Fact]
    public void A_snapshot_measure_is_compared_with_the_annual_target() =>
        Assert.Equal(350m, StatusRules.ComparisonTarget(Rules(ValueType.Snapshot), Period.Quarter(2015, 2), 350m, 100m));

    [Fact]
    public void A_rolling_measure_is_compared_with_the_annual_target() =>
        Assert.Equal(350m, StatusRules.ComparisonTarget(Rules(ValueType.Rolling), Period.Quarter(2015, 2), 350m, 100m));

    [Fact]
    public void A_snapshot_measure_with_no_annual_target_has_no_comparison_target() =>
        Assert.Null(StatusRules.ComparisonTarget(Rules(ValueType.Snapshot), Period.Quarter(2015, 2), null, null));

    [Fact]
    public void A_cumulative_measure_is_compared_with_its_explicit_profile_when_one_is_set() =>
        Assert.Equal(160m, StatusRules.ComparisonTarget(Rules(ValueType.Cumulative), Period.Quarter(2015, 2), 350m, 160m));

    [Theory]
    [InlineData(1, "87.5")]   // 350 × 1 ÷ 4
    [InlineData(2, "175")]    // 350 × 2 ÷ 4
    [InlineData(3, "262.5")]  // 350 × 3 ÷ 4
    [InlineData(4, "350")]
    public void A_cumulative_measure_is_compared_with_the_target_profiled_to_quarters_elapsed(int quarter, string expected) =>
        Assert.Equal(
            decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            StatusRules.ComparisonTarget(Rules(ValueType.Cumulative), Period.Quarter(2015, quarter), 350m, null));

    [Theory]
    [InlineData(2015, 4, "10")]    // April: 120 × 1 ÷ 12
    [InlineData(2015, 5, "20")]    // May: 120 × 2 ÷ 12
    [InlineData(2015, 9, "60")]    // September: 120 × 6 ÷ 12
    [InlineData(2015, 11, "80")]   // November: 120 × 8 ÷ 12
    [InlineData(2016, 1, "100")]   // January: 120 × 10 ÷ 12
    [InlineData(2016, 2, "110")]   // February: 120 × 11 ÷ 12
    [InlineData(2016, 3, "120")]   // March: 120 × 12 ÷ 12
    public void A_cumulative_monthly_measure_is_compared_with_the_target_profiled_to_months_elapsed(int year, int month, string expected) =>
        Assert.Equal(
            decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            StatusRules.ComparisonTarget(Rules(ValueType.Cumulative, Frequency.Monthly), Period.Month(year, month), 120m, null));

    [Fact]
    public void A_cumulative_measure_for_the_whole_year_is_compared_with_the_annual_target() =>
        Assert.Equal(350m, StatusRules.ComparisonTarget(Rules(ValueType.Cumulative), Period.FinancialYear(2015), 350m, null));

    [Fact]
    public void A_cumulative_measure_with_no_annual_target_and_no_profile_has_no_comparison_target() =>
        Assert.Null(StatusRules.ComparisonTarget(Rules(ValueType.Cumulative), Period.Quarter(2015, 2), null, null));
}
