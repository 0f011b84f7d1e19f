using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace Outturn.Application.Data;

/// <summary>
/// A secret every instance must share (the pseudonym key), held in the database encrypted with data protection,
/// whose keys are in the database too and, where a certificate is configured, encrypted with it. A rotated secret
/// is kept, retired, so that what was made with it can still be traced.
/// </summary>
public sealed class StoredSecret
{
    public int Id { get; private set; }
    public string Purpose { get; private set; } = "";
    /// <summary>The secret as data protection wrote it (base64 bytes, protected for <see cref="Purpose"/>).</summary>
    public string ProtectedValue { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RetiredAt { get; private set; }

    public StoredSecret(string purpose, string protectedValue, DateTimeOffset createdAt)
    {
        Purpose = purpose;
        ProtectedValue = protectedValue;
        CreatedAt = createdAt;
    }

    private StoredSecret() { }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at;
}

internal sealed class StoredSecretMapping : IEntityTypeConfiguration<StoredSecret>
{
    public void Configure(EntityTypeBuilder<StoredSecret> e)
    {
        e.ToTable("StoredSecrets");
        e.Property(s => s.Purpose).HasMaxLength(64);
        e.Property(s => s.ProtectedValue).HasMaxLength(4000);
        // One current secret per purpose; retired ones stay beside it. The filter reads the same on both providers.
        e.HasIndex(s => s.Purpose).IsUnique().HasFilter("\"RetiredAt\" IS NULL");
    }
}

public sealed class SharedSecrets(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock)
{
    public const string PseudonymKey = "returns-pseudonym";

    private IDataProtector Protector(string purpose) => protection.CreateProtector("Outturn.SharedSecrets", purpose);

    /// <summary>
    /// The current secret for the purpose, made now (from <paramref name="initial"/>, or 32 random bytes) when there
    /// is none. Two instances making it at once: the unique index lets one in, and the other reads the winner's.
    /// </summary>
    public async Task<byte[]> GetOrCreateAsync(string purpose, Func<byte[]?>? initial = null, CancellationToken ct = default)
    {
        if (await CurrentAsync(purpose, ct) is { } held) return held;
        var secret = initial?.Invoke() ?? RandomNumberGenerator.GetBytes(32);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            db.Set<StoredSecret>().Add(new StoredSecret(purpose, Convert.ToBase64String(Protector(purpose).Protect(secret)), clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
            return secret;
        }
        catch (DbUpdateException)
        {
            return await CurrentAsync(purpose, ct) ?? throw new InvalidOperationException($"The shared secret {purpose} could neither be made nor read.");
        }
    }

    public async Task<byte[]?> CurrentAsync(string purpose, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var stored = await db.Set<StoredSecret>().AsNoTracking().SingleOrDefaultAsync(s => s.Purpose == purpose && s.RetiredAt == null, ct);
        return stored is null ? null : Protector(purpose).Unprotect(Convert.FromBase64String(stored.ProtectedValue));
    }

    /// <summary>Retires the current secret (it is kept) and makes a new one, in one transaction.</summary>
    public async Task RotateAsync(string purpose, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var current in await db.Set<StoredSecret>().Where(s => s.Purpose == purpose && s.RetiredAt == null).ToListAsync(ct))
            current.Retire(now);
        // The retirement is written first, so that the one-current-secret index never sees two.
        await db.SaveChangesAsync(ct);
        db.Set<StoredSecret>().Add(new StoredSecret(purpose, Convert.ToBase64String(Protector(purpose).Protect(RandomNumberGenerator.GetBytes(32))), now));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
