using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Returns;

namespace Outturn.Application.Returns;

public sealed record ReturnsImportResult(IReadOnlyList<StructuralError> Errors, IReadOnlyList<string> Imported)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Imports statutory returns: every file is read and checked first; with any structural error nothing is stored.
/// A return for a kind and year already held is replaced, in one transaction.
/// </summary>
public sealed class ReturnsImport(OutturnDbContext db, ICurrentUser user, TimeProvider clock)
{
    public async Task<ReturnsImportResult> ImportAsync(ReturnKind kind, string path, int? year = null, CancellationToken ct = default)
    {
        var (batches, errors) = Read(kind, path, year);
        return errors.Count > 0 ? new(errors, []) : await StoreAsync(batches, ct);
    }

    /// <summary>
    /// The batches to store, each with its year. A census comes typed as well as packed; storing needs only its
    /// tables, so the typed census is let go here rather than held through the writes.
    /// </summary>
    private static (List<ReturnBatch> Batches, IReadOnlyList<StructuralError> Errors) Read(ReturnKind kind, string path, int? year)
    {
        var read = ReturnFiles.Read(kind, path);
        if (!read.Ok) return ([], ImportErrors.Capped(read.Errors));
        var errors = read.Batches.Where(b => (year ?? b.Year) is null)
            .Select(b => new StructuralError(b.Files[0], null, null, "the collection year cannot be told from the data; give it (--year 2015/16)")).ToList();
        return errors.Count > 0 ? ([], errors) : (read.Batches.Select(b => b with { Year = year ?? b.Year, Census = null }).ToList(), []);
    }

    public async Task<ReturnsImportResult> StoreAsync(IReadOnlyList<ReturnBatch> batches, CancellationToken ct = default)
    {
        using var work = OutturnTelemetry.Import("returns");
        var result = await StoreReturnsAsync(batches, ct);
        if (result.Ok) work.Succeeded();
        return result;
    }

    private async Task<ReturnsImportResult> StoreReturnsAsync(IReadOnlyList<ReturnBatch> batches, CancellationToken ct = default)
    {
        var report = new List<string>();
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        foreach (var batch in batches)
        {
            var y = batch.Year!.Value;
            var old = await db.Set<ReturnImport>().FirstOrDefaultAsync(i => i.Kind == batch.Kind && i.Year == y, ct);
            if (old is not null)
            {
                db.Remove(old);
                await db.SaveChangesAsync(ct);
            }
            var import = new ReturnImport
            {
                Kind = batch.Kind, Year = y, Files = string.Join(", ", batch.Files), FileDate = batch.FileDate,
                ImportedAt = clock.GetUtcNow(), ImportedBy = user.Name, RowCount = batch.RowCount,
            };
            db.Add(import);
            await db.SaveChangesAsync(ct);
            // One table at a time, let go once written: a national census's tables are hundreds of megabytes of text.
            var tables = batch.Tables?.Select(t => (t.Table, t.RowCount, Content: (Func<string>)t.Content))
                ?? batch.Rows.GroupBy(r => r.Table).Select(g => (g.Key, g.Count(), Content: (Func<string>)(() => TableStore.Pack(g.ToList()))));
            foreach (var (name, rows, content) in tables)
            {
                var table = new ReturnTable { ImportId = import.Id, Table = name, RowCount = rows, Content = content() };
                db.Add(table);
                await db.SaveChangesAsync(ct);
                db.Entry(table).State = EntityState.Detached;
            }
            report.Add($"{import.Describe()}: {batch.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows{(old is null ? "" : ", replacing the earlier import")}.");
        }
        await tx.CommitAsync(ct);
        return new([], report);
    }
}

/// <summary>Reads what is held back into the domain's typed returns.</summary>
public sealed class ReturnsQuery(OutturnDbContext db, ReturnsSettings settings)
{
    public Task<List<ReturnImport>> ImportsAsync(CancellationToken ct = default) =>
        db.Set<ReturnImport>().AsNoTracking().OrderBy(i => i.Kind).ThenBy(i => i.Year).ToListAsync(ct);

    public async Task<(ReturnsData Data, List<ReturnImport> Imports)> LoadAsync(int? population = null, CancellationToken ct = default)
    {
        var imports = await ImportsAsync(ct);
        var lac = new List<LookedAfterReturn>();
        var cin = new List<CinReturn>();
        var tables = await db.Set<ReturnTable>().AsNoTracking().Select(t => new { t.Id, t.ImportId, t.Table }).ToListAsync(ct);
        foreach (var import in imports.Where(i => i.Kind != ReturnKind.AnnexA))
        {
            var mine = tables.Where(t => t.ImportId == import.Id).ToList();
            if (import.Kind == ReturnKind.Ssda903)
            {
                var raw = new List<RawRow>();
                foreach (var t in mine) raw.AddRange(TableStore.Unpack(t.Table, await ContentAsync(t.Id, ct)));
                lac.Add(LookedAfterReturn.From(import.Year, raw));
                continue;
            }
            // A census is typed table by table, referrals before what followed them, one table's text held at a time.
            var census = new CinReturnBuilder();
            foreach (var t in mine.OrderBy(t => CinReturnBuilder.TableOrder(t.Table)))
                foreach (var row in TableStore.Unpack(t.Table, await ContentAsync(t.Id, ct)))
                    census.Add(row);
            cin.Add(census.Build(import.Year));
        }
        // A population given for the run (--population, the fill page) stands for every year; else the year's own figure.
        return (new ReturnsData(lac, cin)
        {
            ChildPopulation = population ?? settings.ChildPopulation,
            ChildPopulationByYear = population is null ? settings.ChildPopulationByYear : null,
        }, imports);
    }

