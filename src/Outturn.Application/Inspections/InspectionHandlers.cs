using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Inspections;
using Outturn.Domain.Periods;

namespace Outturn.Application.Inspections;

/// <summary>
/// Recording an inspection in the browser: its details, grades, key judgements and recommendations, and the
/// improvement actions each recommendation becomes (owner, due date, links to the plans' milestones and measures,
/// delivery and impact each quarter). One small handler per action, each audited, each refusing a stale save.
/// </summary>
public sealed class InspectionHandlers(OutturnDbContext db, TimeProvider clock)
{
    private async Task<Inspection> LoadAsync(string inspectionRef, CancellationToken ct) =>
        await db.Set<Inspection>().Include(i => i.Grades).Include(i => i.KeyJudgements).Include(i => i.Recommendations).ThenInclude(r => r.Actions)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Ref == inspectionRef, ct)
        ?? throw new DomainException($"No inspection has the reference \"{inspectionRef}\".");

    private async Task<(ImprovementAction Action, Inspection Inspection)> ActionAsync(int actionId, CancellationToken ct)
    {
        var a = await db.Set<ImprovementAction>().Include(x => x.Recommendation).Include(x => x.Links).SingleOrDefaultAsync(x => x.Id == actionId, ct)
                ?? throw new DomainException($"There is no improvement action {actionId}.");
        return (a, await db.Set<Inspection>().SingleAsync(i => i.Id == a.Recommendation!.InspectionId, ct));
    }

    public async Task<string> RecordAsync(string reference, InspectionDetails details, CancellationToken ct = default)
    {
        var inspection = Inspection.Record(reference, details);
        if (await db.Set<Inspection>().AnyAsync(i => i.Ref == inspection.Ref, ct)) throw new DomainException($"An inspection already has the reference \"{inspection.Ref}\".");
        db.Add(inspection);
        await db.SaveChangesAsync(ct);
        return inspection.Ref;
    }

    public async Task EditAsync(string inspectionRef, int version, InspectionDetails details, string? reason, CancellationToken ct = default)
    {
        var i = await LoadAsync(inspectionRef, ct);
        i.Expect(version, i.Title);
        var published = i.PublishedOn;
        i.Edit(details);
        // Due dates that follow the timescale are counted from publication, so they move with it.
        if (published != i.PublishedOn)
            foreach (var r in i.Recommendations) foreach (var a in r.Actions.Where(a => !a.DueSet)) a.Assign(a.Text, a.Owner, a.OfficerId, null, i.PublishedOn);
        await db.SaveEditAsync(reason, i.Title, ct);
    }

    public async Task GradeAsync(string inspectionRef, string area, int grade, string? reason, CancellationToken ct = default)
    {
        var i = await LoadAsync(inspectionRef, ct);
        i.Grade(area, grade);
        await db.SaveEditAsync(reason, i.Title, ct);
    }

    public async Task AddJudgementAsync(string inspectionRef, string area, KeyJudgementKind kind, string text, string? paragraph, CancellationToken ct = default)
    {
        var i = await LoadAsync(inspectionRef, ct);
        i.AddJudgement(area, kind, text, paragraph);
        await db.SaveEditAsync(null, i.Title, ct);
    }

    public async Task<int> AddRecommendationAsync(string inspectionRef, string reference, RecommendationTimescale timescale, string responsible, string text, string? area, CancellationToken ct = default)
    {
        var i = await LoadAsync(inspectionRef, ct);
        var r = i.AddRecommendation(reference, timescale, responsible, text, area);
        await db.SaveEditAsync(null, i.Title, ct);
        return r.Id;
    }

    public async Task EditRecommendationAsync(string inspectionRef, int recommendationId, int version, string reference, RecommendationTimescale timescale, string responsible, string text, string? area, string? reason, CancellationToken ct = default)
    {
        var i = await LoadAsync(inspectionRef, ct);
        var r = i.Recommendations.SingleOrDefault(x => x.Id == recommendationId) ?? throw new DomainException($"{i.Ref} has no recommendation {recommendationId}.");
        r.Expect(version, $"recommendation {r.Ref}");
        i.EditRecommendation(r, reference, timescale, responsible, text, area);
        await db.SaveEditAsync(reason, $"recommendation {r.Ref}", ct);
    }

    /// <summary>Turns a recommendation into an improvement action (one of one or more).</summary>
    public async Task<int> AddActionAsync(string inspectionRef, int recommendationId, string? text, string owner, DateOnly? due, CancellationToken ct = default)
    {
        var i = await LoadAsync(inspectionRef, ct);
        var r = i.Recommendations.SingleOrDefault(x => x.Id == recommendationId) ?? throw new DomainException($"{i.Ref} has no recommendation {recommendationId}.");
        var a = i.AddAction(r, text, owner, await OfficerAsync(owner, ct), due);
        await db.SaveEditAsync(null, $"recommendation {r.Ref}", ct);
        return a.Id;
    }

    /// <summary>The officer the owner names, when the owner is an officer Outturn knows (for their dashboard); otherwise a body's name.</summary>
    private Task<int?> OfficerAsync(string owner, CancellationToken ct)
    {
        var name = (owner ?? "").Trim();
        return db.Officers.Where(o => o.Name == name).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
    }

    public async Task AssignAsync(int actionId, int version, string? text, string owner, DateOnly? due, string? reason, CancellationToken ct = default)
    {
        var (a, i) = await ActionAsync(actionId, ct);
        a.Expect(version, "the improvement action");
        a.Assign(text, owner, await OfficerAsync(owner, ct), due, i.PublishedOn);
        await db.SaveEditAsync(reason, "the improvement action", ct);
    }

    /// <summary>Links an action to a plan's milestone or measure by their references.</summary>
    public async Task LinkAsync(int actionId, string planRef, string itemRef, CancellationToken ct = default)
    {
        var (a, _) = await ActionAsync(actionId, ct);
        var plan = await db.Plans.SingleOrDefaultAsync(p => p.Ref == planRef, ct) ?? throw new DomainException($"No plan has the reference \"{planRef}\".");
        var reference = (itemRef ?? "").Trim();
        var milestone = await db.Milestones.SingleOrDefaultAsync(m => m.PlanId == plan.Id && m.Ref == reference, ct);
        var indicator = milestone is null ? await db.Indicators.SingleOrDefaultAsync(i => i.PlanId == plan.Id && i.Ref == reference, ct) : null;
        if (milestone is null && indicator is null) throw new DomainException($"{planRef} has no milestone or measure \"{reference}\".");
        a.Link(milestone?.Id, indicator?.Id);
        await db.SaveEditAsync(null, "the improvement action", ct);
    }

    public async Task UnlinkAsync(int actionId, int linkId, CancellationToken ct = default)
    {
        var (a, _) = await ActionAsync(actionId, ct);
        a.Unlink(a.Links.SingleOrDefault(l => l.Id == linkId) ?? throw new DomainException("The action has no such link."));
        await db.SaveEditAsync(null, "the improvement action", ct);
    }

    public async Task<ImprovementQuarter> RecordQuarterAsync(int actionId, Period period, DeliveryStatus delivery, ImpactStatus impact, string? evidence, string by, CancellationToken ct = default)
    {
        var a = await db.Set<ImprovementAction>().Include(x => x.Quarters).SingleOrDefaultAsync(x => x.Id == actionId, ct)
                ?? throw new DomainException($"There is no improvement action {actionId}.");
        var q = a.Record(period, delivery, impact, evidence, by, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return q;
    }
}
