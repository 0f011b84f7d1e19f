using Outturn.Application.Accounts;
using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Application.Inspections;
using Outturn.Domain.Governance;

namespace Outturn.Cli;

/// <summary>Boards' meetings and actions from the command line: agenda packs and the chair's overdue list; inspection folders.</summary>
public static class GovernanceCommands
{
    /// <summary>`outturn import inspection &lt;folder&gt;`: an inspection folder (docs/import-formats.md), all of it or nothing.</summary>
    public static void AddImports(RootCommand root, IServiceProvider services)
    {
        var import = root.Subcommands.FirstOrDefault(c => c.Name == "import") ?? new Command("import", "Import data.");
        if (!root.Subcommands.Contains(import)) root.Subcommands.Add(import);
        var folder = new Argument<DirectoryInfo>("folder") { Description = "An inspection folder: inspection.csv and optionally grades.csv, judgements.csv, recommendations.csv, actions.csv (see docs/import-formats.md)." };
        var command = new Command("inspection", "Import an inspection (its grades, findings, recommendations and improvement actions), merged by its reference; all of it or, on any error, nothing.") { folder };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var dir = parse.GetValue(folder)!.FullName;
            var result = await scope.ServiceProvider.GetRequiredService<InspectionImport>().ImportAsync(dir, ct);
            if (!result.Imported)
            {
                await Console.Error.WriteLineAsync($"{dir}: rejected, nothing was imported ({result.Errors.Count} errors):");
                foreach (var e in result.Errors) await Console.Error.WriteLineAsync(e);
                return 1;
            }
            foreach (var line in result.Done) Console.WriteLine(line);
            return 0;
        });
        import.Subcommands.Add(command);
    }

    public static Command Meetings(IServiceProvider services)
    {
        var board = new Option<string>("--board") { Description = "The board's ref, e.g. cyp-ppb.", Required = true };
        var date = new Option<string>("--date") { Description = "The meeting's date, yyyy-mm-dd.", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "The file to write (HTML).", Required = true };
        var partII = new Option<bool>("--include-part-ii") { Description = "Include Part II (exempt) items: for members and officers only, never for publication." };
        var pack = new Command("pack", "Write a meeting's agenda pack: front sheet, membership, items with page numbers, then each report. Part II is left out unless asked for.")
        {
            board, date, output, partII,
        };
        pack.SetAction(async (parse, ct) =>
        {
            if (!DateOnly.TryParseExact(parse.GetValue(date), "yyyy-MM-dd", out var day))
            {
                await Console.Error.WriteLineAsync($"--date \"{parse.GetValue(date)}\" is not a date as yyyy-mm-dd.");
                return 2;
            }
            await using var scope = await services.OpenAsync(ct);
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            var id = await db.Set<Meeting>().Where(m => m.Board!.Ref == parse.GetValue(board) && m.Date == day).Select(m => (int?)m.Id).SingleOrDefaultAsync(ct);
            if (id is null)
            {
                await Console.Error.WriteLineAsync($"The board \"{parse.GetValue(board)}\" has no meeting on {day:yyyy-MM-dd}.");
                return 3;
            }
            var viewer = parse.GetValue(partII) ? Viewer.Officer : Viewer.Anonymous;
            var (visibility, content) = await scope.ServiceProvider.GetRequiredService<GovernanceQuery>().PackAsync(id.Value, viewer, ct);
            if (content is null)
            {
                await Console.Error.WriteLineAsync(visibility == Visibility.NotPublished
                    ? "The agenda is not published; a public pack cannot be made yet (use --include-part-ii for the members' pack)."
                    : "No such meeting.");
                return 3;
            }
            // Each item's report itself after its cover sheet; a quarter's from its published snapshot.
            content = await scope.ServiceProvider.GetRequiredService<AgendaPackReports>().WithReportsAsync(content, viewer, ct);
            // The format follows the output file's extension: .docx, .pdf, otherwise HTML.
            var writer = scope.ServiceProvider.GetRequiredService<AgendaPackWriters>().For(Path.GetExtension(parse.GetValue(output)!.Name).TrimStart('.'));
            await using (var file = File.Create(parse.GetValue(output)!.FullName))
                await writer.WriteAsync(content, file, ct);
            Console.WriteLine($"Wrote {parse.GetValue(output)!.FullName} ({content.PartI.Count} Part I items{(content.PartII.Count > 0 ? $", {content.PartII.Count} Part II" : "")}).");
            return 0;
        });
        return new Command("meetings", "Boards' meetings.") { pack };
    }

    public static Command Actions(IServiceProvider services)
    {
        var board = new Option<string>("--board") { Description = "The board's ref, e.g. ct-exec.", Required = true };
        var overdue = new Command("overdue", "List a board's overdue actions for the chair, oldest deadline first (tab-separated).") { board };
        overdue.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var query = scope.ServiceProvider.GetRequiredService<GovernanceQuery>();
            var view = await query.BoardAsync(parse.GetValue(board)!, Viewer.Officer, ct);
            if (view is null)
            {
                await Console.Error.WriteLineAsync($"No board has the ref \"{parse.GetValue(board)}\".");
                return 3;
            }
            Console.WriteLine("raised\titem\tdeadline\towner\taction");
            foreach (var a in view.Overdue)
                Console.WriteLine($"{a.RaisedOn:yyyy-MM-dd}\t{a.ItemNumber}\t{a.Deadline:yyyy-MM-dd}\t{a.Owner}\t{a.Text}");
            return 0;
        });
        return new Command("actions", "Action logs.") { overdue };
    }
}
