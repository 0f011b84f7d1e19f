using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Outturn.Application.Accounts;

/// <summary>
/// One failed sign-in attempt from a client address, kept for the minute in which it counts against that address.
/// Held in the database so that every instance of the web app counts the same attempts.
/// </summary>
public sealed class SignInFailure
{
    public long Id { get; private set; }
    /// <summary>The client's address as the app sees it (behind a trusted proxy, the address the proxy forwarded).</summary>
    public string Address { get; private set; } = "";
    public DateTimeOffset At { get; private set; }

    public SignInFailure(string address, DateTimeOffset at)
    {
        Address = address;
        At = at;
    }

    private SignInFailure() { }
}

/// <summary>
/// An account name's run of failed sign-in attempts and the wait it has earned. The name as typed is not stored, only
/// a hash of it: the table may hold addresses an attacker guessed, which are nobody's business.
/// </summary>
public sealed class SignInWait
{
    /// <summary>SHA-256 of the account name as typed, trimmed and in lower case, in hex.</summary>
    public string Account { get; private set; } = "";
    public int InARow { get; private set; }
    public DateTimeOffset LastFailure { get; private set; }
    public DateTimeOffset WaitUntil { get; private set; }

    private SignInWait() { }

    public static string KeyFor(string account) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(account.Trim().ToLowerInvariant())));
}

internal sealed class SignInFailureMapping : IEntityTypeConfiguration<SignInFailure>
{
    public void Configure(EntityTypeBuilder<SignInFailure> e)
    {
        e.ToTable("SignInFailures");
        e.Property(f => f.Address).HasMaxLength(64);
        // Times as UTC ticks: compared and ordered the same way on both providers.
        e.Property(f => f.At).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        e.HasIndex(f => new { f.Address, f.At });
        e.HasIndex(f => f.At);
    }
}

internal sealed class SignInWaitMapping : IEntityTypeConfiguration<SignInWait>
{
    public void Configure(EntityTypeBuilder<SignInWait> e)
    {
        e.ToTable("SignInWaits");
        e.HasKey(w => w.Account);
        e.Property(w => w.Account).HasMaxLength(64);
        e.Property(w => w.LastFailure).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        e.Property(w => w.WaitUntil).HasConversion(v => v.UtcTicks, v => new DateTimeOffset(v, TimeSpan.Zero));
        e.HasIndex(w => w.LastFailure);
    }
}
