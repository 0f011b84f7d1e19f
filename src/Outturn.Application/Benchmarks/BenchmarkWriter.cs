using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Outturn.Application.Data;

namespace Outturn.Application.Benchmarks;

/// <summary>The table and columns the bulk writer uses; <see cref="BenchmarkValueMapping"/> maps the entity to the same names.</summary>
internal static class BenchmarkSql
{
    public const string Table = "BenchmarkValues";
    public const string Columns = "\"IndicatorRef\", \"AreaCode\", \"Period\", \"Value\", \"Suppression\", \"Rounded\", \"Source\"";
    public const string Upsert = " ON CONFLICT (\"IndicatorRef\", \"Period\", \"AreaCode\") DO UPDATE SET \"Value\" = excluded.\"Value\", " +
        "\"Suppression\" = excluded.\"Suppression\", \"Rounded\" = excluded.\"Rounded\", \"Source\" = excluded.\"Source\"";
}

internal readonly record struct BenchmarkRow(long Line, string Indicator, string Area, string Period, decimal? Value, string? Suppression, bool Rounded);

/// <summary>
/// Writes validated rows in batches inside the import's transaction, so the file is never held in memory:
/// SQLite by a prepared multi-row upsert, PostgreSQL by binary COPY into a temporary table and one upsert at the end.
/// </summary>
internal abstract class BenchmarkWriter : IAsyncDisposable
{
    public long Written { get; protected set; }

    /// <returns>true when a batch was written.</returns>
    public abstract ValueTask<bool> AddAsync(BenchmarkRow row, CancellationToken ct);
    public abstract Task CompleteAsync(CancellationToken ct);
    public virtual Task CancelAsync() => Task.CompletedTask;
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public static async Task<BenchmarkWriter> OpenAsync(OutturnDbContext db, string source, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The benchmark writer needs the import's transaction.");
        return connection switch
        {
            SqliteConnection sqlite => await SqliteWriter.OpenAsync(sqlite, (SqliteTransaction)transaction, source, ct),
            NpgsqlConnection npgsql => await PostgresWriter.OpenAsync(npgsql, source, ct),
            _ => throw new NotSupportedException($"No bulk writer for {connection.GetType().Name}."),
        };
    }

    /// <summary>Decimals as EF Core's SQLite provider stores them (text), so EF reads them back unchanged.</summary>
    internal static string SqliteDecimal(decimal d) => d.ToString("0.0###########################", CultureInfo.InvariantCulture);
}

internal sealed class SqliteWriter : BenchmarkWriter
{
    public const int BatchRows = 256;
    private const int Fields = 6;
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly string _source;
    private readonly BenchmarkRow[] _buffer = new BenchmarkRow[BatchRows];
    private int _count;
    private SqliteCommand _full = null!;

    private SqliteWriter(SqliteConnection connection, SqliteTransaction transaction, string source)
    {
        _connection = connection;
        _transaction = transaction;
        _source = source;
    }

    public static async Task<SqliteWriter> OpenAsync(SqliteConnection connection, SqliteTransaction transaction, string source, CancellationToken ct)
    {
        var writer = new SqliteWriter(connection, transaction, source);
        await using (var pragma = connection.CreateCommand())
        {
            // A larger page cache keeps the unique index's pages in memory while loading (bounded: 64 MB).
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -65536";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        writer._full = writer.Command(BatchRows);
        return writer;
    }

    private SqliteCommand Command(int rows)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _transaction;
        var sb = new System.Text.StringBuilder($"INSERT INTO \"{BenchmarkSql.Table}\" ({BenchmarkSql.Columns}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            if (r > 0) sb.Append(',');
            sb.Append($"($i{r},$a{r},$p{r},$v{r},$s{r},$r{r},$src)");
            foreach (var f in new[] { "i", "a", "p", "v", "s", "r" }) cmd.Parameters.Add(new SqliteParameter($"${f}{r}", null));
        }
        sb.Append(BenchmarkSql.Upsert);
        cmd.Parameters.Add(new SqliteParameter("$src", _source));
        cmd.CommandText = sb.ToString();
        cmd.Prepare();
        return cmd;
    }

