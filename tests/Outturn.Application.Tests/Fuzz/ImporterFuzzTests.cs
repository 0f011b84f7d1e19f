using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Outturn.Application.Benchmarks;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Application.Finance;
using Outturn.Application.Plans;
using Outturn.Application.Returns;
using Outturn.Application.Risks;
using Outturn.Application.Rounds;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Returns;
using Outturn.Domain.Rounds;
using Xunit.Abstractions;

namespace Outturn.Application.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing of every importer: each starts from a file (or folder) it accepts, drawn from the demo data or
/// the synthetic returns, and is fed a few hundred seeded mutations of it (bytes flipped, spans cut, lines
/// duplicated, fields replaced by hostile values, DTDs prepended, workbook parts rewritten). Each answer must be an
/// acceptance or a refusal in words: no other exception, allocation bounded per input, and after a refusal the
/// database exactly as it was. The seed and the counts are printed so that a failure can be run again
/// (OUTTURN_FUZZ_SEED); the time per importer is capped so the whole run stays within about a minute.
/// </summary>
public sealed class ImporterFuzzTests(ITestOutputHelper output) : IntegrationTest(DatabaseProvider.Sqlite)
{
    private const int InputsPerImporter = 300;
    private static readonly TimeSpan TimePerImporter = TimeSpan.FromSeconds(5);
    private const long MaxAllocatedPerInput = 512L * 1024 * 1024;

    private static string Demo(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Demo", .. parts]);

    /// <summary>What an importer said: accepted, or refused with these errors.</summary>
    private sealed record Outcome(bool Accepted, IReadOnlyList<string> Errors);

    private sealed record Target(string Name, string Seed, bool IsFolder, Func<IServiceProvider, string, Task<Outcome>> Run);

    [Fact]
    public async Task Every_importer_answers_thousands_of_mutated_files_with_an_acceptance_or_a_refusal_and_a_refusal_changes_nothing()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("OUTTURN_FUZZ_SEED"), out var s) ? s : Environment.TickCount & 0x7fffffff;
        var targets = await TargetsAsync();
        // Each starts from a file it accepts, so that mutations probe past the first checks.
        foreach (var target in targets)
        {
            var accepted = await WithScope(sp => target.Run(sp, target.Seed));
            Assert.True(accepted.Accepted, $"{target.Name}: the unmutated seed is refused: {string.Join("; ", accepted.Errors.Take(5))}");
        }
        var total = 0;
        var report = new List<string>();
        foreach (var (target, index) in targets.Select((t, i) => (t, i)))
        {
            var random = new Random(seed + index * 7919);
            var clock = Stopwatch.StartNew();
            var (accepted, refused) = (0, 0);
            var n = 0;
            for (; n < InputsPerImporter && clock.Elapsed < TimePerImporter; n++)
            {
                var input = Mutant(target, random, n);
                var before = Fingerprint();
                var allocated = GC.GetTotalAllocatedBytes();
                Outcome outcome;
                try
                {
                    outcome = await WithScope(sp => target.Run(sp, input));
                }
                catch (DomainException e)
                {
                    outcome = new Outcome(false, [e.Message]); // the documented refusal, as the web shows it
                }
                catch (Exception e)
                {
                    Assert.Fail($"{target.Name}, input {n} (seed {seed}, kept at {input}): {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                    throw;
                }
                var used = GC.GetTotalAllocatedBytes() - allocated;
                Assert.True(used < MaxAllocatedPerInput, $"{target.Name}, input {n} (seed {seed}): {used:N0} bytes allocated");
                if (outcome.Accepted) accepted++;
                else
                {
                    refused++;
                    Assert.True(outcome.Errors.Count > 0 && outcome.Errors.All(e => !string.IsNullOrWhiteSpace(e)), $"{target.Name}, input {n} (seed {seed}): refused without saying why");
                    Assert.True(outcome.Errors.Count <= 101, $"{target.Name}, input {n}: {outcome.Errors.Count} errors; lists are capped at 100 and \"and N more\"");
                    var after = Fingerprint();
                    Assert.True(before == after, $"{target.Name}, input {n} (seed {seed}, kept at {input}): refused ({outcome.Errors[0]}) but the database changed:\n{Difference(before, after)}");
                }
                Cleanup(input);
            }
            total += n;
            report.Add($"{target.Name}: {n} inputs, {accepted} accepted, {refused} refused");
        }
        output.WriteLine($"Importer fuzzing: seed {seed} (set OUTTURN_FUZZ_SEED to repeat), {total} mutated inputs in all");
        foreach (var line in report) output.WriteLine("  " + line);
        Console.WriteLine($"Importer fuzzing: seed {seed}, {total} mutated inputs: {string.Join("; ", report)}");
        Assert.True(targets.Count == 10, "every importer is fuzzed");
        // Unloaded, the run reaches its 300 inputs per importer (about 3,000); on a busy machine the time cap stops it earlier.
        Assert.All(report, line => Assert.DoesNotContain(": 0 inputs", line));
    }

