using System.Globalization;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Periods;

public class PeriodCalendarTests
{
    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2015/16", "2015-04-01", "2016-03-31")]       // financial year April–March
    [InlineData("2015/16 Q1", "2015-04-01", "2015-06-30")]
    [InlineData("2015/16 Q2", "2015-07-01", "2015-09-30")]
    [InlineData("2015/16 Q3", "2015-10-01", "2015-12-31")]
    [InlineData("2015/16 Q4", "2016-01-01", "2016-03-31")]    // Q4 is in the next calendar year
    [InlineData("AY 2015/16", "2015-09-01", "2016-08-31")]    // academic year September–August
    [InlineData("2015-09", "2015-09-01", "2015-09-30")]
    [InlineData("2016-02", "2016-02-01", "2016-02-29")]       // 2016 is a leap year
    [InlineData("2015", "2015-01-01", "2015-12-31")]
    public void A_period_starts_and_ends_on_the_dates_its_kind_defines(string text, string start, string end)
    {
        var period = Period.Parse(text);

        Assert.Equal(Date(start), period.Start);
        Assert.Equal(Date(end), period.End);
    }

    [Theory]
    [InlineData("2015/16 Q2", "2014/15 Q2")]  // the same quarter of the previous financial year
    [InlineData("2015/16", "2014/15")]
    [InlineData("2016-01", "2015-01")]
    [InlineData("AY 2015/16", "AY 2014/15")]
    [InlineData("2015", "2014")]
    public void The_same_period_last_year_is_one_year_earlier(string text, string lastYear) =>
        Assert.Equal(Period.Parse(lastYear), Period.Parse(text).SamePeriodLastYear());

    [Theory]
    [InlineData("2015/16", "2015/16")]
    [InlineData("2015/16 Q1", "2015/16")]
    [InlineData("2015/16 Q4", "2015/16")]
    [InlineData("2015-04", "2015/16")]  // April opens the financial year
    [InlineData("2015-12", "2015/16")]
    [InlineData("2016-01", "2015/16")]  // January belongs to the year that started the April before
    [InlineData("2016-03", "2015/16")]
    public void A_quarter_or_month_belongs_to_the_financial_year_containing_it(string text, string year) =>
        Assert.Equal(Period.Parse(year), Period.Parse(text).ContainingFinancialYear());

    [Theory]
    [InlineData("2015")]
    [InlineData("AY 2015/16")]
    public void A_calendar_or_academic_year_does_not_fall_within_one_financial_year(string text) =>
        Assert.Throws<InvalidOperationException>(() => Period.Parse(text).ContainingFinancialYear());

    public static TheoryData<string, decimal> Fractions => new()
    {
        { "2015-04", 1m / 12m },   // April: 1 month of 12
        { "2015-09", 6m / 12m },   // April..September: 6 months
        { "2015-12", 9m / 12m },   // April..December: 9 months
        { "2016-01", 10m / 12m },  // April..January: 10 months
        { "2016-03", 12m / 12m },  // March closes the year
        { "2015/16 Q1", 1m / 4m },
        { "2015/16 Q3", 3m / 4m },
        { "2015/16 Q4", 4m / 4m },
        { "2015/16", 1m },
    };

    [Theory]
    [MemberData(nameof(Fractions))]
    public void The_fraction_of_the_financial_year_elapsed_counts_quarters_or_months_from_April(string text, decimal fraction) =>
        Assert.Equal(fraction, Period.Parse(text).FractionOfFinancialYearElapsed());
}
