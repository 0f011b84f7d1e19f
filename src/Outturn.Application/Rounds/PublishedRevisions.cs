using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>
/// The corrections to published reports. They are worked out when a figure changes (a correction, a plan imported
/// again, figures filled from the statutory returns) by comparing each published report of the plan with the record
/// as it now stands, and kept on the round with a count, so that reading a published report never rebuilds the live
/// report, and a copy of the report made for readers can be known to be current by its round's count.
/// </summary>
public sealed class PublishedRevisions(OutturnDbContext db, MonitoringQuery monitoring, ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Works the corrections out again for every published round of the plan and records those that changed (saved,
    /// in the caller's transaction when there is one). Call it after the figures' change is saved.
    /// </summary>
    public async Task RefreshAsync(string planRef, CancellationToken ct = default)
    {
        var planId = await db.Plans.Where(p => p.Ref == planRef).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (planId is null) return;
        var published = await db.Set<MonitoringRound>().Where(r => r.PlanId == planId && r.State == RoundState.Published).ToListAsync(ct);
        if (published.Count == 0) return;
        foreach (var round in published) await RecordAsync(round, planRef, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// The corrections of a published round: as recorded, or, for a round published before corrections were kept,
    /// worked out once now and recorded.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, FigureRevision>> OfAsync(MonitoringRound round, CancellationToken ct = default)
    {
        if (round.Revisions is { } held) return Parse(held);
        var tracked = await db.Set<MonitoringRound>().SingleAsync(r => r.Id == round.Id, ct);
        var planRef = await db.Plans.Where(p => p.Id == round.PlanId).Select(p => p.Ref).SingleAsync(ct);
        var worked = await RecordAsync(tracked, planRef, ct);
        await db.SaveChangesAsync(ct);
        return worked;
    }

    public static IReadOnlyDictionary<string, FigureRevision> Parse(string revisions) =>
        JsonSerializer.Deserialize<Dictionary<string, FigureRevision>>(revisions, SnapshotJson.Options) ?? [];

    private async Task<IReadOnlyDictionary<string, FigureRevision>> RecordAsync(MonitoringRound round, string planRef, CancellationToken ct)
    {
        var report = SnapshotJson.Published(round)!;
        var view = await monitoring.ForPeriodAsync(planRef, round.Period, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        // With the reason last given for each corrected figure (from its audit entries), as the report shows it.
        var revisions = await ReviseFigure.SincePublishedAsync(db, round.PlanId, round.Period, report, MonitoringReport.From(view!), ct);
        var json = revisions.Count == 0
            ? MonitoringRound.NoRevisions
            : JsonSerializer.Serialize(revisions, SnapshotJson.Options);
        round.RecordRevisions(json, revisions.Keys.ToList(), user.Name, clock.GetUtcNow());
        return revisions;
    }
}
