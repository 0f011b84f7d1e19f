using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>Gives an item of a round to another officer.</summary>
public sealed class AssignItem(OutturnDbContext db)
{
    public sealed record Request(int RoundId, int ItemId, int OfficerId);

    public async Task HandleAsync(Request request, CancellationToken ct = default)
    {
        var item = await db.Set<RoundItem>().SingleOrDefaultAsync(i => i.Id == request.ItemId && i.RoundId == request.RoundId, ct) ?? throw new DomainException("No such item.");
        if (!await db.Officers.AnyAsync(o => o.Id == request.OfficerId, ct)) throw new DomainException("No such officer.");
        item.Reassign(request.OfficerId);
        await db.SaveChangesAsync(ct);
    }
}
