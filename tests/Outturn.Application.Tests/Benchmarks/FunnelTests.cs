using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Benchmarks;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;
using Outturn.Domain.Statistics;

namespace Outturn.Application.Tests.Benchmarks;

/// <summary>
/// The long profile's optional numerator and denominator columns, and the funnel plot built from them. M1 (a percentage)
/// in 2015/16, England 800 of 1,000 (80%). At a denominator of 100 the limits are 80 ± 1.959964 × √(0.8 × 0.2 ÷ 100)
/// × 100 = 72.16–87.84% (95%) and 80 ± 3.090232 × 4 = 67.64–92.36% (99.8%); at 400, 76.08–83.92% and 73.82–86.18%.
/// </summary>
public abstract class FunnelTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Areas =
        "code,old_code,name,region_code\n" +
        "E92000001,,England,\nE12000002,,North West,\n" +
        "E06000006,876,Halton,E12000002\nE06000007,877,Warrington,E12000002\nE08000011,340,Knowsley,E12000002\n" +
        "E08000012,341,Liverpool,E12000002\nE08000013,342,St. Helens,E12000002\n";

    private const string Counts =
        "indicator,area_code,area_name,period,value,numerator,denominator\n" +
        "M1,E06000006,Halton,2015/16,60,60,100\n" +          // below the 99.8% limits (67.64)
        "M1,E06000007,Warrington,2015/16,75,75,100\n" +      // inside
        "M1,E08000011,Knowsley,2015/16,90,360,400\n" +       // above the 99.8% limits (86.18)
        "M1,E08000012,Liverpool,2015/16,85,85,100\n" +       // inside (below 87.84)
        "M1,E08000013,St. Helens,2015/16,c,,\n" +            // suppressed: not placed
        "M1,E92000001,England,2015/16,80,800,1000\n" +
        "M1,E06000006,Halton,2014/15,70,,\n";                // no counts given for this row

    private async Task SetUpAsync()
    {
        Assert.True((await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(PlanFolderBuilder.Write(NewFolder("plan"))))).Imported);
        var file = Path.Combine(NewFolder("areas"), "areas.csv");
        await File.WriteAllTextAsync(file, Areas);
        Assert.Empty((await WithScope(sp => sp.GetRequiredService<ComparisonGroups>().ImportAreasAsync(file))).Item3);
    }

    private async Task<BenchmarkImportResult> Import(string text)
    {
        var path = Path.Combine(NewFolder(Guid.NewGuid().ToString("N")), "values.csv");
        await File.WriteAllTextAsync(path, text);
        return await WithScope(sp => sp.GetRequiredService<BenchmarkImport>().ImportAsync("long", path));
    }

    [Fact]
    public async Task Counts_are_loaded_beside_the_figure_when_the_file_gives_them()
    {
        await SetUpAsync();
        var result = await Import(Counts);
        Assert.True(result.Imported, string.Join("\n", result.Errors));

        var held = await Db(db => db.Set<BenchmarkValue>().AsNoTracking().ToListAsync());
        var knowsley = held.Single(v => v.AreaCode == "E08000011");
        Assert.Equal((90m, 360m, 400m), (knowsley.Value!.Value / 1.000000m, knowsley.Numerator!.Value / 1.000000m, knowsley.Denominator!.Value / 1.000000m));
        Assert.All(held.Where(v => v.AreaCode == "E08000013" || v.Period == Period.FinancialYear(2014)), v => Assert.Null(v.Numerator));

        // A later file without the count columns replaces the figure, and its counts with nothing.
        Assert.True((await Import("indicator,area_code,area_name,period,value\nM1,E08000011,Knowsley,2015/16,91\n")).Imported);
        var replaced = await Db(db => db.Set<BenchmarkValue>().AsNoTracking().SingleAsync(v => v.AreaCode == "E08000011"));
        Assert.Equal((91m, null, null), (replaced.Value!.Value / 1.000000m, replaced.Numerator, replaced.Denominator));
    }

    [Fact]
    public async Task The_funnel_places_every_authority_against_control_limits_around_England()
    {
        await SetUpAsync();
        Assert.True((await Import(Counts)).Imported);
        var plan = (await WithScope(sp => sp.GetRequiredService<Monitoring.MonitoringQuery>().LoadPlanAsync("TEST-1")))!;

        var funnel = (await WithScope(sp => sp.GetRequiredService<FunnelQuery>().ForAsync(plan.Indicators.Single(i => i.Ref == "M1"))))!;

        Assert.Equal((Period.FinancialYear(2015), "England", 4), (funnel.Period, funnel.TargetSource, funnel.Authorities));
        Assert.Equal(80, funnel.Plot.Target, 9);
        var at = funnel.Plot.Points.ToDictionary(p => p.Area.Name);
        Assert.Equal(FunnelPosition.Below998, at["Halton"].Position);
        Assert.Equal(FunnelPosition.Inside, at["Warrington"].Position);
        Assert.Equal(FunnelPosition.Above998, at["Knowsley"].Position);
        Assert.Equal(FunnelPosition.Inside, at["Liverpool"].Position);
        Assert.Equal(72.16014, at["Halton"].Limits95.Low, 4);
        Assert.Equal(86.18046, at["Knowsley"].Limits998.High, 4);
        Assert.Equal("Halton", funnel.Home!.Area.Name); // the council the pages benchmark (E06000006 by default)

        // M2 has no counts held: no funnel.
        Assert.Null(await WithScope(sp => sp.GetRequiredService<FunnelQuery>().ForAsync(plan.Indicators.Single(i => i.Ref == "M2"))));
    }

    [Theory]
    [InlineData("M1,E06000006,Halton,2015/16,60,60,\n", "values.csv:2: column \"denominator\" is blank but \"numerator\" is not; give both counts or neither.")]
    [InlineData("M1,E06000006,Halton,2015/16,60,-1,100\n", "values.csv:2: column \"numerator\": \"-1\" is not a count; expected a number of 0 or more, such as 152.")]
    [InlineData("M1,E06000006,Halton,2015/16,60,6,0\n", "values.csv:2: column \"denominator\": \"0\" is not a count above zero; expected a number such as 203.")]
    public async Task A_bad_count_is_refused_by_line_and_column_and_nothing_is_loaded(string row, string expected)
    {
        await SetUpAsync();
        var result = await Import("indicator,area_code,area_name,period,value,numerator,denominator\n" + row + "M1,E06000007,Warrington,2015/16,75,75,100\n");
        Assert.False(result.Imported);
        Assert.Contains(expected, result.Errors);
        Assert.Equal(0, await Db(db => db.Set<BenchmarkValue>().CountAsync()));
    }

    [Fact]
    public async Task One_count_column_without_the_other_is_refused()
    {
        await SetUpAsync();
        var result = await Import("indicator,area_code,area_name,period,value,numerator\nM1,E06000006,Halton,2015/16,60,60\n");
        Assert.False(result.Imported);
        Assert.Contains("values.csv:1: column \"numerator\" without \"denominator\"; give both count columns or neither.", result.Errors);
    }
}

public sealed class FunnelTestsOnSqlite() : FunnelTests(DatabaseProvider.Sqlite);

public sealed class FunnelTestsOnPostgres() : FunnelTests(DatabaseProvider.Postgres);
