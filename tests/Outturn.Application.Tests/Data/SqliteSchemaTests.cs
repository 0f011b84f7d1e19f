using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;

namespace Outturn.Application.Tests.Data;

/// <summary>What the SQLite migrations say by hand because EF Core cannot (ADR 0304).</summary>
public sealed class SqliteSchemaTests() : IntegrationTest(DatabaseProvider.Sqlite)
{
    private Task<string> TableSql() => Db(async db =>
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'BenchmarkValues'";
        return (string)(await command.ExecuteScalarAsync())!;
    });

    [Fact]
    public async Task Benchmark_values_are_a_WITHOUT_ROWID_table_keyed_by_indicator_period_and_area()
    {
        var sql = await TableSql();

        Assert.EndsWith("WITHOUT ROWID", sql.TrimEnd());
        Assert.Contains("PRIMARY KEY (\"IndicatorRef\", \"Period\", \"AreaCode\")", sql);
    }

    [Fact]
    public async Task Values_held_before_the_table_was_rebuilt_are_kept()
    {
        // Back to the first schema (a rowid table with an Id), a value written there, then forward again.
        await Db(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync("20261123110353_Initial");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"BenchmarkValues\" (\"IndicatorRef\", \"AreaCode\", \"Period\", \"Value\", \"Suppression\", \"Rounded\", \"Source\") " +
                "VALUES ('M1', 'E06000006', '2015/16', '75.5', NULL, 0, 'old.csv'), ('M1', 'E06000007', '2015/16', NULL, 'c', 1, 'old.csv')");
            Assert.DoesNotContain("WITHOUT ROWID", await TableSql());
            await db.Database.MigrateAsync();
            return 0;
        });

        var values = await Db(db => db.Set<BenchmarkValue>().OrderBy(v => v.AreaCode).ToListAsync());

        Assert.Equal(2, values.Count);
        Assert.Equal(("M1", "E06000006", Period.FinancialYear(2015), 75.5m, (string?)null, false, "old.csv"),
            (values[0].IndicatorRef, values[0].AreaCode, values[0].Period, values[0].Value, values[0].Suppression, values[0].Rounded, values[0].Source));
        Assert.Equal(((decimal?)null, "c", true), (values[1].Value, values[1].Suppression, values[1].Rounded));
        Assert.EndsWith("WITHOUT ROWID", (await TableSql()).TrimEnd());
    }
}