    // ---- the importers and what each starts from ----

    private async Task<List<Target>> TargetsAsync()
    {
        var seeds = NewFolder("seeds");
        // What the importers need in place before their files make sense: departments for the ledger, a plan and its open round for the workbook.
        Assert.True((await WithScope(sp => sp.GetRequiredService<FinanceImport>().ImportDepartmentsAsync(Demo("finance", "departments.csv")))).Imported);
        var plan = Copy(Demo("plans", "HBC-CS-2007-10"), Path.Combine(seeds, "plan"));
        var planResult = await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(plan));
        Assert.True(planResult.Imported, string.Join("\n", planResult.Errors));
        var actor = new Actor("performance@outturn.example", null, RunsRounds: true);
        var round = await WithScope(sp => sp.GetRequiredService<OpenRound>().HandleAsync(new OpenRound.Request(planResult.PlanRef!, Period.Quarter(2008, 3), new DateOnly(2009, 1, 15)), actor));
        var workbook = Path.Combine(seeds, "updates.xlsx");
        await File.WriteAllBytesAsync(workbook, await WithScope(async sp => await sp.GetRequiredService<RoundWorkbook>().BuildAsync((await sp.GetRequiredService<RoundViews>().FindAsync(round.Id))!, null)));

        var ledgerCsv = Demo("finance", "ledger-2015-16-q2.csv");
        var ledgerXlsx = Path.Combine(seeds, "ledger.xlsx");
        MiniExcel.SaveAs(ledgerXlsx, MiniExcel.Query(ledgerCsv, useHeaderRow: true, excelType: ExcelType.CSV).Cast<IDictionary<string, object>>().ToList());
        var benchmarks = Path.Combine(seeds, "benchmarks.csv");
        // Benchmarks are held only for measures of a plan held: the demo's figures are re-labelled to the seed plan's first measure.
        var measure = File.ReadLines(Path.Combine(plan, "indicators.csv")).Skip(1).First().Split(',')[0];
        await File.WriteAllLinesAsync(benchmarks, File.ReadLines(Demo("benchmarks", "synthetic.csv")).Take(120)
            .Select((line, i) => i == 0 ? line : measure + line[line.IndexOf(',')..]));
        Synthetic.WriteSsda903(new SynthOptions(8, 1, 11), Path.Combine(seeds, "ssda903"));
        var ssda903 = Directory.GetDirectories(Path.Combine(seeds, "ssda903")).Single();
        var cinFolder = Path.Combine(seeds, "cin");
        Synthetic.WriteCin(new SynthOptions(8, 1, 12), cinFolder);
        var cin = Directory.GetFiles(cinFolder, "*.xml").Single();
        var annexA = Path.Combine(seeds, "annex-a.xlsx");
        MiniExcel.SaveAs(annexA, new Dictionary<string, object>
        {
            ["List 3 - Referrals"] = new[]
            {
                new Dictionary<string, object> { ["Child Unique ID"] = "A1", ["Gender"] = "Female", ["Date of Referral"] = new DateTime(2015, 6, 1), ["Referral source"] = "Police" },
                new Dictionary<string, object> { ["Child Unique ID"] = "A2", ["Gender"] = "Male", ["Date of Referral"] = new DateTime(2015, 9, 1), ["Referral source"] = "School" },
            },
        });

