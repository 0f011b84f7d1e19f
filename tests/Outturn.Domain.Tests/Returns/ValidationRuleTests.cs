using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using Outturn.Domain.Returns.Validation;
using static Outturn.Domain.Tests.Returns.Build;

namespace Outturn.Domain.Tests.Returns;

public class ValidationRuleTests
{
    private static IReadOnlyList<RuleFailure> Run(ValidationRule rule, ReturnsData data) => rule.Check(data, Year2015).ToList();

    [Fact]
    public void Overlapping_episodes_fail_and_consecutive_ones_pass()
    {
        Assert.Empty(Run(new OverlappingEpisodes(), Data(Lac(2015, [Episode("A", "2015-05-01", "S", "2015-06-01"), Episode("A", "2015-06-01", "P")]))));
        var f = Assert.Single(Run(new OverlappingEpisodes(), Data(Lac(2015, [Episode("A", "2015-05-01", "S", "2015-06-10"), Episode("A", "2015-06-01", "P")]))));
        Assert.Equal(("903-OVERLAP", "A", "Episodes"), (f.Rule, f.ChildId, f.Table));
    }

    [Fact]
    public void An_episode_after_care_ended_must_start_a_new_period()
    {
        var ended = Episode("A", "2015-05-01", "S", "2015-06-01") with { Rec = "E11" };
        Assert.Empty(Run(new EpisodeAfterCareEnded(), Data(Lac(2015, [ended, Episode("A", "2015-09-01", "S")]))));
        Assert.Single(Run(new EpisodeAfterCareEnded(), Data(Lac(2015, [ended, Episode("A", "2015-09-01", "P")]))));
    }

    [Fact]
    public void An_episode_before_the_date_of_birth_fails()
    {
        var child = new LacChild("A", "1", D("2015-06-01"), null, 2);
        Assert.Empty(Run(new EpisodeBeforeBirth(), Data(Lac(2015, [Episode("A", "2015-06-01", "S")], [child]))));
        Assert.Single(Run(new EpisodeBeforeBirth(), Data(Lac(2015, [Episode("A", "2015-05-31", "S")], [child]))));
    }

    [Fact]
    public void An_episode_ending_before_it_starts_fails()
    {
        Assert.Empty(Run(new EpisodeEndsBeforeItStarts(), Data(Lac(2015, [Episode("A", "2015-06-01", "S", "2015-06-01")]))));
        Assert.Single(Run(new EpisodeEndsBeforeItStarts(), Data(Lac(2015, [Episode("A", "2015-06-01", "S", "2015-05-31")]))));
    }

    [Fact]
    public void A_child_id_twice_in_the_header_fails()
    {
        var a = new LacChild("A", "1", D("2010-01-01"), null, 2);
        Assert.Empty(Run(new DuplicateLookedAfterChild(), Data(Lac(2015, [], [a]))));
        var f = Assert.Single(Run(new DuplicateLookedAfterChild(), Data(Lac(2015, [], [a, a with { Line = 3 }]))));
        Assert.Equal(3, f.Line);
    }

    [Fact]
    public void A_child_looked_after_with_no_review_held_fails()
    {
        Assert.Single(Run(new MissingLookedAfterReview(), Data(Lac(2015, [Episode("A", "2015-06-01", "S")]))));
        Assert.Empty(Run(new MissingLookedAfterReview(), Data(Lac(2015, [Episode("A", "2015-06-01", "S")], reviews: [new LacReview("A", D("2015-10-20"), "PN1", 2)]))));
        // Not yet due: looked after from 20 March 2016, first review due in April.
        Assert.Empty(Run(new MissingLookedAfterReview(), Data(Lac(2015, [Episode("B", "2016-03-20", "S")]))));
    }

    [Fact]
    public void An_assessment_authorised_before_it_started_fails()
    {
        Assert.Empty(Run(new AssessmentAuthorisedBeforeStart(), Data(Cin(2015, Referral("A", "2015-05-01", [Assessment("2015-05-02", "2015-05-02")])))));
        Assert.Single(Run(new AssessmentAuthorisedBeforeStart(), Data(Cin(2015, Referral("A", "2015-05-01", [Assessment("2015-05-02", "2015-05-01")])))));
    }

    [Fact]
    public void A_plan_ending_before_it_started_fails()
    {
        Assert.Empty(Run(new PlanEndedBeforeStart(), Data(Cin(2015, Referral("A", "2015-05-01", plans: [Plan("2015-06-01", "2015-06-01")])))));
        Assert.Single(Run(new PlanEndedBeforeStart(), Data(Cin(2015, Referral("A", "2015-05-01", plans: [Plan("2015-06-01", "2015-05-31")])))));
    }

    [Fact]
    public void A_child_twice_in_a_census_fails()
    {
        var cin = Cin(2015);
        cin.Children.Add(new CinChild("A", null, "1", 5));
        Assert.Empty(Run(new DuplicateCinChild(), Data(cin)));
        cin.Children.Add(new CinChild("A", null, "1", 40));
        Assert.Equal(40, Assert.Single(Run(new DuplicateCinChild(), Data(cin))).Line);
    }

    [Fact]
    public void A_protection_plan_over_3_months_without_a_review_fails()
    {
        Assert.Single(Run(new MissingProtectionPlanReview(), Data(Cin(2015, Referral("A", "2015-05-01", plans: [Plan("2015-06-01")])))));
        Assert.Empty(Run(new MissingProtectionPlanReview(), Data(Cin(2015, Referral("A", "2015-05-01", plans: [Plan("2015-06-01", null, 0, "2015-08-20")])))));
    }

    [Fact]
    public void Every_rule_has_a_unique_code_a_message_tables_and_fields()
    {
        Assert.Equal(RuleCatalogue.All.Count, RuleCatalogue.All.Select(r => r.Code).Distinct().Count());
        Assert.All(RuleCatalogue.All, r => { Assert.NotEmpty(r.Message); Assert.NotEmpty(r.Tables); Assert.NotEmpty(r.Fields); });
    }

    [Fact]
    public void The_impact_shows_children_touched_the_figure_without_them_and_the_range_if_corrected()
    {
        // Four children looked after at 31 March; A (3 placements) and B (1) are clean; C's episodes overlap (2 placements counted), D has 1.
        var data = Data(Lac(2015, [
            Episode("A", "2015-05-01", "S", "2015-06-01"), Episode("A", "2015-06-01", "P", "2015-07-01"), Episode("A", "2015-07-01", "P"),
            Episode("B", "2015-05-01", "S"),
            Episode("C", "2015-05-01", "S", "2015-08-01"), Episode("C", "2015-07-01", "P"),
            Episode("D", "2015-05-01", "S"),
        ]));
        var failures = new OverlappingEpisodes().Check(data, Year2015).ToList();
        var impact = ImpactAnalysis.For(data, Year2015, failures, [new PlacementStability()]).Single();
        // Now 1 of 4 = 25%. C touched: without C, 1 of 3 = 33.33%; corrected, C could count out (25%) or in (50%).
        Assert.Equal((25m, 1, 33.333333m, 25m, 50m), (impact.Now.Value!.Value, impact.ChildrenTouched, impact.Excluded.Value!.Value, impact.CorrectedLow!.Value, impact.CorrectedHigh!.Value));
    }
}
