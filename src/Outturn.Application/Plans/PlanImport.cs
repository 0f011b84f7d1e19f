using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans;

/// <summary>One item-by-item change an import made (or, on a dry run, would make).</summary>
/// <param name="Action">added, changed, retired or reinstated.</param>
/// <param name="Item">What changed, in the users' words: "measure CED033", "priority Be healthy", "plan".</param>
/// <param name="Detail">The title of an added or retired item; what changed, old → new, for a changed one.</param>
public sealed record PlanChange(string Action, string Item, string Detail)
{
    public override string ToString() => $"{Action} {Item}: {Detail}";
}

public sealed record PlanImportResult(bool Imported, string? PlanRef, bool Replaced, IReadOnlyList<string> Errors)
{
    /// <summary>For a plan already held: what the merge changed. Empty for a new plan.</summary>
    public IReadOnlyList<PlanChange> Changes { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];
    /// <summary>The plan check's errors that do not stop an import; `outturn plan check` reports them as errors.</summary>
    public IReadOnlyList<string> CheckErrors { get; init; } = [];
    public bool DryRun { get; init; }
}

/// <summary>
/// Loads a plan folder into the store: all of it in one transaction, or, on any error, nothing. A folder for a plan
/// already held is merged into it by ref (docs/import-formats.md, "Importing a plan again"): nothing is deleted.
/// </summary>
public sealed class PlanImport(OutturnDbContext db, TimeProvider clock)
{
    public async Task<PlanImportResult> ImportAsync(string folder, CancellationToken ct = default) => await ImportAsync(folder, false, ct);

    public async Task<PlanImportResult> ImportAsync(string folder, bool dryRun, CancellationToken ct = default)
    {
        var read = PlanFolder.Read(folder, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        if (!read.IsValid) return new PlanImportResult(false, null, false, Data.ImportErrors.Capped(read.Errors)) { Warnings = read.Warnings, CheckErrors = read.CheckErrors };
        var plan = read.Plan!;

        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var held = await db.Plans.AsSplitQuery()
            .Include(p => p.Priorities)
            .Include(p => p.Objectives).ThenInclude(o => o.Officer)
            .Include(p => p.Milestones).ThenInclude(m => m.Updates)
            .Include(p => p.Milestones).ThenInclude(m => m.Officer)
            .Include(p => p.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Indicators).ThenInclude(i => i.Values)
            .Include(p => p.Indicators).ThenInclude(i => i.Overrides)
            .Include(p => p.Indicators).ThenInclude(i => i.Comparators)
            .Include(p => p.Indicators).ThenInclude(i => i.Officer)
            .SingleOrDefaultAsync(p => p.Ref == plan.Ref, ct);

        var names = read.Officers.Keys.ToList();
        var heldOfficers = await db.Officers.Where(o => names.Contains(o.Name)).ToDictionaryAsync(o => o.Name, ct);
        foreach (var (name, officer) in read.Officers)
        {
            if (!heldOfficers.TryGetValue(name, out var stored)) continue;
            // The folder's officers.csv refreshes what is held; a name merely mentioned changes nothing.
            stored.Initials = officer.Initials ?? stored.Initials;
            stored.JobTitle = officer.JobTitle ?? stored.JobTitle;
            stored.Organisation = officer.Organisation ?? stored.Organisation;
            Repoint(plan, officer, stored);
        }
        db.Officers.AddRange(read.Officers.Values.Where(o => !heldOfficers.ContainsKey(o.Name)));

        var changes = new List<PlanChange>();
        if (held is null)
        {
            db.Plans.Add(plan);
            db.Commentaries.AddRange(read.Commentary);
        }
        else
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var commentary = await db.Commentaries.Where(c => held.Priorities.Select(p => p.Id).Contains(c.PriorityId)).ToListAsync(ct);
            new PlanMerge(held, today, changes).Merge(plan, read.Commentary, commentary, c => db.Commentaries.Add(c));
        }

        if (dryRun)
        {
            // Nothing is saved: the tracked changes are dropped with the transaction.
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }
        else
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        return new PlanImportResult(true, plan.Ref, held is not null, []) { Changes = changes, Warnings = read.Warnings, CheckErrors = read.CheckErrors, DryRun = dryRun };
    }

    private static void Repoint(Plan plan, Officer from, Officer to)
    {
        foreach (var o in plan.Objectives.Where(o => o.Officer == from)) o.Officer = to;
        foreach (var m in plan.Milestones.Where(m => m.Officer == from)) m.Officer = to;
        foreach (var i in plan.Indicators.Where(i => i.Officer == from)) i.Officer = to;
    }
}
