using System.Collections.Concurrent;

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
/// Counts are kept in memory, per instance of the web app: with several instances the effective limit is that
/// many times higher, which still defeats guessing at any useful rate.
/// </summary>
public sealed class SignInThrottle(Microsoft.Extensions.Options.IOptions<SignInThrottleOptions> options, TimeProvider clock)
{
    /// <summary>A bound on memory whatever an attacker sends: beyond it, expired entries are swept first.</summary>
    private const int MaxEntries = 100_000;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly SignInThrottleOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, AddressFailures> _addresses = new();
    private readonly ConcurrentDictionary<string, AccountFailures> _accounts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When an attempt from this address at this account may next be made, or null if it may be made now.</summary>
    public DateTimeOffset? RefusedUntil(string address, string account)
    {
        var now = clock.GetUtcNow();
        DateTimeOffset? until = null;
        if (_addresses.TryGetValue(address, out var a))
            lock (a)
            {
                a.Prune(now);
                if (a.Failures.Count >= _options.AttemptsPerMinute) until = a.Failures.Peek() + Window;
            }
        if (_accounts.TryGetValue(Key(account), out var b))
            lock (b)
                if (b.WaitUntil > now && (until is null || b.WaitUntil > until)) until = b.WaitUntil;
        return until;
    }

    public void Failed(string address, string account)
    {
        var now = clock.GetUtcNow();
        Sweep(now);
        var a = _addresses.GetOrAdd(address, _ => new AddressFailures());
        lock (a)
        {
            a.Prune(now);
            a.Failures.Enqueue(now);
        }
        var b = _accounts.GetOrAdd(Key(account), _ => new AccountFailures());
        lock (b)
        {
            b.InARow++;
            b.LastFailure = now;
            if (b.InARow >= _options.FailuresBeforeWait)
            {
                var doublings = Math.Min(b.InARow - _options.FailuresBeforeWait, 16);
                var wait = TimeSpan.FromTicks(Math.Min(_options.FirstWait.Ticks << doublings, _options.LongestWait.Ticks));
                b.WaitUntil = now + wait;
            }
        }
    }

    /// <summary>A right password ends the account's wait; the address's failures still stand for the minute.</summary>
    public void Succeeded(string account) => _accounts.TryRemove(Key(account), out _);

    private static string Key(string account) => account.Trim();

    private void Sweep(DateTimeOffset now)
    {
        if (_addresses.Count + _accounts.Count < MaxEntries) return;
        foreach (var (key, a) in _addresses)
            lock (a)
            {
                a.Prune(now);
                if (a.Failures.Count == 0) _addresses.TryRemove(key, out _);
            }
        // An account's run of failures is forgotten once its wait is over and it has been quiet for the longest wait.
        foreach (var (key, b) in _accounts)
            lock (b)
                if (b.WaitUntil <= now && b.LastFailure + _options.LongestWait <= now) _accounts.TryRemove(key, out _);
        // Still full (a flood of fresh names): forget the oldest runs rather than grow without bound.
        if (_accounts.Count >= MaxEntries)
            foreach (var key in _accounts.OrderBy(p => p.Value.LastFailure).Take(_accounts.Count / 2).Select(p => p.Key).ToList())
                _accounts.TryRemove(key, out _);
    }

    private sealed class AddressFailures
    {
        public Queue<DateTimeOffset> Failures { get; } = new();

        public void Prune(DateTimeOffset now)
        {
            while (Failures.Count > 0 && Failures.Peek() + Window <= now) Failures.Dequeue();
        }
    }

    private sealed class AccountFailures
    {
        public int InARow;
        public DateTimeOffset LastFailure;
        public DateTimeOffset WaitUntil;
    }
}
