using Microsoft.EntityFrameworkCore;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain.Organisations;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>A plan as its editing pages show it: every item, the version in force, and the names the forms offer.</summary>
public sealed record PlanEditView(Plan Plan, PlanVersion? Latest, IReadOnlyList<string> OfficerNames, IReadOnlyList<Organisation> Organisations);

/// <summary>What the plan editing pages read: the plan, its versions, what changed in each, and each item's history.</summary>
public sealed class PlanEditQuery(OutturnDbContext db, MonitoringQuery monitoring, ChangeHistory history)
{
    public async Task<PlanEditView?> LoadAsync(string planRef, CancellationToken ct)
    {
        var plan = await monitoring.LoadPlanAsync(planRef, ct);
        if (plan is null) return null;
        var latest = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == plan.Id).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
        var officers = await db.Officers.AsNoTracking().Select(o => o.Name).OrderBy(n => n).ToListAsync(ct);
        var organisations = await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        return new PlanEditView(plan, latest, officers, organisations);
    }

    /// <summary>The plan's versions, newest first.</summary>
    public async Task<IReadOnlyList<PlanVersion>> VersionsAsync(int planId, CancellationToken ct) =>
        await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId).OrderByDescending(v => v.Number).ToListAsync(ct);

    /// <summary>
    /// What a version changed from the one before, item by item; the first version lists the plan's items as it
    /// was first held or approved. Null when the plan has no such version.
    /// </summary>
    public async Task<(PlanVersion Version, PlanVersion? Previous, IReadOnlyList<PlanAmendment> Changes)?> ChangesAsync(int planId, int number, CancellationToken ct)
    {
        var both = await db.PlanVersions.AsNoTracking().Where(v => v.PlanId == planId && (v.Number == number || v.Number == number - 1)).ToListAsync(ct);
        var version = both.FirstOrDefault(v => v.Number == number);
        if (version is null) return null;
        var previous = both.FirstOrDefault(v => v.Number == number - 1);
        var older = previous is null ? new PlanSnapshot(new Dictionary<string, string?>(), []) : PlanVersioning.Read(previous);
        return (version, previous, PlanSnapshot.Compare(older, PlanVersioning.Read(version)));
    }

    /// <summary>The plan's own recorded changes in words (its title, kind, years, status), newest first.</summary>
    public async Task<IReadOnlyList<HistoryLine>> PlanHistoryAsync(Plan plan, CancellationToken ct)
    {
        var key = $"plan:{plan.Ref}";
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Entity == "Plan" && a.EntityKey == key).OrderByDescending(a => a.Id).ToListAsync(ct);
        return await history.DescribeAsync(entries, ct);
    }

    /// <summary>An item's recorded changes in words, newest first: for a measure, its targets' changes too.</summary>
    public async Task<IReadOnlyList<HistoryLine>> HistoryAsync(Plan plan, PlanItemKind kind, string key, CancellationToken ct)
    {
        var (entity, itemKey) = kind switch
        {
            PlanItemKind.Priority => ("Priority", $"plan:{plan.Id}:priority:{plan.Priorities.FirstOrDefault(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == key)?.Name}"),
            PlanItemKind.Objective => ("Objective", $"plan:{plan.Id}:objective:{key}"),
            PlanItemKind.Milestone => ("Milestone", $"plan:{plan.Id}:milestone:{key}"),
            _ => ("Indicator", $"plan:{plan.Id}:indicator:{key}"),
        };
        var keys = new HashSet<string> { itemKey };
        if (kind == PlanItemKind.Priority)
        {
            // A priority's key is its name: follow its renames back to the names it had.
            for (var more = true; more;)
            {
                var earlier = await db.AuditEntries.AsNoTracking()
                    .Where(a => a.Entity == "Priority" && a.Field == "Name" && keys.Contains(a.EntityKey) && a.OldValue != null)
                    .Select(a => a.OldValue!).ToListAsync(ct);
                more = false;
                foreach (var name in earlier) more |= keys.Add($"plan:{plan.Id}:priority:{name}");
            }
        }
        var measureId = kind == PlanItemKind.Measure ? plan.Indicators.FirstOrDefault(i => i.Ref == key)?.Id : null;
        var targets = measureId is { } id ? $"indicator:{id}:" : null;
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(a => (a.Entity == entity && keys.Contains(a.EntityKey)) || (targets != null && a.Entity == "Target" && a.EntityKey.StartsWith(targets)))
            .OrderByDescending(a => a.Id).ToListAsync(ct);
        return await history.DescribeAsync(entries, ct);
    }
}
