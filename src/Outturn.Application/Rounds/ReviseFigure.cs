using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;

namespace Outturn.Application.Rounds;

/// <summary>A measure whose figure was corrected after its report was published: as published, as it is now, and why.</summary>
public sealed record FigureRevision(string Published, string Now, string? Reason);

/// <summary>
/// Corrects a recorded figure, for instance after its report was published. The live record changes, audited with the
/// reason given; the published snapshot does not, and shows the correction beside the published figure. This is the
/// one place a published round's figures change.
/// </summary>
public sealed class ReviseFigure(OutturnDbContext db, PublishedRevisions revisions)
{
    public sealed record Request(string PlanRef, string IndicatorRef, Period Period, decimal? Value, ValueStatus Status, string? Note, string Reason, string? InternalNote = null);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(request.Reason)) throw new DomainException("Say why the figure is being corrected: the reason is shown beside the correction.");
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Ref == request.IndicatorRef && db.Plans.Any(p => p.Id == i.PlanId && p.Ref == request.PlanRef), ct)
                        ?? throw new DomainException($"{request.PlanRef} has no measure {request.IndicatorRef}.");
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var v = await db.IndicatorValues.SingleOrDefaultAsync(x => x.IndicatorId == indicator.Id && x.Period == request.Period, ct);
        if (v is null) db.IndicatorValues.Add(v = new IndicatorValue { IndicatorId = indicator.Id, Period = request.Period });
        v.Value = request.Value;
        v.Status = request.Status;
        v.Note = request.Note;
        v.InternalNote = request.InternalNote;
        await Plans.FormulaRecompute.AfterChangeAsync(db, indicator.Id, ct);
        await db.Because(request.Reason).SaveChangesAsync(ct);
        // The published reports' corrections are recorded with the figure (and its reason), so readers never work them out.
        await revisions.RefreshAsync(request.PlanRef, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Measures whose current figure differs from the published one: ref → as published, now, and the reason last given.</summary>
    public static async Task<IReadOnlyDictionary<string, FigureRevision>> SincePublishedAsync(OutturnDbContext db, int planId, Period period, MonitoringReport published, MonitoringReport live, CancellationToken ct = default)
    {
        var changed = Compare(published, live);
        if (changed.Count == 0) return new Dictionary<string, FigureRevision>();
        var refs = changed.Keys.ToList();
        var ids = await db.Indicators.AsNoTracking().Where(i => i.PlanId == planId && refs.Contains(i.Ref)).ToDictionaryAsync(i => i.Ref, i => i.Id, ct);
        var keys = ids.Values.Select(id => $"indicator:{id}:{period}").ToList();
        var reasons = (await db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(IndicatorValue) && keys.Contains(a.EntityKey) && a.Reason != null).ToListAsync(ct))
            .GroupBy(a => a.EntityKey).ToDictionary(g => g.Key, g => g.OrderBy(a => a.At).ThenBy(a => a.Id).Last().Reason);
        return changed.ToDictionary(c => c.Key, c => c.Value with
        {
            Reason = ids.TryGetValue(c.Key, out var id) ? reasons.GetValueOrDefault($"indicator:{id}:{period}") : null,
        });
    }

    /// <summary>Measures whose current figure has changed since the report was published: ref → (published, now).</summary>
    public static IReadOnlyDictionary<string, FigureRevision> Compare(MonitoringReport published, MonitoringReport live)
    {
        var now = live.AllMeasures.ToDictionary(m => m.Ref);
        return published.AllMeasures
            .Where(m => now.TryGetValue(m.Ref, out var l) && (l.Current != m.Current || l.CurrentText != m.CurrentText))
            .ToDictionary(m => m.Ref, m => new FigureRevision(m.CurrentText, now[m.Ref].CurrentText, null));
    }
}
