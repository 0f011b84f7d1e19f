using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Risks;

/// <summary>A risk guards its own state: its scores by quarter, history and direction of travel, control measures, review, closing.</summary>
public class RiskTests
{
    private static readonly Period Q1 = Period.Quarter(2015, 1), Q2 = Period.Quarter(2015, 2), Q3 = Period.Quarter(2015, 3);
    private static readonly DateOnly Day = new(2015, 7, 10);

    private static RiskDetails Details(string title = "Unable to recruit social workers") =>
        new(title, "Vacancies covered by agency staff", null, null, null, "Workforce", "Tracey Coffey", "Children and Young People", "Children and Families");

    private static Risk NewRisk() => Risk.Create("CYP-R01", Details(), new DateOnly(2015, 9, 30), Q1, new(4, 4), new(4, 3), new(2, 3), Day);

    [Fact]
    public void A_new_risk_is_open_and_scored_for_its_first_quarter()
    {
        var risk = NewRisk();

        Assert.Equal(RiskState.Open, risk.State);
        Assert.Equal((16, 12, 6), (risk.Initial.Score, risk.Residual.Score, risk.Target!.Value.Score)); // 4×4, 4×3, 2×3
        Assert.Equal(Q1, Assert.Single(risk.Assessments).Period);
        Assert.Equal(Day, risk.LastReviewed);
    }

    [Fact]
    public void A_risk_scored_in_three_quarters_has_a_history_with_its_direction_of_travel()
    {
        var risk = NewRisk();                                                   // Q1 residual 4×3 = 12
        risk.Assess(Q2, new(4, 4), new(4, 3), new(2, 3), Day.AddMonths(3));     // Q2 residual 12: same
        risk.Assess(Q3, new(4, 4), new(3, 3), new(2, 3), Day.AddMonths(6));     // Q3 residual 3×3 = 9: better

        var history = risk.ScoreHistory();

        Assert.Equal([Q1, Q2, Q3], history.Select(h => h.Period));
        Assert.Equal([Direction.NotApplicable, Direction.Same, Direction.Better], history.Select(h => h.Direction));
        Assert.Equal("Better: the residual score fell from 12 to 9 since Quarter 2 2015/16", history[2].Words);
        Assert.Equal(9, risk.Residual.Score); // the latest quarter's scores are the risk's
    }

    [Fact]
    public void Rescoring_an_earlier_quarter_corrects_it_without_changing_the_latest_scores()
    {
        var risk = NewRisk();
        risk.Assess(Q2, new(4, 4), new(3, 3), null, Day);

        risk.Assess(Q1, new(4, 4), new(2, 3), null, Day);   // Q1 residual corrected to 6

        Assert.Equal(9, risk.Residual.Score);               // Q2 still the latest
        Assert.Equal(Direction.Worse, risk.HistoryAt(Q2)!.Direction); // 6 → 9
        Assert.Equal(6, risk.AssessmentAt(Q1)!.Residual.Score);
    }

    [Fact]
    public void The_scores_at_a_quarter_are_that_quarters_or_the_latest_before_it()
    {
        var risk = NewRisk();
        risk.Assess(Q3, new(4, 4), new(3, 3), null, Day);

        Assert.Equal(Q1, risk.AssessmentAt(Q2)!.Period); // not scored in Q2: Q1's stand
        Assert.Null(risk.AssessmentAt(Period.Quarter(2014, 4)));
    }

    [Fact]
    public void A_risk_is_scored_only_for_a_quarter_and_only_while_open()
    {
        var risk = NewRisk();

        Assert.Throws<DomainException>(() => risk.Assess(Period.FinancialYear(2015), new(1, 1), new(1, 1), null, Day));
        risk.Close(Day, "Restructure complete; the workforce is stable");
        var refused = Assert.Throws<DomainException>(() => risk.Assess(Q2, new(1, 1), new(1, 1), null, Day));
        Assert.Contains("closed", refused.Message);
        Assert.Equal(DomainRefusal.Conflict, refused.Kind);
    }

