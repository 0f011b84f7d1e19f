using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Plans;

namespace Outturn.Cli;

/// <summary>Plan commands beside import: export a held plan as a folder, and check a plan.</summary>
public static class PlanCommands
{
    public static void AddTo(RootCommand root, IServiceProvider services)
    {
        var export = root.Subcommands.FirstOrDefault(c => c.Name == "export") ?? new Command("export", "Export data.");
        if (!root.Subcommands.Contains(export)) root.Subcommands.Add(export);
        export.Subcommands.Add(ExportPlan(services));
        root.Subcommands.Add(new Command("plan", "Plan tools.") { Check(services) });
    }

    private static Command Check(IServiceProvider services)
    {
        var planRef = new Argument<string>("ref") { Description = "The plan's ref, e.g. HBC-BP-2016-19." };
        var command = new Command("check", "Check a plan for the mistakes plan documents contain; exit 1 when there are errors.") { planRef };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var findings = await scope.ServiceProvider.GetRequiredService<PlanExport>().CheckAsync(parse.GetValue(planRef)!, today, ct);
            if (findings is null)
            {
                await Console.Error.WriteLineAsync($"No plan has the ref \"{parse.GetValue(planRef)}\".");
                return 3;
            }
            Console.OutputEncoding = System.Text.Encoding.UTF8;
            foreach (var f in findings) Console.WriteLine($"{(f.Level == FindingLevel.Error ? "error" : "warning")}: {f}");
            var errors = findings.Count(f => f.Level == FindingLevel.Error);
            Console.WriteLine($"{parse.GetValue(planRef)}: {errors} error{(errors == 1 ? "" : "s")}, {findings.Count - errors} warning{(findings.Count - errors == 1 ? "" : "s")} (lines are those of `outturn export plan`).");
            return errors > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command ExportPlan(IServiceProvider services)
    {
        var planRef = new Argument<string>("ref") { Description = "The plan's ref, e.g. HBC-CYP-2015-16." };
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder to write (created if need be; its plan files are overwritten)." };
        var command = new Command("plan", "Write a plan as a plan folder (docs/import-formats.md), retired items included.") { planRef, folder };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var dir = parse.GetValue(folder)!;
            if (!await scope.ServiceProvider.GetRequiredService<PlanExport>().WriteAsync(parse.GetValue(planRef)!, dir.FullName, ct))
            {
                await Console.Error.WriteLineAsync($"No plan has the ref \"{parse.GetValue(planRef)}\".");
                return 3;
            }
            Console.WriteLine($"{parse.GetValue(planRef)}: written to {dir.FullName}.");
            return 0;
        });
        return command;
    }
}
