using System.Globalization;
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
        var read = ReturnFiles.Read(kind, path);
        if (!read.Ok) return new(ImportErrors.Capped(read.Errors), []);
        var errors = new List<StructuralError>();
        foreach (var b in read.Batches.Where(b => (year ?? b.Year) is null))
            errors.Add(new(b.Files[0], null, null, "the collection year cannot be told from the data; give it (--year 2015/16)"));
        if (errors.Count > 0) return new(errors, []);
        return await StoreAsync(read.Batches.Select(b => b with { Year = year ?? b.Year }).ToList(), ct);
    }

    public async Task<ReturnsImportResult> StoreAsync(IReadOnlyList<ReturnBatch> batches, CancellationToken ct = default)
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
                ImportedAt = clock.GetUtcNow(), ImportedBy = user.Name, RowCount = batch.Rows.Count,
            };
            foreach (var table in batch.Rows.GroupBy(r => r.Table))
                import.Tables.Add(new ReturnTable { Table = table.Key, RowCount = table.Count(), Content = TableStore.Pack(table.ToList()) });
            db.Add(import);
            await db.SaveChangesAsync(ct);
            report.Add($"{import.Describe()}: {batch.Rows.Count.ToString("N0", CultureInfo.InvariantCulture)} rows{(old is null ? "" : ", replacing the earlier import")}.");
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
        var tables = await db.Set<ReturnTable>().AsNoTracking().ToListAsync(ct);
        foreach (var import in imports.Where(i => i.Kind != ReturnKind.AnnexA))
        {
            var raw = tables.Where(t => t.ImportId == import.Id).SelectMany(t => TableStore.Unpack(t.Table, t.Content));
            if (import.Kind == ReturnKind.Ssda903) lac.Add(LookedAfterReturn.From(import.Year, raw));
            else cin.Add(CinReturn.From(import.Year, raw));
        }
        // A population given for the run (--population, the fill page) stands for every year; else the year's own figure.
        return (new ReturnsData(lac, cin)
        {
            ChildPopulation = population ?? settings.ChildPopulation,
            ChildPopulationByYear = population is null ? settings.ChildPopulationByYear : null,
        }, imports);
    }

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
