using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Documents;
using Outturn.Application.Equality;
using Outturn.Application.Monitoring;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Documents;

/// <summary>
/// Sections 4.0, 5.0 and 7.0 of a published report are frozen with it. The demo publishes the Quarter 2 2015/16 round;
/// its risks are scored in Quarters 1 to 3 (invented, Demo/risks/README.md): CYP-R01's residual score is 4 × 3 = 12 at
/// Quarter 2 and 3 × 3 = 9 at Quarter 3, and its measure a was reported complete at Quarter 2.
/// </summary>
public abstract class FrozenSectionsTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Period Q2 = Period.Quarter(2015, 2), Q3 = Period.Quarter(2015, 3);
    private const string Caption = "Progress on the control measures of risks initially assessed as high";

    private Task<T> Use<TService, T>(Func<TService, Task<T>> work) where TService : notnull => WithScope(sp => work(sp.GetRequiredService<TService>()));

    private async Task<IReadOnlyList<IReadOnlyList<string>>> RiskRows(Period period)
    {
        var document = await Use<BoardReports, Document>(async b => (await b.PpbAsync(DemoRounds.PlanRef, period))!);
        using var word = new WordFile(WordRenderer.Render(document));
        return word.Rows(Caption).Skip(1).ToList();
    }

    [Fact]
    public async Task The_published_quarter_2_report_keeps_its_quarter_2_scores_and_progress_after_quarter_3_and_later_corrections()
    {
        await LoadDemoAsync();
        var r01 = (await RiskRows(Q2)).First(r => r[0] == "CYP-R01");
        Assert.StartsWith("Unable to recruit and retain a stable permanent social work workforce (initial 16, residual 12, target 6)", r01[1]);
        Assert.StartsWith("Complete", r01[4].Trim(), StringComparison.Ordinal); // the symbol's picture, then its words

        // After publication: CYP-R01's Quarter 2 scores are corrected, its measure a's Quarter 2 progress changed, and
        // an equality action's Quarter 2 progress rewritten.
        var risk = await Use<RiskQuery, Risk>(async q => (await q.RiskAsync("CYP-R01"))!);
        await Use<ScoreRisk, Risk>(h => h.HandleAsync(new ScoreRiskCommand("CYP-R01", risk.Version, Q2, new RiskScores(new(4, 4), new(2, 2), null), null, "Corrected")));
        risk = await Use<RiskQuery, Risk>(async q => (await q.RiskAsync("CYP-R01"))!);
        await Use<RecordControlProgress, Risk>(h => h.HandleAsync(new ControlProgressCommand("CYP-R01", risk.Version, "a", Q2, MilestoneProgress.Red, "Rewritten after publication")));
        var action = await Use<EqualityQuery, Domain.Equality.EqualityAction>(async q => (await q.ActionAsync("CYP-EQ1"))!);
        await Use<RecordEqualityProgress, Domain.Equality.EqualityAction>(h => h.HandleAsync(new EqualityProgressCommand("CYP-EQ1", action.Version, Q2, MilestoneProgress.Red, "Rewritten after publication")));

        var again = (await RiskRows(Q2)).First(r => r[0] == "CYP-R01");
        Assert.Equal(r01, again);
        var published = await Use<BoardReports, Document>(async b => (await b.PpbAsync(DemoRounds.PlanRef, Q2))!);
        using (var word = new WordFile(WordRenderer.Render(published)))
        {
            Assert.DoesNotContain("Rewritten after publication", word.Text + string.Join(" ", word.Rows().SelectMany(r => r)));
            Assert.Contains(word.Rows("Progress against high priority equality actions"), r => r[0] == "Closing the gap for pupils eligible for free school meals" && r[3].Trim().StartsWith("Amber", StringComparison.Ordinal));
        }

        // The registers themselves have moved on: the open Quarter 3 round's draft shows Quarter 3's scores, and the
        // Quarter 2 section built now from the register shows the corrections.
        var q3 = (await RiskRows(Q3)).First(r => r[0] == "CYP-R01");
        Assert.Equal("Unable to recruit and retain a stable permanent social work workforce (initial 16, residual 9, target 6). Worse: the residual score rose from 4 to 9 since Quarter 2 2015/16.", q3[1]);
        var plan = (await Use<MonitoringQuery, Domain.Plans.Plan?>(q => q.LoadPlanAsync(DemoRounds.PlanRef)))!;
        var live = await Use<RiskQuery, RiskControlSection>(q => q.ForPlanAsync(plan, Q2));
        Assert.Equal(4, live.HighRisks.Single(r => r.Ref == "CYP-R01").Residual.Score); // 2 × 2, as corrected
    }

    [Fact]
    public async Task A_register_section_for_a_quarter_uses_that_quarters_scores_even_after_later_ones_are_entered()
    {
        await LoadDemoAsync();
        var plan = (await Use<MonitoringQuery, Domain.Plans.Plan?>(q => q.LoadPlanAsync(DemoRounds.PlanRef)))!;

        var q2 = await Use<RiskQuery, RiskControlSection>(q => q.ForPlanAsync(plan, Q2));
        var q3 = await Use<RiskQuery, RiskControlSection>(q => q.ForPlanAsync(plan, Q3));

        // CYP-R02: residual 3 × 3 = 9 at Q1, 4 × 3 = 12 at Q2 (worse), 3 × 3 = 9 at Q3 (better).
        var r02q2 = q2.HighRisks.Single(r => r.Ref == "CYP-R02");
        var r02q3 = q3.HighRisks.Single(r => r.Ref == "CYP-R02");
        Assert.Equal((12, "worse", "2015/16 Q2"), (r02q2.Residual.Score, r02q2.Direction, r02q2.ScoredIn));
        Assert.Equal((9, "better", "2015/16 Q3"), (r02q3.Residual.Score, r02q3.Direction, r02q3.ScoredIn));
        // The published snapshot carries the same Quarter 2 section.
        var round = await Use<Outturn.Application.Rounds.RoundViews, Domain.Rounds.MonitoringRound?>(r => r.FindAsync(DemoRounds.PlanRef, Q2));
        var frozen = Outturn.Application.Rounds.SnapshotJson.Published(round!)!.Registers!;
        Assert.Equal(12, frozen.Risks.HighRisks.Single(r => r.Ref == "CYP-R02").Residual.Score);
        Assert.Equal(["CYP-EQ1", "CYP-EQ2", "CYP-EQ3"], frozen.Equality.HighPriority.Select(a => a.Ref));
        Assert.Equal(["Education, Inclusion and Provision", "Children and Families"], frozen.Finance.Select(f => f.Department));
        Assert.Equal(19233m, frozen.FinancialSummaries()[1].Total(Domain.Finance.RevenueTotal.NetExpenditure).Computed.AnnualBudget); // C&F, as published
    }
}

public sealed class FrozenSectionsTestsOnSqlite() : FrozenSectionsTests(DatabaseProvider.Sqlite);

public sealed class FrozenSectionsTestsOnPostgres() : FrozenSectionsTests(DatabaseProvider.Postgres);
