using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Application.Tests.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Tests.Rounds;

/// <summary>A reminder is claimed once, whichever copy of the app claims it first.</summary>
public abstract class ReminderClaimTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EmptyDatabase _database = new(provider);
    private int _roundId;
    private readonly Dictionary<string, IServiceProvider> _instances = [];
    private static readonly DateTimeOffset At = new(2016, 1, 12, 8, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        foreach (var name in new[] { "a", "b", "c" }) _instances[name] = _database.Instance(name);
        var first = _instances["a"];
        await first.GetRequiredService<DatabaseSetup>().MigrateAsync();
        await using var scope = first.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var plan = new Plan { Ref = "TEST-1", Title = "A plan", FirstYear = 2015, LastYear = 2015 };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        var round = MonitoringRound.Open(plan.Id, Period.Quarter(2015, 3), new DateOnly(2016, 1, 15), "performance@outturn.example", DateTimeOffset.UtcNow);
        db.Add(round);
        await db.SaveChangesAsync();
        _roundId = round.Id;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    /// <summary>One claim through its own scope (its own connection), as a copy of the app makes it.</summary>
    private async Task<bool> ClaimAsync(string instance, string occasion, string recipient)
    {
        await using var scope = _instances[instance].CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ReminderClaims>().ClaimAsync(_roundId, occasion, recipient, "Outturn (reminder schedule)", At);
    }

    [Fact]
    public async Task Two_instances_claiming_the_same_reminder_at_once_send_it_once()
    {
        // Ten tries at once from each copy, as two schedulers waking together would make; the address typed differently.
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(_ => new[]
        {
            ClaimAsync("a", "due-in-1", "Tracey.Coffey@outturn.example"),
            ClaimAsync("b", "due-in-1", "tracey.coffey@outturn.example"),
        }));

        Assert.Equal(1, claims.Count(c => c));
        // Another person or another occasion is another reminder.
        Assert.True(await ClaimAsync("a", "due-in-1", "ann.mcintyre@outturn.example"));
        Assert.True(await ClaimAsync("b", "due-today", "tracey.coffey@outturn.example"));
        await using var scope = _instances["c"].CreateAsyncScope();
        var rows = await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<ReminderSent>().AsNoTracking().ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.Equal(2, rows.Count(r => r.Recipient == "tracey.coffey@outturn.example"));
    }

    [Fact]
    public async Task A_claim_given_back_after_a_failed_send_is_claimed_again()
    {
        Assert.True(await ClaimAsync("a", "overdue-3", "ann.mcintyre@outturn.example"));
        Assert.False(await ClaimAsync("b", "overdue-3", "ann.mcintyre@outturn.example"));
        await using (var scope = _instances["a"].CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ReminderClaims>().ReleaseAsync(_roundId, "overdue-3", "Ann.McIntyre@outturn.example");

        Assert.True(await ClaimAsync("b", "overdue-3", "ann.mcintyre@outturn.example"));
    }
}

public sealed class ReminderClaimTestsOnSqlite() : ReminderClaimTests(DatabaseProvider.Sqlite);

public sealed class ReminderClaimTestsOnPostgres() : ReminderClaimTests(DatabaseProvider.Postgres);
