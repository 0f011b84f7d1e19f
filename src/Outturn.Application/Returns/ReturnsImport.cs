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
        if (!read.Ok) return new(read.Errors, []);
        var errors = new List<StructuralError>();
        foreach (var b in read.Batches.Where(b => (year ?? b.Year) is null))
            errors.Add(new(b.Files[0], null, null, "the collection year cannot be told from the data; give it (--year 2015/16)"));
        if (errors.Count > 0) return new(errors, []);
        return await StoreAsync(read.Batches.Select(b => b with { Year = year ?? b.Year }).ToList(), ct);
    }

    public async Task<ReturnsImportResult> StoreAsync(IReadOnlyList<ReturnBatch> batches, CancellationToken ct = default)
    {
        var report = new List<string>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var batch in batches)
        {
            var y = batch.Year!.Value;
            var old = await db.Set<ReturnImport>().FirstOrDefaultAsync(i => i.Kind == batch.Kind && i.Year == y, ct);
            if (old is not null)
            {
                await db.Set<ReturnRow>().Where(r => r.ImportId == old.Id).ExecuteDeleteAsync(ct);
                db.Remove(old);
                await db.SaveChangesAsync(ct);
            }
            var import = new ReturnImport
            {
                Kind = batch.Kind, Year = y, Files = string.Join(", ", batch.Files), FileDate = batch.FileDate,
                ImportedAt = clock.GetUtcNow(), ImportedBy = user.Name, RowCount = batch.Rows.Count,
            };
            db.Add(import);
            await db.SaveChangesAsync(ct);
            foreach (var chunk in batch.Rows.Chunk(5000))
            {
                db.AddRange(chunk.Select(r => new ReturnRow
                {
                    ImportId = import.Id, Table = r.Table, File = r.File, Line = r.Line,
                    ChildId = r.Fields.TryGetValue("CHILD", out var c) ? c : r.Fields.GetValueOrDefault("LAchildID", ""),
                    Fields = JsonSerializer.Serialize(r.Fields),
                }));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
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
        foreach (var import in imports.Where(i => i.Kind != ReturnKind.AnnexA))
        {
            var rows = await db.Set<ReturnRow>().AsNoTracking().Where(r => r.ImportId == import.Id).OrderBy(r => r.Id).ToListAsync(ct);
            var raw = rows.Select(ToRaw);
            if (import.Kind == ReturnKind.Ssda903) lac.Add(LookedAfterReturn.From(import.Year, raw));
            else cin.Add(CinReturn.From(import.Year, raw));
        }
        return (new ReturnsData(lac, cin) { ChildPopulation = population ?? settings.ChildPopulation }, imports);
    }

    public static RawRow ToRaw(ReturnRow r) =>
        new(r.Table, r.File, r.Line, JsonSerializer.Deserialize<Dictionary<string, string>>(r.Fields) ?? []);
}
