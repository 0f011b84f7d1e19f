using System.Text.Json;

namespace Outturn.Cli.Tests;

/// <summary>The benchmarking commands through the real tool; figures from the Q2 2015/16 report's charts (docs/sources.md §2.5).</summary>
public sealed class BenchmarkCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string File(string name, string text) => Path.Combine(_cli.NewFolder(Guid.NewGuid().ToString("N"), new Dictionary<string, string> { [name] = text }), name);

    [Fact]
    public async Task Benchmark_prints_value_rank_of_quartile_england_region_and_neighbours_as_json()
    {
        await _cli.LoadDemoAsync();

        var result = await _cli.RunAsync("benchmark", "--indicator", "CED047", "--period", "2013/14", "--area", "E06000006", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var p = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(4.4m, p.GetProperty("value").GetDecimal());
        Assert.Equal(JsonValueKind.Number, p.GetProperty("rank").ValueKind);
        Assert.Equal(150, p.GetProperty("of").GetInt32());           // 152 authorities, two suppressed
        Assert.Equal(1, p.GetProperty("quartile").GetInt32());       // 4.4% against a national spread around 11%
        Assert.Equal(11m, p.GetProperty("england").GetDecimal());
        Assert.Equal(JsonValueKind.Null, p.GetProperty("region").ValueKind); // no North West figure printed for CED047
        Assert.Equal(10m, p.GetProperty("neighbours_average").GetDecimal());
        Assert.Equal(10, p.GetProperty("neighbours_count").GetInt32());
    }

    [Fact]
    public async Task Import_benchmarks_with_the_long_profile_lists_new_areas_and_then_ranks_them()
    {
        await _cli.LoadDemoAsync();
        var file = File("ced033.csv", "indicator,area_code,area_name,period,value\n" +
            "CED033,E06000099,New Unitary,2016/17,99\nCED033,E06000006,Halton,2016/17,80\nCED033,E06000007,Warrington,2016/17,c\n");

        var import = await _cli.RunAsync("import", "benchmarks", "--profile", "long", file);

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("3 values imported with profile long (1 suppressed", import.Out);
        Assert.Contains("E06000099 New Unitary", import.Out);
        var p = JsonDocument.Parse((await _cli.RunAsync("benchmark", "--indicator", "CED033", "--period", "2016/17", "--area", "E06000006")).Out).RootElement;
        // Higher is better: New Unitary 99 → 1, Halton 80 → 2; Warrington suppressed does not count. Band ceil(4 × 2 ÷ 2) = 4.
        Assert.Equal((2, 2, 4), (p.GetProperty("rank").GetInt32(), p.GetProperty("of").GetInt32(), p.GetProperty("quartile").GetInt32()));
    }

    [Fact]
    public async Task A_rejected_benchmark_file_exits_1_with_errors_by_line_and_column_and_changes_nothing()
    {
        await _cli.LoadDemoAsync();
        var file = File("bad.csv", "indicator,area_code,area_name,period,value\nCED033,E06000006,Halton,2016/17,80\nCED033,E06000006,Halton,2016/17,eighty\n");

        var result = await _cli.RunAsync("import", "benchmarks", "--profile", "long", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.csv:3: column \"value\": \"eighty\" is not a number or a suppression code", result.Error);
        var p = JsonDocument.Parse((await _cli.RunAsync("benchmark", "--indicator", "CED033", "--period", "2016/17", "--area", "E06000006")).Out).RootElement;
        Assert.Equal(JsonValueKind.Null, p.GetProperty("value").ValueKind);
    }

    [Fact]
    public async Task An_unknown_profile_exits_3_naming_the_profiles()
    {
        var result = await _cli.RunAsync("import", "benchmarks", "--profile", "nope", File("x.csv", "a\n1\n"));

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("no such import profile; the profiles are long, ees-cla-placement-stability", result.Error);
    }

    [Fact]
    public async Task Neighbours_set_replaces_the_list_and_the_neighbours_average_follows()
    {
        await _cli.LoadDemoAsync();

        var set = await _cli.RunAsync("neighbours", "set", "--area", "E06000006", "--list", "E08000013,E08000018");

        Assert.Equal(0, set.ExitCode);
        Assert.Contains("version 2", set.Out);
        var shown = await _cli.RunAsync("neighbours", "show", "--area", "E06000006");
        Assert.Equal("E08000013 St. Helens\nE08000018 Rotherham", shown.Out.Trim().ReplaceLineEndings("\n"));
        var p = JsonDocument.Parse((await _cli.RunAsync("benchmark", "--indicator", "CED033", "--period", "2015/16", "--area", "E06000006")).Out).RootElement;
        Assert.Equal(2, p.GetProperty("neighbours_count").GetInt32());

        var bad = await _cli.RunAsync("neighbours", "set", "--area", "E06000006", "--list", "E99999999");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--list item 1: \"E99999999\" is not a known area.", bad.Error);
    }

    private const string PlacementStability =
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,cla_group,placement_stability,number,percentage\n" +
        "2017,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,With 3 or more placements during the year,7000,10\n" +
        "2017,Reporting year,Regional,E92000001,England,E12000002,North West,,,,CLA on 31 March,With 3 or more placements during the year,1000,9\n" +
        "2017,Reporting year,Local authority,E92000001,England,E12000002,North West,876,E06000006,Halton,CLA on 31 March,With 3 or more placements during the year,10,5\n" +
        "2017,Reporting year,Local authority,E92000001,England,E12000002,North West,877,E06000007,Warrington,CLA on 31 March,With 3 or more placements during the year,20,8\n" +
        "2017,Reporting year,Local authority,E92000001,England,E12000002,North West,877,E06000007,Warrington,CLA on 31 March,With 1 placement during the year,200,70\n";

    [Fact]
    public async Task The_built_in_explore_education_statistics_profile_loads_the_placement_stability_file_as_CED047()
    {
        await _cli.LoadDemoAsync();

        var import = await _cli.RunAsync("import", "benchmarks", "--profile", "ees-cla-placement-stability", File("cla_placement_stability.csv", PlacementStability));

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("4 values imported", import.Out);
        // 2017 "Reporting year" is the year to 31 March 2017: 2016/17. Lower is better: Halton 5 ranks 1 of 2.
        var p = JsonDocument.Parse((await _cli.RunAsync("benchmark", "--indicator", "CED047", "--period", "2016/17", "--area", "E06000006")).Out).RootElement;
        Assert.Equal((5m, 1, 2, 10m, 9m), (p.GetProperty("value").GetDecimal(), p.GetProperty("rank").GetInt32(), p.GetProperty("of").GetInt32(),
            p.GetProperty("england").GetDecimal(), p.GetProperty("region").GetDecimal()));
    }

    [Fact]
    public async Task A_saved_profile_loads_next_years_file_in_one_step()
    {
        await _cli.LoadDemoAsync();
        var profile = File("profile.json", """
            { "name": "stability-numbers", "layout": "ees",
              "measures": [ { "indicator": "CED047", "column": "number",
                              "filters": { "cla_group": "CLA on 31 March", "placement_stability": "With 3 or more placements during the year" } } ] }
            """);

        var save = await _cli.RunAsync("profiles", "save", profile);
        Assert.Equal(0, save.ExitCode);
        Assert.Contains("stability-numbers (ees)", (await _cli.RunAsync("profiles", "list")).Out);

        var import = await _cli.RunAsync("import", "benchmarks", "--profile", "stability-numbers", File("next_year.csv", PlacementStability));
        Assert.Equal(0, import.ExitCode);
        var p = JsonDocument.Parse((await _cli.RunAsync("benchmark", "--indicator", "CED047", "--period", "2016/17", "--area", "E06000007")).Out).RootElement;
        Assert.Equal(20m, p.GetProperty("value").GetDecimal());
    }
}
