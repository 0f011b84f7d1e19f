using System.CommandLine;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using Outturn.Domain.Returns.Validation;

namespace Outturn.Cli;

/// <summary>`outturn returns …`: statutory returns in, indicators out.</summary>
public static class ReturnsCommands
{
    public static Command Returns(IServiceProvider services) =>
        new("returns", "Statutory returns (SSDA903, CIN census, Annex A) and the indicators computed from them.")
        {
            Import(services), List(services), Indicators(), Compute(services), Validate(services), Children(services), Link(services), Fill(services),
            RotatePseudonymKey(services),
        };

    /// <summary>
    /// A new pseudonym key (docs/operations.md, "Pseudonym key"): children get new pseudonyms from then on; the old key
    /// is kept, retired. Running instances hold the key they read at start, so restart them afterwards.
    /// </summary>
    private static Command RotatePseudonymKey(IServiceProvider services)
    {
        var command = new Command("rotate-pseudonym-key", "Make a new key for children's pseudonyms, keeping the old one retired. Restart the web app afterwards.");
        command.SetAction(async (_, ct) =>
        {
            if (!string.IsNullOrEmpty(services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Outturn:Returns:PseudonymKey"]))
            {
                await Console.Error.WriteLineAsync("Outturn:Returns:PseudonymKey is set in the configuration, and that key is used: change it there instead.");
                return 1;
            }
            await services.GetRequiredService<DatabaseSetup>().MigrateAsync(ct);
            await services.GetRequiredService<SharedSecrets>().RotateAsync(SharedSecrets.PseudonymKey, ct);
            Console.WriteLine("Made a new pseudonym key; the old one is kept, retired. Restart every instance of the web app so that all use the new key.");
            return 0;
        });
        return command;
    }

    private static bool TryYear(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!Period.TryParseFinancialYear(text, out var p)) return false;
        year = p.Year;
        return true;
    }

    private static Command Import(IServiceProvider services)
    {
        var path = new Argument<string>("file-or-folder") { Description = "An SSDA903 folder of CSV tables (or one CSV), a CIN census XML file (or a folder of them), or an Annex A workbook." };
        var kind = new Option<string>("--kind") { Description = "ssda903, cin or annexa.", Required = true };
        kind.AcceptOnlyFromAmong("ssda903", "cin", "annexa");
        var year = new Option<string?>("--year") { Description = "The collection year, e.g. 2015/16, when the data do not tell it." };
        var command = new Command("import", "Import a return; all of it or, on any structural error, nothing.") { path, kind, year };
        command.SetAction(async (parse, ct) =>
        {
            if (!TryYear(parse.GetValue(year), out var y))
            {
                await Console.Error.WriteLineAsync($"--year \"{parse.GetValue(year)}\" is not a financial year; write it as 2015/16.");
                return 2;
            }
            var target = Path.GetFullPath(parse.GetValue(path)!);
            if (!File.Exists(target) && !Directory.Exists(target))
            {
                await Console.Error.WriteLineAsync($"{target}: there is no such file or folder.");
                return 2;
            }
            await using var scope = await services.OpenAsync(ct);
            var k = parse.GetValue(kind) switch { "cin" => ReturnKind.Cin, "annexa" => ReturnKind.AnnexA, _ => ReturnKind.Ssda903 };
            if (k == ReturnKind.AnnexA)
            {
                var annex = await scope.ServiceProvider.GetRequiredService<AnnexAImport>().ImportAsync(target, ct);
                foreach (var line in annex.Report) Console.WriteLine(line);
                if (!annex.Ok) return await Rejected(target, annex.Errors);
                return 0;
            }
            var result = await scope.ServiceProvider.GetRequiredService<ReturnsImport>().ImportAsync(k, target, y, ct);
            if (!result.Ok) return await Rejected(target, result.Errors);
            foreach (var line in result.Imported) Console.WriteLine(line);
            return 0;
        });
        return command;
    }

    private static async Task<int> Rejected(string target, IReadOnlyList<StructuralError> errors)
    {
        await Console.Error.WriteLineAsync($"{target}: rejected, nothing was imported ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):");
        foreach (var e in errors) await Console.Error.WriteLineAsync(e.ToString());
        return 1;
    }

    private static Command List(IServiceProvider services)
    {
        var command = new Command("list", "The returns held: kind, year, files, rows, when and by whom imported.");
        command.SetAction(async (_, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            foreach (var i in await scope.ServiceProvider.GetRequiredService<ReturnsQuery>().ImportsAsync(ct))
                Console.WriteLine($"{i.Describe()}: {i.RowCount} rows, imported {i.ImportedAt:yyyy-MM-dd HH:mm} by {i.ImportedBy}");
            return 0;
        });
        return command;
    }

    private static Command Indicators()
    {
        var command = new Command("indicators", "The statutory definitions Outturn computes: code, version, source tables, title.");
        command.SetAction(_ =>
        {
            foreach (var i in IndicatorCatalogue.All)
                Console.WriteLine($"{i.Code} v{i.Version} [{ReturnImport.KindName(i.Source)}: {string.Join(", ", i.SourceTables)}]{(i.NationalRef is null ? "" : " (" + i.NationalRef + ")")}{(i.VariantOf is null ? "" : " variant of " + i.VariantOf)}: {i.Title}");
            return 0;
        });
        return command;
    }

    public sealed record ComputedLine(string Code, int Version, string Title, string? VariantOf, int Numerator, int Denominator, decimal? Value, string Unit, string WindowStart, string WindowEnd,
        IReadOnlyList<string> Notes);

    private static Command Compute(IServiceProvider services)
    {
        var period = CommandLine.PeriodOption("The period whose end closes the year-to-date window, e.g. \"2015/16 Q2\".");
        var population = new Option<int?>("--population") { Description = "Children aged 0–17, for referrals per 10,000." };
        var command = new Command("compute", "Compute every statutory indicator from the returns held, as JSON (nothing is stored).") { period, population };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(period)!.Value;
            await using var scope = await services.OpenAsync(ct);
            var (data, _) = await scope.ServiceProvider.GetRequiredService<ReturnsQuery>().LoadAsync(parse.GetValue(population), ct);
            var window = ReportingWindow.YearTo(p.End);
            var lines = IndicatorCatalogue.All.Select(i =>
            {
                var r = i.Compute(data, window);
                return new ComputedLine(i.Code, i.Version, i.Title, i.VariantOf, r.Numerator, r.Denominator, r.Value is { } v ? Math.Round(v, 2) : null, i.Unit,
                    window.Start.ToString("yyyy-MM-dd"), window.End.ToString("yyyy-MM-dd"), r.Notes);
            }).ToList();
            Console.WriteLine(JsonSerializer.Serialize(lines, Commands.Json));
            return 0;
        });
        return command;
    }

    /// <summary>The account the command acts for, when it shows child-level records: <c>--as &lt;email&gt;</c>.</summary>
    private static Option<string?> AsOption() =>
        new("--as") { Description = "The e-mail of the account acting: it must have the child-level permission, and is written to the audit trail as the viewer." };

    /// <summary>Exit code when the acting account may not see child-level records.</summary>
    private const int Refused = 4;

    public sealed record RuleCount(string Code, string? Reference, string Message, IReadOnlyList<string> Tables, IReadOnlyList<string> Fields, int Records, int Children);
    public sealed record ImpactLine(string Code, decimal? Value, int ChildrenTouched, decimal? ValueWithoutThem, decimal? CorrectedLow, decimal? CorrectedHigh);
    public sealed record FailureItem(string Rule, string? Reference, string Return, string Table, int Line, string Child, IReadOnlyList<string> Fields, string Detail);
    public sealed record ValidationReport(string Period, string WindowStart, string WindowEnd, IReadOnlyList<RuleCount> Rules, IReadOnlyList<ImpactLine> Indicators, IReadOnlyList<FailureItem> Failures);

    private static Command Validate(IServiceProvider services)
    {
        var period = CommandLine.PeriodOption("The period whose end closes the year-to-date window, e.g. \"2015/16 Q2\".");
        var format = new Option<string>("--format") { Description = "text (counts, the default) or json (counts and every failing record, by child pseudonym: needs --as).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var actingAs = AsOption();
        var command = new Command("validate", "Run the validation rules over the returns held: failures by rule, then per indicator the children touched and how the figure would move.") { period, format, actingAs };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(period)!.Value;
            await using var scope = await services.OpenAsync(ct);
            var json = parse.GetValue(format) == "json";
            var viewer = parse.GetValue(actingAs);
            if (json && await scope.ServiceProvider.GetRequiredService<ChildLevelAccess>().RefusalAsync(viewer, ct) is { } refusal)
            {
                await Console.Error.WriteLineAsync("The JSON report lists each failing record by child pseudonym. " + refusal);
                return Refused;
            }
            var (data, _) = await scope.ServiceProvider.GetRequiredService<ReturnsQuery>().LoadAsync(null, ct);
            var window = ReportingWindow.YearTo(p.End);
            var failures = RuleCatalogue.Run(data, window);
            var impacts = ImpactAnalysis.For(data, window, failures);
            if (json)
            {
                var rules = RuleCatalogue.All.ToDictionary(r => r.Code);
                var lines = await scope.ServiceProvider.GetRequiredService<ReturnsReport>().FailuresAsync(p, ct, viewer!.Trim());
                var report = new ValidationReport(p.ToString(), window.Start.ToString("yyyy-MM-dd"), window.End.ToString("yyyy-MM-dd"),
                    RuleCatalogue.All.Select(r =>
                    {
                        var mine = failures.Where(f => f.Rule == r.Code).ToList();
                        return new RuleCount(r.Code, r.Reference, r.Message, r.Tables, r.Fields, mine.Count, mine.Select(f => f.ChildId).Distinct().Count());
                    }).ToList(),
                    impacts.Select(i => new ImpactLine(i.Code, Round(i.Now.Value), i.ChildrenTouched, Round(i.Excluded.Value), Round(i.CorrectedLow), Round(i.CorrectedHigh))).ToList(),
                    lines.Select(f => new FailureItem(f.Rule, rules[f.Rule].Reference, f.Return, f.Table, f.Line, f.Pseudonym, rules[f.Rule].Fields, f.Detail)).ToList());
                Console.WriteLine(JsonSerializer.Serialize(report, Commands.Json));
                return 0;
            }
            foreach (var rule in RuleCatalogue.All)
            {
                var mine = failures.Where(f => f.Rule == rule.Code).ToList();
                Console.WriteLine($"{rule.Code}{(rule.Reference is null ? "" : " (" + rule.Reference + ")")}: {mine.Count} record{(mine.Count == 1 ? "" : "s")} — {rule.Message}");
            }
            Console.WriteLine();
            Console.WriteLine("indicator: value now; children touched by open errors; value without them; range if corrected");
            static string F(decimal? v) => v is { } x ? Math.Round(x, 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
            foreach (var i in impacts)
                Console.WriteLine($"{i.Code}: {F(i.Now.Value)}; {i.ChildrenTouched}; {F(i.Excluded.Value)}; {F(i.CorrectedLow)} to {F(i.CorrectedHigh)}");
            return 0;
        });
        return command;
    }

    private static decimal? Round(decimal? v) => v is { } x ? Math.Round(x, 2) : null;

    public sealed record ChildItem(string Child, string? BirthMonth, bool InNumerator, string Reason);
    public sealed record ChildrenReport(string Code, string Title, int Version, string? VariantOf, string Period, string WindowStart, string WindowEnd,
        int Numerator, int Denominator, decimal? Value, string Unit, IReadOnlyList<string> Notes, IReadOnlyList<ChildItem> NumeratorChildren, IReadOnlyList<ChildItem> DenominatorChildren);

    private static Command Children(IServiceProvider services)
    {
        var period = CommandLine.PeriodOption("The period whose end closes the year-to-date window, e.g. \"2015/16 Q4\".");
        var indicator = new Option<string>("--indicator") { Description = "The statutory definition's code (see `returns indicators`), e.g. lac-3plus-placements.", Required = true };
        var format = new Option<string>("--format") { Description = "json (the only form).", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("json");
        var actingAs = AsOption();
        var command = new Command("children",
            "The children behind a figure, by pseudonym, with the reason each counts (child-level permission; every use is written to the audit trail).")
        {
            period, indicator, format, actingAs,
        };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(period)!.Value;
            await using var scope = await services.OpenAsync(ct);
            var viewer = parse.GetValue(actingAs);
            if (await scope.ServiceProvider.GetRequiredService<ChildLevelAccess>().RefusalAsync(viewer, ct) is { } refusal)
            {
                await Console.Error.WriteLineAsync(refusal);
                return Refused;
            }
            var code = parse.GetValue(indicator)!;
            if (await scope.ServiceProvider.GetRequiredService<ReturnsReport>().ChildrenAsync(code, p, ct, viewer!.Trim()) is not { } list)
            {
                await Console.Error.WriteLineAsync($"No statutory indicator has the code \"{code}\" (see `outturn returns indicators`).");
                return 3;
            }
            var d = list.Definition;
            var window = ReportingWindow.YearTo(p.End);
            var items = list.Children.Select(c => new ChildItem(c.Pseudonym, c.BirthMonth, c.InNumerator, c.Detail)).ToList();
            var report = new ChildrenReport(d.Code, d.Title, d.Version, d.VariantOf, p.ToString(), window.Start.ToString("yyyy-MM-dd"), window.End.ToString("yyyy-MM-dd"),
                list.Result.Numerator, list.Result.Denominator, Round(list.Result.Value), d.Unit, list.Result.Notes,
                items.Where(c => c.InNumerator).ToList(), items);
            Console.WriteLine(JsonSerializer.Serialize(report, Commands.Json));
            return 0;
        });
        return command;
    }

    private static Command Link(IServiceProvider services)
    {
        var plan = new Option<string>("--plan") { Description = "The plan's ref.", Required = true };
        var measure = new Option<string?>("--measure") { Description = "The measure's ref, e.g. CED047." };
        var definition = new Option<string?>("--definition") { Description = "The statutory definition's code, e.g. lac-3plus-placements (see `returns indicators`)." };
        var defaults = new Option<bool>("--defaults") { Description = "Link every measure whose ref is one of the usual ones (CED033, CED035–038, CED044, CED047–050)." };
        var command = new Command("link", "Link a plan's measure to the statutory definition that fills it.") { plan, measure, definition, defaults };
        command.SetAction(async (parse, ct) =>
        {
            await using var scope = await services.OpenAsync(ct);
            var fill = scope.ServiceProvider.GetRequiredService<ReturnsFill>();
            var planRef = parse.GetValue(plan)!;
            if (parse.GetValue(defaults))
            {
                foreach (var l in await fill.LinkDefaultsAsync(planRef, ct)) Console.WriteLine(l);
                return 0;
            }
            if (parse.GetValue(measure) is not { } m || parse.GetValue(definition) is not { } d)
            {
                await Console.Error.WriteLineAsync("Give --measure and --definition, or --defaults.");
                return 2;
            }
            if (await fill.LinkAsync(planRef, m, d, ct) is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return error.StartsWith("No plan", StringComparison.Ordinal) ? 3 : 2;
            }
            Console.WriteLine($"{m} ← {d}");
            return 0;
        });
        return command;
    }

    private static Command Fill(IServiceProvider services)
    {
        var plan = new Option<string>("--plan") { Description = "The plan's ref.", Required = true };
        var period = CommandLine.PeriodOption("The period to fill, e.g. \"2015/16 Q2\".");
        var population = new Option<int?>("--population") { Description = "Children aged 0–17, for referrals per 10,000 (else Outturn:Returns:ChildPopulation)." };
        var measures = new Option<string[]>("--measure") { Description = "Only these measures (repeatable); default every linked one.", AllowMultipleArgumentsPerToken = true };
        var command = new Command("fill", "Fill the linked measures' drafts in the period's open round from the returns, recording numerator, denominator, source and definition version; their officers submit them.")
        {
            plan, period, population, measures,
        };
        command.SetAction(async (parse, ct) =>
        {
            var p = parse.GetValue(period)!.Value;
            await using var scope = await services.OpenAsync(ct);
            var result = await scope.ServiceProvider.GetRequiredService<ReturnsFill>()
                .FillAsync(parse.GetValue(plan)!, p, parse.GetValue(population), parse.GetValue(measures), ct);
            if (result.Error is { } error)
            {
                await Console.Error.WriteLineAsync(error);
                return error.StartsWith("No plan", StringComparison.Ordinal) ? 3 : 1;
            }
            foreach (var f in result.Filled)
                Console.WriteLine($"{f.Measure} = {f.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not available"} ({f.Numerator}/{f.Denominator}; {f.Definition} v{f.Version}; {f.Source}): draft saved for its officer to submit");
            foreach (var s in result.Skipped) await Console.Error.WriteLineAsync(s);
            return 0;
        });
        return command;
    }

}
