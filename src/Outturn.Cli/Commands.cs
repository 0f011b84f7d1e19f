using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Monitoring;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;

namespace Outturn.Cli;

public static class Commands
{
    /// <summary>`--format json` is written as the API writes it (names and enum words in snake_case).</summary>
    public static JsonSerializerOptions Json => Application.OutturnJson.Indented;

    public static Command Db(IServiceProvider services)
    {
        var migrate = new Command("migrate", "Create or upgrade the database schema.");
        migrate.SetAction(async (_, ct) =>
        {
            // The deployment step: safe to run from every instance at once (a PostgreSQL advisory lock orders them).
            await services.GetRequiredService<DatabaseSetup>().MigrateAsync(ct);
            using var scope = services.CreateScope();
            Console.WriteLine($"Database is at the latest migration ({scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.ProviderName}).");
            return 0;
        });
        return new Command("db", "Database administration.") { migrate };
    }

    public static Command Demo(IServiceProvider services)
    {
        var load = new Command("load", "Load the demonstration plans (idempotent).");
        load.SetAction(async (_, ct) =>
        {
            var setup = services.GetRequiredService<DatabaseSetup>();
            await setup.MigrateAsync(ct);
            foreach (var line in await setup.LoadDemoAsync(ct)) Console.WriteLine(line);
            return 0;
        });
        return new Command("demo", "Demonstration data.") { load };
    }

    public static Command Import(IServiceProvider services)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "A plan folder (see docs/import-formats.md)." };
        folder.AcceptExistingOnly(); // a missing path, or a folder where a file belongs, is refused in words (exit code 2)
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be added, changed and retired, item by item, and change nothing." };
        var plan = new Command("plan", "Import a plan folder; all of it or, on any error, nothing. A plan already held is merged by ref: nothing is deleted.") { folder, dryRun };
        plan.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var dir = parse.GetValue(folder)!;
            var dry = parse.GetValue(dryRun);
            var result = await scope.ServiceProvider.GetRequiredService<PlanImport>().ImportAsync(dir.FullName, dry, ct);
            Console.OutputEncoding = Encoding.UTF8;
            if (!result.Imported)
            {
                await Console.Error.WriteLineAsync($"{dir.FullName}: rejected, nothing was imported ({result.Errors.Count} errors):");
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
                return 1;
            }
            foreach (var c in result.CheckErrors) Console.WriteLine("plan check error: " + c);
            foreach (var w in result.Warnings) Console.WriteLine("warning: " + w);
            foreach (var c in result.Changes) Console.WriteLine(c);
            var counts = string.Join(", ", new[] { "added", "changed", "retired", "reinstated" }.Select(a => $"{result.Changes.Count(c => c.Action == a)} {a}"));
            Console.WriteLine(dry
                ? $"{result.PlanRef}: dry run, nothing was changed{(result.Replaced ? $" ({counts})" : " (a new plan)")}."
                : $"{result.PlanRef}: {(result.Replaced ? $"merged ({counts})" : "imported")}.");
            return 0;
        });
        return new Command("import", "Import data.") { plan };
    }

    public static Command Status(IServiceProvider services)
    {
        var planOption = new Option<string>("--plan") { Description = "The plan's ref, e.g. HBC-CYP-2015-16.", Required = true };
        var periodOption = CommandLine.PeriodOption("The period, e.g. \"2015/16 Q2\".");
        var formatOption = new Option<string>("--format") { Description = "json or csv.", DefaultValueFactory = _ => "json" };
        formatOption.AcceptOnlyFromAmong("json", "csv");
        var status = new Command("status", "Each measure's target, current and previous values and computed statuses for a period.")
        {
            planOption, periodOption, formatOption,
        };
        status.SetAction(async (parse, ct) =>
        {
            var period = parse.GetValue(periodOption)!.Value;
            await using var scope = await services.OpenAsync(ct);
            var plan = await scope.ServiceProvider.GetRequiredService<MonitoringQuery>().LoadPlanAsync(parse.GetValue(planOption)!, ct);
            if (plan is null)
            {
                await Console.Error.WriteLineAsync($"No plan has the ref \"{parse.GetValue(planOption)}\".");
                return 3;
            }
            var lines = MonitoringQuery.StatusLines(plan, period);
            Console.OutputEncoding = Encoding.UTF8;
            Console.Write(parse.GetValue(formatOption) == "csv" ? ToCsv(lines) : JsonSerializer.Serialize(lines, Json) + Environment.NewLine);
            return 0;
        });
        return status;
    }

    private static string ToCsv(IReadOnlyList<StatusLine> lines)
    {
        var sb = new StringBuilder("ref,title,target,current,previous,progress,direction,final_progress,final_direction,override_reason\n");
        static string Q(string? s) => s is null ? "" : s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        static string N(decimal? d) => d?.ToString(CultureInfo.InvariantCulture) ?? "";
        foreach (var l in lines)
            sb.Append(string.Join(",", Q(l.Ref), Q(l.Title), N(l.Target), N(l.Current), N(l.Previous), l.Progress, l.Direction, l.FinalProgress, l.FinalDirection, Q(l.OverrideReason))).Append('\n');
        return sb.ToString();
    }
}
