using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using static Outturn.Domain.Tests.Returns.Build;

namespace Outturn.Domain.Tests.Returns;

public class AssessmentTimelinessTests
{
    [Fact]
    public void An_assessment_spanning_christmas_counts_45_working_days_without_the_bank_holidays()
    {
        // Tue 24 Nov 2015 + 45 working days = Fri 29 Jan 2016, skipping Fri 25 Dec, Mon 28 Dec (Boxing Day substitute) and Fri 1 Jan:
        // 25-27 Nov 3, then 5 a week to 18 Dec (18), 21-24 Dec 4 (22), 29-31 Dec 3 (25), four weeks to 29 Jan (45).
        var data = Data(Cin(2015,
            Referral("ONTIME", "2015-11-20", [Assessment("2015-11-24", "2016-01-29")]),
            Referral("LATE", "2015-11-20", [Assessment("2015-11-24", "2016-02-01")])));
        var r = new AssessmentsWithin45WorkingDays().Compute(data, Year2015);
        Assert.Equal((1, 2, 50m), (r.Numerator, r.Denominator, r.Value));
        Assert.Equal(["ONTIME"], r.NumeratorChildren);
    }

    [Fact]
    public void An_assessment_spanning_easter_counts_45_working_days_without_good_friday_and_easter_monday()
    {
        // Thu 4 Feb 2016 + 45 working days = Mon 11 Apr 2016: 5 Feb 1, seven weeks to 18 Mar (31), 21-24 Mar 4 (35),
        // 29 Mar-1 Apr 4 (39), 4-8 Apr 5 (44), 11 Apr (45); Good Friday 25 Mar and Easter Monday 28 Mar are not counted.
        var window = new ReportingWindow(D("2016-04-01"), D("2016-06-30"));
        var data = Data(Cin(2016, Referral("EASTER", "2016-02-01", [Assessment("2016-02-04", "2016-04-11")]), Referral("AFTER", "2016-02-01", [Assessment("2016-02-04", "2016-04-12")])));
        var r = new AssessmentsWithin45WorkingDays().Compute(data, window);
        Assert.Equal((1, 2), (r.Numerator, r.Denominator));
        Assert.Contains(r.Members, m => m.ChildId == "EASTER" && m.Detail.EndsWith("45 working days", StringComparison.Ordinal));
    }

    [Fact]
    public void The_variant_counts_from_the_referral_date()
    {
        // Referred Fri 20 Nov 2015: 2 more working days (23, 24 Nov) before the assessment started, so 29 Jan 2016 is day 47.
        var data = Data(Cin(2015, Referral("A", "2015-11-20", [Assessment("2015-11-24", "2016-01-29")])));
        var r = new AssessmentsWithin45WorkingDaysOfReferral().Compute(data, Year2015);
        Assert.Equal((0, 1), (r.Numerator, r.Denominator));
    }

    [Fact]
    public void Assessments_authorised_outside_the_window_are_not_counted()
    {
        var data = Data(Cin(2015, Referral("A", "2015-03-01", [Assessment("2015-03-02", "2015-03-31")])));
        Assert.Equal(0, new AssessmentsWithin45WorkingDays().Compute(data, Year2015).Denominator);
    }
}

public class ReReferralTests
{
    [Fact]
    public void A_re_referral_exactly_12_months_later_counts_and_one_a_day_later_does_not()
    {
        var data = Data(
            Cin(2014, Referral("EXACT", "2014-06-15"), Referral("DAYLATE", "2014-06-14")),
            Cin(2015, Referral("EXACT", "2015-06-15"), Referral("DAYLATE", "2015-06-15"), Referral("FIRST", "2015-07-01")));
        var r = new ReReferralsWithin12Months().Compute(data, Year2015);
        // Three referrals in 2015/16; only EXACT's came within 12 months (15 Jun 2014 → 15 Jun 2015 inclusive).
        Assert.Equal((1, 3), (r.Numerator, r.Denominator));
        Assert.Equal(["EXACT"], r.NumeratorChildren);
    }
}

public class ProtectionPlanTests
{
    [Fact]
    public void A_plan_ending_one_day_short_of_2_years_has_not_lasted_2_years()
    {
        var data = Data(Cin(2015,
            Referral("SHORT", "2013-09-01", plans: [Plan("2013-10-01", "2015-09-30")]),
            Referral("TWO", "2013-09-01", plans: [Plan("2013-10-01", "2015-10-01")]),
            Referral("OPEN", "2013-09-01", plans: [Plan("2013-10-01")])));
        var r = new ProtectionPlansEndedLasting2Years().Compute(data, Year2015);
        Assert.Equal((1, 2, 50m), (r.Numerator, r.Denominator, r.Value));
        Assert.Equal(["TWO"], r.NumeratorChildren);
    }

