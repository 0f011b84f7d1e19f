using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Outturn.Application.Returns;
using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using Outturn.Domain.Returns.Validation;

// National-size statutory returns: import (read, structural checks, typing), validate, compute every indicator;
// and PostgreSQL computing the 3+ placements indicator in SQL over the same episodes, as a ratio. See docs/benchmarks.md.
//   dotnet run -c Release --project bench/ReturnsBench -- generate <folder>
//   dotnet run -c Release --project bench/ReturnsBench -- run <folder>
//   dotnet run -c Release --project bench/ReturnsBench -- store <folder>   (PostgreSQL: store and read back, against COPY)

var inv = CultureInfo.InvariantCulture;
if (args.Length < 2 || args[0] is not ("generate" or "run" or "store"))
{
    Console.Error.WriteLine("usage: ReturnsBench generate|run|store <folder> [--lac-children 100000] [--cin-children 700000] [--placement-days 26]");
    return 2;
}
var folder = Path.GetFullPath(args[1]);
int Arg(string name, int fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], inv) : fallback;

if (args[0] == "generate")
{
    var sw = Stopwatch.StartNew();
    var lac = new SynthOptions(Arg("--lac-children", 100_000), 1, 903) { MeanPlacementDays = Arg("--placement-days", 26) };
    Synthetic.WriteSsda903(lac, Path.Combine(folder, "ssda903"));
    Console.WriteLine($"SSDA903 written in {sw.Elapsed.TotalSeconds:N1} s");
    sw.Restart();
    Synthetic.WriteCin(new SynthOptions(Arg("--cin-children", 700_000), 1, 2016), Path.Combine(folder, "cin"));
    Console.WriteLine($"CIN census written in {sw.Elapsed.TotalSeconds:N1} s");
    return 0;
}

if (args[0] == "store") return await StoreBench.RunAsync(folder);

var process = Process.GetCurrentProcess();
double PeakMb() { process.Refresh(); return process.PeakWorkingSet64 / 1048576.0; }
double HeapMb() => GC.GetTotalMemory(false) / 1048576.0;
var results = new List<(string Phase, double Seconds, string Note)>();
T Time<T>(string phase, Func<T> work, Func<T, string> note)
{
    var sw = Stopwatch.StartNew();
    var r = work();
    sw.Stop();
    results.Add((phase, sw.Elapsed.TotalSeconds, note(r)));
    Console.WriteLine($"{phase}: {sw.Elapsed.TotalSeconds:N2} s; {note(r)}; heap {HeapMb():N0} MB, peak working set {PeakMb():N0} MB");
    return r;
}

var window = new ReportingWindow(new DateOnly(2015, 4, 1), new DateOnly(2016, 3, 31));
var lacReturn = Time("SSDA903 import (read, check, type)", () =>
{
    var read = ReturnFiles.ReadSsda903(Path.Combine(folder, "ssda903", "2015-16"));
    if (!read.Ok) throw new InvalidOperationException(string.Join("\n", read.Errors.Take(5)));
    return LookedAfterReturn.From(2015, read.Batches[0].Rows);
}, r => $"{r.Children.Count:N0} children, {r.Episodes.Count:N0} episodes, {r.Reviews.Count:N0} reviews");
GC.Collect();
var cinReturn = Time("CIN census import (read, check, type)", () =>
{
    var read = ReturnFiles.ReadCin(Path.Combine(folder, "cin", "cin-2015-16.xml"));
    if (!read.Ok) throw new InvalidOperationException(string.Join("\n", read.Errors.Take(5)));
    // Typed as each Child streamed past, and packed for storage: the rows themselves are never all held.
    return read.Batches[0].Census!;
}, r => $"{r.Children.Count:N0} children, {r.Referrals.Count:N0} referrals, {r.Referrals.Sum(f => f.Assessments.Count):N0} assessments");
GC.Collect();
var data = Time("Merge into ReturnsData", () => new ReturnsData([lacReturn], [cinReturn]) { ChildPopulation = 12_000_000 }, _ => "");
GC.Collect();
var failures = Time("Validate (10 rules)", () => RuleCatalogue.Run(data, window), f => $"{f.Count:N0} failures");
var lacIndicators = IndicatorCatalogue.All.Where(i => i.Source == ReturnKind.Ssda903).ToList();
var cinIndicators = IndicatorCatalogue.All.Where(i => i.Source == ReturnKind.Cin).ToList();
Time($"All {lacIndicators.Count} looked-after-children indicators", () => lacIndicators.Select(i => i.Compute(data, window)).ToList(),
    r => string.Join(", ", r.Select(x => $"{x.Code} {x.Numerator:N0}/{x.Denominator:N0}")));