    public override async ValueTask<bool> AddAsync(BenchmarkRow row, CancellationToken ct)
    {
        _buffer[_count++] = row;
        if (_count < BatchRows) return false;
        await FlushAsync(_full, ct);
        return true;
    }

    private async Task FlushAsync(SqliteCommand cmd, CancellationToken ct)
    {
        var p = cmd.Parameters;
        for (var r = 0; r < _count; r++)
        {
            var row = _buffer[r];
            var at = r * Fields;
            p[at].Value = row.Indicator;
            p[at + 1].Value = row.Area;
            p[at + 2].Value = row.Period;
            p[at + 3].Value = row.Value is { } v ? SqliteDecimal(v) : DBNull.Value;
            p[at + 4].Value = (object?)row.Suppression ?? DBNull.Value;
            p[at + 5].Value = row.Rounded ? 1 : 0;
        }
        await cmd.ExecuteNonQueryAsync(ct);
        Written += _count;
        _count = 0;
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        if (_count == 0) return;
        await using var last = Command(_count);
        await FlushAsync(last, ct);
    }

    public override async ValueTask DisposeAsync() => await _full.DisposeAsync();
}

internal sealed class PostgresWriter : BenchmarkWriter
{
    private const int ReportEvery = 4096;
    private readonly NpgsqlConnection _connection;
    private readonly string _source;
    private NpgsqlBinaryImporter? _copy;

    private PostgresWriter(NpgsqlConnection connection, string source)
    {
        _connection = connection;
        _source = source;
    }

    public static async Task<PostgresWriter> OpenAsync(NpgsqlConnection connection, string source, CancellationToken ct)
    {
        await using (var create = new NpgsqlCommand(
            "CREATE TEMP TABLE benchmark_import (line bigint, i text, a text, p text, v numeric, s text, r boolean) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(ct);
        var writer = new PostgresWriter(connection, source)
        {
            _copy = await connection.BeginBinaryImportAsync("COPY benchmark_import (line, i, a, p, v, s, r) FROM STDIN (FORMAT BINARY)", ct),
        };
        return writer;
    }

    public override async ValueTask<bool> AddAsync(BenchmarkRow row, CancellationToken ct)
    {
        var copy = _copy!;
        await copy.StartRowAsync(ct);
        await copy.WriteAsync(row.Line, NpgsqlDbType.Bigint, ct);
        await copy.WriteAsync(row.Indicator, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(row.Area, NpgsqlDbType.Text, ct);
        await copy.WriteAsync(row.Period, NpgsqlDbType.Text, ct);
        if (row.Value is { } v) await copy.WriteAsync(v, NpgsqlDbType.Numeric, ct); else await copy.WriteNullAsync(ct);
        if (row.Suppression is { } s) await copy.WriteAsync(s, NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
        await copy.WriteAsync(row.Rounded, NpgsqlDbType.Boolean, ct);
        Written++;
        return Written % ReportEvery == 0;
    }

    public override async Task CompleteAsync(CancellationToken ct)
    {
        await _copy!.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;
        // A file that repeats a key: the later line wins, as on SQLite.
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO \"{BenchmarkSql.Table}\" ({BenchmarkSql.Columns}) " +
            "SELECT DISTINCT ON (i, p, a) i, a, p, v, s, r, @src FROM benchmark_import ORDER BY i, p, a, line DESC" + BenchmarkSql.Upsert,
            _connection);
        insert.Parameters.AddWithValue("src", _source);
        await insert.ExecuteNonQueryAsync(ct);
    }

    public override async Task CancelAsync()
    {
        if (_copy is null) return;
        try { await _copy.DisposeAsync(); } catch (NpgsqlException) { } catch (InvalidOperationException) { }
        _copy = null;
    }

    public override async ValueTask DisposeAsync() => await CancelAsync();
}
