using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using Outturn.Domain.Returns.Validation;
using static Outturn.Domain.Tests.Returns.Build;

namespace Outturn.Domain.Tests.Returns;

/// <summary>Two collection years held together: nothing of the earlier year is lost, and each year's figures are its own.</summary>
public class ReturnsAcrossYearsTests
{
    private static readonly ReportingWindow Year2014 = new(D("2014-04-01"), D("2015-03-31"));

    // A referral of 1 Oct 2014 still open at 31 March 2015, so in both censuses. The 2014/15 census carries its assessment
    // (2 Oct to 30 Oct 2014: 20 working days — 3 Oct, then 6-10, 13-17, 20-24 and 27-30 Oct), a section 47 of 15 Oct and
    // a plan from 1 Nov 2014 reviewed on 20 Jan 2015. The 2015/16 census carries only that year's: the plan's review of
    // 10 Jul 2015 and of 5 Jan 2016, and the referral's closure on 1 Mar 2016, but no primary need.
    private static CinReturn Census2014() => Cin(2014,
        new Referral("OPEN", 1, D("2014-10-01"), "1A", "N1", null, null, false,
            [Assessment("2014-10-02", "2014-10-30")], [], [D("2014-10-15")], [Plan("2014-11-01", null, 0, "2015-01-20")], 7));

    private static CinReturn Census2015() => Cin(2015,
        new Referral("OPEN", 1, D("2014-10-01"), "1A", null, D("2016-03-01"), "RC1", false,
            [], [], [], [Plan("2014-11-01", "2016-03-01", 0, "2015-07-10", "2016-01-05")], 9));

    [Fact]
    public void A_referral_in_both_censuses_keeps_every_years_assessments_section_47s_plans_and_reviews()
    {
        var referral = Assert.Single(Data(Census2014(), Census2015()).Referrals);
        Assert.Equal(D("2014-10-30"), Assert.Single(referral.Assessments).Authorised);
        Assert.Equal([D("2014-10-15")], referral.Section47Starts);
        var plan = Assert.Single(referral.ProtectionPlans);
        Assert.Equal([D("2015-01-20"), D("2015-07-10"), D("2016-01-05")], plan.Reviews);
        // The later year wins only for the fields it carries: the closure is 2015/16's, the primary need (blank there) 2014/15's.
        Assert.Equal((D("2016-03-01"), "N1", D("2016-03-01")), (referral.Closed!.Value, referral.PrimaryNeed, plan.End!.Value));
        Assert.Equal((2015, 9), (referral.Year, referral.Line));
        // Each year's records stay as that year reported them.
        Assert.Empty(Data(Census2014(), Census2015()).Cin[1].Referrals[0].Assessments);
    }

    [Theory]
    [InlineData("cin-assessments-45wd")]
    [InlineData("cp-second-plan")]
    [InlineData("cp-reviews-in-timescale")]
    [InlineData("cp-plans-2yrs-open")]
    [InlineData("cin-referral-rate")]
    public void The_2014_15_figures_are_unchanged_by_importing_2015_16(string code)
    {
        var definition = IndicatorCatalogue.Find(code)!;
        var alone = definition.Compute(Data(Census2014()), Year2014);
        var both = definition.Compute(Data(Census2014(), Census2015()), Year2014);
        Assert.Equal((alone.Numerator, alone.Denominator, alone.Value), (both.Numerator, both.Denominator, both.Value));
        Assert.Equal(alone.Members, both.Members);
    }

    [Fact]
    public void The_2014_15_figures_are_those_worked_by_hand()
    {
        var data = Data(Census2015(), Census2014());
        // One assessment authorised in 2014/15, in 20 working days.
        Assert.Equal((1, 1), Figure<AssessmentsWithin45WorkingDays>(data, Year2014));
        // One plan started in 2014/15, the child's first.
        Assert.Equal((0, 1), Figure<SecondOrSubsequentProtectionPlan>(data, Year2014));
        // Open 5 months at 31 March 2015; first review due 1 Feb 2015, held 20 Jan; next due 20 Jul 2015.
        Assert.Equal((1, 1), Figure<ProtectionPlansReviewedInTimescale>(data, Year2014));
    }

