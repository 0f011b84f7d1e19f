using Microsoft.EntityFrameworkCore;
using Outturn.Domain;

namespace Outturn.Application.Data;

/// <summary>
/// Saving an edit made from a form: the version the form was opened at must still be the stored one, so a save made
/// over someone else's newer save is refused (and says so) instead of overwriting it.
/// </summary>
public static class Edits
{
    /// <summary>Refuses the edit when the record has moved on since the form showed version <paramref name="loaded"/>.</summary>
    public static void Expect(this IVersioned record, int loaded, string what)
    {
        if (record.Version != loaded) throw Stale(what);
    }

    /// <summary>Saves with the reason given; a record changed by someone else while this save was under way is refused the same way.</summary>
    public static async Task SaveEditAsync(this OutturnDbContext db, string? reason, string what, CancellationToken ct)
    {
        try
        {
            await db.Because(reason).SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale(what);
        }
    }

    private static DomainException Stale(string what) =>
        new($"Someone else changed {what} after you opened it, so your changes were not saved. The page now shows their version with your changes in the form: check them and save again.",
            DomainRefusal.Conflict);
}
