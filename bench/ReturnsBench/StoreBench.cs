using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outturn.Application;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Returns;

/// <summary>
/// A national SSDA903 and CIN census stored by Outturn on PostgreSQL (the code behind `outturn returns import`) and
/// read back for the indicators (typed into the returns model), against, in the same run and on the same server,
/// COPY of the same rows as CSV into bare tables (one per return table, a text column per field) and COPY back out.
/// </summary>
public static class StoreBench
{
    public static async Task<int> RunAsync(string folder)
    {
        var server = Environment.GetEnvironmentVariable("OUTTURN_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("OUTTURN_TEST_POSTGRES");
        if (server is null)
        {
            Console.Error.WriteLine("Set OUTTURN_BENCH_POSTGRES (or OUTTURN_TEST_POSTGRES) to a PostgreSQL server's connection string.");
            return 2;
        }
        // Reading and checking the files is the import's other half, timed by `run`; here only storing and reading back.
        var sw = Stopwatch.StartNew();
        var lac = ReturnFiles.ReadSsda903(Path.Combine(folder, "ssda903", "2015-16"));
        var cin = ReturnFiles.ReadCin(Path.Combine(folder, "cin", "cin-2015-16.xml"));
        if (!lac.Ok || !cin.Ok) throw new InvalidOperationException("The files do not read: " + string.Join("\n", lac.Errors.Concat(cin.Errors).Take(5)));
        var batches = lac.Batches.Concat(cin.Batches).ToList();
        var rows = batches.Sum(b => b.Rows.Count);
        Console.WriteLine($"Read {rows:N0} rows ({string.Join(", ", batches.SelectMany(b => b.Rows.GroupBy(r => r.Table)).Select(g => $"{g.Key} {g.Count():N0}"))}) in {sw.Elapsed.TotalSeconds:N1} s (not timed below).");

        var database = "outturn_bench_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }
        var connection = new NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0 }.ConnectionString;
        try
        {
            // Baseline: COPY of the same rows as CSV into a bare table per return table, and COPY back out.
            await using var conn = new NpgsqlConnection(connection);
            await conn.OpenAsync();
            var tables = batches.SelectMany(b => b.Rows.GroupBy(r => (b.Kind, r.Table))).ToList();
            foreach (var t in tables)
            {
                var columns = t.SelectMany(r => r.Fields.Keys).Distinct().ToList();
                await new NpgsqlCommand($"CREATE TABLE \"{t.Key.Kind}_{t.Key.Table}\" (file text, line int, {string.Join(", ", columns.Select(c => $"\"{c}\" text"))})", conn).ExecuteNonQueryAsync();
            }
            sw.Restart();
            foreach (var t in tables)
            {
                var columns = t.SelectMany(r => r.Fields.Keys).Distinct().ToList();
                await using var writer = await conn.BeginTextImportAsync($"COPY \"{t.Key.Kind}_{t.Key.Table}\" FROM STDIN (FORMAT csv)");
                var line = new StringBuilder();
                foreach (var r in t)
                {
                    line.Clear().Append(Csv(r.File)).Append(',').Append(r.Line);
                    foreach (var c in columns) line.Append(',').Append(r.Fields.TryGetValue(c, out var v) ? Csv(v) : "");
                    await writer.WriteLineAsync(line);
                }
            }
            var copiedIn = sw.Elapsed;
            long readBack = 0;
            foreach (var t in tables)
            {
                using var reader = await conn.BeginTextExportAsync($"COPY \"{t.Key.Kind}_{t.Key.Table}\" TO STDOUT (FORMAT csv)");
                while (await reader.ReadLineAsync() is not null) readBack++;
            }
            var baseline = sw.Elapsed;
            Console.WriteLine($"COPY in (CSV, bare tables): {copiedIn.TotalSeconds:N2} s; COPY out: {(baseline - copiedIn).TotalSeconds:N2} s ({readBack:N0} rows); together {baseline.TotalSeconds:N2} s");

            // Outturn: the store and the read the indicators make, on a migrated database.
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Outturn:DataDirectory"] = Path.Combine(Path.GetTempPath(), database),
                ["Outturn:Database:Provider"] = "postgres",
                ["ConnectionStrings:Outturn"] = connection,
            }).Build();
            await using var services = new ServiceCollection().AddOutturn(configuration).BuildServiceProvider();
            await services.GetRequiredService<DatabaseSetup>().MigrateAsync();
            sw.Restart();
            await using (var scope = services.CreateAsyncScope())
            {
                var stored = await scope.ServiceProvider.GetRequiredService<ReturnsImport>().StoreAsync(batches);
                if (!stored.Ok) throw new InvalidOperationException("The store failed.");
            }
            var store = sw.Elapsed;
            (ReturnsData Data, List<ReturnImport> Imports) held;
            await using (var scope = services.CreateAsyncScope())
                held = await scope.ServiceProvider.GetRequiredService<ReturnsQuery>().LoadAsync();
            var outturn = sw.Elapsed;
            Console.WriteLine($"Outturn store: {store.TotalSeconds:N2} s; read back and typed: {(outturn - store).TotalSeconds:N2} s " +
                              $"({held.Data.LookedAfter.Sum(l => l.Episodes.Count):N0} episodes, {held.Data.Cin.Sum(c => c.Referrals.Count):N0} referrals); together {outturn.TotalSeconds:N2} s");
            Console.WriteLine($"Ratio (Outturn ÷ COPY in and out): {outturn / baseline:N2}×   (aim: ≤ 2×)");
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin).ExecuteNonQueryAsync();
        }
        return 0;
    }

    private static string Csv(string s) => s.Contains(',') || s.Contains('"') || s.Contains('\n') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
