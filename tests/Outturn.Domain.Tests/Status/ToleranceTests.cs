using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Status;

public class ToleranceTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_blank_tolerance_means_the_default(string? text)
    {
        Assert.True(Tolerance.TryParse(text, out var tolerance));
        Assert.Null(tolerance);
    }

    [Theory]
    [InlineData("2", "2", false, "2")]
    [InlineData(" 2.5 ", "2.5", false, "2.5")]
    [InlineData("0", "0", false, "0")]
    [InlineData("10%", "10", true, "10%")]
    [InlineData("7.5%", "7.5", true, "7.5%")]
    public void A_number_is_an_absolute_tolerance_and_a_percentage_a_relative_one(
        string text, string amount, bool relative, string printed)
    {
        Assert.True(Tolerance.TryParse(text, out var tolerance));
        Assert.Equal(new Tolerance(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), relative), tolerance);
        Assert.Equal(printed, tolerance!.ToString());
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("-5%")]
    [InlineData("two")]
    [InlineData("%")]
    [InlineData("ten%")]
    public void A_negative_or_non_numeric_tolerance_is_rejected(string text)
    {
        Assert.False(Tolerance.TryParse(text, out var tolerance));
        Assert.Null(tolerance);
    }

    [Fact]
    public void The_default_is_five_per_cent_of_the_target() => Assert.Equal(new Tolerance(5m, true), Tolerance.Default);

    [Theory]
    [InlineData("95", "4.75")]   // 5% × 95
    [InlineData("10", "0.5")]    // 5% × 10
    [InlineData("-80", "4")]     // 5% × |−80|
    [InlineData("0", "0")]
    public void A_relative_allowance_is_a_percentage_of_the_targets_absolute_value(string target, string allowance) =>
        Assert.Equal(D(allowance), Tolerance.Default.AllowanceFor(D(target)));

    [Theory]
    [InlineData("95")]
    [InlineData("-80")]
    [InlineData("0")]
    public void An_absolute_allowance_is_the_same_whatever_the_target(string target) =>
        Assert.Equal(2m, new Tolerance(2m, false).AllowanceFor(D(target)));

    private static decimal D(string s) => decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
