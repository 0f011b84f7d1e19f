using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using Outturn.Application.Demo;
using Outturn.Application.Returns;

namespace Outturn.Application.Data;

/// <summary>
/// Brings the database to the latest migration and loads the demonstration data, once, however many instances
/// start together on one PostgreSQL database: each step runs under a PostgreSQL advisory lock, so the second
/// instance waits for the first and then finds the work done. SQLite is a single-instance store: its own file
/// lock is enough.
/// </summary>
public sealed class DatabaseSetup(IServiceScopeFactory scopes, DataSettings settings, ILogger<DatabaseSetup>? log = null)
{
    /// <summary>The advisory-lock key every Outturn instance agrees on ("Outturn" in ASCII, then a 1).</summary>
    public const long AdvisoryLockKey = 0x4F75_7474_7572_6E01;

    /// <summary>Creates or upgrades the schema.</summary>
    public async Task MigrateAsync(CancellationToken ct = default)
    {
        await using var _ = await LockAsync(ct);
        await using (var scope = scopes.CreateAsyncScope())
        {
            var database = scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database;
            // Read under the lock: an instance that waited for another's migration finds nothing left to do.
            var pending = (await database.GetPendingMigrationsAsync(ct)).ToList();
            await database.MigrateAsync(ct);
            if (log is not null)
            {
                if (pending.Count > 0) log.LogInformation("Applied {Count} migrations, the last {Last}.", pending.Count, pending[^1]);
                else log.LogInformation("The database was already at the latest migration.");
            }
        }
        EnsureSharedKeys();
    }

    /// <summary>
    /// Makes the first data-protection key and the pseudonym key, if the database has none, under the lock: two
    /// instances each making a first key at once would each sign cookies the other could not yet read.
    /// (Later data-protection keys are made days before they are used, so every instance has seen them by then.)
    /// </summary>
    public async Task EnsureSharedKeysAsync(CancellationToken ct = default)
    {
        await using var _ = await LockAsync(ct);
        EnsureSharedKeys();
    }

    private void EnsureSharedKeys()
    {
        using var scope = scopes.CreateScope();
        var keys = scope.ServiceProvider.GetRequiredService<IKeyManager>();
        var now = DateTimeOffset.UtcNow;
        if (!keys.GetAllKeys().Any(k => !k.IsRevoked && k.ActivationDate <= now && k.ExpirationDate > now.AddDays(2)))
            keys.CreateNewKey(now, now.AddDays(90));
        _ = scope.ServiceProvider.GetRequiredService<ReturnsSettings>().PseudonymKey;
    }

    /// <summary>Migrations the database has not had yet (none when it is current).</summary>
    public async Task<IReadOnlyList<string>> PendingMigrationsAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.GetPendingMigrationsAsync(ct)).ToList();
    }

    /// <summary>
    /// Loads the demo into a database nobody has started using (no plan held), all of it or nothing; returns what
    /// was loaded, or nothing when the database was already in use.
    /// </summary>
    public async Task<IReadOnlyList<string>> LoadDemoIntoEmptyAsync(CancellationToken ct = default)
    {
        await using var _ = await LockAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        // The demo is written in one transaction, so a plan held means the whole demo (or a council's own data).
        if (await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Plans.AnyAsync(ct)) return [];
        return await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(ct);
    }

    /// <summary>Whether any plan is held: a database nobody has started using holds none.</summary>
    public async Task<bool> HoldsAPlanAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Plans.AnyAsync(ct);
    }

    /// <summary>Loads whatever of the demo is not held yet (idempotent), all of it or nothing.</summary>
    public async Task<IReadOnlyList<string>> LoadDemoAsync(CancellationToken ct = default)
    {
        await using var _ = await LockAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync(ct);
    }

    /// <summary>
    /// The advisory lock, taken on a connection of its own (unpooled, so that the session ends with it and cannot
    /// leave the lock behind in a pool), and held until disposed; nothing for SQLite.
    /// </summary>
    public async Task<IAsyncDisposable> LockAsync(CancellationToken ct = default)
    {
        if (settings.Provider != DatabaseProvider.Postgres) return NoLock.Instance;
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Pooling = false, Enlist = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            // Waiting for another instance's migration or demo load can take a while; the lock query has no limit.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
            return new AdvisoryLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class AdvisoryLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
                command.Parameters.AddWithValue("key", AdvisoryLockKey);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session releases the lock in any case.
                await connection.DisposeAsync();
            }
        }
    }
}
