using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;
using Outturn.Application.Data;
using SQLitePCL;

namespace Outturn.Application.Benchmarks;

/// <summary>The table and columns the bulk writer uses; <see cref="BenchmarkValueMapping"/> maps the entity to the same names.</summary>
internal static class BenchmarkSql
{
    public const string Table = "BenchmarkValues";
    public const string Columns = "\"IndicatorRef\", \"AreaCode\", \"Period\", \"Value\", \"Suppression\", \"Rounded\", \"Numerator\", \"Denominator\", \"Source\"";
    public const string Upsert = " ON CONFLICT (\"IndicatorRef\", \"Period\", \"AreaCode\") DO UPDATE SET \"Value\" = excluded.\"Value\", " +
        "\"Suppression\" = excluded.\"Suppression\", \"Rounded\" = excluded.\"Rounded\", \"Numerator\" = excluded.\"Numerator\", " +
        "\"Denominator\" = excluded.\"Denominator\", \"Source\" = excluded.\"Source\"";
}

/// <summary>
/// A validated row. <see cref="Value"/> is the figure as invariant text, exactly as it is stored (SQLite keeps decimals
/// as text), and empty when the cell is suppressed; it is a span into the CSV reader's buffer, so it is written before
/// the next row is read. <see cref="Numerator"/> and <see cref="Denominator"/> are the counts when the file gives them,
/// as the same kind of text, and empty when it does not.
/// </summary>
internal readonly ref struct BenchmarkRow(long line, string indicator, string area, string period, ReadOnlySpan<char> value, string? suppression, bool rounded,
    ReadOnlySpan<char> numerator = default, ReadOnlySpan<char> denominator = default)
{
    public long Line { get; } = line;
    public string Indicator { get; } = indicator;
    public string Area { get; } = area;
    public string Period { get; } = period;
    public ReadOnlySpan<char> Value { get; } = value;
    public string? Suppression { get; } = suppression;
    public bool Rounded { get; } = rounded;
    public ReadOnlySpan<char> Numerator { get; } = numerator;
    public ReadOnlySpan<char> Denominator { get; } = denominator;
}

/// <summary>
/// Writes validated rows in batches inside the import's transaction, so the file is never held in memory:
/// SQLite by a prepared multi-row upsert, PostgreSQL by binary COPY into a temporary table and one upsert at the end.
/// </summary>
internal abstract class BenchmarkWriter : IAsyncDisposable
{
    /// <summary>Rows in a batch: the most the reader is ahead of the database.</summary>
    public const int BatchRows = 32;

    /// <summary>A row waiting in the batch; its value's and counts' characters are in the batch's own buffer, one after another.</summary>
    protected readonly record struct Pending(long Line, string Indicator, string Area, string Period, int ValueStart, int ValueLength, string? Suppression, bool Rounded,
        int NumeratorLength, int DenominatorLength);

    private readonly Pending[] _batch = new Pending[BatchRows];
    private char[] _chars = new char[BatchRows * 16];
    private int _used;

    protected int Count { get; private set; }
    protected Pending Row(int r) => _batch[r];
    protected ReadOnlySpan<char> ValueOf(in Pending row) => _chars.AsSpan(row.ValueStart, row.ValueLength);
    protected ReadOnlySpan<char> NumeratorOf(in Pending row) => _chars.AsSpan(row.ValueStart + row.ValueLength, row.NumeratorLength);
    protected ReadOnlySpan<char> DenominatorOf(in Pending row) => _chars.AsSpan(row.ValueStart + row.ValueLength + row.NumeratorLength, row.DenominatorLength);

    public long Written { get; private set; }

