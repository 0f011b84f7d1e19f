using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans;

public sealed record PlanImportResult(bool Imported, string? PlanRef, bool Replaced, IReadOnlyList<string> Errors);

/// <summary>Loads a plan folder into the store: all of it in one transaction, or, on any error, nothing.</summary>
public sealed class PlanImport(OutturnDbContext db)
{
    public async Task<PlanImportResult> ImportAsync(string folder, CancellationToken ct = default)
    {
        var read = PlanFolder.Read(folder);
        if (!read.IsValid) return new PlanImportResult(false, null, false, read.Errors);
        var plan = read.Plan!;

        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var existing = await db.Plans.SingleOrDefaultAsync(p => p.Ref == plan.Ref, ct);
        if (existing is not null)
        {
            db.Plans.Remove(existing);
            await db.SaveChangesAsync(ct);
        }

        var names = read.Officers.Keys.ToList();
        var held = await db.Officers.Where(o => names.Contains(o.Name)).ToDictionaryAsync(o => o.Name, ct);
        foreach (var (name, officer) in read.Officers)
        {
            if (!held.TryGetValue(name, out var stored)) continue;
            // The folder's officers.csv refreshes what is held; a name merely mentioned changes nothing.
            stored.Initials = officer.Initials ?? stored.Initials;
            stored.JobTitle = officer.JobTitle ?? stored.JobTitle;
            stored.Organisation = officer.Organisation ?? stored.Organisation;
            Repoint(plan, officer, stored);
        }

        db.Officers.AddRange(read.Officers.Values.Where(o => !held.ContainsKey(o.Name)));
        db.Plans.Add(plan);
        db.Commentaries.AddRange(read.Commentary);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new PlanImportResult(true, plan.Ref, existing is not null, []);
    }

    private static void Repoint(Plan plan, Officer from, Officer to)
    {
        foreach (var o in plan.Objectives.Where(o => o.Officer == from)) o.Officer = to;
        foreach (var m in plan.Milestones.Where(m => m.Officer == from)) m.Officer = to;
        foreach (var i in plan.Indicators.Where(i => i.Officer == from)) i.Officer = to;
    }
}