    [Fact]
    public void The_variant_counts_children_on_a_plan_for_2_years_at_the_period_end()
    {
        var data = Data(Cin(2015,
            Referral("TWO", "2014-03-01", plans: [Plan("2014-03-31")]),
            Referral("SHORT", "2014-03-01", plans: [Plan("2014-04-01")]),
            Referral("ENDED", "2013-03-01", plans: [Plan("2013-04-01", "2016-03-31")])));
        var r = new ProtectionPlansOpen2Years().Compute(data, Year2015);
        // ENDED ended on 31 March, so is not on a plan at the period end.
        Assert.Equal((1, 2), (r.Numerator, r.Denominator));
    }

    [Fact]
    public void A_second_plan_is_known_from_the_previous_count_or_an_earlier_plan_in_the_data()
    {
        var data = Data(
            Cin(2014, Referral("EARLIER", "2014-05-01", plans: [Plan("2014-06-01", "2014-12-01")])),
            Cin(2015,
                Referral("EARLIER", "2015-05-01", plans: [Plan("2015-06-01", previous: 0)], ordinal: 2),
                Referral("COUNTED", "2015-05-01", plans: [Plan("2015-06-01", previous: 1)]),
                Referral("FIRST", "2015-05-01", plans: [Plan("2015-06-01", previous: 0)])));
        var r = new SecondOrSubsequentProtectionPlan().Compute(data, Year2015);
        Assert.Equal((2, 3), (r.Numerator, r.Denominator));
        Assert.Equal(["COUNTED", "EARLIER"], r.NumeratorChildren.Order());
    }

    [Fact]
    public void Plans_are_reviewed_in_time_when_the_first_review_is_within_3_months_and_each_next_within_6()
    {
        var data = Data(Cin(2015,
            Referral("ON", "2015-05-01", plans: [Plan("2015-06-01", null, 0, "2015-09-01", "2016-02-20")]),
            Referral("LATE", "2015-05-01", plans: [Plan("2015-06-01", null, 0, "2015-09-02")]),
            Referral("OVERDUE", "2015-05-01", plans: [Plan("2015-06-01", null, 0, "2015-08-15")]),
            Referral("NEW", "2016-01-01", plans: [Plan("2016-01-15")])));
        var r = new ProtectionPlansReviewedInTimescale().Compute(data, Year2015);
        // ON: due 1 Sep (held 1 Sep), then 1 Mar (held 20 Feb), next due 20 Aug. LATE: a day late. OVERDUE: next due 15 Feb, none held.
        // NEW: first review not due until 15 April, so left out.
        Assert.Equal((1, 3), (r.Numerator, r.Denominator));
        Assert.Equal(["ON"], r.NumeratorChildren);
    }

    [Fact]
    public void The_referral_rate_is_referrals_per_10000_children()
    {
        var referrals = Enumerable.Range(1, 6).Select(i => Referral("C" + i, "2015-0" + (i + 3) + "-01")).ToArray();
        var data = new ReturnsData([], [Cin(2015, referrals)]) { ChildPopulation = 24000 };
        var r = new ReferralRate().Compute(data, Year2015);
        // 6 × 10,000 ÷ 24,000 = 2.5
        Assert.Equal((6, 24000, 2.5m), (r.Numerator, r.Denominator, r.Value));
    }

    [Fact]
    public void The_referral_rate_takes_each_years_own_population()
    {
        var data = new ReturnsData([], [Cin(2014, Referral("A", "2014-06-01"), Referral("B", "2014-07-01")), Cin(2015, Referral("C", "2015-06-01"))])
        {
            ChildPopulation = 10000, ChildPopulationByYear = new Dictionary<int, int> { [2014] = 20000, [2015] = 25000 },
        };
        // 2014/15: 2 × 10,000 ÷ 20,000 = 1; 2015/16: 1 × 10,000 ÷ 25,000 = 0.4; 2016/17 has no figure of its own: 0 ÷ 10,000.
        Assert.Equal((20000, 1m), Rate(data, new ReportingWindow(D("2014-04-01"), D("2015-03-31"))));
        Assert.Equal((25000, 0.4m), Rate(data, Year2015));
        Assert.Equal((10000, 0m), Rate(data, new ReportingWindow(D("2016-04-01"), D("2017-03-31"))));
    }

    private static (int, decimal?) Rate(ReturnsData data, ReportingWindow window)
    {
        var r = new ReferralRate().Compute(data, window);
        return (r.Denominator, r.Value);
    }

    [Fact]
    public void Every_indicator_names_its_ref_title_source_tables_and_version()
    {
        foreach (var i in IndicatorCatalogue.All)
        {
            Assert.Matches("^[a-z0-9-]+$", i.Code);
            Assert.False(string.IsNullOrWhiteSpace(i.Title));
            Assert.NotEmpty(i.SourceTables);
            Assert.True(i.Version >= 1);
        }
        Assert.Equal(IndicatorCatalogue.All.Count, IndicatorCatalogue.All.Select(i => i.Code).Distinct().Count());
    }
}