    [Fact]
    public void Closing_and_reopening_need_a_reason_and_the_right_state()
    {
        var risk = NewRisk();

        Assert.Throws<DomainException>(() => risk.Close(Day, " "));
        Assert.Throws<DomainException>(() => risk.Reopen("Why not"));   // open already
        risk.Close(Day, "No longer a threat");
        Assert.True(risk.IsClosed);
        Assert.False(risk.IsOverdueForReview(new DateOnly(2030, 1, 1))); // a closed risk is not reviewed
        Assert.Throws<DomainException>(() => risk.Close(Day, "Again"));
        Assert.Throws<DomainException>(() => risk.Reopen(""));
        risk.Reopen("Agency use rising again");
        Assert.Equal((RiskState.Open, null, null), (risk.State, risk.ClosedOn, risk.ClosureReason));
    }

    [Fact]
    public void Control_measures_take_the_next_letter_and_progress_per_quarter()
    {
        var risk = NewRisk();
        var a = risk.AddControl(null, "Complete the restructure", "Tracey Coffey", new DateOnly(2015, 9, 30));
        var b = risk.AddControl(null, "Recruitment and retention offer", null, null);

        risk.RecordProgress("b", Q2, MilestoneProgress.Amber, "Drafted");
        risk.RecordProgress("b", Q2, MilestoneProgress.Green, "Agreed");   // the quarter's progress corrected

        Assert.Equal(("a", "b"), (a.Ref, b.Ref));
        Assert.Equal((MilestoneProgress.Green, "Agreed"), (b.For(Q2)!.Progress, b.For(Q2)!.Commentary));
        Assert.Equal(Q2, b.LatestAt(Q3)!.Period);
        Assert.Throws<DomainException>(() => risk.AddControl("a", "Again", null, null));
        Assert.Throws<DomainException>(() => risk.RecordProgress("z", Q2, MilestoneProgress.Red, null));
        Assert.Throws<DomainException>(() => risk.RecordProgress("a", Q2, null, " "));
        Assert.Throws<DomainException>(() => risk.AddControl(null, " ", null, null));
    }

    [Fact]
    public void Every_change_raises_the_version_and_a_stale_one_is_refused_as_a_conflict()
    {
        var risk = NewRisk();
        var loaded = risk.Version;

        risk.Edit(Details("Unable to recruit and retain social workers"));
        risk.Edit(Details("Unable to recruit and retain social workers")); // no change, no new version

        Assert.Equal(loaded + 1, risk.Version);
        var stale = Assert.Throws<DomainException>(() => risk.EnsureVersion(loaded));
        Assert.Equal(DomainRefusal.Conflict, stale.Kind);
        risk.EnsureVersion(loaded + 1);
    }

    [Fact]
    public void Details_name_each_field_that_is_missing_or_wrong()
    {
        var problems = new RiskDetails(" ", null, null, null, null, "", null, "D", ObjectiveRef: "CED07").Problems();

        Assert.Equal(["title", "category", "owner", "plan"], problems.Select(p => p.Field));
        Assert.Equal(["ref"], Risk.RefProblems("CYP R01").Select(p => p.Field)); // a space: the ref is part of addresses
        Assert.Throws<DomainException>(() => Risk.Create("", Details(), Day, Q1, new(1, 1), new(1, 1), null, Day));
    }

    [Fact]
    public void A_register_kept_without_quarters_holds_its_scores_until_it_is_scored_by_quarter()
    {
        var risk = Risk.CreateUnquartered("CS-R01", Details(), Day, new(3, 4), new(2, 3), null);
        risk.HoldScores(new(3, 4), new(2, 2), null);
        Assert.Equal(4, risk.Residual.Score);

        risk.Assess(Q1, new(3, 4), new(3, 3), null, Day);

        Assert.Equal(9, risk.Residual.Score);
        Assert.Throws<DomainException>(() => risk.HoldScores(new(1, 1), new(1, 1), null));
        Assert.Equal(Direction.NotApplicable, risk.HistoryAt(Q1)!.Direction);
    }
}
