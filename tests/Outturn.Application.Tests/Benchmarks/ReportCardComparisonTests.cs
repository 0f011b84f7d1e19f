using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Benchmarks;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;
using Outturn.Domain.Statistics;

namespace Outturn.Application.Tests.Benchmarks;

/// <summary>
/// The report card judges a ratio measure against England and the neighbours' average as Fingertips does. M1 (higher
/// is better) and M4 (lower is better) are both 30 of 40 in 2014/15: 75%, Wilson 95% interval 59.8% to 85.8%
/// (p = 0.75, n = 40, z = 1.959964: centre (0.75 + z²/80) ÷ (1 + z²/40) = 0.72810, half-width 0.13003).
/// </summary>
public abstract class ReportCardComparisonTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Dictionary<string, string> Plan = new()
    {
        ["indicators.csv"] =
            "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key,multiplier\n" +
            "M1,Assessments in 45 days,OB01,higher,%,1,annual,snapshot,,yes,100\n" +
            "M2,Repeat plans,OB01,lower,%,1,annual,snapshot,,no,\n" +
            "M4,Re-referrals,OB01,lower,%,1,annual,snapshot,,no,100\n",
        ["targets.csv"] = "indicator,period,target\nM1,2014/15,95\n",
        ["values.csv"] =
            "indicator,period,value,status,note,numerator,denominator\n" +
            "M1,2014/15,,final,,30,40\n" +
            "M2,2014/15,11.5,final,,,\n" +
            "M4,2014/15,,final,,30,40\n",
        ["comparators.csv"] =
            "indicator,period,comparator,value,note\n" +
            "M1,2014/15,england,82,\nM1,2014/15,neighbours,90,\n" +
            "M4,2014/15,england,50,\nM4,2014/15,neighbours,90,\n" +
            "M2,2014/15,england,11,\n",
    };

    private async Task<ReportCardView> CardAsync()
    {
        Assert.True((await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(PlanFolderBuilder.Write(NewFolder("plan"), Plan)))).Imported);
        var file = Path.Combine(NewFolder("card"), "report-card.csv");
        await File.WriteAllTextAsync(file, "indicator,life_stage\nM1,early-years\nM2,early-years\nM4,early-years\n");
        Assert.Empty(await WithScope(sp => sp.GetRequiredService<ReportCardQuery>().ImportAsync(file)));
        return (await WithScope(sp => sp.GetRequiredService<ReportCardQuery>().ForAsync("TEST-1", Period.Quarter(2015, 2))))!;
    }

    [Fact]
    public async Task A_comparator_inside_the_interval_is_similar_and_outside_it_better_or_worse_by_polarity()
    {
        var lines = (await CardAsync()).Sections.SelectMany(s => s.Lines).ToDictionary(l => l.Indicator.Ref);

        // M1, higher is better: England 82% lies inside 59.8–85.8%; the neighbours' 90% lies above it.
        var m1 = lines["M1"].Against;
        Assert.Equal([Comparison.Similar, Comparison.Worse], m1.Select(c => c.Result));
        Assert.Equal("Similar to England (82.0%)", m1[0].Text(lines["M1"].Indicator));
        Assert.Equal("Worse than the neighbours' average (90.0%)", m1[1].Text(lines["M1"].Indicator));

        // M4, lower is better: England 50% lies below the interval (England does better), the neighbours' 90% above it.
        Assert.Equal([Comparison.Worse, Comparison.Better], lines["M4"].Against.Select(c => c.Result));

        // M2 holds a plain figure with no counts: no interval, so no judgement.
        Assert.Empty(lines["M2"].Against);
    }
}

public sealed class ReportCardComparisonTestsOnSqlite() : ReportCardComparisonTests(DatabaseProvider.Sqlite);

public sealed class ReportCardComparisonTestsOnPostgres() : ReportCardComparisonTests(DatabaseProvider.Postgres);
