using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Tests.Plans;

/// <summary>The rules a plan and its measures keep when they are edited: the plan check's rules, refused as they are made.</summary>
public sealed class PlanEditingTests
{
    private static readonly DateOnly MidYear = new(2015, 11, 3);

    private static MeasureDefinition Percent(string title) => new(title, Polarity.Higher, "%", 0, Frequency.Quarterly, ValueType.Snapshot, null, false);

    /// <summary>A plan for 2015/16 and 2016/17 with one priority, one objective and one measure, its items numbered as a store would.</summary>
    private static (Plan Plan, Priority Priority, Objective Objective, Indicator Measure) Sample()
    {
        var plan = Plan.Create("TEST-1", new PlanDetails("Test plan", PlanKind.BusinessPlan, 2015, 2016, null, null, null));
        var priority = plan.AddPriority("Safeguarding", null);
        priority.Id = 1;
        var objective = plan.AddObjective("OB01", new ObjectiveDetails("Keep children safe", priority, null, null, false, null, null));
        objective.Id = 2;
        var measure = plan.AddMeasure("M1", objective, null, Percent("Assessments in 45 days"), null);
        measure.Id = 3;
        return (plan, priority, objective, measure);
    }

    [Fact]
    public void A_new_plan_is_a_draft_until_approved_and_is_approved_once()
    {
        var (plan, _, _, _) = Sample();
        Assert.Equal(PlanStatus.Draft, plan.Status);
        plan.Approve();
        Assert.Equal(PlanStatus.Approved, plan.Status);
        Assert.Equal("TEST-1 is already approved.", Assert.Throws<DomainException>(plan.Approve).Message);
    }

    [Fact]
    public void Refs_are_unique_within_a_plan_for_each_kind_of_item()
    {
        var (plan, priority, objective, _) = Sample();
        Assert.Equal("TEST-1 already has an objective OB01; refs are unique within a plan.",
            Assert.Throws<DomainException>(() => plan.AddObjective("OB01", new ObjectiveDetails("Again", priority, null, null, false, null, null))).Message);
        Assert.Equal("TEST-1 already has a measure M1; refs are unique within a plan.",
            Assert.Throws<DomainException>(() => plan.AddMeasure("M1", objective, null, Percent("Again"), null)).Message);
        plan.AddMilestone("OB01a", new MilestoneDetails(objective, "Review the front door", 2015, null, null, null));
        Assert.Equal("TEST-1 already has a milestone OB01a; refs are unique within a plan.",
            Assert.Throws<DomainException>(() => plan.AddMilestone("OB01a", new MilestoneDetails(objective, "Again", 2015, null, null, null))).Message);
        // The same ref for a measure and an objective is no clash: each kind has its own.
        plan.AddMeasure("OB01", objective, null, Percent("Named like the objective"), null);
    }

    [Fact]
    public void A_milestone_must_fall_in_the_plans_years_and_be_due_within_its_own_year()
    {
        var (plan, _, objective, _) = Sample();
        Assert.Equal("Milestone OB01b is for 2017/18, outside the plan's years (2015/16 to 2016/17).",
            Assert.Throws<DomainException>(() => plan.AddMilestone("OB01b", new MilestoneDetails(objective, "Open the hub", 2017, null, null, null))).Message);
        // 2015/16 runs from 1 April 2015 to 31 March 2016: March 2015 is the year before.
        Assert.Equal("Milestone OB01c is due 31 March 2015, outside its plan year 2015/16 (1 April 2015 to 31 March 2016).",
            Assert.Throws<DomainException>(() => plan.AddMilestone("OB01c", new MilestoneDetails(objective, "Publish", 2015, new DateOnly(2015, 3, 31), null, null))).Message);
        Assert.Empty(plan.Milestones);
        var m = plan.AddMilestone("OB01d", new MilestoneDetails(objective, "Publish", 2015, new DateOnly(2016, 3, 31), null, null));
        Assert.Same(objective.Priority, m.Priority);
    }

