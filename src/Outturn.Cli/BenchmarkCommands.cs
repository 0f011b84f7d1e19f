using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Benchmarks;
using Outturn.Application.Data;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;

namespace Outturn.Cli;

/// <summary>
/// Benchmarking commands: <c>import benchmarks|areas|report-card</c>, <c>neighbours set|show</c>, <c>benchmark</c> and
/// <c>profiles list|save</c>. Exit codes as elsewhere: 1 rejected input, 2 malformed arguments, 3 unknown indicator, area or profile.
/// </summary>
public static class BenchmarkCommands
{
    public static void AddTo(RootCommand root, IServiceProvider services)
    {
        var import = root.Subcommands.First(c => c.Name == "import");
        import.Subcommands.Add(ImportBenchmarks(services));
        import.Subcommands.Add(ImportAreas(services));
        import.Subcommands.Add(ImportReportCard(services));
        root.Subcommands.Add(Neighbours(services));
        root.Subcommands.Add(Benchmark(services));
        root.Subcommands.Add(Profiles(services));
    }

    private static Command ImportBenchmarks(IServiceProvider services)
    {
        var profile = new Option<string>("--profile") { Description = "An import profile: long, ees-cla-placement-stability or one saved with `profiles save`.", Required = true };
        var file = new Argument<FileInfo>("file") { Description = "The published CSV file." };
        file.AcceptExistingOnly(); // a missing path, or a folder where a file belongs, is refused in words (exit code 2)
        var command = new Command("benchmarks", "Import national benchmark figures through an import profile; all of the file or, on any error, nothing.") { profile, file };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var path = parse.GetValue(file)!.FullName;
            var result = await scope.ServiceProvider.GetRequiredService<BenchmarkImport>().ImportAsync(parse.GetValue(profile)!, path, ct);
            Console.OutputEncoding = Encoding.UTF8;
            if (!result.Imported)
            {
                await Console.Error.WriteLineAsync($"{path}: rejected, nothing was imported ({result.Errors.Count} errors):");
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
                return result.Errors.Count == 1 && result.Errors[0].StartsWith("--profile", StringComparison.Ordinal) ? 3 : 1;
            }
            Console.WriteLine($"{result.File}: {result.Rows} values imported with profile {result.Profile} ({result.Suppressed} suppressed cells kept as suppressed; {result.Skipped} rows not wanted by the profile).");
            if (result.AddedAreas.Count > 0)
            {
                Console.WriteLine($"Areas added ({result.AddedAreas.Count}):");
                foreach (var a in result.AddedAreas) Console.WriteLine("  " + a);
            }
            if (result.Warnings.Count > 0)
            {
                Console.WriteLine($"Warnings ({result.Warnings.Count}):");
                foreach (var w in result.Warnings) Console.WriteLine("  " + w);
            }
            return 0;
        });
        return command;
    }

    private static Command ImportAreas(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV: code,old_code,name,region_code." };
        file.AcceptExistingOnly(); // a missing path, or a folder where a file belongs, is refused in words (exit code 2)
        var command = new Command("areas", "Import or update areas (England, regions, authorities) with their codes and regions.") { file };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var (added, updated, errors) = await scope.ServiceProvider.GetRequiredService<ComparisonGroups>().ImportAreasAsync(parse.GetValue(file)!.FullName, ct);
            if (errors.Count > 0)
            {
                foreach (var e in errors) await Console.Error.WriteLineAsync(e);
                return 1;
            }
            Console.WriteLine($"{added} areas added, {updated} updated.");
            return 0;
        });
        return command;
    }

    private static Command ImportReportCard(IServiceProvider services)
    {
        var file = new Argument<FileInfo>("file") { Description = "CSV: indicator,life_stage." };
        file.AcceptExistingOnly(); // a missing path, or a folder where a file belongs, is refused in words (exit code 2)
        var command = new Command("report-card", "Replace the report card's indicators and their life stages.") { file };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var errors = await scope.ServiceProvider.GetRequiredService<ReportCardQuery>().ImportAsync(parse.GetValue(file)!.FullName, ct);
            foreach (var e in errors) await Console.Error.WriteLineAsync(e);
            if (errors.Count == 0) Console.WriteLine("Report card replaced.");
            return errors.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static readonly Dictionary<string, ComparisonGroupKind> Kinds = new()
    {
        ["statistical"] = ComparisonGroupKind.StatisticalNeighbours,
        ["cipfa"] = ComparisonGroupKind.CipfaNearestNeighbours,
        ["custom"] = ComparisonGroupKind.Custom,
    };

    private static Command Neighbours(IServiceProvider services)
    {
        var area = new Option<string>("--area") { Description = "The authority's code, e.g. E06000006.", Required = true };
        var list = new Option<string>("--list") { Description = "The neighbours' codes, separated by commas, in order.", Required = true };
        var kind = new Option<string>("--kind") { Description = "statistical (DfE, default), cipfa or custom.", DefaultValueFactory = _ => "statistical" };
        kind.AcceptOnlyFromAmong([.. Kinds.Keys]);
        var name = new Option<string?>("--name") { Description = "A custom group's name." };
        var source = new Option<string?>("--source") { Description = "Where the list comes from." };
        var set = new Command("set", "Replace an authority's neighbours with a new version of the list (earlier versions are kept).") { area, list, kind, name, source };
        set.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var code = parse.GetValue(area)!;
            var result = await scope.ServiceProvider.GetRequiredService<ComparisonGroups>().SetAsync(
                code, parse.GetValue(list)!.Split(','), Kinds[parse.GetValue(kind)!], parse.GetValue(name), parse.GetValue(source), ct);
            if (!result.Saved)
            {
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
                return 1;
            }
            Console.WriteLine($"{code}: {ComparisonGroup.DefaultName(Kinds[parse.GetValue(kind)!]).ToLowerInvariant()} set (version {result.Version}).");
            return 0;
        });

        var showArea = new Option<string>("--area") { Description = "The authority's code.", Required = true };
        var show = new Command("show", "List an authority's current statistical neighbours.") { showArea };
        show.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var query = scope.ServiceProvider.GetRequiredService<BenchmarkQuery>();
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            var members = await query.GroupAsync(parse.GetValue(showArea)!, ct: ct);
            var names = await db.Set<Area>().Where(a => members.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);
            foreach (var m in members) Console.WriteLine($"{m} {names.GetValueOrDefault(m)}");
            return 0;
        });
        return new Command("neighbours", "An authority's comparison groups.") { set, show };
    }

    private static Command Benchmark(IServiceProvider services)
    {
        var indicator = new Option<string>("--indicator") { Description = "The indicator's ref, e.g. CED033.", Required = true };
        var period = CommandLine.PeriodOption("The period, e.g. 2015/16.");
        var area = new Option<string>("--area") { Description = "The area's code, e.g. E06000006.", Required = true };
        var format = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("benchmark", "How an area compares for an indicator and period: value, rank of all authorities, quartile band, England, region, neighbours.")
        {
            indicator, period, area, format,
        };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(period)!.Value;
            await using var scope = await services.OpenAsync(ct);
            var query = scope.ServiceProvider.GetRequiredService<BenchmarkQuery>();
            var code = parse.GetValue(area)!;
            var found = await query.AreaAsync(code, ct);
            if (found is null)
            {
                await Console.Error.WriteLineAsync($"--area \"{code}\": not a known area.");
                return 3;
            }
            var position = await query.PositionAsync(parse.GetValue(indicator)!, p, code, ct);
            if (position is null)
            {
                await Console.Error.WriteLineAsync($"--indicator \"{parse.GetValue(indicator)}\": no plan holds an indicator with that ref.");
                return 3;
            }
            var line = BenchmarkLine.From(parse.GetValue(indicator)!, p, found, position);
            Console.OutputEncoding = Encoding.UTF8;
            Console.Write(parse.GetValue(format) == "csv" ? ToCsv(line) : JsonSerializer.Serialize(line, Commands.Json) + Environment.NewLine);
            return 0;
        });
        return command;
    }

    private static string ToCsv(BenchmarkLine l)
    {
        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        static string Q(string? s) => s is null ? "" : s.Contains(',') || s.Contains('"') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        return "indicator,period,area,area_name,value,suppression,rank,of,quartile,england,region,neighbours_average,neighbours_count,neighbours_median,neighbours_top_quartile\n" +
            string.Join(",", Q(l.Indicator), Q(l.Period), l.Area, Q(l.AreaName), N(l.Value), Q(l.Suppression), l.Rank, l.Of, l.Quartile,
                N(l.England), N(l.Region), N(l.NeighboursAverage), l.NeighboursCount, N(l.NeighboursMedian), N(l.NeighboursTopQuartile)) + "\n";
    }

    private static Command Profiles(IServiceProvider services)
    {
        var list = new Command("list", "List the import profiles: built-in and saved.");
        list.SetAction(async (_, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            foreach (var p in await scope.ServiceProvider.GetRequiredService<ImportProfiles>().ListAsync(ct))
                Console.WriteLine($"{p.Name} ({p.Layout}){(p.Description is null ? "" : ": " + p.Description)}");
            return 0;
        });
        var file = new Argument<FileInfo>("file") { Description = "The profile as JSON (docs/import-formats.md)." };
        file.AcceptExistingOnly(); // a missing path, or a folder where a file belongs, is refused in words (exit code 2)
        var save = new Command("save", "Save an import profile (replacing one of the same name) so that next year's file loads in one step.") { file };
        save.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!.FullName;
            ImportProfile? profile;
            try
            {
                profile = JsonSerializer.Deserialize<ImportProfile>(await File.ReadAllTextAsync(path, ct), ImportProfile.Json);
            }
            catch (Exception ex) when (ex is JsonException or IOException)
            {
                await Console.Error.WriteLineAsync($"{path}: not a profile ({ex.Message}).");
                return 1;
            }
            await using var scope = await services.OpenAsync(ct);
            var problems = profile is null ? ["empty file"] : await scope.ServiceProvider.GetRequiredService<ImportProfiles>().SaveAsync(profile, ct);
            foreach (var e in problems) await Console.Error.WriteLineAsync($"{path}: {e}");
            if (problems.Count == 0) Console.WriteLine($"Profile {profile!.Name} saved.");
            return problems.Count == 0 ? 0 : 1;
        });
        return new Command("profiles", "Import profiles for benchmark files.") { list, save };
    }
}
