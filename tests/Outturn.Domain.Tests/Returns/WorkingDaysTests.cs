using Outturn.Domain.Returns;
using static Outturn.Domain.Tests.Returns.Build;

namespace Outturn.Domain.Tests.Returns;

public class WorkingDaysTests
{
    [Theory]
    // England and Wales bank holidays as published on GOV.UK, checked by hand for a few years.
    [InlineData(2015, "2015-01-01,2015-04-03,2015-04-06,2015-05-04,2015-05-25,2015-08-31,2015-12-25,2015-12-28")]
    [InlineData(2016, "2016-01-01,2016-03-25,2016-03-28,2016-05-02,2016-05-30,2016-08-29,2016-12-26,2016-12-27")]
    [InlineData(2012, "2012-01-02,2012-04-06,2012-04-09,2012-05-07,2012-06-04,2012-06-05,2012-08-27,2012-12-25,2012-12-26")]
    [InlineData(2020, "2020-01-01,2020-04-10,2020-04-13,2020-05-08,2020-05-25,2020-08-31,2020-12-25,2020-12-28")]
    [InlineData(2022, "2022-01-03,2022-04-15,2022-04-18,2022-05-02,2022-06-02,2022-06-03,2022-08-29,2022-09-19,2022-12-26,2022-12-27")]
    public void The_bank_holidays_of_a_year_are_those_published(int year, string expected) =>
        Assert.Equal(expected.Split(',').Select(D), WorkingDays.BankHolidays.Keys.Where(d => d.Year == year).Order());

    [Fact]
    public void Every_year_from_2010_to_2027_has_its_bank_holidays()
    {
        for (var y = WorkingDays.FirstYear; y <= WorkingDays.LastYear; y++)
            Assert.InRange(WorkingDays.BankHolidays.Keys.Count(d => d.Year == y), 8, 10);
    }

    [Fact]
    public void A_week_from_monday_to_monday_is_five_working_days() =>
        Assert.Equal(5, WorkingDays.Between(D("2015-06-01"), D("2015-06-08")));

    [Fact]
    public void Christmas_week_2015_has_three_working_days_after_christmas_eve()
    {
        // Thu 24 Dec → Thu 31 Dec 2015: Fri 25 (Christmas) and Mon 28 (Boxing Day substitute) are holidays; Tue, Wed, Thu count.
        Assert.Equal(3, WorkingDays.Between(D("2015-12-24"), D("2015-12-31")));
    }

    [Fact]
    public void Adding_twenty_working_days_skips_weekends() =>
        // Mon 2 Nov 2015 + 20 working days = Mon 30 Nov 2015 (four weeks, no holidays).
        Assert.Equal(D("2015-11-30"), WorkingDays.Add(D("2015-11-02"), 20));

    [Fact]
    public void A_date_outside_the_years_held_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDays.Between(D("2009-12-01"), D("2010-01-10")));
}