    /// <summary>Takes a row, copying its value out of the reader's buffer.</summary>
    /// <returns>true when the batch is full: call <see cref="FlushAsync"/> before adding another row.</returns>
    public bool Add(scoped in BenchmarkRow row)
    {
        var length = row.Value.Length + row.Numerator.Length + row.Denominator.Length;
        if (_used + length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + length));
        row.Value.CopyTo(_chars.AsSpan(_used));
        row.Numerator.CopyTo(_chars.AsSpan(_used + row.Value.Length));
        row.Denominator.CopyTo(_chars.AsSpan(_used + row.Value.Length + row.Numerator.Length));
        _batch[Count++] = new Pending(row.Line, row.Indicator, row.Area, row.Period, _used, row.Value.Length, row.Suppression, row.Rounded,
            row.Numerator.Length, row.Denominator.Length);
        _used += length;
        return Count == BatchRows;
    }

    /// <summary>Writes the rows waiting, full batch or not.</summary>
    public async ValueTask FlushAsync(CancellationToken ct)
    {
        if (Count == 0) return;
        await WriteAsync(ct);
        Written += Count;
        (Count, _used) = (0, 0);
    }

    protected abstract ValueTask WriteAsync(CancellationToken ct);

    /// <summary>Writes what is waiting and finishes the load (still inside the import's transaction).</summary>
    public virtual async Task CompleteAsync(CancellationToken ct) => await FlushAsync(ct);

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
}

/// <summary>
/// SQLite: a prepared multi-row upsert bound by position through SQLite's own API (binding by name, as ADO.NET does,
/// looks every name up on every execution, which costs more than the insert itself).
/// </summary>
internal sealed class SqliteWriter : BenchmarkWriter
{
    private const int Fields = 8;
    private const int Done = 101; // SQLITE_DONE
    private readonly sqlite3 _db;
    private readonly string _source;
    private sqlite3_stmt? _full;

    private SqliteWriter(SqliteConnection connection, string source)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _source = source;
    }

    public static async Task<SqliteWriter> OpenAsync(SqliteConnection connection, SqliteTransaction transaction, string source, CancellationToken ct)
    {
        await using (var pragma = connection.CreateCommand())
        {
            // A larger page cache keeps the table's pages in memory while loading (bounded: 64 MB).
            pragma.Transaction = transaction;
            pragma.CommandText = "PRAGMA cache_size = -65536";
            await pragma.ExecuteNonQueryAsync(ct);
        }
        var writer = new SqliteWriter(connection, source);
        writer._full = writer.Prepare(BatchRows);
        return writer;
    }

    private sqlite3_stmt Prepare(int rows)
    {
        // ?1 is the source file, shared by every row; row r's fields are ?(2 + 8r) … ?(9 + 8r).
        var sb = new System.Text.StringBuilder($"INSERT INTO \"{BenchmarkSql.Table}\" ({BenchmarkSql.Columns}) VALUES ");
        for (var r = 0; r < rows; r++)
        {
            var b = 2 + r * Fields;
            sb.Append(r == 0 ? "" : ",").Append($"(?{b},?{b + 1},?{b + 2},?{b + 3},?{b + 4},?{b + 5},?{b + 6},?{b + 7},?1)");
        }
        sb.Append(BenchmarkSql.Upsert);
        Check(raw.sqlite3_prepare_v2(_db, sb.ToString(), out var stmt));
        Check(raw.sqlite3_bind_text(stmt, 1, _source));
        return stmt;
    }

    /// <summary>Indicator refs, area codes and periods repeat: encode each once (the cache is bounded).</summary>
    private readonly Dictionary<string, byte[]> _utf8 = new(StringComparer.Ordinal);

    private ReadOnlySpan<byte> Utf8(string s)
    {
        if (_utf8.TryGetValue(s, out var bytes)) return bytes;
        bytes = System.Text.Encoding.UTF8.GetBytes(s);
        if (_utf8.Count < 100_000) _utf8[s] = bytes;
        return bytes;
    }

    private void Check(int rc)
    {
        if (rc is not (0 or Done)) throw new SqliteException(raw.sqlite3_errmsg(_db).utf8_to_string(), rc);
    }

    protected override ValueTask WriteAsync(CancellationToken ct)
    {
        if (Count == BatchRows) Write(_full!);
        else
        {
            using var last = Prepare(Count);
            Write(last);
        }
        return ValueTask.CompletedTask;
    }

    private void Write(sqlite3_stmt stmt)
    {
        // SQLite copies bound text (SQLITE_TRANSIENT), so one buffer on the stack serves every value.
        Span<byte> utf8 = stackalloc byte[256];
        for (var r = 0; r < Count; r++)
        {
            var row = Row(r);
            var b = 2 + r * Fields;
            Check(raw.sqlite3_bind_text(stmt, b, Utf8(row.Indicator)));
            Check(raw.sqlite3_bind_text(stmt, b + 1, Utf8(row.Area)));
            Check(raw.sqlite3_bind_text(stmt, b + 2, Utf8(row.Period)));
            if (row.Suppression is { } s)
            {
                Check(raw.sqlite3_bind_null(stmt, b + 3));
                Check(raw.sqlite3_bind_text(stmt, b + 4, s));
            }
            else
            {
                var value = ValueOf(row);
                var bytes = value.Length * 3 <= utf8.Length ? utf8 : new byte[value.Length * 3];
                Check(raw.sqlite3_bind_text(stmt, b + 3, bytes[..System.Text.Encoding.UTF8.GetBytes(value, bytes)]));
                Check(raw.sqlite3_bind_null(stmt, b + 4));
            }
            Check(raw.sqlite3_bind_int(stmt, b + 5, row.Rounded ? 1 : 0));
            BindCount(stmt, b + 6, NumeratorOf(row), utf8);
            BindCount(stmt, b + 7, DenominatorOf(row), utf8);
        }
        Check(raw.sqlite3_step(stmt));
        Check(raw.sqlite3_reset(stmt));
    }

    /// <summary>A count as text (as the value is), or null when the file gave none.</summary>
    private void BindCount(sqlite3_stmt stmt, int index, ReadOnlySpan<char> count, Span<byte> utf8)
    {
        if (count.IsEmpty) Check(raw.sqlite3_bind_null(stmt, index));
        else Check(raw.sqlite3_bind_text(stmt, index, utf8[..System.Text.Encoding.UTF8.GetBytes(count, utf8)]));
    }

    public override ValueTask DisposeAsync()
    {
        _full?.Dispose();
        _full = null;
        return ValueTask.CompletedTask;
    }
}

