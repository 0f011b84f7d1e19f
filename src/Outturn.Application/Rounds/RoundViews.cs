using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Rounds;

/// <summary>An item with what its officer needs beside it: last period's figure and commentary, and the status the rules give.</summary>
public sealed record ItemView(RoundItem Item, string Title, string? Ref, Indicator? Indicator, string? LastPeriodText, string? LastCommentary, string? AssigneeName, string? Organisation);

public sealed record CompletenessRow(string Officer, string? Organisation, int NotStarted, int Draft, int Submitted, int Returned);

/// <summary>How a published report is kept in its round: JSON with snake_case names, as the API writes them.</summary>
public static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The report as it was published; null for a round not yet published.</summary>
    public static MonitoringReport? Published(MonitoringRound round) =>
        round.PublishedSnapshot is null ? null : JsonSerializer.Deserialize<MonitoringReport>(round.PublishedSnapshot, Options);
}

/// <summary>The rounds as the pages, the API and the documents read them: found, listed, their items with what goes beside them.</summary>
public sealed class RoundViews(OutturnDbContext db, MonitoringQuery monitoring, TimeProvider clock)
{
    public Task<MonitoringRound?> FindAsync(int roundId, CancellationToken ct = default) =>
        db.Set<MonitoringRound>().Include(r => r.Items).Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == roundId, ct);

    public async Task<MonitoringRound?> FindAsync(string planRef, Period period, CancellationToken ct = default)
    {
        var planId = await db.Plans.Where(p => p.Ref == planRef).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (planId is null) return null;
        return await db.Set<MonitoringRound>().Include(r => r.Items).Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.PlanId == planId && r.Period == period, ct);
    }

    public async Task<List<(MonitoringRound Round, Plan Plan)>> ListAsync(CancellationToken ct = default)
    {
        var rounds = await db.Set<MonitoringRound>().AsNoTracking().Include(r => r.Items).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        return rounds.OrderByDescending(r => r.Period).ThenBy(r => plans[r.PlanId].Ref).Select(r => (r, plans[r.PlanId])).ToList();
    }

    /// <summary>The items of a round as their officers see them, optionally only one officer's.</summary>
    public Task<IReadOnlyList<ItemView>> ItemsAsync(MonitoringRound round, int? officerId, CancellationToken ct = default) =>
        ViewsAsync(round, round.Items.Where(i => officerId is null || i.AssigneeId == officerId), ct);

    /// <summary>One item as its officer sees it, with its round (loaded without the round's other items); null when there is no such item.</summary>
    public async Task<(MonitoringRound Round, ItemView View)?> ItemAsync(int itemId, CancellationToken ct = default)
    {
        var item = await db.Set<RoundItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return null;
        // The round alone: the item's owner is worked out from the item itself (RoundOwners.Of), not from the round's items.
        var round = await db.Set<MonitoringRound>().AsNoTracking().SingleAsync(r => r.Id == item.RoundId, ct);
        return (round, (await ViewsAsync(round, [item], ct)).Single());
    }

    private async Task<IReadOnlyList<ItemView>> ViewsAsync(MonitoringRound round, IEnumerable<RoundItem> items, CancellationToken ct)
    {
        var plan = (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, ct)).Ref;
        var full = (await monitoring.LoadPlanAsync(plan, ct))!;
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var last = round.Period with { Number = round.Period.Number == 1 ? 4 : round.Period.Number - 1, Year = round.Period.Number == 1 ? round.Period.Year - 1 : round.Period.Year };
        var lastCommentary = await db.Commentaries.AsNoTracking().Where(c => c.Period == last).ToListAsync(ct);
        var lastRound = await db.Set<MonitoringRound>().AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.PlanId == round.PlanId && r.Period == last, ct);

        return items.OrderBy(i => i.Kind).ThenBy(i => i.Id).Select(item =>
        {
            var officer = item.AssigneeId is { } id && officers.TryGetValue(id, out var o) ? o : null;
            var previous = lastRound?.Items.FirstOrDefault(p => p.Kind == item.Kind && p.IndicatorId == item.IndicatorId && p.MilestoneId == item.MilestoneId && p.Section == item.Section && p.PriorityId == item.PriorityId);
            switch (item.Kind)
            {
                case ItemKind.Measure:
                    var indicator = full.Indicators.Single(x => x.Id == item.IndicatorId);
                    var lastValue = indicator.Values.FirstOrDefault(v => v.Period == last);
                    var lastText = lastValue is null ? "Nothing recorded" : MeasureAssessment.For(indicator, last).CurrentText;
                    return new ItemView(item, indicator.Title, indicator.Ref, indicator, $"{last.ToDisplayString()}: {lastText}", previous?.Commentary, officer?.Name, officer?.Organisation);
                case ItemKind.Milestone:
                    var milestone = full.Milestones.Single(x => x.Id == item.MilestoneId);
                    var update = milestone.Updates.FirstOrDefault(u => u.Period == last);
                    return new ItemView(item, milestone.Text, milestone.Ref, null, $"{last.ToDisplayString()}: {update?.Progress?.ToWord() ?? "no update"}", update?.Commentary ?? previous?.Commentary, officer?.Name, officer?.Organisation);
                default:
                    var earlier = item.PriorityId is { } pid ? string.Join("\n\n", lastCommentary.Where(c => c.PriorityId == pid).OrderBy(c => c.Order).Select(c => c.Text)) : null;
                    return new ItemView(item, item.Label, null, null, null, string.IsNullOrEmpty(earlier) ? previous?.Commentary : earlier, officer?.Name, officer?.Organisation);
            }
        }).ToList();
    }

    /// <summary>The report as the round's figures stand now, before publication freezes it.</summary>
    public async Task<MonitoringReport> LiveReportAsync(MonitoringRound round, CancellationToken ct = default)
    {
        var planRef = await db.Plans.Where(p => p.Id == round.PlanId).Select(p => p.Ref).SingleAsync(ct);
        var view = await monitoring.ForPeriodAsync(planRef, round.Period, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return MonitoringReport.From(view!);
    }

    public async Task<IReadOnlyList<CompletenessRow>> CompletenessAsync(MonitoringRound round, CancellationToken ct = default)
    {
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        return round.Items.GroupBy(i => i.AssigneeId).Select(g =>
        {
            var o = g.Key is { } id && officers.TryGetValue(id, out var officer) ? officer : null;
            return new CompletenessRow(o?.Name ?? "Not assigned", o?.Organisation,
                g.Count(i => i.State == ItemState.NotStarted), g.Count(i => i.State == ItemState.Draft),
                g.Count(i => i.State == ItemState.Submitted), g.Count(i => i.State == ItemState.Returned));
        }).OrderBy(r => r.Organisation).ThenBy(r => r.Officer).ToList();
    }
}
