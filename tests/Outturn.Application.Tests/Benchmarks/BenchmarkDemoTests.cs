using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Benchmarks;
using Outturn.Application.Data;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;

namespace Outturn.Application.Tests.Benchmarks;

/// <summary>Expected figures from the chart tables of the Q2 2015/16 report (docs/sources.md §2.5).</summary>
public abstract class BenchmarkDemoTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private async Task<BenchmarkPosition> Position(string indicator, string period)
    {
        await LoadDemoAsync();
        return (await WithScope(sp => sp.GetRequiredService<BenchmarkQuery>().PositionAsync(indicator, Period.Parse(period), "E06000006")))!;
    }

    [Fact]
    public async Task The_demo_holds_every_english_authority_with_its_region_and_halton_with_ten_neighbours()
    {
        await LoadDemoAsync();

        var areas = await Db(db => db.Set<Area>().ToListAsync());
        Assert.Equal(152, areas.Count(a => a.Kind == AreaKind.Authority)); // the 152 authorities of 2015/16
        Assert.Equal(9, areas.Count(a => a.Kind == AreaKind.Region));
        var halton = areas.Single(a => a.Code == "E06000006");
        Assert.Equal(("876", "Halton", "E12000002"), (halton.OldCode, halton.Name, halton.RegionCode));
        Assert.Equal(10, (await WithScope(sp => sp.GetRequiredService<BenchmarkQuery>().GroupAsync("E06000006"))).Count);
    }

    [Fact]
    public async Task CED033_neighbours_average_computed_from_their_values_is_the_published_85_percent()
    {
        var p = await Position("CED033", "2015/16");

        Assert.Equal(75m, p.Value);
        Assert.Equal(82m, p.England);
        Assert.Equal((10, 85m), (p.Neighbours!.Count, p.Neighbours.Average));
        Assert.Equal(150, p.Place!.Value.Of); // 152 authorities less the two suppressed cells (Isles of Scilly, City of London)
    }

    [Fact]
    public async Task CED036_compares_with_England_15_the_North_West_15_and_neighbours_14()
    {
        var p = await Position("CED036", "2013/14");

        Assert.Equal((16.8m, 15m, 15m, 14m), (p.Value, p.England, p.Region, p.NeighboursAverage));
        Assert.Equal(2.8m, p.GapToNeighboursAverage);
    }

    [Fact]
    public async Task CED047_at_4_4_percent_lower_is_better_is_in_the_top_quartile_band()
    {
        var p = await Position("CED047", "2015/16");

        Assert.Equal((4.4m, 11m, 10m), (p.Value, p.England, p.NeighboursAverage));
        Assert.Equal(1, p.Place!.Value.Band);
    }
}

public sealed class BenchmarkDemoTestsOnSqlite() : BenchmarkDemoTests(DatabaseProvider.Sqlite);

public sealed class BenchmarkDemoTestsOnPostgres() : BenchmarkDemoTests(DatabaseProvider.Postgres);