        static Outcome Finance(FinanceImportResult r) => new(r.Imported, r.Errors);
        return
        [
            new("plan folder", plan, true, async (sp, p) => { var r = await sp.GetRequiredService<PlanImport>().ImportAsync(p); return new(r.Imported, r.Errors); }),
            new("ledger (CSV)", ledgerCsv, false, async (sp, p) => Finance(await sp.GetRequiredService<FinanceImport>().ImportLedgerAsync(p))),
            new("ledger (xlsx)", ledgerXlsx, false, async (sp, p) => Finance(await sp.GetRequiredService<FinanceImport>().ImportLedgerAsync(p))),
            new("benchmarks", benchmarks, false, async (sp, p) => { var r = await sp.GetRequiredService<BenchmarkImport>().ImportAsync("long", p); return new(r.Imported, r.Errors); }),
            new("SSDA903", ssda903, true, async (sp, p) => { var r = await sp.GetRequiredService<ReturnsImport>().ImportAsync(ReturnKind.Ssda903, p, 2015); return new(r.Ok, r.Errors.Select(e => e.ToString()).ToList()); }),
            new("CIN census XML", cin, false, async (sp, p) => { var r = await sp.GetRequiredService<ReturnsImport>().ImportAsync(ReturnKind.Cin, p, 2015); return new(r.Ok, r.Errors.Select(e => e.ToString()).ToList()); }),
            new("Annex A", annexA, false, async (sp, p) => { var r = await sp.GetRequiredService<AnnexAImport>().ImportAsync(p); return new(r.Ok, r.Errors.Select(e => e.ToString()).ToList()); }),
            new("risk register", Copy(Demo("risks"), Path.Combine(seeds, "risks")), true, async (sp, p) => { var r = await sp.GetRequiredService<RiskImport>().ImportAsync(p); return new(r.Imported, r.Errors); }),
            new("equality action plan", Copy(Demo("equality"), Path.Combine(seeds, "equality")), true, async (sp, p) => { var r = await sp.GetRequiredService<EqualityImport>().ImportAsync(p); return new(r.Imported, r.Errors); }),
            new("round workbook", workbook, false, async (sp, p) =>
            {
                var rounds = sp.GetRequiredService<RoundViews>();
                await using var file = File.OpenRead(p);
                var r = await sp.GetRequiredService<RoundWorkbook>().UploadAsync((await rounds.FindAsync(round.Id))!, file, actor);
                return new(r.Errors.Count == 0, r.Errors);
            }),
        ];
    }

    private static string Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from).Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".py", StringComparison.OrdinalIgnoreCase)))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        return to;
    }

    // ---- mutations ----

    private static readonly string[] Hostile =
    [
        "", "-1", "0", "1e309", "NaN", "-0", "99999999999999999999999999999", "1,5", "£1,000", "(12)", "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)",
        "\"", "\"\"", "''", "\u202eevil", "\0", "\t", "31/02/2016", "2015/16 Q9", "9999-12-31", "0000-00-00", "tbc", "yes", "no", "--",
        "<script>alert(1)</script>", "../../etc/passwd", "C:\\Windows", "%00", "\ud800", "ÿÿÿÿ", new string('x', 5000), new string('9', 400),
    ];

    private const string Dtd = "<?xml version=\"1.0\"?><!DOCTYPE z [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY x SYSTEM \"file:///etc/passwd\">]>";

    /// <summary>A mutated copy of the target's seed in a folder of its own.</summary>
    private string Mutant(Target target, Random random, int n)
    {
        var folder = NewFolder($"fuzz-{target.Name.Replace(' ', '-').Replace('(', '-').Replace(')', '-')}-{n}");
        if (!target.IsFolder)
        {
            var path = Path.Combine(folder, Path.GetFileName(target.Seed));
            File.WriteAllBytes(path, MutateFile(File.ReadAllBytes(target.Seed), path, random));
            return path;
        }
        var files = Directory.GetFiles(target.Seed);
        foreach (var f in files) File.Copy(f, Path.Combine(folder, Path.GetFileName(f)));
        var rounds = Stacked(random);
        for (var i = 0; i < rounds; i++)
        {
            var chosen = Path.Combine(folder, Path.GetFileName(files[random.Next(files.Length)]));
            switch (random.Next(20))
            {
                case 0: if (File.Exists(chosen)) File.Delete(chosen); break; // a file missing
                case 1: File.WriteAllBytes(Path.Combine(folder, "unexpected.csv"), Encoding.UTF8.GetBytes("a,b\n1,2\n")); break;
                default: if (File.Exists(chosen)) File.WriteAllBytes(chosen, MutateFile(File.ReadAllBytes(chosen), chosen, random)); break;
            }
        }
        return folder;
    }

    private static byte[] MutateFile(byte[] content, string path, Random random)
    {
        if (!path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return MutateText(content, random, path.EndsWith(".xml", StringComparison.OrdinalIgnoreCase));
        // A workbook: mostly its parts rewritten (what the reader parses), sometimes the zip itself broken.
        if (random.Next(6) == 0) return MutateBytes(content, random);
        using var input = new MemoryStream(content);
        using var source = new ZipArchive(input, ZipArchiveMode.Read);
        var parts = source.Entries.Select(e => (e.FullName, Bytes: ReadAll(e))).ToList();
        var times = 1 + random.Next(2);
        for (var i = 0; i < times; i++)
        {
            var k = random.Next(parts.Count);
            parts[k] = random.Next(8) == 0
                ? (parts[k].FullName, Encoding.UTF8.GetBytes(Dtd).Concat(parts[k].Bytes.SkipWhile(b => b != (byte)'>').Skip(1)).ToArray())
                : (parts[k].FullName, MutateText(parts[k].Bytes, random, xml: true));
        }
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (name, bytes) in parts)
            {
                using var stream = zip.CreateEntry(name).Open();
                stream.Write(bytes);
            }
        return output.ToArray();
    }

    private static byte[] ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static byte[] MutateText(byte[] content, Random random, bool xml)
    {
        var times = Stacked(random);
        for (var i = 0; i < times; i++)
        {
            var text = Encoding.UTF8.GetString(content);
            var lines = text.Split('\n').ToList();
            switch (random.Next(xml ? 11 : 10))
            {
                case 0 or 1: content = MutateBytes(content, random); continue;
                case 2 when lines.Count > 1: lines.Insert(random.Next(lines.Count), lines[random.Next(lines.Count)]); break; // a line twice
                case 3 when lines.Count > 1: lines.RemoveAt(random.Next(lines.Count)); break;
                case 4 when lines.Count > 2:
                    var (a, b) = (random.Next(lines.Count), random.Next(lines.Count));
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                    break;
                case 5 or 6:
                    // One field (between commas, or an element's text) replaced by something hostile.
                    var line = random.Next(lines.Count);
                    var fields = lines[line].Split(xml ? '>' : ',');
                    var f = random.Next(fields.Length);
                    var value = Hostile[random.Next(Hostile.Length)];
                    fields[f] = xml ? value.Replace("<", "&lt;", StringComparison.Ordinal) + (fields[f].Contains('<') ? fields[f][fields[f].IndexOf('<')..] : "") : value;
                    lines[line] = string.Join(xml ? '>' : ',', fields);
                    break;
                case 7: content = content[..random.Next(content.Length + 1)]; continue; // cut short
                case 8 when lines.Count > 0: lines[0] = lines[0].Replace(",", random.Next(2) == 0 ? ";" : ",,", StringComparison.Ordinal); break; // the header broken
                case 9 when lines.Count > 0: lines.AddRange(Enumerable.Repeat(lines[^1], random.Next(1, 300))); break; // many more rows
                case 10: text = Dtd + text[(text.IndexOf("?>", StringComparison.Ordinal) is var q and >= 0 ? q + 2 : 0)..]; content = Encoding.UTF8.GetBytes(text); continue;
                default: content = MutateBytes(content, random); continue;
            }
            content = Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }
        return content;
    }

    /// <summary>Mostly one mutation, so that many inputs get past the first checks and reach the deeper ones; sometimes several.</summary>
    private static int Stacked(Random random) => random.Next(3) == 0 ? 2 + random.Next(3) : 1;

    private static byte[] MutateBytes(byte[] content, Random random)
    {
        var bytes = content.ToList();
        var times = random.Next(2) == 0 ? 1 : 1 + random.Next(8);
        for (var i = 0; i < times; i++)
        {
            var at = random.Next(bytes.Count + 1);
            switch (random.Next(4))
            {
                case 0 when bytes.Count > 0: bytes[Math.Min(at, bytes.Count - 1)] ^= (byte)(1 << random.Next(8)); break;
                case 1 when bytes.Count > 0: bytes.RemoveRange(Math.Min(at, bytes.Count - 1), Math.Min(random.Next(1, 64), bytes.Count - Math.Min(at, bytes.Count - 1))); break;
                case 2: bytes.InsertRange(at, Enumerable.Range(0, random.Next(1, 16)).Select(_ => (byte)random.Next(256))); break;
                default: bytes.InsertRange(at, Encoding.UTF8.GetBytes(new[] { "\"", ",", "\n", "\r\n", "\0", "\uFEFF", "é", "\u2028" }[random.Next(8)])); break;
            }
        }
        return [.. bytes];
    }

    private static void Cleanup(string input)
    {
        try
        {
            if (Directory.Exists(input)) Directory.Delete(input, true);
            else Directory.Delete(Path.GetDirectoryName(input)!, true);
        }
        catch (IOException) { }
    }

    // ---- the database, compared whole ----

    /// <summary>Every row of every table, hashed per table: equal fingerprints mean nothing was added, changed or removed.</summary>
    private string Fingerprint()
    {
        var settings = Services.GetRequiredService<DataSettings>();
        using var connection = new SqliteConnection(settings.ConnectionString + ";Mode=ReadOnly;Pooling=False");
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        var sb = new StringBuilder();
        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            var hash = new HashCode();
            var rows = 0;
            while (reader.Read())
            {
                rows++;
                for (var c = 0; c < reader.FieldCount; c++) hash.Add(reader.IsDBNull(c) ? "\u0000null" : Convert.ToString(reader.GetValue(c), System.Globalization.CultureInfo.InvariantCulture));
            }
            sb.Append(table).Append(':').Append(rows).Append(':').Append(hash.ToHashCode()).Append('\n');
        }
        return sb.ToString();
    }

    private static string Difference(string before, string after) =>
        string.Join("\n", after.Split('\n').Except(before.Split('\n')).Select(l => "now " + l));
}