    private Task<string> ContentAsync(int tableId, CancellationToken ct) =>
        db.Set<ReturnTable>().Where(t => t.Id == tableId).Select(t => t.Content).SingleAsync(ct);
}

/// <summary>Packs a table's rows into <see cref="TableContent"/> JSON and back.</summary>
public static class TableStore
{
    public static string Pack(IReadOnlyList<RawRow> rows)
    {
        var files = rows.Select(r => r.File).Distinct().ToArray();
        var columns = rows.SelectMany(r => r.Fields.Keys).Distinct().ToArray();
        var fileIndex = files.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => x.i);
        var packed = rows.Select(r =>
        {
            var values = new string[columns.Length + 2];
            values[0] = fileIndex[r.File].ToString(CultureInfo.InvariantCulture);
            values[1] = r.Line.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < columns.Length; i++) values[i + 2] = r.Fields.GetValueOrDefault(columns[i], "");
            return values;
        }).ToList();
        return JsonSerializer.Serialize(new TableContent(files, columns, packed));
    }

    public static IEnumerable<RawRow> Unpack(string table, string content)
    {
        var c = JsonSerializer.Deserialize<TableContent>(content)!;
        foreach (var values in c.Rows)
        {
            var fields = new Dictionary<string, string>(c.Columns.Length, StringComparer.Ordinal);
            for (var i = 0; i < c.Columns.Length; i++)
                if (values[i + 2].Length > 0) fields[c.Columns[i]] = values[i + 2];
            yield return new RawRow(table, c.Files[int.Parse(values[0], CultureInfo.InvariantCulture)], int.Parse(values[1], CultureInfo.InvariantCulture), fields);
        }
    }
}

/// <summary>
/// A table's stored form (<see cref="TableContent"/> JSON, as <see cref="TableStore.Pack"/> writes it) written a row at
/// a time, so a census is packed as it streams from its file and its rows need not be kept. The JSON is held as UTF-8
/// in chunks that are never copied as they grow; the writer escapes every character outside ASCII, so each byte is one
/// character of the stored text.
/// </summary>
public sealed class PackedTable
{
    private readonly Chunks _chunks = new();
    private readonly Utf8JsonWriter _json;
    private readonly string[] _columns;
    private bool _finished;

    public string Table { get; }
    public int RowCount { get; private set; }

    public PackedTable(string table, IReadOnlyList<string> files, IReadOnlyList<string> columns)
    {
        Table = table;
        _columns = [.. columns];
        _json = new Utf8JsonWriter(_chunks);
        _json.WriteStartObject();
        _json.WriteStartArray(nameof(TableContent.Files));
        foreach (var f in files) _json.WriteStringValue(f);
        _json.WriteEndArray();
        _json.WriteStartArray(nameof(TableContent.Columns));
        foreach (var c in _columns) _json.WriteStringValue(c);
        _json.WriteEndArray();
        _json.WriteStartArray(nameof(TableContent.Rows));
    }

    /// <summary>Adds a row: the index of its file among the table's files, its line, its fields (blank where missing).</summary>
    public void Add(int file, int line, IReadOnlyDictionary<string, string> fields)
    {
        if (_finished) throw new InvalidOperationException($"The {Table} table is finished.");
        Span<char> number = stackalloc char[11];
        _json.WriteStartArray();
        file.TryFormat(number, out var n, provider: CultureInfo.InvariantCulture);
        _json.WriteStringValue(number[..n]);
        line.TryFormat(number, out n, provider: CultureInfo.InvariantCulture);
        _json.WriteStringValue(number[..n]);
        foreach (var c in _columns) _json.WriteStringValue(fields.TryGetValue(c, out var v) ? v : "");
        _json.WriteEndArray();
        RowCount++;
    }

    /// <summary>Closes the table: no more rows.</summary>
    public void Finish()
    {
        if (_finished) return;
        _json.WriteEndArray();
        _json.WriteEndObject();
        _json.Flush();
        _json.Dispose();
        _finished = true;
    }

    /// <summary>The stored text (made afresh on each call, so that it is not kept).</summary>
    public string Content()
    {
        Finish();
        return _chunks.Text();
    }

    /// <summary>A growing buffer of chunks: 4 KB doubling to 1 MB, so a small table costs little and a large one is never copied.</summary>
    private sealed class Chunks : IBufferWriter<byte>
    {
        private readonly List<(byte[] Bytes, int Used)> _full = [];
        private byte[] _current = new byte[4096];
        private int _used;

        public void Advance(int count) => _used += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Reserve(sizeHint).AsMemory(_used);

        public Span<byte> GetSpan(int sizeHint = 0) => Reserve(sizeHint).AsSpan(_used);

        private byte[] Reserve(int sizeHint)
        {
            var need = Math.Max(sizeHint, 256);
            if (_current.Length - _used >= need) return _current;
            if (_used > 0) _full.Add((_current, _used));
            _current = new byte[Math.Max(Math.Min(_current.Length * 2, 1 << 20), need)];
            _used = 0;
            return _current;
        }

        public string Text()
        {
            var parts = new List<(byte[] Bytes, int Used)>(_full) { (_current, _used) };
            var length = checked((int)parts.Sum(p => (long)p.Used));
            return string.Create(length, parts, static (span, parts) =>
            {
                foreach (var (bytes, used) in parts)
                {
                    Encoding.ASCII.GetChars(bytes.AsSpan(0, used), span);
                    span = span[used..];
                }
            });
        }
    }
}
