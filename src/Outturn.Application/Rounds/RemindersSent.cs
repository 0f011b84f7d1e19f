using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>
/// A reminder that is due once (of a kind, for a round, to one person, on a day) and has been claimed for sending.
/// Several instances of the app may each find the same reminder due; the one that writes this record first sends it.
/// </summary>
public sealed class ReminderSent
{
    public long Id { get; private set; }
    public int RoundId { get; private set; }
    /// <summary>What the reminder is for, in words the scheduler chooses (such as "deadline-approaching").</summary>
    public string Kind { get; private set; } = "";
    /// <summary>The e-mail address reminded.</summary>
    public string Recipient { get; private set; } = "";
    /// <summary>The day the reminder was due: the same reminder due again another day is another record.</summary>
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    public ReminderSent(int roundId, string kind, string recipient, DateOnly dueOn, DateTimeOffset sentAt)
    {
        RoundId = roundId;
        Kind = kind;
        Recipient = recipient;
        DueOn = dueOn;
        SentAt = sentAt;
    }

    private ReminderSent() { }
}

internal sealed class ReminderSentMapping : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> e)
    {
        e.ToTable("RemindersSent");
        e.Property(r => r.Kind).HasMaxLength(64);
        e.Property(r => r.Recipient).HasMaxLength(256);
        e.HasOne<MonitoringRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
        // The claim: one record per reminder, whichever instance writes it first.
        e.HasIndex(r => new { r.RoundId, r.Kind, r.Recipient, r.DueOn }).IsUnique();
    }
}

/// <summary>
/// Makes each due reminder go out once however many instances of the app look for due reminders: an instance claims
/// a reminder (writes its <see cref="ReminderSent"/> record, which the unique key lets only one instance do) before it
/// sends it, and gives the claim back if the sending fails, so that the next look sends it.
/// </summary>
public sealed class ReminderClaims(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>True when this caller is the one to send the reminder; false when it was claimed already.</summary>
    public async Task<bool> ClaimAsync(int roundId, string kind, string recipient, DateOnly dueOn, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var key = recipient.Trim().ToLowerInvariant();
        if (await db.Set<ReminderSent>().AnyAsync(r => r.RoundId == roundId && r.Kind == kind && r.Recipient == key && r.DueOn == dueOn, ct)) return false;
        db.Set<ReminderSent>().Add(new ReminderSent(roundId, kind, key, dueOn, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance wrote the same claim between our look and our write.
            return false;
        }
    }

    /// <summary>Gives a claim back after the reminder could not be sent, so that it is tried again.</summary>
    public async Task ReleaseAsync(int roundId, string kind, string recipient, DateOnly dueOn, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = recipient.Trim().ToLowerInvariant();
        await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<ReminderSent>()
            .Where(r => r.RoundId == roundId && r.Kind == kind && r.Recipient == key && r.DueOn == dueOn)
            .ExecuteDeleteAsync(ct);
    }
}
