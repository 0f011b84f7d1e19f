using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Equality;
using Outturn.Application.Finance;
using Outturn.Application.Monitoring;
using Outturn.Application.Risks;
using Outturn.Domain.Finance;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;

namespace Outturn.Application.Tests.Finance;

/// <summary>The demo registers and budgets. Expected figures are the published ones of the Q2 2015/16 report (docs/sources.md §2.5).</summary>
public abstract class DemoRegistersTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Period Q2 = Period.Quarter(2015, 2);

    private Task Load() => LoadDemoAsync();

    private Task<FinancialSummary> Summary(string department) => WithScope(async sp =>
    {
        var q = sp.GetRequiredService<FinanceQuery>();
        return await q.SummaryAsync((await q.DepartmentAsync(department))!, Q2);
    });

    private static void AssertPublished(TotalView t, decimal annual, decimal toDate, decimal spent, decimal variance) =>
        Assert.Equal((annual, toDate, spent, variance), (t.Computed.AnnualBudget, t.Computed.BudgetToDate, t.Computed.ExpenditureToDate, t.Computed.VarianceToDate));

    [Fact]
    public async Task The_demo_budget_of_education_inclusion_and_provision_reproduces_the_published_totals()
    {
        await Load();
        var s = await Summary("Education, Inclusion and Provision");

        Assert.Equal(28, s.Lines.Count); // 14 expenditure, 10 income, 4 recharge lines
        AssertPublished(s.Total(RevenueTotal.TotalExpenditure), 20503, 9564, 9307, 257);
        AssertPublished(s.Total(RevenueTotal.TotalIncome), -12723, -4195, -4210, 15);
        AssertPublished(s.Total(RevenueTotal.NetOperationalBudget), 7780, 5369, 5097, 272);
        AssertPublished(s.Total(RevenueTotal.NetExpenditure), 15149, 6384, 6112, 272);
        // Printed 7,368; the lines sum to 7,369 (the document's own rounding difference).
        AssertPublished(s.Total(RevenueTotal.TotalRecharges), 7369, 1015, 1015, 0);
        Assert.Equal(7368m, s.Total(RevenueTotal.TotalRecharges).Printed!.Value.AnnualBudget);
        Assert.Equal(Agreement.RoundingDifference, s.Total(RevenueTotal.TotalRecharges).Check);
        Assert.Equal(17, s.Capital.Count);
        Assert.Equal(new BudgetFigures(2706, 1191, 1191), s.CapitalTotal);
        Assert.Equal(5, s.RevenueComments.Count);
        Assert.Equal(6, s.CapitalComments.Count);
    }

    [Fact]
    public async Task The_demo_budget_of_children_and_families_reproduces_the_published_totals_and_projects_the_overspend()
    {
        await Load();
        var s = await Summary("Children and Families");

        Assert.Equal(24, s.Lines.Count);
        AssertPublished(s.Total(RevenueTotal.TotalExpenditure), 17049, 8971, 10049, -1078);
        AssertPublished(s.Total(RevenueTotal.TotalIncome), -666, -307, -309, 2);
        AssertPublished(s.Total(RevenueTotal.NetOperationalBudget), 16383, 8664, 9740, -1076);
        AssertPublished(s.Total(RevenueTotal.TotalRecharges), 2850, 1388, 1388, 0);
        AssertPublished(s.Total(RevenueTotal.NetExpenditure), 19233, 10052, 11128, -1076);
        Assert.All(s.Totals, t => Assert.Equal(Agreement.Agrees, t.Check));
        Assert.Equal(-2152m, s.ProjectedVariance); // (1,076) at half-year, doubled
        Assert.Empty(s.Capital);
    }

    [Fact]
    public async Task The_quarter_2_report_carries_the_finance_of_both_departments_the_high_risks_and_the_high_equality_actions()
    {
        await Load();
        var plan = await WithScope(sp => sp.GetRequiredService<MonitoringQuery>().LoadPlanAsync("HBC-CYP-2015-16"));

        var finance = await WithScope(sp => sp.GetRequiredService<FinanceQuery>().ForDirectorateAsync(plan!.Directorate, Q2));
        Assert.Equal(["Education, Inclusion and Provision", "Children and Families"], finance.Select(f => f.Department.Name));

        var risks = await WithScope(sp => sp.GetRequiredService<RiskQuery>().ForPlanAsync(plan!, Q2));
        Assert.True(risks.IsReportingQuarter);
        Assert.All(risks.HighRisks, r => Assert.Equal("high", r.Initial.Band));
        Assert.Equal(["CYP-R01", "CYP-R02", "CYP-R03", "CYP-R04"], risks.HighRisks.Select(r => r.Ref));
        Assert.Equal(["CED01", "CED05", "CED07", "CED09"], risks.KeyObjectives.Select(k => k.ObjectiveRef).Order());

        var equality = await WithScope(sp => sp.GetRequiredService<EqualityQuery>().ForPlanAsync(plan!, Q2));
        Assert.Equal(["CYP-EQ1", "CYP-EQ2", "CYP-EQ3"], equality.HighPriority.Select(a => a.Ref));
    }

    [Fact]
    public async Task The_service_plan_high_risk_table_lists_each_key_objective_with_its_risks_and_treatment_measures()
    {
        await Load();
        var plan = await WithScope(sp => sp.GetRequiredService<MonitoringQuery>().LoadPlanAsync("HBC-CS-2007-10"));

        var section = await WithScope(sp => sp.GetRequiredService<RiskQuery>().ForPlanAsync(plan!, Period.Quarter(2007, 2)));

        Assert.Equal(["CS1", "CS2", "CS6"], section.KeyObjectives.Select(k => k.ObjectiveRef)); // CS3's risk is medium (2 × 3)
        var cs1 = section.KeyObjectives[0];
        Assert.Equal(["Mainstream schools lack the capacity to meet more pupils' special educational needs (initial 12, high)"], cs1.RisksIdentified); // 3 × 4
        Assert.Equal(2, cs1.TreatmentMeasures.Count());
    }

    [Fact]
    public async Task Loading_the_demo_registers_twice_changes_nothing()
    {
        await Load();
        var before = await Db(async db => (await db.Set<BudgetLine>().CountAsync(), await db.Set<Risk>().CountAsync(), await db.Set<Domain.Equality.EqualityAction>().CountAsync(), await db.Set<CapitalScheme>().CountAsync()));

        var second = await WithScope(sp => sp.GetRequiredService<DemoRegisters>().LoadAsync());

        Assert.All(second, line => Assert.EndsWith("already held, left as it is.", line));
        Assert.Equal(before, await Db(async db => (await db.Set<BudgetLine>().CountAsync(), await db.Set<Risk>().CountAsync(), await db.Set<Domain.Equality.EqualityAction>().CountAsync(), await db.Set<CapitalScheme>().CountAsync())));
        Assert.Equal((52, 11, 9, 17), before);
    }
}

public sealed class DemoRegistersTestsOnSqlite() : DemoRegistersTests(DatabaseProvider.Sqlite);

public sealed class DemoRegistersTestsOnPostgres() : DemoRegistersTests(DatabaseProvider.Postgres);
