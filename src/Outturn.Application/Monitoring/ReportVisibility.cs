using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Monitoring;

public enum ReportOutcome { Ok, NoPlan, NotCovered, NeedsSignIn, Forbidden }

/// <summary>A period's monitoring as a viewer may see it: the published snapshot, or a draft for those allowed.</summary>
public sealed record VisibleReport(
    ReportOutcome Outcome, MonitoringReport? Report, MonitoringRound? Round, bool IsDraft,
    IReadOnlyDictionary<string, FigureRevision> Revisions);

/// <summary>
/// The one rule for round content (docs/spec.md, drafts and publication): once a round is published its frozen
/// report is for everyone, with later corrections marked as revisions; before that only viewers who may see the
/// round's draft see it (<see cref="Viewer.CanSeeWholeDraft"/>: at this stage, and when limited to an organisation,
/// only a plan of their own organisation). Pages, the API, documents and the command line all ask here.
/// </summary>
/// <remarks>Counts of fewer than five children are withheld from viewers without the child-level permission (<see cref="ChildCounts"/>).</remarks>
public sealed class ReportVisibility(RoundViews rounds, MonitoringQuery query, OutturnDbContext db, TimeProvider clock, ChildCounts counts, PublishedRevisions revisions)
{
    private static readonly IReadOnlyDictionary<string, FigureRevision> None = new Dictionary<string, FigureRevision>();

    public async Task<VisibleReport> GetAsync(string planRef, Period period, Viewer viewer, CancellationToken ct = default)
    {
        var round = await rounds.FindAsync(planRef, period, ct);
        if (round?.State == RoundState.Published)
        {
            // The corrections are those recorded when they were made: the live report is not rebuilt to list them.
            return new(ReportOutcome.Ok, counts.For(SnapshotJson.Published(round)!, viewer), round, false, await revisions.OfAsync(round, ct));
        }
        if (round is not null && !viewer.CanSeeWholeDraft(round.State, await PlanOwnerAsync(planRef, ct)))
            return new(viewer.SignedIn ? ReportOutcome.Forbidden : ReportOutcome.NeedsSignIn, null, round, true, None);
        var view = await query.ForPeriodAsync(planRef, period, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (view is null) return new(ReportOutcome.NoPlan, null, null, false, None);
        if (!view.Plan.Covers(period)) return new(ReportOutcome.NotCovered, null, null, false, None);
        return new(ReportOutcome.Ok, counts.For(MonitoringReport.From(view), viewer), round, round is not null, None);
    }

    /// <summary>Periods whose figures this viewer may not see yet: those of rounds not yet published.</summary>
    public async Task<HashSet<Period>> HiddenPeriodsAsync(string planRef, Viewer viewer, CancellationToken ct = default)
    {
        // Asked on every page and API call that shows figures: read only each round's period and stage.
        var unpublished = await db.Set<MonitoringRound>().AsNoTracking()
            .Where(r => r.State != RoundState.Published && db.Plans.Any(p => p.Id == r.PlanId && p.Ref == planRef))
            .Select(r => new { r.Period, r.State })
            .ToListAsync(ct);
        if (unpublished.Count == 0) return [];
        var owner = await PlanOwnerAsync(planRef, ct);
        return unpublished.Where(r => !viewer.CanSeeWholeDraft(r.State, owner)).Select(r => r.Period).ToHashSet();
    }

    private Task<int?> PlanOwnerAsync(string planRef, CancellationToken ct) =>
        db.Plans.AsNoTracking().Where(p => p.Ref == planRef).Select(p => p.OrganisationId).FirstOrDefaultAsync(ct);
}