    [Fact]
    public void A_formula_naming_a_measure_the_plan_lacks_or_making_a_cycle_is_refused_and_leaves_the_measure_as_it_was()
    {
        var (plan, _, objective, m1) = Sample();
        var unknown = Assert.Throws<DomainException>(() => plan.AddMeasure("F1", objective, null, Percent("Rate") with { Formula = "M1 / POP * 100" }, null));
        Assert.Equal("Measure F1: Formula \"M1 / POP * 100\" refers to \"POP\", not a measure of this plan.", unknown.Message);
        Assert.DoesNotContain(plan.Indicators, i => i.Ref == "F1");

        var f2 = plan.AddMeasure("F2", objective, null, Percent("Double") with { Formula = "M1 * 2" }, null);
        var cycle = Assert.Throws<DomainException>(() => plan.RedefineMeasure(m1, m1.DefinitionFields with { Formula = "F2 / 2" }));
        Assert.Contains("cycle", cycle.Message);
        Assert.Null(m1.Formula);
        Assert.Equal("M1 * 2", f2.Formula);
    }

    [Theory]
    [InlineData(5, null, null, null, null, "Measure M1: precision is the number of decimal places, from 0 to 4; 5 is not.")]
    [InlineData(0, "50", null, null, null, "Measure M1: the multiplier is one of 1, 100, 1000, 10000 or 100000 (100 for a percentage, 1000 or more for a rate); 50 is not.")]
    [InlineData(0, "100", "M2 * 2", null, null, "Measure M1: a measure is a ratio of counts or a formula over other measures, not both.")]
    [InlineData(0, null, null, "100", "0", "Measure M1: the minimum, 100, is above the maximum, 0.")]
    public void A_measure_refuses_a_definition_that_cannot_work(int precision, string? multiplier, string? formula, string? min, string? max, string expected)
    {
        var (_, _, _, m1) = Sample();
        decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        var refused = Assert.Throws<DomainException>(() => m1.Redefine(m1.DefinitionFields with { Precision = precision, Multiplier = D(multiplier), Formula = formula, Minimum = D(min), Maximum = D(max) }));
        Assert.Equal(expected, refused.Message);
        Assert.Equal(0, m1.Precision);
    }

    [Fact]
    public void Once_an_approved_plans_year_has_begun_a_target_changes_only_with_a_reason()
    {
        var (plan, _, _, m1) = Sample();
        var fy = Period.FinancialYear(2015);
        // Setting targets for the first time needs no reason, even mid-year.
        plan.ChangeTarget(m1, fy, TargetState.ToBeConfirmed, null, null, MidYear, null);
        plan.Approve();

        var refused = Assert.Throws<DomainException>(() => plan.ChangeTarget(m1, fy, TargetState.Set, 95m, null, MidYear, null));
        Assert.Equal("2015/16 began on 1 April 2015: say why the target for M1 in 2015/16 is changing.", refused.Message);
        Assert.Equal(TargetState.ToBeConfirmed, m1.Targets.Single().State);

        plan.ChangeTarget(m1, fy, TargetState.Set, 95m, null, MidYear, "confirmed at mid-year review");
        Assert.Equal("95%", m1.Targets.Single().Describe(m1));
        // Next year's target has not begun: no reason needed.
        plan.ChangeTarget(m1, Period.FinancialYear(2016), TargetState.Set, 96m, null, MidYear, null);
        plan.ChangeTarget(m1, Period.FinancialYear(2016), TargetState.Set, 97m, null, MidYear, null);
        // A quarter's profiled target belongs to its year.
        plan.ChangeTarget(m1, Period.Quarter(2015, 2), TargetState.Set, 40m, null, MidYear, null);
        Assert.Throws<DomainException>(() => plan.ChangeTarget(m1, Period.Quarter(2015, 2), TargetState.Set, 45m, null, MidYear, null));
        Assert.Equal("The target for M1 in 2017/18 is outside the plan's years (2015/16 to 2016/17).",
            Assert.Throws<DomainException>(() => plan.ChangeTarget(m1, Period.FinancialYear(2017), TargetState.Set, 98m, null, MidYear, "")).Message);
        Assert.Equal("Enter the target for M1 in 2016/17, or say it is to be confirmed or not applicable.",
            Assert.Throws<DomainException>(() => m1.SetTarget(Period.FinancialYear(2016), TargetState.Set, null, null)).Message);
    }

