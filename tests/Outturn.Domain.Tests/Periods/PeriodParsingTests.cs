using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Periods;

public class PeriodParsingTests
{
    [Theory]
    [InlineData("2015/16", PeriodKind.FinancialYear, 2015, 0, "2015/16")]
    [InlineData("2005/6", PeriodKind.FinancialYear, 2005, 0, "2005/06")]
    [InlineData("1999/00", PeriodKind.FinancialYear, 1999, 0, "1999/00")]
    [InlineData("2015-16", PeriodKind.FinancialYear, 2015, 0, "2015/16")] // 16 cannot be a month, so a year pair
    [InlineData("FY-2015-16", PeriodKind.FinancialYear, 2015, 0, "2015/16")]
    [InlineData("FY-2008-09", PeriodKind.FinancialYear, 2008, 0, "2008/09")]
    [InlineData("2015/16 Q2", PeriodKind.Quarter, 2015, 2, "2015/16 Q2")]
    [InlineData("Q2 2015/16", PeriodKind.Quarter, 2015, 2, "2015/16 Q2")]
    [InlineData("Quarter 2 2015/16", PeriodKind.Quarter, 2015, 2, "2015/16 Q2")]
    [InlineData("2015-16-Q2", PeriodKind.Quarter, 2015, 2, "2015/16 Q2")]
    [InlineData("q4 2015/16", PeriodKind.Quarter, 2015, 4, "2015/16 Q4")]
    [InlineData("  2015/16   Q1 ", PeriodKind.Quarter, 2015, 1, "2015/16 Q1")]
    [InlineData("2015-09", PeriodKind.Month, 2015, 9, "2015-09")]
    [InlineData("2008-09", PeriodKind.Month, 2008, 9, "2008-09")] // a month, not the financial year 2008/09
    [InlineData("2016-01", PeriodKind.Month, 2016, 1, "2016-01")]
    [InlineData("2015", PeriodKind.CalendarYear, 2015, 0, "2015")]
    [InlineData("AY 2015/16", PeriodKind.AcademicYear, 2015, 0, "AY 2015/16")]
    [InlineData("AY-2015-16", PeriodKind.AcademicYear, 2015, 0, "AY 2015/16")]
    public void Each_accepted_form_parses_to_its_period_and_prints_in_the_canonical_form(
        string text, PeriodKind kind, int year, int number, string printed)
    {
        var period = Period.Parse(text);

        Assert.Equal(new Period(kind, year, number), period);
        Assert.Equal(printed, period.ToString());
    }

    [Fact]
    public void The_factory_methods_build_the_same_periods_as_parsing()
    {
        Assert.Equal(Period.FinancialYear(2015), Period.Parse("2015/16"));
        Assert.Equal(Period.Quarter(2015, 2), Period.Parse("Q2 2015/16"));
        Assert.Equal(Period.Month(2015, 9), Period.Parse("2015-09"));
        Assert.Equal(Period.CalendarYear(2015), Period.Parse("2015"));
        Assert.Equal(Period.AcademicYear(2015), Period.Parse("AY 2015/16"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void A_quarter_outside_1_to_4_cannot_be_built(int quarter) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Quarter(2015, quarter));

    [Theory]
    [InlineData(0)]
    [InlineData(13)]
    public void A_month_outside_1_to_12_cannot_be_built(int month) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Period.Month(2015, month));

    [Theory]
    [InlineData("2015/17")]      // the second year must follow the first
    [InlineData("2015/16 Q5")]   // there are four quarters
    [InlineData("2015/16 Q0")]
    [InlineData("2015-13")]      // not a month, and 13 does not follow 2015
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Q2")]           // no year
    [InlineData("banana")]
    public void A_malformed_period_is_rejected(string text)
    {
        Assert.False(Period.TryParse(text, out var period));
        Assert.Equal(default, period);
    }

    [Fact]
    public void A_missing_period_is_rejected() => Assert.False(Period.TryParse(null, out _));

    [Theory]
    [InlineData("2015/17")]
    [InlineData("2015/16 Q5")]
    [InlineData("2015-13")]
    [InlineData("")]
    [InlineData("Q2")]
    [InlineData("banana")]
    public void Parsing_a_malformed_period_throws_a_message_naming_the_text_and_every_accepted_form(string text)
    {
        var error = Assert.Throws<FormatException>(() => Period.Parse(text));

        Assert.Contains($"\"{text}\"", error.Message);
        foreach (var form in new[]
                 {
                     "\"2015/16\"", "\"2015/16 Q2\"", "\"Q2 2015/16\"", "\"Quarter 2 2015/16\"", "\"2015-16-Q2\"",
                     "\"FY-2015-16\"", "\"2015-09\"", "\"2015\"", "\"AY 2015/16\"",
                 })
            Assert.Contains(form, error.Message);
    }
}