Time($"All {cinIndicators.Count} children-in-need indicators", () => cinIndicators.Select(i => i.Compute(data, window)).ToList(),
    r => string.Join(", ", r.Select(x => $"{x.Code} {x.Numerator:N0}/{x.Denominator:N0}")));

// Baseline in the same run: PostgreSQL computing 3+ placements in SQL over the same episodes.
var server = Environment.GetEnvironmentVariable("OUTTURN_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("OUTTURN_TEST_POSTGRES");
var csharp = new PlacementStability();
var best = double.MaxValue;
IndicatorResult? mine = null;
for (var i = 0; i < 5; i++)
{
    var sw = Stopwatch.StartNew();
    mine = csharp.Compute(data, window);
    best = Math.Min(best, sw.Elapsed.TotalSeconds);
}
Console.WriteLine($"C# 3+ placements, best of 5: {best * 1000:N0} ms ({mine!.Numerator:N0}/{mine.Denominator:N0})");
if (server is null)
{
    Console.WriteLine("OUTTURN_BENCH_POSTGRES (or OUTTURN_TEST_POSTGRES) is not set: the PostgreSQL comparison is skipped.");
    return 0;
}
var database = "outturn_bench_" + Guid.NewGuid().ToString("N")[..8];
await using (var admin = new NpgsqlConnection(server))
{
    await admin.OpenAsync();
    await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
}
try
{
    await using var conn = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 600 }.ConnectionString);
    await conn.OpenAsync();
    await new NpgsqlCommand("CREATE TABLE episodes (child text NOT NULL, decom date NOT NULL, rne text NOT NULL, ls text NOT NULL, dec date)", conn).ExecuteNonQueryAsync();
    var load = Stopwatch.StartNew();
    await using (var copy = await conn.BeginBinaryImportAsync("COPY episodes (child, decom, rne, ls, dec) FROM STDIN (FORMAT BINARY)"))
    {
        foreach (var e in lacReturn.Episodes)
        {
            await copy.StartRowAsync();
            await copy.WriteAsync(e.ChildId, NpgsqlDbType.Text);
            await copy.WriteAsync(e.Decom, NpgsqlDbType.Date);
            await copy.WriteAsync(e.Rne, NpgsqlDbType.Text);
            await copy.WriteAsync(e.Ls, NpgsqlDbType.Text);
            if (e.Dec is { } d) await copy.WriteAsync(d, NpgsqlDbType.Date); else await copy.WriteNullAsync();
        }
        await copy.CompleteAsync();
    }
    await new NpgsqlCommand("CREATE INDEX ON episodes (child, decom); ANALYZE episodes", conn).ExecuteNonQueryAsync();
    Console.WriteLine($"PostgreSQL: {lacReturn.Episodes.Count:N0} episodes loaded (COPY, index, analyse) in {load.Elapsed.TotalSeconds:N1} s");
    const string sql = """
        WITH open_at_end AS (
          SELECT DISTINCT child FROM episodes WHERE decom <= @end AND (dec IS NULL OR dec > @end)
        ), in_window AS (
          SELECT e.child, e.rne, row_number() OVER (PARTITION BY e.child ORDER BY e.decom) AS n
          FROM episodes e JOIN open_at_end o USING (child)
          WHERE e.decom <= @end AND (e.dec IS NULL OR e.dec >= @start) AND e.ls NOT IN ('V3', 'V4')
        ), counts AS (
          SELECT child, 1 + count(*) FILTER (WHERE n > 1 AND rne IN ('S', 'P', 'T', 'U', 'B')) AS placements FROM in_window GROUP BY child
        )
        SELECT count(*) FILTER (WHERE placements >= 3), count(*) FROM counts
        """;
    var sqlBest = double.MaxValue;
    (long N, long D) pg = default;
    for (var i = 0; i < 5; i++)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        cmd.Parameters.AddWithValue("start", window.Start);
        cmd.Parameters.AddWithValue("end", window.End);
        var sw = Stopwatch.StartNew();
        await using var reader = await cmd.ExecuteReaderAsync();
        await reader.ReadAsync();
        pg = (reader.GetInt64(0), reader.GetInt64(1));
        sqlBest = Math.Min(sqlBest, sw.Elapsed.TotalSeconds);
    }
    Console.WriteLine($"PostgreSQL 3+ placements in SQL, best of 5: {sqlBest * 1000:N0} ms ({pg.N:N0}/{pg.D:N0}); same figure as C#: {(pg.N == mine.Numerator && pg.D == mine.Denominator ? "yes" : "NO")}");
    Console.WriteLine($"Ratio (PostgreSQL SQL ÷ C# in memory): {sqlBest / best:N1}");
}
finally
{
    NpgsqlConnection.ClearAllPools();
    await using var admin = new NpgsqlConnection(server);
    await admin.OpenAsync();
    await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
}
Console.WriteLine($"Peak working set of the run: {PeakMb():N0} MB");
return 0;
