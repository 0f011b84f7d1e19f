using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Inspections;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Application.Inspections;

public sealed record InspectionSummary(string Ref, string Title, InspectionType Type, DateOnly PublishedOn, string? Reference, bool IsPublished, int Recommendations);

/// <summary>One line of a quarterly report's inspection action plan section.</summary>
public sealed record ActionPlanLine(
    int ActionId, string Inspection, string InspectionRef, string RecommendationRef, string Recommendation, RecommendationTimescale Timescale,
    string Owner, DateOnly Due, bool Overdue, DeliveryStatus Delivery, ImpactStatus Impact, string? Evidence, Period? StatusPeriod, IReadOnlyList<string> Links);

public sealed class InspectionQuery(OutturnDbContext db)
{
    public async Task<IReadOnlyList<InspectionSummary>> ListAsync(bool includeUnpublished, CancellationToken ct = default) =>
        (await db.Set<Inspection>().AsNoTracking().Where(i => includeUnpublished || i.IsPublished)
            .Select(i => new InspectionSummary(i.Ref, i.Title, i.Type, i.PublishedOn, i.Reference, i.IsPublished, i.Recommendations.Count)).ToListAsync(ct))
        .OrderByDescending(i => i.PublishedOn).ToList();

    public Task<Inspection?> GetAsync(string inspectionRef, bool includeUnpublished, CancellationToken ct = default) =>
        db.Set<Inspection>().AsNoTracking()
            .Include(i => i.Grades).Include(i => i.KeyJudgements)
            .Include(i => i.Recommendations).ThenInclude(r => r.Actions).ThenInclude(a => a.Quarters)
            .Include(i => i.Recommendations).ThenInclude(r => r.Actions).ThenInclude(a => a.Links)
            .AsSplitQuery()
            .SingleOrDefaultAsync(i => i.Ref == inspectionRef && (includeUnpublished || i.IsPublished), ct);

    /// <summary>Milestone and measure references by id, "PLAN/REF", for showing an action's links.</summary>
    public async Task<Dictionary<(string Kind, int Id), string>> LinkNamesAsync(IEnumerable<ImprovementLink> links, CancellationToken ct = default)
    {
        var list = links.ToList();
        var milestoneIds = list.Where(l => l.MilestoneId is not null).Select(l => l.MilestoneId!.Value).ToList();
        var indicatorIds = list.Where(l => l.IndicatorId is not null).Select(l => l.IndicatorId!.Value).ToList();
        var plans = await db.Plans.AsNoTracking().Select(p => new { p.Id, p.Ref }).ToDictionaryAsync(p => p.Id, p => p.Ref, ct);
        var names = new Dictionary<(string, int), string>();
        foreach (var m in await db.Milestones.AsNoTracking().Where(m => milestoneIds.Contains(m.Id)).Select(m => new { m.Id, m.PlanId, m.Ref }).ToListAsync(ct))
            names[("milestone", m.Id)] = $"{plans[m.PlanId]} {m.Ref}";
        foreach (var i in await db.Indicators.AsNoTracking().Where(i => indicatorIds.Contains(i.Id)).Select(i => new { i.Id, i.PlanId, i.Ref }).ToListAsync(ct))
            names[("indicator", i.Id)] = $"{plans[i.PlanId]} {i.Ref}";
        return names;
    }

