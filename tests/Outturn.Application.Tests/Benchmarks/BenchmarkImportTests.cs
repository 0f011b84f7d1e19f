using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Benchmarks;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Benchmarks;

/// <summary>
/// The test plan (PlanFolderBuilder) holds M1 (higher is better) and M2 (lower is better). Five authorities, England
/// and the North West; expected ranks worked by hand from docs/spec.md §6 Benchmarking rules.
/// </summary>
public abstract class BenchmarkImportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Areas =
        "code,old_code,name,region_code\n" +
        "E92000001,,England,\nE12000002,,North West,\n" +
        "E06000006,876,Halton,E12000002\nE06000007,877,Warrington,E12000002\nE08000011,340,Knowsley,E12000002\n" +
        "E08000012,341,Liverpool,E12000002\nE08000013,342,St. Helens,E12000002\n";

    private async Task SetUpAsync(IReadOnlyDictionary<string, string>? planFiles = null)
    {
        Assert.True((await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(PlanFolderBuilder.Write(NewFolder("plan"), planFiles)))).Imported);
        var file = Path.Combine(NewFolder("areas"), "areas.csv");
        await File.WriteAllTextAsync(file, Areas);
        var (_, _, errors) = await WithScope(sp => sp.GetRequiredService<ComparisonGroups>().ImportAreasAsync(file));
        Assert.Empty(errors);
    }

    private async Task<BenchmarkImportResult> Import(string text, string profile = "long", string name = "values.csv")
    {
        var path = Path.Combine(NewFolder(Guid.NewGuid().ToString("N")), name);
        await File.WriteAllTextAsync(path, text);
        return await WithScope(sp => sp.GetRequiredService<BenchmarkImport>().ImportAsync(profile, path));
    }

    private const string Header = "indicator,area_code,area_name,period,value\n";

    // M1 in 2015/16: Halton 75, Warrington 90, Knowsley 75, Liverpool 60, St. Helens suppressed (c).
    private const string M1 = Header +
        "M1,E06000006,Halton,2015/16,75\nM1,E06000007,Warrington,2015/16,90\nM1,E08000011,Knowsley,2015/16,75\n" +
        "M1,E08000012,Liverpool,2015/16,60\nM1,E08000013,St. Helens,2015/16,c\n" +
        "M1,E92000001,England,2015/16,82\nM1,E12000002,North West,2015/16,79\n";

    [Fact]
    public async Task A_long_file_is_imported_with_suppressed_cells_kept_as_suppressed()
    {
        await SetUpAsync();

        var result = await Import(M1);

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Equal((7L, 1L), (result.Rows, result.Suppressed));
        var sth = await Db(db => db.Set<BenchmarkValue>().SingleAsync(v => v.AreaCode == "E08000013"));
        Assert.Null(sth.Value);
        Assert.Equal("c", sth.Suppression);
        Assert.Equal(Period.FinancialYear(2015), sth.Period);
    }

    [Fact]
    public async Task Rank_of_quartile_England_region_and_neighbours_follow_the_rules()
    {
        await SetUpAsync();
        await Import(M1);
        var set = await WithScope(sp => sp.GetRequiredService<ComparisonGroups>().SetAsync("E06000006", ["E06000007", "E08000012", "E08000013"]));
        Assert.True(set.Saved);

        var p = await WithScope(sp => sp.GetRequiredService<BenchmarkQuery>().PositionAsync("M1", Period.FinancialYear(2015), "E06000006"));

        // Ranked (higher is better, St. Helens suppressed): Warrington 90 → 1; Halton and Knowsley 75 → 2, 2; Liverpool 60 → 4.
        Assert.Equal(new RankPlace(2, 4, 2), p!.Place); // band ceil(4 × 2 ÷ 4) = 2
        Assert.Equal((82m, 79m), (p.England, p.Region));
        // Neighbours Warrington 90, Liverpool 60, St. Helens suppressed: mean of two = 75.
        Assert.Equal((2, 75m), (p.Neighbours!.Count, p.Neighbours.Average));
        Assert.Equal(-7m, p.GapToEngland);
    }

    [Fact]
    public async Task Ranks_for_every_period_place_only_authorities_with_ties_sharing_a_rank()
    {
        await SetUpAsync();
        await Import(M1 + "M1,E06000006,Halton,2016/17,70.25\nM1,E06000007,Warrington,2016/17,70.5\n");

        var ranks = await WithScope(sp => sp.GetRequiredService<BenchmarkQuery>().RanksAsync("M1", Polarity.Higher));

        Assert.Equal([Period.FinancialYear(2015), Period.FinancialYear(2016)], ranks.Keys.Order());
        // 2015/16 (higher is better; St. Helens suppressed; England and the North West are not ranked):
        // Warrington 90 → 1; Halton and Knowsley 75 → 2, 2; Liverpool 60 → 4. Bands ceil(4 × rank ÷ 4).
        var y2015 = ranks[Period.FinancialYear(2015)];
        Assert.Equal(["E06000006", "E06000007", "E08000011", "E08000012"], y2015.Keys.Order());
        Assert.Equal(new RankPlace(1, 4, 1), y2015["E06000007"]);
        Assert.Equal(new RankPlace(2, 4, 2), y2015["E06000006"]);
        Assert.Equal(new RankPlace(2, 4, 2), y2015["E08000011"]);
        Assert.Equal(new RankPlace(4, 4, 4), y2015["E08000012"]);
        // 2016/17: Warrington 70.5 above Halton 70.25 (two places after the point, read exactly).
        var y2016 = ranks[Period.FinancialYear(2016)];
        Assert.Equal((1, 2), (y2016["E06000007"].Rank, y2016["E06000006"].Rank));
    }

    [Fact]
    public async Task A_new_area_is_added_with_the_files_name_and_listed()
    {
        await SetUpAsync();

        var result = await Import(Header + "M1,E06000049,Cheshire East,2015/16,88\n");

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Equal(["E06000049 Cheshire East"], result.AddedAreas);
        var area = await Db(db => db.Set<Area>().SingleAsync(a => a.Code == "E06000049"));
        Assert.Equal(AreaKind.Authority, area.Kind);
    }

    [Fact]
    public async Task A_known_code_under_another_name_keeps_its_stored_name_with_a_warning()
    {
        await SetUpAsync();

        var result = await Import(Header + "M1,E08000013,St Helens,2015/16,70\n");

        Assert.True(result.Imported);
        Assert.Equal("values.csv:2: E08000013 is named \"St Helens\" in the file but held as \"St. Helens\"; the held name is kept.", Assert.Single(result.Warnings));
        Assert.Equal("St. Helens", await Db(db => db.Set<Area>().Where(a => a.Code == "E08000013").Select(a => a.Name).SingleAsync()));
    }

    [Fact]
    public async Task A_file_with_errors_is_rejected_whole_and_every_error_names_line_and_column()
    {
        await SetUpAsync();
        await Import(M1);
        var before = await Db(db => db.Set<BenchmarkValue>().CountAsync());

        var result = await Import(Header +
            "M1,E06000006,Halton,2016/17,80\n" +        // fine, but must not be kept
            "NOPE,E06000006,Halton,2016/17,80\n" +      // line 3: unknown indicator
            "M1,876,Halton,2016/17,80\n" +              // line 4: old code, not a GSS code
            "M1,E06000007,Warrington,2016/17,0\n" +
            "M1,E06000007,Warrington Borough,2016/17,1\n" + // line 6: a code under two names in one file
            "M1,E08000011,Knowsley,Q5 2016,80\n" +      // line 7: not a period
            "M1,E08000012,Liverpool,2016/17,n/a\n");    // line 8: not a number or a suppression code

        Assert.False(result.Imported);
        Assert.Equal(5, result.Errors.Count);
        Assert.StartsWith("values.csv:3: column \"indicator\": \"NOPE\" is not an indicator Outturn holds", result.Errors[0]);
        Assert.StartsWith("values.csv:4: column \"area_code\": \"876\" is not an area code", result.Errors[1]);
        Assert.StartsWith("values.csv:6: column \"area_name\": E06000007 is named \"Warrington Borough\" here but \"Warrington\" at line 5", result.Errors[2]);
        Assert.StartsWith("values.csv:7: column \"period\": \"Q5 2016\" is not a period", result.Errors[3]);
        Assert.StartsWith("values.csv:8: column \"value\": \"n/a\" is not a number or a suppression code", result.Errors[4]);
        Assert.Equal(before, await Db(db => db.Set<BenchmarkValue>().CountAsync()));
    }

    [Fact]
    public async Task Figures_are_held_to_six_decimal_places_and_anything_else_in_the_value_column_is_refused()
    {
        await SetUpAsync();

        var result = await Import(Header +
            "M1,E06000006,Halton,2015/16,+5\n" +            // a plus sign: 5
            "M1,E06000007,Warrington,2015/16,.25\n" +       // no leading digit: 0.25
            "M1,E08000011,Knowsley,2015/16,1.23456789\n" +  // eight places: rounded half away from zero to 1.234568
            "M1,E08000012,Liverpool,2015/16, -0.5 \n" +     // spaces around the figure
            "M1,E08000013,St. Helens,2015/16,999999999999.999999\n"); // the largest figure held

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        var values = await Db(db => db.Set<BenchmarkValue>().ToDictionaryAsync(v => v.AreaCode, v => v.Value));
        Assert.Equal([5m, 0.25m, 1.234568m, -0.5m, 999999999999.999999m],
            new[] { "E06000006", "E06000007", "E08000011", "E08000012", "E08000013" }.Select(c => values[c]));

        var refused = await Import(Header +
            "M1,E06000006,Halton,2016/17,1000000000000\n" + // line 2: a million million is beyond what is held
            "M1,E06000007,Warrington,2016/17,\"1,000\"\n" + // line 3: a thousands separator
            "M1,E08000011,Knowsley,2016/17,\n" +            // line 4: empty
            "M1,E08000012,Liverpool,2016/17,1e3\n");         // line 5: an exponent
        Assert.False(refused.Imported);
        Assert.Equal(["values.csv:2", "values.csv:3", "values.csv:4", "values.csv:5"], refused.Errors.Select(e => e[..e.IndexOf(": ", StringComparison.Ordinal)]));
        Assert.All(refused.Errors, e => Assert.Contains("column \"value\"", e));
    }

    [Fact]
    public async Task Blank_lines_are_passed_over_and_still_counted_in_the_line_numbers()
    {
        await SetUpAsync();

        var result = await Import(Header + "M1,E06000006,Halton,2015/16,75\n\n\nM1,E06000007,Warrington,2015/16,high\n");

        Assert.False(result.Imported);
        Assert.StartsWith("values.csv:5: column \"value\": \"high\"", Assert.Single(result.Errors));
    }

    [Fact]
    public async Task A_file_that_is_not_valid_CSV_is_refused_with_its_line_and_nothing_kept()
    {
        await SetUpAsync();

        var result = await Import(Header + "M1,E06000006,Halton,2015/16,75\nM1,\"E06000007\"x,Warrington,2015/16,90\n");

        Assert.False(result.Imported);
        Assert.StartsWith("values.csv:3: not valid CSV", Assert.Single(result.Errors));
        Assert.Equal(0, await Db(db => db.Set<BenchmarkValue>().CountAsync()));
    }

    [Fact]
    public async Task A_row_with_too_few_or_too_many_fields_is_refused()
    {
        await SetUpAsync();

        var result = await Import(Header + "M1,E06000006,Halton,2015/16\nM1,E06000007,Warrington,2015/16,90,extra\n");

        Assert.Equal(["values.csv:2: 4 fields where the header has 5.", "values.csv:3: 6 fields where the header has 5."], result.Errors);
    }

    [Fact]
    public async Task The_long_profile_rejects_a_header_with_other_columns()
    {
        await SetUpAsync();

        var result = await Import("indicator,area,period,value\nM1,E06000006,2015/16,75\n");

        Assert.False(result.Imported);
        Assert.Contains("values.csv:1: unknown column \"area\"; the long profile's columns are indicator,area_code,area_name,period,value.", result.Errors);
        Assert.Contains("values.csv:1: missing column \"area_code\" (profile long).", result.Errors);
    }

    [Fact]
    public async Task A_later_file_replaces_the_value_held_for_the_same_indicator_area_and_period()
    {
        await SetUpAsync();
        await Import(M1);

        await Import(Header + "M1,E06000006,Halton,2015/16,77\n");

        var values = await Db(db => db.Set<BenchmarkValue>().Where(v => v.IndicatorRef == "M1").ToListAsync());
        Assert.Equal(7, values.Count);
        Assert.Equal(77m, values.Single(v => v.AreaCode == "E06000006").Value);
    }

    [Fact]
    public async Task An_explore_education_statistics_file_loads_through_a_saved_profile_with_filters_and_rounding_marked()
    {
        await SetUpAsync();
        var saved = await WithScope(sp => sp.GetRequiredService<ImportProfiles>().SaveAsync(new ImportProfile
        {
            Name = "stability", Layout = "ees",
            Measures = [new ProfileMeasure
            {
                Indicator = "M2", Column = "percentage",
                Filters = new() { ["cla_group"] = "CLA on 31 March", ["placement_stability"] = "With 3 or more placements during the year" },
                RoundedLevels = ["National", "Regional"],
            }],
        }));
        Assert.Empty(saved);
        // The placement stability file's layout (Explore Education Statistics): long in its filters.
        var file =
            "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,old_la_code,new_la_code,la_name,cla_group,placement_stability,number,percentage\n" +
            "2016,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,With 3 or more placements during the year,7000,10\n" +
            "2016,Reporting year,National,E92000001,England,,,,,,CLA on 31 March,With 1 placement during the year,47000,68\n" +
            "2016,Reporting year,Regional,E92000001,England,E12000002,North West,,,,CLA on 31 March,With 3 or more placements during the year,1000,9\n" +
            "2016,Reporting year,Local authority,E92000001,England,E12000002,North West,876,E06000006,Halton,CLA on 31 March,With 3 or more placements during the year,10,4\n" +
            "2016,Reporting year,Local authority,E92000001,England,E12000002,North West,877,E06000007,Warrington,CLA on 31 March,With 3 or more placements during the year,c,c\n" +
            "2016,Reporting year,Local authority district,E92000001,England,E12000002,North West,,E07000001,Somewhere,CLA on 31 March,With 3 or more placements during the year,5,5\n";

        var result = await Import(file, "stability", "cla_placement_stability.csv");

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Equal((4L, 1L), (result.Rows, result.Suppressed)); // the 1-placement row and the district row are not wanted
        Assert.Equal(2L, result.Skipped);
        var values = await Db(db => db.Set<BenchmarkValue>().ToDictionaryAsync(v => v.AreaCode));
        Assert.Equal(Period.FinancialYear(2015), values["E06000006"].Period); // year to 31 March 2016 = 2015/16
        Assert.True(values["E92000001"].Rounded);
        Assert.True(values["E12000002"].Rounded);
        Assert.False(values["E06000006"].Rounded);
        Assert.Equal("c", values["E06000007"].Suppression);
    }

    [Fact]
    public async Task The_file_is_streamed_so_memory_stays_bounded()
    {
        await SetUpAsync();
        // 20,000 rows generated as they are read: the importer must write them in batches while reading, never
        // holding more than a batch (plus the CSV reader's buffer) in memory.
        var reader = new GeneratedReader(20_000);
        var lags = new List<long>();
        var profile = ImportProfiles.BuiltIn.Single(p => p.Name == "long");

        var result = await WithScope(sp => sp.GetRequiredService<BenchmarkImport>().ImportAsync(profile, reader, "generated.csv", default,
            (_, written) => lags.Add(reader.LinesHandedOut - written)));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Equal(20_000, result.Rows);
        Assert.True(lags.Count >= 4, $"only {lags.Count} batches were written");
        // Each generated line is at least 25 characters, so the CSV reader's buffer holds at most ReadBufferChars / 25 of them.
        var bound = BenchmarkImport.BatchRows + BenchmarkImport.ReadBufferChars / 25 + 1;
        Assert.True(lags.Max() <= bound, $"the reader ran {lags.Max()} rows ahead of the writer (bound {bound})");
    }

    [Fact]
    public async Task Without_neighbour_values_the_plans_imported_comparators_are_used_for_the_home_authority()
    {
        await SetUpAsync(new Dictionary<string, string>
        {
            ["comparators.csv"] = "indicator,period,comparator,value,note\nM2,2015/16,neighbours,14,\nM2,2015/16,england,15,\nM2,2015/16,region,15.5,\n",
        });
        await WithScope(sp => sp.GetRequiredService<ComparisonGroups>().SetAsync("E06000006", ["E06000007"]));

        var p = await WithScope(sp => sp.GetRequiredService<BenchmarkQuery>().PositionAsync("M2", Period.FinancialYear(2015), "E06000006"));

        Assert.Equal((15m, 15.5m, 14m, true), (p!.England, p.Region, p.NeighboursAverage, p.NeighboursImported));
        Assert.Null(p.Neighbours);
        Assert.Null(p.Place); // no national values: not ranked
    }

    [Fact]
    public async Task Setting_neighbours_adds_a_version_and_keeps_the_earlier_one()
    {
        await SetUpAsync();
        var groups = (Func<IServiceProvider, ComparisonGroups>)(sp => sp.GetRequiredService<ComparisonGroups>());

        Assert.Equal(1, (await WithScope(sp => groups(sp).SetAsync("E06000006", ["E06000007", "E08000011"]))).Version);
        Assert.Equal(2, (await WithScope(sp => groups(sp).SetAsync("E06000006", ["E08000012"]))).Version);

        Assert.Equal(["E08000012"], await WithScope(sp => sp.GetRequiredService<BenchmarkQuery>().GroupAsync("E06000006")));
        Assert.Equal(2, await Db(db => db.Set<ComparisonGroup>().CountAsync()));
    }

    [Fact]
    public async Task Neighbours_must_be_known_authorities_listed_once_and_not_the_authority_itself()
    {
        await SetUpAsync();

        var result = await WithScope(sp => sp.GetRequiredService<ComparisonGroups>().SetAsync("E06000006", ["E06000007", "E06000007", "E06000006", "E12000002", "E09999999"]));

        Assert.False(result.Saved);
        Assert.Equal([
            "--list item 2: E06000007 is listed twice.",
            "--list item 3: E06000006 is the authority itself.",
            "--list item 4: E12000002 (North West) is not a local authority.",
            "--list item 5: \"E09999999\" is not a known area.",
        ], result.Errors);
    }

    /// <summary>A CSV "file" produced line by line as it is read, counting the lines handed out.</summary>
    private sealed class GeneratedReader(int rows) : TextReader
    {
        private static readonly string[] Areas = ["E06000006", "E06000007", "E08000011", "E08000012", "E08000013"];
        private string _current = Header;
        private int _pos;
        private int _next;
        public long LinesHandedOut { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            if (_pos == _current.Length)
            {
                if (_next >= rows) return 0;
                var area = Areas[_next % Areas.Length];
                var year = 1990 + _next / Areas.Length % 30;
                var indicator = _next / (Areas.Length * 30) % 2 == 0 ? "M1" : "M2";
                _current = $"{indicator},{area},,{year}/{(year + 1) % 100:D2},{_next % 100}.5\n";
                _pos = 0;
                _next++;
                LinesHandedOut++;
            }
            var n = Math.Min(count, _current.Length - _pos);
            _current.CopyTo(_pos, buffer, index, n);
            _pos += n;
            return n;
        }

        public override int Peek() => -1;
    }
}

public sealed class BenchmarkImportTestsOnSqlite() : BenchmarkImportTests(DatabaseProvider.Sqlite);

public sealed class BenchmarkImportTestsOnPostgres() : BenchmarkImportTests(DatabaseProvider.Postgres);
