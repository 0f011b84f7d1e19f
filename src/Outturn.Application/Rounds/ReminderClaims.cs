using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;

namespace Outturn.Application.Rounds;

/// <summary>
/// Makes each reminder go once however many copies of the app look at the schedule together: a copy claims a reminder
/// by writing its <see cref="ReminderSent"/> record (the round, the person and the occasion are unique together, so
/// only one copy can) before it sends it, and gives the claim back if the sending fails, so that the next look sends
/// it. The claim is its own short write, not held open while the e-mail goes.
/// </summary>
public sealed class ReminderClaims(OutturnDbContext db)
{
    /// <summary>True when this caller is the one to send the reminder; false when it was claimed already, here or elsewhere.</summary>
    public async Task<bool> ClaimAsync(int roundId, string occasion, string recipient, string by, DateTimeOffset at, CancellationToken ct = default)
    {
        var key = Key(recipient);
        db.ChangeTracker.Clear();
        if (await db.Set<ReminderSent>().AnyAsync(r => r.RoundId == roundId && r.Occasion == occasion && r.Recipient == key, ct)) return false;
        db.Add(new ReminderSent { RoundId = roundId, Recipient = key, Occasion = occasion, SentAt = at, SentBy = by });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another copy wrote the same claim between our look and our write.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Gives a claim back after its reminder could not be sent, so that it is tried again.</summary>
    public Task ReleaseAsync(int roundId, string occasion, string recipient, CancellationToken ct = default)
    {
        var key = Key(recipient);
        return db.Set<ReminderSent>().Where(r => r.RoundId == roundId && r.Occasion == occasion && r.Recipient == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>An e-mail address as one person, however it was typed.</summary>
    private static string Key(string recipient) => recipient.Trim().ToLowerInvariant();
}
