using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Tests.Data;

public abstract class DatabaseSetupTests(DatabaseProvider provider) : IAsyncLifetime
{
    protected readonly EmptyDatabase Database = new(provider);

    public Task InitializeAsync() => Database.InitializeAsync();
    public Task DisposeAsync() => Database.DisposeAsync();

    protected static async Task<(int Plans, int Users, int Rounds, int Audit)> CountsAsync(IServiceProvider instance)
    {
        await using var scope = instance.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        return (await db.Plans.CountAsync(), await db.Users.CountAsync(), await db.Set<MonitoringRound>().CountAsync(), await db.AuditEntries.CountAsync());
    }

    /// <summary>Fails the first save that adds a monitoring round: the demo's rounds come after its plans, registers and accounts.</summary>
    private sealed class FailOnFirstRound : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<MonitoringRound>().Any(e => e.State == EntityState.Added)
                ? throw new IOException("The disk went away while the demo rounds were being written.")
                : ValueTask.FromResult(result);
    }

    [Fact]
    public async Task A_demo_load_that_fails_part_way_leaves_nothing_and_a_later_start_loads_it_whole()
    {
        var failing = Database.Instance("a", s => s.ConfigureDbContext<SqliteOutturnDbContext>(o => o.AddInterceptors(new FailOnFirstRound()))
            .ConfigureDbContext<PostgresOutturnDbContext>(o => o.AddInterceptors(new FailOnFirstRound())));
        var setup = failing.GetRequiredService<DatabaseSetup>();
        await setup.MigrateAsync();

        await Assert.ThrowsAsync<IOException>(() => setup.LoadDemoIntoEmptyAsync());

        Assert.Equal((0, 0, 0, 0), await CountsAsync(failing));
        // With nothing held the database still counts as empty, so the next start loads the demo.
        var healthy = Database.Instance("b");
        Assert.NotEmpty(await healthy.GetRequiredService<DatabaseSetup>().LoadDemoIntoEmptyAsync());
        var (plans, users, rounds, _) = await CountsAsync(healthy);
        Assert.Equal(4, plans); // the four seed plans (see DemoDataTests)
        Assert.Equal(7, users); // the seven demo accounts: six council roles and the NHS partner's contributor (README)
        Assert.True(rounds > 0);
    }
}

public sealed class DatabaseSetupTestsOnSqlite() : DatabaseSetupTests(DatabaseProvider.Sqlite);

public sealed class DatabaseSetupTestsOnPostgres() : DatabaseSetupTests(DatabaseProvider.Postgres)
{
    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_both_succeed_and_load_the_demo_once()
    {
        var a = Database.Instance("a");
        var b = Database.Instance("b");
        async Task<IReadOnlyList<string>> Start(IServiceProvider instance)
        {
            var setup = instance.GetRequiredService<DatabaseSetup>();
            await setup.MigrateAsync();
            return await setup.LoadDemoIntoEmptyAsync();
        }
        using var go = new ManualResetEventSlim();
        var first = Task.Run(() => { go.Wait(); return Start(a); });
        var second = Task.Run(() => { go.Wait(); return Start(b); });
        go.Set();

        var loaded = await Task.WhenAll(first, second);

        // One loaded it; the other waited on the lock and found it there.
        Assert.Single(loaded, l => l.Count > 0);
        Assert.Single(loaded, l => l.Count == 0);
        Assert.Empty(await a.GetRequiredService<DatabaseSetup>().PendingMigrationsAsync());
        var (plans, users, _, _) = await CountsAsync(b);
        Assert.Equal((4, 7), (plans, users));
    }

    [Fact]
    public async Task The_lock_is_held_by_one_instance_at_a_time()
    {
        var a = Database.Instance("a").GetRequiredService<DatabaseSetup>();
        var b = Database.Instance("b").GetRequiredService<DatabaseSetup>();
        var held = await a.LockAsync();

        var waiting = b.LockAsync();
        await Task.Delay(300);
        Assert.False(waiting.IsCompleted);

        await held.DisposeAsync();
        await (await waiting).DisposeAsync();
    }
}
