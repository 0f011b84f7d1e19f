using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Validation;
using static Outturn.Domain.Tests.Returns.Build;

namespace Outturn.Domain.Tests.Returns;

/// <summary>The Department's validation checks, by their published codes, each on a passing and a failing case.</summary>
public class DepartmentRuleTests
{
    private static IReadOnlyList<RuleFailure> Run(ValidationRule rule, ReturnsData data) => rule.Check(data, Year2015).ToList();

    [Fact]
    public void Rule_352_a_child_starting_care_on_their_18th_birthday_fails_and_the_day_before_passes()
    {
        var child = new LacChild("A", "1", D("1997-06-01"), null, 2);
        Assert.Empty(Run(new StartedAged18OrOver(), Data(Lac(2015, [Episode("A", "2015-05-31", "S")], [child]))));
        var f = Assert.Single(Run(new StartedAged18OrOver(), Data(Lac(2015, [Episode("A", "2015-06-01", "S")], [child]))));
        Assert.Equal(("903-STARTED-AGED-18", "352"), (f.Rule, new StartedAged18OrOver().Reference));
    }

    [Fact]
    public void Rule_437_an_episode_after_one_ended_by_death_or_at_18_fails()
    {
        var died = Episode("A", "2015-05-01", "S", "2015-06-01") with { Rec = "E2" };
        var adult = Episode("B", "2015-05-01", "S", "2015-06-01") with { Rec = "E15" };
        var home = Episode("C", "2015-05-01", "S", "2015-06-01") with { Rec = "E11" };
        var failures = Run(new EpisodeAfterDeathOrAdulthood(), Data(Lac(2015,
            [died, Episode("A", "2015-07-01", "S"), adult, Episode("B", "2015-07-01", "S"), home, Episode("C", "2015-07-01", "S")])));
        Assert.Equal(["A", "B"], failures.Select(f => f.ChildId).Order());
        Assert.Empty(Run(new EpisodeAfterDeathOrAdulthood(), Data(Lac(2015, [died]))));
    }

    [Fact]
    public void Rule_502_this_years_first_episode_must_start_on_last_years_open_episode()
    {
        var last = Lac(2014, [Episode("A", "2014-09-01", "S"), Episode("B", "2014-09-01", "S")]);
        // A continues the open episode; B's first episode in 2015/16 starts on another date.
        var current = Lac(2015, [Episode("A", "2014-09-01", "S"), Episode("B", "2014-10-01", "S")]);
        var f = Assert.Single(Run(new OpenEpisodeNotCarriedForward(), Data(last, current)));
        Assert.Equal(("B", 2015), (f.ChildId, f.Year));
        // Without last year's return there is nothing to compare.
        Assert.Empty(Run(new OpenEpisodeNotCarriedForward(), Data(current)));
    }

    [Fact]
    public void Rule_8840_a_plan_starting_and_ending_on_the_same_day_fails()
    {
        Assert.Single(Run(new ProtectionPlanStartsAndEndsSameDay(), Data(Cin(2015, Referral("A", "2015-05-01", plans: [Plan("2015-06-01", "2015-06-01")])))));
        Assert.Empty(Run(new ProtectionPlanStartsAndEndsSameDay(), Data(Cin(2015, Referral("A", "2015-05-01", plans: [Plan("2015-06-01", "2015-06-02")])))));
    }

    [Fact]
    public void Rule_8810_a_reason_for_closure_needs_a_closure_date()
    {
        var open = Referral("A", "2015-05-01") with { ClosureReason = "RC1" };
        var closed = Referral("B", "2015-05-01") with { ClosureReason = "RC1", Closed = D("2015-07-01") };
        var f = Assert.Single(Run(new ClosureReasonWithoutDate(), Data(Cin(2015, open, closed))));
        Assert.Equal("A", f.ChildId);
    }

    [Fact]
    public void Rule_8620_a_closure_date_must_fall_in_the_census_year()
    {
        var inYear = Referral("IN", "2015-05-01") with { Closed = D("2016-03-31") };
        var after = Referral("AFTER", "2015-05-01") with { Closed = D("2016-04-01") };
        var before = Referral("BEFORE", "2014-05-01") with { Closed = D("2015-03-31") };
        Assert.Equal(["AFTER", "BEFORE"], Run(new ClosureOutsideCensusYear(), Data(Cin(2015, inYear, after, before))).Select(f => f.ChildId).Order());
    }

    [Fact]
    public void A_child_in_care_at_31_march_reviewed_last_year_but_not_in_the_last_six_months_fails()
    {
        // In care since 2014; reviewed 20 Sep 2015 (more than six months before 31 March 2016: fails) or 30 Sep 2015 (passes).
        Episode[] episodes = [Episode("A", "2014-06-01", "S")];
        ReturnsData With(string review) => Data(Lac(2014, episodes, reviews: [new LacReview("A", D("2015-03-01"), "PN1", 0)]),
            Lac(2015, episodes, reviews: [new LacReview("A", D(review), "PN1", 0)]));
        Assert.Empty(Run(new MissingLookedAfterReview(), With("2015-09-30")));
        var f = Assert.Single(Run(new MissingLookedAfterReview(), With("2015-09-20")));
        Assert.Contains("last review 2015-09-20, none in the six months to 2016-03-31", f.Detail, StringComparison.Ordinal);
        // Reviewed only last year, not at all this year.
        var lastYearOnly = Data(Lac(2014, episodes, reviews: [new LacReview("A", D("2015-03-01"), "PN1", 0)]), Lac(2015, episodes));
        Assert.Contains("last review 2015-03-01", Assert.Single(Run(new MissingLookedAfterReview(), lastYearOnly)).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_has_a_distinct_code_and_the_departments_code_where_one_is_given_is_numeric()
    {
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Code).Distinct().Count());
        foreach (var r in RuleCatalogue.All.Where(r => r.Reference is not null)) Assert.Matches("^[0-9]{3,4}$", r.Reference);
    }
}
