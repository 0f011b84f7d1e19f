using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans;

/// <summary>
/// Keeps an approved plan's versions (docs/decisions/0601-plan-versions.md): approving records the version in force;
/// each day an approved plan is changed (in the browser or by an import) makes one amended version, kept with what
/// changed from the version before. A draft has no versions: nothing of it is in force yet.
/// </summary>
public sealed class PlanVersioning(OutturnDbContext db, TimeProvider clock, ICurrentUser user)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static string Serialise(PlanSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Json);

    public static PlanSnapshot Read(PlanVersion version) => JsonSerializer.Deserialize<PlanSnapshot>(version.Snapshot, Json)!;

    /// <summary>
    /// Brings the versions up to date with the plan as now saved (its items have their ids). <paramref name="before"/>
    /// is the plan before the change, kept as its first version when an approved plan held before versions were kept
    /// is changed; <paramref name="approving"/> records the approval of a draft.
    /// </summary>
    public async Task RecordAsync(Plan plan, PlanSnapshot? before, bool approving, CancellationToken ct)
    {
        if (plan.Status != PlanStatus.Approved) return;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var current = PlanSnapshot.Of(plan);
        var versions = await db.PlanVersions.Where(v => v.PlanId == plan.Id).OrderBy(v => v.Number).ToListAsync(ct);
        PlanVersion Add(PlanVersionKind kind, PlanSnapshot snapshot, string summary)
        {
            var v = PlanVersion.Start(plan.Id, versions.Count + 1, kind, today, now, user.Name, Serialise(snapshot), summary);
            versions.Add(v);
            db.PlanVersions.Add(v);
            return v;
        }

        if (approving)
        {
            Add(PlanVersionKind.Approved, current, versions.Count == 0 ? "first approved" : Summary(versions[^1], current));
            return;
        }
        if (versions.Count == 0)
        {
            if (before is null) { Add(PlanVersionKind.Held, current, "first held"); return; }
            Add(PlanVersionKind.Held, before, "first held");
        }
        var last = versions[^1];
        if (last.Kind == PlanVersionKind.Amended && last.On == today && versions.Count > 1)
        {
            last.Record(now, user.Name, Serialise(current), Summary(versions[^2], current));
            return;
        }
        var summary = Summary(last, current);
        if (summary != "no change") Add(PlanVersionKind.Amended, current, summary);
    }

    private static string Summary(PlanVersion previous, PlanSnapshot current) =>
        PlanSnapshot.Summarise(PlanSnapshot.Compare(Read(previous), current));
}
