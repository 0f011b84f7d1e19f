using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Participation;
using Outturn.Domain.Periods;

namespace Outturn.Application.Participation;

/// <summary>
/// Promises and engagement kept in the browser: a plan's promises under its priorities, reviewed each year; and
/// engagement activities with what was said, the response and its feedback, published as "you said, we did". One
/// small handler per action, each audited, each refusing a stale save.
/// </summary>
public sealed class ParticipationHandlers(OutturnDbContext db, TimeProvider clock)
{
    private async Task<(int PlanId, string Title, int? PriorityId, string Theme)> PlaceAsync(string planRef, int? priorityId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Ref == planRef).Select(p => new { p.Id, p.Title }).SingleOrDefaultAsync(ct)
                   ?? throw new DomainException($"No plan has the reference \"{planRef}\".");
        if (priorityId is null) throw new DomainException("Choose the priority the promise sits under.");
        var priority = await db.Priorities.AsNoTracking().Where(p => p.Id == priorityId && p.PlanId == plan.Id).Select(p => p.Name).SingleOrDefaultAsync(ct)
                       ?? throw new DomainException($"The priority chosen is not one of {planRef}'s.");
        return (plan.Id, plan.Title, priorityId, priority);
    }

    /// <summary>A new promise of a held plan, under one of its priorities, at the end of the plan's list.</summary>
    public async Task<int> MakePromiseAsync(string planRef, int? priorityId, string text, CancellationToken ct = default)
    {
        var (planId, title, priority, theme) = await PlaceAsync(planRef, priorityId, ct);
        var order = (await db.Set<Promise>().Where(p => p.PlanId == planId).MaxAsync(p => (int?)p.Order, ct) ?? 0) + 1;
        var promise = Promise.Make(planId, title, priority, theme, text, order);
        db.Add(promise);
        await db.SaveChangesAsync(ct);
        return promise.Id;
    }

    public async Task EditPromiseAsync(int id, int version, int? priorityId, string text, string? whatWeAchieved, string? reviewedIn, string? reason, CancellationToken ct = default)
    {
        var p = await db.Set<Promise>().Include(x => x.Reviews).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException($"There is no promise {id}.");
        p.Expect(version, "the promise");
        var theme = p.Theme;
        if (p.PlanId is { } planId && priorityId is not null)
            theme = await db.Priorities.AsNoTracking().Where(x => x.Id == priorityId && x.PlanId == planId).Select(x => x.Name).SingleOrDefaultAsync(ct)
                    ?? throw new DomainException("The priority chosen is not one of the promise's plan's.");
        p.Edit(priorityId ?? p.PriorityId, theme, text, whatWeAchieved, reviewedIn);
        await db.SaveEditAsync(reason, "the promise", ct);
    }

    /// <summary>A year's review of a promise.</summary>
    public async Task ReviewPromiseAsync(int id, int version, Period year, PromiseProgress progress, string whatWeAchieved, string by, CancellationToken ct = default)
    {
        var p = await db.Set<Promise>().Include(x => x.Reviews).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException($"There is no promise {id}.");
        p.Expect(version, "the promise");
        p.Review(year, progress, whatWeAchieved, by, clock.GetUtcNow());
        await db.SaveEditAsync(null, "the promise", ct);
    }

    public async Task<int> RecordActivityAsync(ActivityDetails details, CancellationToken ct = default)
    {
        var a = EngagementActivity.Record(details);
        db.Add(a);
        await db.SaveChangesAsync(ct);
        return a.Id;
    }

    public async Task EditActivityAsync(int id, int version, ActivityDetails details, string? reason, CancellationToken ct = default)
    {
        var a = await db.Set<EngagementActivity>().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException($"There is no engagement activity {id}.");
        a.Expect(version, $"\"{a.Title}\"");
        a.Edit(details);
        await db.SaveEditAsync(reason, $"\"{a.Title}\"", ct);
    }

    public async Task RespondAsync(int id, int version, string? whatWeDid, DateOnly? fedBackOn, bool publish, CancellationToken ct = default)
    {
        var a = await db.Set<EngagementActivity>().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new DomainException($"There is no engagement activity {id}.");
        a.Expect(version, $"\"{a.Title}\"");
        a.Respond(whatWeDid, fedBackOn, publish);
        await db.SaveEditAsync(null, $"\"{a.Title}\"", ct);
    }
}
