using System.CommandLine;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Application.Finance;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;

namespace Outturn.Cli;

/// <summary>Budget monitoring, risk registers and equality action plans: `import ledger|capital|finance-comments|departments|risks|equality`, `export risks|equality` and `finance`.</summary>
public static class RegistersCommands
{
    /// <summary>Adds the import subcommands to the existing `import` command and the `finance` command to the root.</summary>
    public static void AddTo(RootCommand root, IServiceProvider services)
    {
        var import = root.Subcommands.FirstOrDefault(c => c.Name == "import") ?? new Command("import", "Import data.");
        if (!root.Subcommands.Contains(import)) root.Subcommands.Add(import);
        import.Subcommands.Add(FileImport(services, "ledger", "Import a ledger extract (revenue lines and printed totals, CSV or .xlsx); all of it or, on any error, nothing.",
            (sp, path, ct) => sp.GetRequiredService<FinanceImport>().ImportLedgerAsync(path, ct)));
        import.Subcommands.Add(FileImport(services, "capital", "Import a capital programme (one row per scheme, CSV or .xlsx); all of it or nothing.",
            (sp, path, ct) => sp.GetRequiredService<FinanceImport>().ImportCapitalAsync(path, ct)));
        import.Subcommands.Add(FileImport(services, "finance-comments", "Import departments' commentary on their revenue and capital positions.",
            (sp, path, ct) => sp.GetRequiredService<FinanceImport>().ImportCommentsAsync(path, ct)));
        import.Subcommands.Add(FileImport(services, "departments", "Add departments (name, directorate) or change their directorate.",
            (sp, path, ct) => sp.GetRequiredService<FinanceImport>().ImportDepartmentsAsync(path, ct)));
        import.Subcommands.Add(FolderImport(services, "risks", "Import a risk register folder (risks.csv, scores.csv, controls.csv, control_progress.csv), merged by ref: nothing held is removed.",
            (sp, folder, ct) => sp.GetRequiredService<RiskImport>().ImportAsync(folder, ct)));
        import.Subcommands.Add(FolderImport(services, "equality", "Import an equality action plan folder (actions.csv, progress.csv), merged by ref: nothing held is removed.",
            (sp, folder, ct) => sp.GetRequiredService<EqualityImport>().ImportAsync(folder, ct)));
        root.Subcommands.Add(Finance(services));
        var export = root.Subcommands.FirstOrDefault(c => c.Name == "export") ?? new Command("export", "Export data.");
        if (!root.Subcommands.Contains(export)) root.Subcommands.Add(export);
        export.Subcommands.Add(FolderExport(services, "risks", "Write the risk registers as a risk register folder (risks.csv, scores.csv, controls.csv, control_progress.csv) that import reads back.",
            (sp, folder, ct) => sp.GetRequiredService<RiskExport>().WriteAsync(folder, ct)));
        export.Subcommands.Add(FolderExport(services, "equality", "Write the equality action plans as a folder (actions.csv, progress.csv) that import reads back.",
            (sp, folder, ct) => sp.GetRequiredService<EqualityExport>().WriteAsync(folder, ct)));
    }

    private static Command FolderExport(IServiceProvider services, string name, string description, Func<IServiceProvider, string, CancellationToken, Task> write)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "The folder to write (created if need be; its files of this format are overwritten)." };
        var command = new Command(name, description) { folder };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var dir = parse.GetValue(folder)!.FullName;
            await write(scope.ServiceProvider, dir, ct);
            Console.WriteLine($"{name}: written to {dir}.");
            return 0;
        });
        return command;
    }

    private static Command FileImport(IServiceProvider services, string name, string description, Func<IServiceProvider, string, CancellationToken, Task<FinanceImportResult>> run)
    {
        var file = new Argument<FileInfo>("file") { Description = "A .csv or .xlsx file (see docs/import-formats.md)." };
        file.AcceptExistingOnly(); // a missing path, or a folder where a file belongs, is refused in words (exit code 2)
        var command = new Command(name, description) { file };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var path = parse.GetValue(file)!.FullName;
            var result = await run(scope.ServiceProvider, path, ct);
            foreach (var w in result.Warnings) await Console.Error.WriteLineAsync("warning: " + w);
            if (!result.Imported)
            {
                await Console.Error.WriteLineAsync($"{path}: rejected, nothing was imported ({result.Errors.Count} errors):");
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
                return 1;
            }
            foreach (var line in result.Done) Console.WriteLine(line);
            return 0;
        });
        return command;
    }

    private static Command FolderImport(IServiceProvider services, string name, string description, Func<IServiceProvider, string, CancellationToken, Task<RegisterImportResult>> run)
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = "A folder in the format of docs/import-formats.md." };
        folder.AcceptExistingOnly(); // a missing path, or a folder where a file belongs, is refused in words (exit code 2)
        var command = new Command(name, description) { folder };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var dir = parse.GetValue(folder)!.FullName;
            var result = await run(scope.ServiceProvider, dir, ct);
            if (!result.Imported)
            {
                await Console.Error.WriteLineAsync($"{dir}: rejected, nothing was imported ({result.Errors.Count} errors):");
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
                return 1;
            }
            Console.WriteLine($"{name}: {result.Added} added, {result.Updated} merged (nothing removed).");
            return 0;
        });
        return command;
    }

    public static Command Finance(IServiceProvider services)
    {
        var departmentOption = new Option<string>("--department") { Description = "The department's name, e.g. \"Children and Families\".", Required = true };
        var periodOption = CommandLine.PeriodOption("The period, e.g. \"2015/16 Q2\".");
        var formatOption = new Option<string>("--format") { Description = "json.", DefaultValueFactory = _ => "json" };
        formatOption.AcceptOnlyFromAmong("json");
        var command = new Command("finance", "A department's revenue lines, totals, projection, capital programme and commentary for a period.")
        {
            departmentOption, periodOption, formatOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            var period = parse.GetValue(periodOption)!.Value;
            await using var scope = await services.OpenAsync(ct);
            var query = scope.ServiceProvider.GetRequiredService<FinanceQuery>();
            var name = parse.GetValue(departmentOption)!;
            var department = await query.DepartmentAsync(name, ct);
            if (department is null)
            {
                var known = (await query.DepartmentsAsync(ct)).Select(d => $"\"{d.Name}\"");
                await Console.Error.WriteLineAsync($"No department is named \"{name}\"; the departments held are {string.Join(", ", known)}.");
                return 3;
            }
            var summary = await query.SummaryAsync(department, period, ct);
            if (!summary.HasRevenue && summary.Capital.Count == 0)
            {
                await Console.Error.WriteLineAsync($"{department.Name} has no figures for {period}.");
                return 3;
            }
            Console.OutputEncoding = Encoding.UTF8;
            Console.Write(JsonSerializer.Serialize(FinanceSummaryDto.From(summary), Commands.Json) + Environment.NewLine);
            return 0;
        });
        return command;
    }
}
