using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Documents;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;

namespace Outturn.Cli;

/// <summary>
/// <c>outturn report ppb|business-plan|plan-review|cover --plan REF [--period "2015/16 Q2"] --format docx|pdf|html --out FILE</c>:
/// the board documents as files. xlsx and csv give the document's tables instead.
/// </summary>
public static class ReportCommands
{
    public static Command Report(IServiceProvider services)
    {
        var report = new Command("report", "Board documents in Word, PDF or HTML (and their tables as xlsx or csv).");
        report.Subcommands.Add(Make(services, "ppb", "The Priority Based Policy and Performance Board report for a plan and quarter.", periodRequired: true,
            (s, plan, period, ct) => s.GetRequiredService<BoardReports>().PpbAsync(plan, period!.Value, ct)));
        report.Subcommands.Add(Make(services, "cover", "The committee cover report for a plan's quarterly report (fields as edited in the app, or the standard wording).", periodRequired: true,
            async (s, plan, period, ct) => await s.GetRequiredService<CoverReports>().GetAsync(plan, period!.Value, ct) is { } c ? CoverReports.Build(c) : null));
        report.Subcommands.Add(Make(services, "business-plan", "The Business Plan: per objective, key developments, emerging issues, milestones and linked indicators with targets.", periodRequired: false,
            (s, plan, _, ct) => s.GetRequiredService<DocumentContent>().BusinessPlanAsync(plan, ct)));
        report.Subcommands.Add(Make(services, "plan-review", "The plan review: each target's performance, status and plans, and the revised priorities.", periodRequired: false,
            (s, plan, _, ct) => s.GetRequiredService<DocumentContent>().PlanReviewAsync(plan, ct)));
        return report;
    }

    private static Command Make(IServiceProvider services, string name, string description, bool periodRequired,
        Func<IServiceProvider, string, Period?, CancellationToken, Task<Document?>> build)
    {
        var planOption = new Option<string>("--plan") { Description = "The plan's ref, e.g. HBC-CYP-2015-16.", Required = true };
        var periodOption = CommandLine.PeriodOption("The quarter, e.g. \"2015/16 Q2\".", periodRequired);
        var formatOption = new Option<string>("--format") { Description = "docx, pdf or html (xlsx or csv: the document's tables).", DefaultValueFactory = _ => "docx" };
        formatOption.AcceptOnlyFromAmong("docx", "pdf", "html", "xlsx", "csv");
        var outOption = new Option<FileInfo>("--out") { Description = "The file to write.", Required = true };
        var command = new Command(name, description) { planOption, periodOption, formatOption, outOption };
        command.SetAction(async (parse, ct) =>
        {
            var period = parse.GetValue(periodOption);
            var planRef = parse.GetValue(planOption)!;
            var format = parse.GetValue(formatOption)!;
            var file = parse.GetValue(outOption)!;
            await using var scope = await services.OpenAsync(ct);
            var plan = await scope.ServiceProvider.GetRequiredService<MonitoringQuery>().LoadPlanAsync(planRef, ct);
            if (plan is null)
            {
                await Console.Error.WriteLineAsync($"No plan has the ref \"{planRef}\".");
                return 3;
            }
            if (period is { } q && (q.Kind != PeriodKind.Quarter || !plan.Covers(q)))
            {
                await Console.Error.WriteLineAsync($"{planRef} covers {plan.Span}; --period must be one of its quarters, e.g. \"{Period.Quarter(plan.FirstYear, 2)}\".");
                return 2;
            }
            Document? document;
            try
            {
                document = await build(scope.ServiceProvider, planRef, period, ct);
            }
            catch (Exception e) when (e is Outturn.Domain.DomainException or InvalidOperationException)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
            if (document is null)
            {
                await Console.Error.WriteLineAsync($"No plan has the ref \"{planRef}\".");
                return 3;
            }
            byte[] bytes;
            try
            {
                bytes = format switch
                {
                    "xlsx" => TableExport.DocumentXlsx(document),
                    "csv" => TableExport.DocumentCsv(document),
                    _ => (await scope.ServiceProvider.GetRequiredService<BoardReports>().RenderAsync(document,
                        BoardReports.TryParseFormat(format, out var f) ? f : OutputFormat.Docx, Path.GetFileNameWithoutExtension(file.Name), ct)).Content,
                };
            }
            catch (InvalidOperationException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 1;
            }
            if (file.Directory is { Exists: false } dir) dir.Create();
            await File.WriteAllBytesAsync(file.FullName, bytes, ct);
            Console.WriteLine($"{file.FullName}: {document.Title} ({format}, {bytes.Length:N0} bytes).");
            return 0;
        });
        return command;
    }
}