    [Fact]
    public void An_item_in_use_under_another_keeps_it_from_being_retired_and_a_retired_parent_keeps_it_from_being_reinstated()
    {
        var (plan, priority, objective, m1) = Sample();
        var refused = Assert.Throws<DomainException>(() => plan.Retire(objective, MidYear));
        Assert.Equal("Objective OB01 cannot be retired while measure M1 is in use under it. Retire or move it first.", refused.Message);

        plan.Retire(m1, MidYear);
        Assert.Equal("Measure M1 is already retired (since 3 November 2015).", Assert.Throws<DomainException>(() => plan.Retire(m1, MidYear)).Message);
        plan.Retire(objective, MidYear);
        plan.Retire(priority, MidYear);
        Assert.Equal("Measure M1 is under objective OB01, which is retired: reinstate objective OB01 first.",
            Assert.Throws<DomainException>(() => plan.Reinstate(m1)).Message);
        plan.Reinstate(priority);
        plan.Reinstate(objective);
        plan.Reinstate(m1);
        Assert.False(m1.IsRetired);
        Assert.Equal("Objective OB01 is in use, not retired: there is nothing to reinstate.", Assert.Throws<DomainException>(() => plan.Reinstate(objective)).Message);
    }

    [Fact]
    public void Moving_an_item_swaps_it_with_its_neighbour_among_the_items_of_the_same_parent()
    {
        var (plan, _, objective, m1) = Sample();
        var m2 = plan.AddMeasure("M2", objective, null, Percent("Second"), null);
        var other = plan.AddPriority("Achievement", null);
        var elsewhere = plan.AddMeasure("X1", null, other, Percent("Reported under another priority"), null);
        List<string> Order() => plan.Indicators.Where(i => i.Objective == objective).OrderBy(i => i.Order).Select(i => i.Ref).ToList();

        Assert.Equal(["M1", "M2"], Order());
        plan.Move(m2, -1);
        Assert.Equal(["M2", "M1"], Order());
        Assert.Equal("Measure M2 is already first in its list.", Assert.Throws<DomainException>(() => plan.Move(m2, -1)).Message);
        Assert.Equal("Measure X1 is already last in its list.", Assert.Throws<DomainException>(() => plan.Move(elsewhere, +1)).Message);
        _ = m1;
    }

    [Fact]
    public void Narrowing_the_plans_years_is_refused_while_an_item_would_fall_outside_them()
    {
        var (plan, _, objective, m1) = Sample();
        plan.AddMilestone("OB01a", new MilestoneDetails(objective, "Second year", 2016, null, null, null));
        plan.ChangeTarget(m1, Period.FinancialYear(2016), TargetState.Set, 90m, null, MidYear, null);
        var refused = Assert.Throws<DomainException>(() => plan.ChangeDetails(plan.Details with { LastYear = 2015 }));
        Assert.Equal("The years 2015/16 to 2015/16 would leave milestone OB01a and the target for M1 2016/17 outside the plan's years. Move or retire them first.", refused.Message);
        plan.ChangeDetails(plan.Details with { LastYear = 2017, Title = "  Test plan 2015-18 " });
        Assert.Equal("Test plan 2015-18", plan.Title);
    }

    [Fact]
    public void A_page_opened_before_anothers_save_is_refused()
    {
        var (plan, _, _, _) = Sample();
        plan.EnsureRevision(0);
        Assert.Equal(DomainRefusal.Conflict, Assert.Throws<DomainException>(() => plan.EnsureRevision(0)).Kind);
        plan.EnsureRevision(1);
    }

    [Fact]
    public void Versions_are_compared_item_by_item_and_summarised_in_counts()
    {
        var (plan, _, objective, m1) = Sample();
        plan.ChangeTarget(m1, Period.FinancialYear(2015), TargetState.ToBeConfirmed, null, null, MidYear, null);
        var approved = PlanSnapshot.Of(plan);

        plan.ChangeTarget(m1, Period.FinancialYear(2015), TargetState.Set, 95m, null, MidYear, "confirmed");
        plan.AddMeasure("M2", objective, null, Percent("Repeat plans"), null).Id = 4;
        plan.AddMeasure("M3", objective, null, Percent("Referrals"), null).Id = 5;
        plan.RedefineMeasure(m1, m1.DefinitionFields with { Title = "Assessments within 45 working days" });
        var amended = PlanSnapshot.Of(plan);

        var changes = PlanSnapshot.Compare(approved, amended);
        Assert.Equal(
            [
                "changed measure M1: title changed from “Assessments in 45 days” to “Assessments within 45 working days”",
                "changed target of M1: target for 2015/16 changed from tbc to 95%",
                "added measure M2",
                "added measure M3",
            ],
            changes.Select(c => c.ToString()));
        Assert.Equal("2 measures added, 1 measure changed, 1 target changed", PlanSnapshot.Summarise(changes));
        Assert.Equal("no change", PlanSnapshot.Summarise(PlanSnapshot.Compare(amended, amended)));
    }
}
