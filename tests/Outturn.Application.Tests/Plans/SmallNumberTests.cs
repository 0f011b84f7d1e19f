using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;
using Outturn.Domain.Statistics;

namespace Outturn.Application.Tests.Plans;

/// <summary>
/// Small numbers: the threshold for "interpret with care" comes from settings, and a count of fewer than five children
/// is withheld (<c>c</c>) from viewers without the child-level permission, with its partner count and the interval.
/// M1 is 3 of 12 in Quarter 2 2015/16 (25%); M2 is 30 of 40 (75%).
/// </summary>
public abstract class SmallNumberTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Dictionary<string, string> Plan = new()
    {
        ["indicators.csv"] =
            "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key,multiplier\n" +
            "M1,Second protection plans,OB01,lower,%,1,quarterly,snapshot,,yes,100\n" +
            "M2,Assessments in 45 days,OB01,higher,%,1,quarterly,snapshot,,yes,100\n" +
            "M3,Referrals,OB02,none,,0,quarterly,cumulative,,no,\n",
        ["targets.csv"] = "indicator,period,target\nM1,2015/16,10\nM2,2015/16,95\n",
        ["values.csv"] =
            "indicator,period,value,status,note,numerator,denominator\n" +
            "M1,2015/16 Q2,,final,,3,12\n" +
            "M2,2015/16 Q2,,final,,30,40\n" +
            "M3,2015/16 Q2,4,final,,,\n",
    };

    private static readonly Viewer ChildLevel = new(true, new HashSet<string> { Roles.PerformanceOfficer }, true, new HashSet<int>());

    private async Task<MonitoringReport> ReportAsync(SmallNumberRules? rules = null)
    {
        Assert.True((await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(PlanFolderBuilder.Write(NewFolder("plan"), Plan)))).Imported);
        return await WithScope(async sp =>
        {
            var query = rules is null ? sp.GetRequiredService<MonitoringQuery>() : new MonitoringQuery(sp.GetRequiredService<OutturnDbContext>(), rules);
            return MonitoringReport.From((await query.ForPeriodAsync("TEST-1", Period.Quarter(2015, 2), new DateOnly(2016, 1, 4)))!);
        });
    }

    [Fact]
    public async Task A_count_of_three_is_c_to_the_public_and_three_to_a_child_level_viewer()
    {
        var report = await ReportAsync();
        var counts = Services.GetRequiredService<ChildCounts>();

        var m1 = counts.For(report, Viewer.Anonymous).AllMeasures.Single(m => m.Ref == "M1");
        Assert.Equal("c", m1.Suppression);
        // Both counts and the interval go: 25% with 12, or with its interval, would give the 3 away.
        Assert.Equal((null, null, null, null), (m1.Numerator, m1.Denominator, m1.IntervalLow, m1.IntervalHigh));
        Assert.Equal(25m, m1.Current);
        Assert.True(m1.SmallNumber);
        Assert.Equal("c", counts.Text(3, Viewer.Officer)); // an officer without the child-level permission

        var seen = counts.For(report, ChildLevel).AllMeasures.Single(m => m.Ref == "M1");
        Assert.Equal((3m, 12m), (seen.Numerator, seen.Denominator));
        Assert.Null(seen.Suppression);
        Assert.Equal("3", counts.Text(3, ChildLevel));

        // 30 of 40 identifies no child: shown to everyone. A count of zero is shown too.
        var m2 = counts.For(report, Viewer.Anonymous).AllMeasures.Single(m => m.Ref == "M2");
        Assert.Equal((30m, 40m, null), (m2.Numerator, m2.Denominator, m2.Suppression));
        Assert.Equal("0", counts.Text(0, Viewer.Anonymous));
    }

    [Fact]
    public async Task The_small_number_threshold_comes_from_settings()
    {
        // A denominator of 12 is under the default 30, and not under a configured 10.
        Assert.True((await ReportAsync()).AllMeasures.Single(m => m.Ref == "M1").SmallNumber);
        var configured = StatisticsSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Outturn:Statistics:SmallDenominator"] = "10" }).Build());
        Assert.Equal(new SmallNumberRules(10, 5), configured);
        var lines = (await WithScope(async sp => MonitoringReport.From((await new MonitoringQuery(sp.GetRequiredService<OutturnDbContext>(), configured)
            .ForPeriodAsync("TEST-1", Period.Quarter(2015, 2), new DateOnly(2016, 1, 4)))!))).AllMeasures.ToDictionary(m => m.Ref);
        Assert.False(lines["M1"].SmallNumber);
        Assert.False(lines["M2"].SmallNumber);

        var bad = Assert.Throws<InvalidOperationException>(() => StatisticsSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Outturn:Statistics:SuppressBelow"] = "five" }).Build()));
        Assert.Contains("Outturn:Statistics:SuppressBelow is \"five\"", bad.Message);
    }
}

public sealed class SmallNumberTestsOnSqlite() : SmallNumberTests(DatabaseProvider.Sqlite);

public sealed class SmallNumberTestsOnPostgres() : SmallNumberTests(DatabaseProvider.Postgres);