internal sealed class PostgresWriter : BenchmarkWriter
{
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
            // Several imports may share one transaction (the demo loads in one), so an earlier one's table may be there.
            "DROP TABLE IF EXISTS pg_temp.benchmark_import; " +
            "CREATE TEMP TABLE benchmark_import (line bigint, i text, a text, p text, v numeric, s text, r boolean, n numeric, d numeric) ON COMMIT DROP", connection))
            await create.ExecuteNonQueryAsync(ct);
        var writer = new PostgresWriter(connection, source)
        {
            _copy = await connection.BeginBinaryImportAsync("COPY benchmark_import (line, i, a, p, v, s, r, n, d) FROM STDIN (FORMAT BINARY)", ct),
        };
        return writer;
    }

    protected override async ValueTask WriteAsync(CancellationToken ct)
    {
        var copy = _copy!;
        for (var r = 0; r < Count; r++)
        {
            var row = Row(r);
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.Line, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(row.Indicator, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Area, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Period, NpgsqlDbType.Text, ct);
            if (row.Suppression is null) await copy.WriteAsync(decimal.Parse(ValueOf(row), CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, ct);
            else await copy.WriteNullAsync(ct);
            if (row.Suppression is { } s) await copy.WriteAsync(s, NpgsqlDbType.Text, ct); else await copy.WriteNullAsync(ct);
            await copy.WriteAsync(row.Rounded, NpgsqlDbType.Boolean, ct);
            await WriteCountAsync(copy, NumeratorOf(row), ct);
            await WriteCountAsync(copy, DenominatorOf(row), ct);
        }
    }

    private static Task WriteCountAsync(NpgsqlBinaryImporter copy, ReadOnlySpan<char> count, CancellationToken ct) =>
        count.IsEmpty ? copy.WriteNullAsync(ct) : copy.WriteAsync(decimal.Parse(count, CultureInfo.InvariantCulture), NpgsqlDbType.Numeric, ct);

    public override async Task CompleteAsync(CancellationToken ct)
    {
        await base.CompleteAsync(ct);
        await _copy!.CompleteAsync(ct);
        await _copy.DisposeAsync();
        _copy = null;
        // A file that repeats a key: the later line wins, as on SQLite.
        await using var insert = new NpgsqlCommand(
            $"INSERT INTO \"{BenchmarkSql.Table}\" ({BenchmarkSql.Columns}) " +
            "SELECT DISTINCT ON (i, p, a) i, a, p, v, s, r, n, d, @src FROM benchmark_import ORDER BY i, p, a, line DESC" + BenchmarkSql.Upsert,
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
