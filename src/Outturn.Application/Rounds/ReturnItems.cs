using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Notifications;
using Outturn.Domain;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>Returns items to their officers with what should change, and tells each officer by e-mail.</summary>
public sealed class ReturnItems(OutturnDbContext db, IEmailSender email, TimeProvider clock)
{
    public sealed record Request(int RoundId, IReadOnlyCollection<int> ItemIds, string Comment, string BaseUrl);

    public async Task<int> HandleAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        if (request.ItemIds.Count == 0) throw new DomainException("Choose the items to return.");
        var round = await db.Set<MonitoringRound>().SingleOrDefaultAsync(r => r.Id == request.RoundId, ct) ?? throw new DomainException("No such round.");
        var items = await db.Set<RoundItem>().Where(i => i.RoundId == round.Id && request.ItemIds.Contains(i.Id)).ToListAsync(ct);
        if (items.Count != request.ItemIds.Distinct().Count()) throw new DomainException("No such item.");
        var now = clock.GetUtcNow();
        foreach (var item in items) round.Return(item, request.Comment, actor.Name, now);
        await db.SaveChangesAsync(ct);

        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == round.PlanId).Select(p => p.Title).SingleAsync(ct);
        var officerIds = items.Where(i => i.AssigneeId is not null).Select(i => i.AssigneeId!.Value).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.OfficerId != null && officerIds.Contains(u.OfficerId!.Value) && u.Email != null).ToListAsync(ct);
        foreach (var user in users)
        {
            var theirs = items.Where(i => i.AssigneeId == user.OfficerId).ToList();
            var body = $"Dear {user.DisplayName},\n\nThe performance team has returned {(theirs.Count == 1 ? "one of your updates" : $"{theirs.Count} of your updates")} " +
                       $"for {plan}, {round.Period.ToDisplayString()}, for changes:\n\n" +
                       string.Join("\n", theirs.Select(i => "- " + i.Label)) +
                       $"\n\nWhat should change: {request.Comment.Trim()}\n\nThe deadline is {round.Deadline:d MMMM yyyy}. Update {(theirs.Count == 1 ? "it" : "them")} at {request.BaseUrl.TrimEnd('/')}/my-updates\n";
            await email.SendAsync(new EmailMessage(user.Email!, user.DisplayName, $"Returned for changes: your {round.Period.ToDisplayString()} update{(theirs.Count == 1 ? "" : "s")}", body), ct);
        }
        return items.Count;
    }
}
