using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;

namespace Outturn.Application.Tests.Demo;

/// <summary>Expected figures come from the published documents of docs/sources.md (the Q2 2015/16 report, §2.5; the service plan, §3).</summary>
public abstract class DemoDataTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<IReadOnlyList<string>> Load() => WithScope(sp => sp.GetRequiredService<DemoData>().LoadAsync());

    [Fact]
    public async Task The_demo_holds_the_three_seed_plans_with_their_frameworks()
    {
        await Load();

        var counts = await Db(db => db.Plans.Select(p => new { p.Ref, Objectives = p.Objectives.Count, Milestones = p.Milestones.Count, Measures = p.Indicators.Count }).ToListAsync());
        var byRef = counts.ToDictionary(c => c.Ref);
        Assert.Equal(["HBC-BP-2016-19", "HBC-CS-2007-10", "HBC-CYP-2015-16", "HBC-CYPP-2006-09"], byRef.Keys.Order());
        // Q2 2015/16 report: 36 milestone rows; 59 table measures plus 9 headline measures.
        Assert.Equal(36, byRef["HBC-CYP-2015-16"].Milestones);
        Assert.Equal(68, byRef["HBC-CYP-2015-16"].Measures);
        Assert.Equal(9, byRef["HBC-CYP-2015-16"].Objectives); // CED01 … CED09
        Assert.Equal(7, byRef["HBC-BP-2016-19"].Objectives); // PED01 … PED07
        Assert.Equal(62, byRef["HBC-BP-2016-19"].Measures);
        Assert.Equal(8, byRef["HBC-CS-2007-10"].Objectives); // CS1 … CS8
        Assert.Equal(12, byRef["HBC-CS-2007-10"].Measures); // BVPI 222a/b, 43a/b, CS LPI 1–8
        // 2007 review of the CYPP 2006-09, Part 4: 56 revised-priority targets (docs/sources.md §4), one measure each.
        Assert.Equal(56, byRef["HBC-CYPP-2006-09"].Measures);
    }

    [Fact]
    public async Task Loading_the_demo_twice_changes_nothing()
    {
        await Load();
        var before = await Db(db => Task.FromResult((db.Plans.Count(), db.IndicatorValues.Count(), db.Milestones.Count(), db.AuditEntries.Count())));

        var second = await Load();

        Assert.All(second, line => Assert.EndsWith("already held, left as it is.", line));
        Assert.Equal(before, await Db(db => Task.FromResult((db.Plans.Count(), db.IndicatorValues.Count(), db.Milestones.Count(), db.AuditEntries.Count()))));
    }

    [Fact]
    public async Task The_quarter_2_report_shows_CED033_at_75_percent_against_95_computed_red_and_published_amber()
    {
        await Load();
        var plan = await WithScope(sp => sp.GetRequiredService<MonitoringQuery>().LoadPlanAsync("HBC-CYP-2015-16"));
        var lines = MonitoringQuery.StatusLines(plan!, Period.Quarter(2015, 2)).ToDictionary(l => l.Ref);

        var ced033 = lines["CED033"];
        Assert.Equal((95m, 75m), (ced033.Target, ced033.Current));
        Assert.Equal("red", ced033.Progress); // shortfall 20 > 5% of 95
        Assert.Equal("amber", ced033.FinalProgress); // the report's "?"
        Assert.Equal("worse", ced033.FinalDirection); // the report's down arrow
        Assert.NotNull(ced033.OverrideReason);

        var ced047 = lines["CED047"]; // 3+ placements, lower is better: 4.4% against 5.4%
        Assert.Equal((5.4m, 4.4m, "green", "green", "better"), (ced047.Target, ced047.Current, ced047.Progress, ced047.FinalProgress, ced047.FinalDirection));

        var ced036 = lines["CED036"]; // repeat plans, lower is better: 16.8% against 10%; shortfall 6.8 > 0.5
        Assert.Equal((10m, 16.8m, "red", "amber", "better"), (ced036.Target, ced036.Current, ced036.Progress, ced036.FinalProgress, ced036.FinalDirection));
    }

    [Fact]
    public async Task The_quarter_2_monitoring_follows_section_6_of_the_report()
    {
        await Load();
        var view = await WithScope(sp => sp.GetRequiredService<MonitoringQuery>().ForPeriodAsync("HBC-CYP-2015-16", Period.Quarter(2015, 2), new DateOnly(2015, 9, 30)));

        Assert.NotNull(view);
        Assert.Equal(3, view.Priorities.Count);
        Assert.StartsWith("Integrated Commissioning", view.Priorities[0].Priority.Name);
        Assert.StartsWith("Effectively supporting the child", view.Priorities[1].Priority.Name);
        Assert.StartsWith("Improving achievement", view.Priorities[2].Priority.Name);
        var p2 = view.Priorities[1];
        Assert.Equal(["CED033", "CED036", "CED047"], p2.KeyMeasures.Select(m => m.Indicator.Ref));
        Assert.Equal(["CED01a", "CED01e", "CED07a", "CED08a", "CED08b", "CED08c", "CED08d", "CED08e", "CED08f"], p2.Milestones.Select(m => m.Milestone.Ref).Order(StringComparer.Ordinal));
        // Milestones table: 12, 9 and 15 rows; measures tables: 11, 17 and 31 rows.
        Assert.Equal([12, 9, 15], view.Priorities.Select(p => p.Milestones.Count));
        Assert.Equal([11, 17, 31], view.Priorities.Select(p => p.Measures.Count));
        Assert.All(view.Priorities, p => Assert.NotEmpty(p.Commentary));
        // CED08a was published "?" (amber); the other P2 milestones with surviving symbols were ticks.
        Assert.Equal(Outturn.Domain.Status.MilestoneProgress.Amber, p2.Milestones.Single(m => m.Milestone.Ref == "CED08a").Update?.Progress);
    }
}

public sealed class DemoDataTestsOnSqlite() : DemoDataTests(DatabaseProvider.Sqlite);

public sealed class DemoDataTestsOnPostgres() : DemoDataTests(DatabaseProvider.Postgres);
