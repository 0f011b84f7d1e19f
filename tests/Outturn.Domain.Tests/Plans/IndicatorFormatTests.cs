using System.Globalization;
using Outturn.Domain.Plans;

namespace Outturn.Domain.Tests.Plans;

public class IndicatorFormatTests
{
    private static Indicator Measure(string? unit, int precision) => new() { Ref = "X", Title = "X", Unit = unit, Precision = precision };

    [Theory]
    [InlineData("%", 0, "75", "75%")]
    [InlineData("%", 1, "16.8", "16.8%")]
    [InlineData("%", 1, "75", "75.0%")]
    [InlineData("£", 0, "1234567", "£1,234,567")]
    [InlineData("£", 2, "12.5", "£12.50")]
    [InlineData("hours", 1, "12.5", "12.5 hours")]
    [InlineData("days", 0, "21.4", "21 days")]
    [InlineData(null, 0, "1234", "1,234")]
    [InlineData("", 2, "3.1", "3.10")]
    [InlineData(null, 1, "54.66", "54.7")]
    public void A_value_is_printed_at_the_display_precision_with_its_unit(string? unit, int precision, string value, string printed) =>
        Assert.Equal(printed, Measure(unit, precision).Format(decimal.Parse(value, CultureInfo.InvariantCulture)));

    [Fact]
    public void A_missing_value_prints_as_nothing() => Assert.Equal("", Measure("%", 0).Format(null));

    [Fact]
    public void A_set_target_prints_as_a_value() =>
        Assert.Equal("95%", new Target { Value = 95m, State = TargetState.Set }.Describe(Measure("%", 0)));

    [Fact]
    public void A_target_to_be_confirmed_prints_tbc() =>
        Assert.Equal("tbc", new Target { State = TargetState.ToBeConfirmed }.Describe(Measure("%", 0)));

    [Fact]
    public void A_target_not_applicable_prints_its_note() =>
        Assert.Equal("Due to small cohorts and statistical variation, targets are not stated",
            new Target { State = TargetState.NotApplicable, Note = "Due to small cohorts and statistical variation, targets are not stated" }
                .Describe(Measure("%", 0)));

    [Fact]
    public void A_target_not_applicable_without_a_note_prints_N_A() =>
        Assert.Equal("N/A", new Target { State = TargetState.NotApplicable }.Describe(Measure("%", 0)));
}
