using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outturn.Application;
using Outturn.Application.Benchmarks;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

// Loads a synthetic national file (authorities × indicators × periods, long layout) into Outturn's store through
// `import benchmarks --profile long`'s code, and the same file into a bare table with the database's own bulk loader
// (the sqlite3 shell's .import, or psql's \copy), in the same run; then times rank-and-quartile queries for one
// indicator across all authorities and periods.
// Usage: dotnet run -c Release --project bench/BenchmarkLoad -- [--provider sqlite|postgres] [authorities] [indicators] [periods]
//        (default sqlite 153 1000 33). PostgreSQL: a new database on the server named by OUTTURN_BENCH_POSTGRES or
//        OUTTURN_TEST_POSTGRES, dropped afterwards.
var provider = "sqlite";
var sizes = new List<int>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--provider" && i + 1 < args.Length) provider = args[++i];
    else sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture));
}
var postgres = provider switch { "sqlite" => false, "postgres" => true, _ => throw new ArgumentException($"--provider {provider}: expected sqlite or postgres") };
var authorities = sizes.Count > 0 ? sizes[0] : 153;
var indicators = sizes.Count > 1 ? sizes[1] : 1000;
var periods = sizes.Count > 2 ? sizes[2] : 33;
var work = Path.Combine(Path.GetTempPath(), "outturn-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
var file = Path.Combine(work, "national.csv");
var server = Environment.GetEnvironmentVariable("OUTTURN_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("OUTTURN_TEST_POSTGRES");
if (postgres && server is null) throw new InvalidOperationException("Set OUTTURN_BENCH_POSTGRES (or OUTTURN_TEST_POSTGRES) to a PostgreSQL server's connection string.");
var database = "outturn_bench_" + Guid.NewGuid().ToString("N")[..8];
string Connection() => new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0 }.ConnectionString;
try
{
    Console.WriteLine($"Synthetic national file: {authorities} authorities × {indicators} indicators × {periods} periods, in {work}");
    var sw = Stopwatch.StartNew();
    var rows = Generate(file, authorities, indicators, periods);
    var bytes = new FileInfo(file).Length;
    Console.WriteLine($"Generated {rows:N0} rows ({bytes / 1048576.0:N0} MB) in {sw.Elapsed.TotalSeconds:N1} s (not timed below).");

    TimeSpan baseline;
    if (postgres)
    {
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }
        // Baseline: psql's \copy of the file into a bare table (text columns, no key, no validation), same server.
        var b = new NpgsqlConnectionStringBuilder(Connection());
        await using (var conn = new NpgsqlConnection(Connection()))
        {
            await conn.OpenAsync();
            await new NpgsqlCommand("CREATE TABLE bare (indicator text, area_code text, area_name text, period text, value text)", conn).ExecuteNonQueryAsync();
        }
        var psql = new ProcessStartInfo("psql") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-X", "-q", "-v", "ON_ERROR_STOP=1", "-c", $"\\copy bare FROM '{file}' WITH (FORMAT csv, HEADER true)" }) psql.ArgumentList.Add(a);
        psql.Environment["PGHOST"] = b.Host;
        psql.Environment["PGPORT"] = b.Port.ToString(CultureInfo.InvariantCulture);
        psql.Environment["PGUSER"] = b.Username;
        psql.Environment["PGPASSWORD"] = b.Password;
        psql.Environment["PGDATABASE"] = database;
        sw.Restart();
        using var run = Process.Start(psql)!;
        var psqlErrors = await run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        baseline = sw.Elapsed;
        if (run.ExitCode != 0) throw new InvalidOperationException("psql \\copy failed: " + psqlErrors);
        Console.WriteLine($"psql \\copy (bare table):            {baseline.TotalSeconds,7:N1} s  {rows / baseline.TotalSeconds,12:N0} rows/s");
    }
    else
    {
        // Baseline: the sqlite3 shell's .import into a bare table (no validation, no index), same file, same disk.
        var bare = Path.Combine(work, "bare.db");
        sw.Restart();
        var shell = Process.Start(new ProcessStartInfo("sqlite3", [bare]) { RedirectStandardInput = true, RedirectStandardError = true })!;
        await shell.StandardInput.WriteLineAsync(".mode csv");
        await shell.StandardInput.WriteLineAsync($".import '{file}' bare");
        shell.StandardInput.Close();
        var shellErrors = await shell.StandardError.ReadToEndAsync();
        await shell.WaitForExitAsync();
        baseline = sw.Elapsed;
        if (shell.ExitCode != 0 || shellErrors.Length > 0) throw new InvalidOperationException("sqlite3 .import failed: " + shellErrors);
        Console.WriteLine($"sqlite3 .import (bare table):        {baseline.TotalSeconds,7:N1} s  {rows / baseline.TotalSeconds,12:N0} rows/s");
    }

    // Outturn: a fresh store holding a plan with the indicators, then the import (validated, indexed, one transaction).
    var settings = new Dictionary<string, string?> { ["Outturn:DataDirectory"] = Path.Combine(work, "outturn") };
    if (postgres)
    {
        settings["Outturn:Database:Provider"] = "postgres";
        settings["ConnectionStrings:Outturn"] = Connection();
    }
    var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
    var services = new ServiceCollection().AddOutturn(configuration).BuildServiceProvider();
    using (var scope = services.CreateScope())
    {
        await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
        var plan = await scope.ServiceProvider.GetRequiredService<PlanImport>().ImportAsync(WritePlan(Path.Combine(work, "plan"), indicators));
        if (!plan.Imported) throw new InvalidOperationException(string.Join("\n", plan.Errors));
    }
    GC.Collect();
    var before = Environment.WorkingSet;
    sw.Restart();
    BenchmarkImportResult result;
    using (var scope = services.CreateScope())
        result = await scope.ServiceProvider.GetRequiredService<BenchmarkImport>().ImportAsync("long", file);
    var load = sw.Elapsed;
    if (!result.Imported) throw new InvalidOperationException(string.Join("\n", result.Errors));
    using var self = Process.GetCurrentProcess();
    self.Refresh();
    Console.WriteLine($"Outturn import benchmarks --profile long: {load.TotalSeconds,7:N1} s  {rows / load.TotalSeconds,12:N0} rows/s");
    Console.WriteLine(postgres
        ? $"Ratio (Outturn ÷ psql \\copy):         {load / baseline,7:N2}×   (aim: ≤ 1.5×)"
        : $"Ratio (Outturn ÷ sqlite3 .import):  {load / baseline,7:N2}×   (aim: ≤ 2×)");
    Console.WriteLine($"Memory: working set {before / 1048576.0:N0} MB before the load, peak {self.PeakWorkingSet64 / 1048576.0:N0} MB for the whole run; file {bytes / 1048576.0:N0} MB.");

    // Queries: rank and quartile band of every authority in every period for one indicator.
    var random = new Random(42);
    var timings = new List<double>();
    using (var scope = services.CreateScope())
    {
        var query = scope.ServiceProvider.GetRequiredService<BenchmarkQuery>();
        for (var i = 0; i < 5; i++) await query.RanksAsync(Ref(random.Next(indicators)), Polarity.Higher); // warm-up
        for (var i = 0; i < 100; i++)
        {
            var indicator = Ref(random.Next(indicators));
            sw.Restart();
            var ranks = await query.RanksAsync(indicator, Polarity.Higher);
            timings.Add(sw.Elapsed.TotalMilliseconds);
            if (ranks.Count != periods) throw new InvalidOperationException($"{indicator}: {ranks.Count} periods ranked.");
        }
        if (postgres)
        {
            // The plan PostgreSQL chooses for the rank query (the primary key's leading column is the indicator).
            await using var conn = new NpgsqlConnection(Connection());
            await conn.OpenAsync();
            await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) SELECT \"AreaCode\", \"Period\", \"Value\" FROM \"BenchmarkValues\" WHERE \"IndicatorRef\" = '{Ref(3)}'", conn);
            await using var plan = await explain.ExecuteReaderAsync();
            Console.WriteLine("Query plan of the rank query's read:");
            while (await plan.ReadAsync()) Console.WriteLine("  " + plan.GetString(0));
        }
        var position = Stopwatch.StartNew();
        var p = await query.PositionAsync(Ref(7), Period.FinancialYear(2000), Code(5));
        Console.WriteLine($"One position, the first call, with EF Core compiling its queries (rank {p!.Place!.Value.Rank} of {p.Place.Value.Of}, band {p.Place.Value.Band}, neighbours, England): {position.Elapsed.TotalMilliseconds:N1} ms");
    }
    timings.Sort();
    Console.WriteLine($"Rank-and-quartile query, one indicator × all authorities × all periods ({authorities * periods:N0} values), 100 queries:");
    Console.WriteLine($"  median {timings[50]:N1} ms, 95th percentile {timings[95]:N1} ms, max {timings[^1]:N1} ms   (aim: < 20 ms)");
}
finally
{
    try { Directory.Delete(work, true); } catch (IOException) { }
    if (postgres)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
    }
}