    /// <summary>
    /// The inspection action plan section of a plan's quarterly report: improvement actions of published inspections
    /// linked to the plan's milestones or measures, with their statuses as at the period (the latest quarter recorded
    /// up to it). Overdue actions come first, then by due date.
    /// </summary>
    public async Task<IReadOnlyList<ActionPlanLine>> ActionPlanSectionAsync(string planRef, Period period, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Ref == planRef, ct);
        if (plan is null) return [];
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.PlanId == plan.Id).Select(m => new { m.Id, m.Ref }).ToDictionaryAsync(m => m.Id, m => m.Ref, ct);
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).Select(i => new { i.Id, i.Ref }).ToDictionaryAsync(i => i.Id, i => i.Ref, ct);
        var mIds = milestones.Keys.ToList();
        var iIds = indicators.Keys.ToList();
        var actions = await db.Set<ImprovementAction>().AsNoTracking()
            .Include(a => a.Links).Include(a => a.Quarters)
            .Include(a => a.Recommendation)
            .Where(a => a.Links.Any(l => (l.MilestoneId != null && mIds.Contains(l.MilestoneId.Value)) || (l.IndicatorId != null && iIds.Contains(l.IndicatorId.Value))))
            .AsSplitQuery()
            .ToListAsync(ct);
        var inspectionIds = actions.Select(a => a.Recommendation!.InspectionId).Distinct().ToList();
        var inspections = await db.Set<Inspection>().AsNoTracking().Where(i => inspectionIds.Contains(i.Id) && i.IsPublished && i.PublishedOn <= period.End)
            .ToDictionaryAsync(i => i.Id, ct);
        return actions.Where(a => inspections.ContainsKey(a.Recommendation!.InspectionId)).Select(a =>
            {
                var r = a.Recommendation!;
                var i = inspections[r.InspectionId];
                var status = a.StatusAt(period);
                var links = a.Links.Select(l => l.MilestoneId is { } m && milestones.TryGetValue(m, out var mr) ? mr
                    : l.IndicatorId is { } x && indicators.TryGetValue(x, out var ir) ? ir : null).OfType<string>().Order(StringComparer.Ordinal).ToList();
                return new ActionPlanLine(a.Id, i.Title, i.Ref, r.Ref, r.Text, r.Timescale, a.Owner, a.Due, a.IsOverdueAt(period),
                    status?.Delivery ?? DeliveryStatus.NotStarted, status?.Impact ?? ImpactStatus.NotYetEvident, status?.Evidence, status?.Period, links);
            })
            .OrderByDescending(l => l.Overdue).ThenBy(l => l.Due).ThenBy(l => l.InspectionRef, StringComparer.Ordinal).ThenBy(l => l.RecommendationRef, StringComparer.Ordinal)
            .ToList();
    }
}

/// <summary>Changes to inspections' improvement actions used by the demo and the tests; the browser's are in <see cref="InspectionHandlers"/>.</summary>
public sealed class InspectionService(OutturnDbContext db, InspectionHandlers handlers)
{
    /// <summary>Gives every recommendation of an inspection that has none an improvement action, due by its timescale.</summary>
    public async Task<int> EnsureActionsAsync(string inspectionRef, string owner, CancellationToken ct = default)
    {
        var inspection = await db.Set<Inspection>().Include(i => i.Recommendations).ThenInclude(r => r.Actions)
            .SingleOrDefaultAsync(i => i.Ref == inspectionRef, ct) ?? throw new DomainException($"There is no inspection {inspectionRef}.");
        var made = 0;
        foreach (var r in inspection.Recommendations.Where(r => r.Actions.Count == 0))
        {
            inspection.AddAction(r, null, owner, null, null);
            made++;
        }
        await db.SaveChangesAsync(ct);
        return made;
    }

    /// <summary>Sets an action's owner, and its due date (null: back to the date its timescale implies).</summary>
    public async Task SetActionAsync(int actionId, string owner, DateOnly? due, CancellationToken ct = default)
    {
        var a = await db.Set<ImprovementAction>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == actionId, ct)
                ?? throw new DomainException($"There is no improvement action {actionId}.");
        await handlers.AssignAsync(actionId, a.Version, a.Text, owner, due, null, ct);
    }

    /// <summary>Links an action to a plan's milestone or measure by reference.</summary>
    public Task LinkAsync(int actionId, string planRef, string itemRef, CancellationToken ct = default) => handlers.LinkAsync(actionId, planRef, itemRef, ct);

    public Task<ImprovementQuarter> RecordQuarterAsync(int actionId, Period period, DeliveryStatus delivery, ImpactStatus impact, string? evidence, string by, CancellationToken ct = default) =>
        handlers.RecordQuarterAsync(actionId, period, delivery, impact, evidence, by, ct);
}
