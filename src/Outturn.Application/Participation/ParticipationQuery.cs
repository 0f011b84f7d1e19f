using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Participation;

namespace Outturn.Application.Participation;

/// <summary>A published "you said, we did" response, with what it informed.</summary>
public sealed record YouSaidWeDid(int Id, string Title, ParticipationMethod Method, DateOnly? HeldOn, string? WhoTookPart, int? Participants,
    string YouSaid, string WeDid, DateOnly? FedBackOn, IReadOnlyList<string> Informed);

public sealed class ParticipationQuery(OutturnDbContext db)
{
    /// <summary>Published responses, most recently fed back first (those not yet fed back last).</summary>
    public async Task<IReadOnlyList<YouSaidWeDid>> PublishedAsync(CancellationToken ct = default)
    {
        var activities = await db.Set<EngagementActivity>().AsNoTracking().Include(a => a.Links)
            .Where(a => a.ResponsePublished && a.WhatTheySaid != null && a.WhatWeDid != null).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        var objectives = await db.Objectives.AsNoTracking().ToDictionaryAsync(o => o.Id, o => $"{o.Ref}: {o.Title}", ct);
        return activities
            .OrderByDescending(a => a.FedBackOn ?? DateOnly.MinValue).ThenByDescending(a => a.HeldOn ?? DateOnly.MinValue)
            .Select(a => new YouSaidWeDid(a.Id, a.Title, a.Method, a.HeldOn,
                string.Join("; ", new[] { a.AgeGroups, a.Groups }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } who ? who : null,
                a.Participants, a.WhatTheySaid!, a.WhatWeDid!, a.FedBackOn,
                a.Links.Select(l => l.PriorityId is { } p ? priorities.GetValueOrDefault(p) : l.ObjectiveId is { } o ? objectives.GetValueOrDefault(o) : l.Informed)
                    .OfType<string>().ToList()))
            .ToList();
    }

    public async Task<IReadOnlyList<EngagementActivity>> ActivitiesAsync(CancellationToken ct = default) =>
        (await db.Set<EngagementActivity>().AsNoTracking().Include(a => a.Links).ToListAsync(ct)).OrderByDescending(a => a.HeldOn ?? DateOnly.MinValue).ToList();

    public async Task<IReadOnlyList<Promise>> PromisesAsync(CancellationToken ct = default) =>
        (await db.Set<Promise>().AsNoTracking().Include(p => p.Reviews).ToListAsync(ct)).OrderBy(p => p.PlanTitle, StringComparer.Ordinal).ThenBy(p => p.Order).ToList();

    public Task<Promise?> PromiseAsync(int id, CancellationToken ct = default) =>
        db.Set<Promise>().AsNoTracking().Include(p => p.Reviews).SingleOrDefaultAsync(p => p.Id == id, ct);

    public Task<EngagementActivity?> ActivityAsync(int id, CancellationToken ct = default) =>
        db.Set<EngagementActivity>().AsNoTracking().Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>The plans held and their priorities, for choosing where a promise sits.</summary>
    public async Task<IReadOnlyList<(int PlanId, string PlanRef, string PlanTitle, IReadOnlyList<(int Id, string Name)> Priorities)>> PlansAsync(CancellationToken ct = default)
    {
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Ref).Select(p => new { p.Id, p.Ref, p.Title }).ToListAsync(ct);
        var priorities = await db.Priorities.AsNoTracking().OrderBy(p => p.Order).Select(p => new { p.Id, p.PlanId, p.Name }).ToListAsync(ct);
        return plans.Select(p => (p.Id, p.Ref, p.Title, (IReadOnlyList<(int, string)>)priorities.Where(x => x.PlanId == p.Id).Select(x => (x.Id, x.Name)).ToList())).ToList();
    }

    /// <summary>Records the response and feedback date and, when asked, publishes it (the register's quick response, without a version).</summary>
    public async Task RespondAsync(int activityId, string weDid, DateOnly? fedBackOn, bool publish, CancellationToken ct = default)
    {
        var a = await db.Set<EngagementActivity>().SingleOrDefaultAsync(x => x.Id == activityId, ct) ?? throw new DomainException($"There is no activity {activityId}.");
        a.Respond(weDid, fedBackOn, publish);
        await db.SaveChangesAsync(ct);
    }
}