    [Fact]
    public void The_2015_16_review_chain_continues_from_the_2014_15_review()
    {
        // With both years: 20 Jan 2015 → next due 20 Jul 2015 (held 10 Jul) → due 10 Jan 2016 (held 5 Jan). The plan ended
        // 1 Mar 2016, so it is not open at 31 March and not counted; the figure at 31 December 2015 counts it, on time.
        var q3 = ReportingWindow.YearTo(D("2015-12-31"));
        var both = new ProtectionPlansReviewedInTimescale().Compute(Data(Census2014(), Census2015()), q3);
        Assert.Equal((1, 1), (both.Numerator, both.Denominator));
        Assert.Empty(both.Notes);
        // With 2015/16 alone the review of 20 Jan 2015 is not seen, and the figure says so.
        var alone = new ProtectionPlansReviewedInTimescale().Compute(Data(Census2015()), q3);
        Assert.True(Assert.Single(alone.Members).HistoryMissing);
        Assert.Contains(alone.Notes, n => n.StartsWith("The CIN census for 2014/15 is not held: 1 case began before 2015-04-01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plan_reviewed_last_year_is_not_missing_a_review()
    {
        // 2015/16 census: the plan's reviews of that year only. Judged in 2015/16 with 2014/15 also held, it has a review.
        var census2015 = Cin(2015, new Referral("R", 1, D("2014-10-01"), "1A", "N1", null, null, false, [], [], [],
            [Plan("2014-11-01", "2015-05-01", 0)], 4));
        var census2014 = Cin(2014, new Referral("R", 1, D("2014-10-01"), "1A", "N1", null, null, false, [], [], [],
            [Plan("2014-11-01", null, 0, "2015-01-20")], 4));
        Assert.Empty(new MissingProtectionPlanReview().Check(Data(census2014, census2015), Year2015));
        Assert.Single(new MissingProtectionPlanReview().Check(Data(census2015), Year2015));
    }

    private static (int, int) Figure<T>(ReturnsData data, ReportingWindow window) where T : StatutoryIndicator, new()
    {
        var r = new T().Compute(data, window);
        return (r.Numerator, r.Denominator);
    }
}

/// <summary>Review timeliness judged on each plan's and child's reviews across 31 March.</summary>
public class ReviewsAcrossYearsTests
{
    private static readonly ReportingWindow Year2014 = new(D("2014-04-01"), D("2015-03-31"));

    private static Referral WithPlan(string child, string start, params string[] reviews) =>
        Referral(child, start, plans: [Plan(start, null, 0, reviews)]);

    [Fact]
    public void Protection_plan_reviews_are_judged_on_the_chain_across_both_years()
    {
        var census2014 = Cin(2014,
            WithPlan("JAN", "2014-10-10", "2015-01-08"),
            WithPlan("FEB", "2014-11-15", "2015-02-10"),
            WithPlan("FOURTEEN", "2014-06-01", "2014-08-20"));
        var census2015 = Cin(2015,
            WithPlan("JAN", "2014-10-10", "2015-07-18", "2016-01-10"),
            WithPlan("FEB", "2014-11-15", "2015-08-05", "2016-01-30"),
            WithPlan("FOURTEEN", "2014-06-01", "2015-10-20", "2016-03-01"));
        var data = Data(census2014, census2015);
        var r = new ProtectionPlansReviewedInTimescale().Compute(data, Year2015);
        // JAN: reviewed 8 Jan 2015, so due by 8 Jul 2015; held 18 Jul: late.
        // FEB: first due 15 Feb 2015, held 10 Feb; next due 10 Aug (held 5 Aug), then 5 Feb 2016 (held 30 Jan), then 30 Jul 2016: on time.
        // FOURTEEN: reviewed 20 Aug 2014, next due 20 Feb 2015; none until 20 Oct 2015, 14 months later: late.
        Assert.Equal((1, 3), (r.Numerator, r.Denominator));
        Assert.Equal(["FEB"], r.NumeratorChildren);
        Assert.Contains(r.Members, m => m.ChildId == "JAN" && m.Detail.EndsWith("review due 2015-07-08, held 2015-07-18", StringComparison.Ordinal));
        Assert.Empty(r.Notes);
        // 2014/15 on its own census: JAN (due 10 Jan, held 8 Jan) and FEB on time; FOURTEEN due 20 Feb 2015, none held: late.
        var earlier = new ProtectionPlansReviewedInTimescale().Compute(data, Year2014);
        Assert.Equal((2, 3), (earlier.Numerator, earlier.Denominator));
    }

    [Fact]
    public void Looked_after_reviews_are_judged_on_the_chain_across_31_march()
    {
        // In care from Mon 1 Dec 2014: first review due 20 working days later, 31 Dec 2014 (25 and 26 Dec are bank holidays);
        // held 20 Dec; second within 3 months, by 20 Mar 2015 (held 15 Mar); then by 15 Sep 2015.
        var reviews2014 = new[] { new LacReview("LATE", D("2014-12-20"), "PN1", 0), new LacReview("LATE", D("2015-03-15"), "PN1", 0),
            new LacReview("ONTIME", D("2014-12-20"), "PN1", 0), new LacReview("ONTIME", D("2015-03-15"), "PN1", 0) };
        var reviews2015 = new[] { new LacReview("LATE", D("2015-09-20"), "PN1", 0), new LacReview("LATE", D("2016-03-01"), "PN1", 0),
            new LacReview("ONTIME", D("2015-09-10"), "PN1", 0), new LacReview("ONTIME", D("2016-03-01"), "PN1", 0) };
        Episode[] Episodes() => [Episode("LATE", "2014-12-01", "S"), Episode("ONTIME", "2014-12-01", "S")];
        var both = new LookedAfterReviewsInTimescale().Compute(Data(Lac(2014, Episodes(), reviews: reviews2014), Lac(2015, Episodes(), reviews: reviews2015)), Year2015);
        // LATE: due 15 Sep 2015, held 20 Sep. ONTIME: held 10 Sep, then 1 Mar 2016; next due 1 Sep 2016.
        Assert.Equal((1, 2), (both.Numerator, both.Denominator));
        Assert.Equal(["ONTIME"], both.NumeratorChildren);
        // Without 2014/15 neither can be judged late before 1 Oct 2015, and the figure says the earlier reviews are not seen.
        var alone = new LookedAfterReviewsInTimescale().Compute(Data(Lac(2015, Episodes(), reviews: reviews2015)), Year2015);
        Assert.Equal((2, 2), (alone.Numerator, alone.Denominator));
        Assert.Contains(alone.Notes, n => n.StartsWith("The SSDA903 for 2014/15 is not held: 2 cases", StringComparison.Ordinal));
    }
}