static string Ref(int i) => $"B{i + 1:D4}";
static string Code(int a) => $"E06{a + 1:D6}";

static long Generate(string path, int authorities, int indicators, int periods)
{
    var random = new Random(20151231);
    using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
    w.Write("indicator,area_code,area_name,period,value\n");
    long n = 0;
    for (var i = 0; i < indicators; i++)
        for (var p = 0; p < periods; p++)
        {
            var year = 1990 + p;
            var period = $"{year}/{(year + 1) % 100:D2}";
            for (var a = 0; a < authorities; a++)
            {
                // About 1 cell in 100 is suppressed, as in the published tables.
                var value = random.Next(100) == 0 ? "c" : (random.Next(0, 1000) / 10.0).ToString("0.0", CultureInfo.InvariantCulture);
                w.Write($"{Ref(i)},{Code(a)},Authority {a + 1},{period},{value}\n");
                n++;
            }
        }
    return n;
}

static string WritePlan(string folder, int indicators)
{
    Directory.CreateDirectory(folder);
    File.WriteAllText(Path.Combine(folder, "plan.csv"), "ref,title,kind,first_year,last_year\nBENCH,Benchmark plan,service-plan,2015/16,2015/16\n");
    File.WriteAllText(Path.Combine(folder, "objectives.csv"), "ref,title,priority,officer\nOB01,Objective,Priority,An Officer\n");
    File.WriteAllText(Path.Combine(folder, "milestones.csv"), "ref,objective,text,year,due,officer\n");
    File.WriteAllText(Path.Combine(folder, "targets.csv"), "indicator,period,target\n");
    File.WriteAllText(Path.Combine(folder, "values.csv"), "indicator,period,value,status,note\n");
    var sb = new StringBuilder("ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\n");
    for (var i = 0; i < indicators; i++) sb.Append($"{Ref(i)},Indicator {i + 1},OB01,higher,%,1,annual,snapshot,,no\n");
    File.WriteAllText(Path.Combine(folder, "indicators.csv"), sb.ToString());
    return folder;
}
