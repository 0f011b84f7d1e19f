using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Application.Tests.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Tests.Rounds;

/// <summary>A due reminder is claimed once, whichever instance of the app finds it first.</summary>
public abstract class ReminderClaimTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EmptyDatabase _database = new(provider);
    private int _roundId;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var first = _database.Instance("a");
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

    [Fact]
    public async Task Two_instances_claiming_the_same_reminder_at_once_send_it_once()
    {
        var a = _database.Instance("a").GetRequiredService<ReminderClaims>();
        var b = _database.Instance("b").GetRequiredService<ReminderClaims>();
        var due = new DateOnly(2016, 1, 12);

        // Ten tries at once from each instance, as two schedulers waking together would make.
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).SelectMany(_ => new[]
        {
            a.ClaimAsync(_roundId, "deadline-approaching", "Tracey.Coffey@outturn.example", due),
            b.ClaimAsync(_roundId, "deadline-approaching", "tracey.coffey@outturn.example", due),
        }));

        Assert.Equal(1, claims.Count(c => c));
        // Another person, another day or another kind is another reminder.
        Assert.True(await a.ClaimAsync(_roundId, "deadline-approaching", "ann.mcintyre@outturn.example", due));
        Assert.True(await b.ClaimAsync(_roundId, "deadline-approaching", "tracey.coffey@outturn.example", due.AddDays(1)));
        Assert.True(await a.ClaimAsync(_roundId, "overdue", "tracey.coffey@outturn.example", due));
        await using var scope = _database.Instance("c").CreateAsyncScope();
        Assert.Equal(4, await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<ReminderSent>().CountAsync());
    }

    [Fact]
    public async Task A_claim_given_back_after_a_failed_send_is_claimed_again()
    {
        var a = _database.Instance("a").GetRequiredService<ReminderClaims>();
        var b = _database.Instance("b").GetRequiredService<ReminderClaims>();
        var due = new DateOnly(2016, 1, 12);

        Assert.True(await a.ClaimAsync(_roundId, "overdue", "ann.mcintyre@outturn.example", due));
        Assert.False(await b.ClaimAsync(_roundId, "overdue", "ann.mcintyre@outturn.example", due));
        await a.ReleaseAsync(_roundId, "overdue", "ann.mcintyre@outturn.example", due);

        Assert.True(await b.ClaimAsync(_roundId, "overdue", "ann.mcintyre@outturn.example", due));
    }
}

public sealed class ReminderClaimTestsOnSqlite() : ReminderClaimTests(DatabaseProvider.Sqlite);

public sealed class ReminderClaimTestsOnPostgres() : ReminderClaimTests(DatabaseProvider.Postgres);
