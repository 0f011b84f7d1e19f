using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Periods;

public class PeriodTextTests
{
    [Theory]
    [InlineData("2015/16 Q2", "Quarter 2 2015/16")]
    [InlineData("2015-09", "September 2015")]
    [InlineData("AY 2015/16", "2015/16 academic year")]
    [InlineData("2015/16", "2015/16")]
    [InlineData("2015", "2015")]
    public void A_period_is_displayed_as_the_reports_name_it(string text, string display) =>
        Assert.Equal(display, Period.Parse(text).ToDisplayString());

    [Theory]
    [InlineData("2015/16 Q2", "Quarter 2, 01 July 2015 \u2013 30 September 2015")]
    [InlineData("2015/16 Q4", "Quarter 4, 01 January 2016 \u2013 31 March 2016")]
    [InlineData("2015/16", "2015/16, 01 April 2015 \u2013 31 March 2016")]
    [InlineData("2015-09", "September 2015, 01 September 2015 \u2013 30 September 2015")]
    [InlineData("AY 2015/16", "2015/16 academic year, 01 September 2015 \u2013 31 August 2016")]
    public void The_reporting_period_heading_names_the_period_and_its_dates_joined_by_an_en_dash(string text, string heading) =>
        Assert.Equal(heading, Period.Parse(text).ToReportingPeriodString());

    [Theory]
    [InlineData("2015/16 Q2", "2015-16-Q2")]
    [InlineData("2015/16", "FY-2015-16")]
    [InlineData("2008/09", "FY-2008-09")] // the FY- prefix keeps it from reading as September 2008
    [InlineData("2005/6", "FY-2005-06")]
    [InlineData("2015-09", "2015-09")]
    [InlineData("2008-09", "2008-09")]
    [InlineData("2015", "2015")]
    [InlineData("AY 2015/16", "AY-2015-16")]
    public void A_slug_parses_back_to_the_same_period(string text, string slug)
    {
        var period = Period.Parse(text);

        Assert.Equal(slug, period.ToSlug());
        Assert.True(Period.TryParse(period.ToSlug(), out var back));
        Assert.Equal(period, back);
    }

    [Theory]
    [InlineData("2015/16", "15/16")]
    [InlineData("2015/16 Q2", "15/16")]
    [InlineData("AY 2015/16", "15/16")]
    [InlineData("2009/10", "09/10")]
    [InlineData("1999/00", "99/00")]
    public void The_short_year_heading_gives_both_years_in_two_digits(string text, string shortYear) =>
        Assert.Equal(shortYear, Period.Parse(text).ToShortYearString());

    [Fact]
    public void Periods_sort_by_start_date_then_by_end_date()
    {
        var shuffled = new[] { "2015/16 Q3", "2015/16", "2015/16 Q2", "2014/15 Q4", "2015-06", "2015/16 Q1", "2015/16 Q4" }
            .Select(Period.Parse).ToList();

        shuffled.Sort();

        // 2014/15 Q4 starts 1 Jan 2015; Q1 and the year both start 1 April 2015 but Q1 ends first (30 June);
        // June 2015 starts 1 June; then Q2 (1 July), Q3 (1 Oct), Q4 (1 Jan 2016).
        Assert.Equal(
            new[] { "2014/15 Q4", "2015/16 Q1", "2015/16", "2015-06", "2015/16 Q2", "2015/16 Q3", "2015/16 Q4" },
            shuffled.Select(p => p.ToString()));
    }

    [Fact]
    public void A_period_compares_equal_to_itself_and_in_order_with_its_neighbours()
    {
        var q2 = Period.Quarter(2015, 2);

        Assert.Equal(0, q2.CompareTo(Period.Parse("Q2 2015/16")));
        Assert.True(q2.CompareTo(Period.Quarter(2015, 3)) < 0);
        Assert.True(q2.CompareTo(Period.Quarter(2014, 2)) > 0);
    }
}
