using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Web.Security;

/// <summary>Limits on failed sign-in attempts (<c>Outturn:SignIn</c>).</summary>
public sealed class SignInThrottleOptions
{
    /// <summary>Failed attempts one client address may make in a minute; the next is refused until the minute has passed.</summary>
    public int AttemptsPerMinute { get; set; } = 10;
    /// <summary>Failed attempts in a row at one account before it waits <see cref="FirstWait"/>.</summary>
    public int FailuresBeforeWait { get; set; } = 5;
    public TimeSpan FirstWait { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>Each further failure after a wait doubles it, up to this.</summary>
    public TimeSpan LongestWait { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Counts failed sign-in attempts, never page views: per client address (a whole council may sit behind one proxy,
/// so only failures count) and per account name as typed. An account is never locked for long: after repeated
/// failures it waits a short interval that doubles with each further failure and ends at the first success, so
/// nobody can keep someone else out for the day by guessing at their address. Names that match no account are
/// counted exactly as real ones, so the answer never shows whether an account exists.
/// The counts are in the database (<see cref="SignInFailure"/>, <see cref="SignInWait"/>), so that the limits hold
/// for the service as a whole however many instances serve it; what has stopped counting (an address's failures
/// after the minute, a run of failures quiet for a day) is swept as failures come.
/// </summary>
public sealed class SignInThrottle(IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan QuietRunForgotten = TimeSpan.FromDays(1);

    private readonly SignInThrottleOptions _options = options.Value;

    /// <summary>When an attempt from this address at this account may next be made, or null if it may be made now.</summary>
    public async Task<DateTimeOffset?> RefusedUntilAsync(string address, string account, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        DateTimeOffset? until = null;
        var from = Bounded(address);
        var windowStart = now - Window;
        var recent = await db.Set<SignInFailure>().AsNoTracking()
            .Where(f => f.Address == from && f.At > windowStart)
            .OrderBy(f => f.At).Select(f => f.At).Take(_options.AttemptsPerMinute).ToListAsync(ct);
        if (recent.Count >= _options.AttemptsPerMinute) until = recent[0] + Window;
        var key = SignInWait.KeyFor(account);
        var wait = await db.Set<SignInWait>().AsNoTracking().Where(w => w.Account == key).Select(w => (DateTimeOffset?)w.WaitUntil).SingleOrDefaultAsync(ct);
        if (wait is { } w && w > now && (until is null || w > until)) until = w;
        return until;
    }

    public async Task FailedAsync(string address, string account, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        // What no longer counts: the address's failures older than the window; a run of failures whose wait is over
        // and that has been quiet for a day (a run resumed sooner goes on doubling from where it was).
        var windowStart = now - Window;
        var quietSince = now - (_options.LongestWait > QuietRunForgotten ? _options.LongestWait : QuietRunForgotten);
        await db.Set<SignInFailure>().Where(f => f.At <= windowStart).ExecuteDeleteAsync(ct);
        await db.Set<SignInWait>().Where(w => w.WaitUntil < now && w.LastFailure < quietSince).ExecuteDeleteAsync(ct);

        db.Set<SignInFailure>().Add(new SignInFailure(Bounded(address), now));
        await db.SaveChangesAsync(ct);

        // The run is counted in one statement, so that failures at two instances at once are both counted.
        var key = SignInWait.KeyFor(account);
        var ticks = now.UtcTicks;
        var inARow = (await db.Database.SqlQuery<int>($"""
            INSERT INTO "SignInWaits" ("Account", "InARow", "LastFailure", "WaitUntil") VALUES ({key}, 1, {ticks}, 0)
            ON CONFLICT ("Account") DO UPDATE SET "InARow" = "SignInWaits"."InARow" + 1, "LastFailure" = excluded."LastFailure"
            RETURNING "InARow" AS "Value"
            """).ToListAsync(ct))[0];
        if (inARow < _options.FailuresBeforeWait) return;
        var doublings = Math.Min(inARow - _options.FailuresBeforeWait, 16);
        var until = now + TimeSpan.FromTicks(Math.Min(_options.FirstWait.Ticks << doublings, _options.LongestWait.Ticks));
        var untilTicks = until.UtcTicks;
        // Only the failure that made the count sets its wait; a later one has set a longer wait already.
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "SignInWaits" SET "WaitUntil" = {untilTicks} WHERE "Account" = {key} AND "InARow" = {inARow} AND "WaitUntil" < {untilTicks}
            """, ct);
    }

    /// <summary>A right password ends the account's wait; the address's failures still stand for the minute.</summary>
    public async Task SucceededAsync(string account, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var key = SignInWait.KeyFor(account);
        await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<SignInWait>().Where(w => w.Account == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>An address is at most 45 characters (IPv6 with an IPv4 tail); anything longer is not one.</summary>
    private static string Bounded(string address) => address.Length <= 64 ? address : address[..64];
}
