using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Documents;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Audit;

/// <summary>What an administrator searches the audit trail by; every part may be left empty.</summary>
/// <param name="Person">Part of the e-mail address or name of whoever made the change.</param>
/// <param name="Item">A plan, measure or milestone reference (CED033, HBC-CYP-2015-16), or part of the recorded key.</param>
/// <param name="From">The first day, in UK dates.</param>
/// <param name="To">The last day, in UK dates.</param>
/// <param name="Kind">One of <see cref="AuditSearch.Kinds"/>.</param>
public sealed record AuditQuery(string? Person, string? Item, DateOnly? From, DateOnly? To, string? Kind);

public sealed record AuditResult(IReadOnlyList<HistoryLine> Lines, int Total);

/// <summary>
/// The administrators' search of the audit trail (by person, item, date range and kind of change) and its CSV
/// export, which keeps the exact stored old and new values beside the sentence that tells them in words.
/// </summary>
public sealed class AuditSearch(OutturnDbContext db, ChangeHistory history)
{
    /// <summary>The kinds of change, in words, and the recorded entities each covers.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Kinds = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Figures"] = ["IndicatorValue"],
        ["Targets"] = ["Target"],
        ["Officers' judgements"] = ["StatusOverride"],
        ["Milestone updates"] = ["MilestoneUpdate"],
        ["Supporting commentary"] = ["Commentary"],
        ["Round updates"] = ["RoundItem"],
        ["Rounds"] = ["MonitoringRound"],
        ["Plans and their items"] = ["Plan", "Priority", "Objective", "Milestone", "Indicator"],
    };

    private static readonly TimeZoneInfo Uk = FindUk();

    private static TimeZoneInfo FindUk()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    /// <summary>Newest first; at most <paramref name="limit"/> lines, with the number that matched.</summary>
    public async Task<AuditResult> SearchAsync(AuditQuery q, int limit, CancellationToken ct = default)
    {
        var query = await FilterAsync(q, ct);
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(ct);
        return new AuditResult(await history.DescribeAsync(entries, ct), total);
    }

    /// <summary>Every matching change as CSV (UTF-8 with a byte-order mark for Excel), newest first.</summary>
    public async Task<byte[]> CsvAsync(AuditQuery q, CancellationToken ct = default)
    {
        var entries = await (await FilterAsync(q, ct)).OrderByDescending(a => a.Id).Take(1_000_000).ToListAsync(ct);
        var lines = await history.DescribeAsync(entries, ct);
        var sb = new StringBuilder("id,at_utc,at_uk,account,person,kind,item,field,action,old_value,new_value,reason,sentence\r\n");
        foreach (var l in lines)
        {
            var e = l.Entry;
            var uk = TimeZoneInfo.ConvertTime(e.At, Uk);
            sb.Append(string.Join(",", new[]
            {
                e.Id.ToString(CultureInfo.InvariantCulture), e.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                uk.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), e.By, l.Who, KindOf(e.Entity), e.EntityKey, e.Field, e.Action,
                e.OldValue, e.NewValue, e.Reason, l.Sentence,
            }.Select(TableExport.CsvCell))).Append("\r\n");
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }

    public static string KindOf(string entity) => Kinds.FirstOrDefault(k => k.Value.Contains(entity)).Key ?? entity;

    private async Task<IQueryable<AuditEntry>> FilterAsync(AuditQuery q, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Person))
        {
            var text = q.Person.Trim().ToLower();
            var named = await db.Users.AsNoTracking().Where(u => u.Email != null && u.DisplayName.ToLower().Contains(text)).Select(u => u.Email!).ToListAsync(ct);
            query = query.Where(a => a.By.ToLower().Contains(text) || named.Contains(a.By));
        }
        if (!string.IsNullOrWhiteSpace(q.Item))
        {
            var item = q.Item.Trim();
            var keys = await KeysOfAsync(item, ct);
            query = query.Where(KeyMatches(keys.Exact, keys.Prefixes, item.ToLowerInvariant()));
        }
        // The trail is written in time order, so a date range is a range of ids (found by bisection: SQLite cannot
        // compare the stored instants itself).
        if (q.From is { } from) { var first = await FirstIdFromAsync(StartOf(from), ct); query = query.Where(a => a.Id >= first); }
        if (q.To is { } to) { var end = await FirstIdFromAsync(StartOf(to.AddDays(1)), ct); query = query.Where(a => a.Id < end); }
        if (!string.IsNullOrWhiteSpace(q.Kind) && Kinds.TryGetValue(q.Kind.Trim(), out var entities)) query = query.Where(a => entities.Contains(a.Entity));
        return query;
    }

    /// <summary>a => exact.Contains(a.EntityKey) || a.EntityKey.StartsWith(prefix1) || … || a.EntityKey.ToLower().Contains(text), for the store to run.</summary>
    private static Expression<Func<AuditEntry, bool>> KeyMatches(List<string> exact, List<string> prefixes, string text)
    {
        var a = Expression.Parameter(typeof(AuditEntry), "a");
        var key = Expression.Property(a, nameof(AuditEntry.EntityKey));
        Expression body = Expression.Call(Expression.Constant(exact), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, key);
        foreach (var prefix in prefixes)
            body = Expression.OrElse(body, Expression.Call(key, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Expression.Constant(prefix)));
        var lowered = Expression.Call(key, typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!);
        body = Expression.OrElse(body, Expression.Call(lowered, typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!, Expression.Constant(text)));
        return Expression.Lambda<Func<AuditEntry, bool>>(body, a);
    }

    /// <summary>The smallest id recorded at or after <paramref name="instant"/> (one past the last when none is).</summary>
    private async Task<long> FirstIdFromAsync(DateTimeOffset instant, CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!await entries.AnyAsync(ct)) return 0;
        long lo = await entries.MinAsync(a => a.Id, ct), hi = await entries.MaxAsync(a => a.Id, ct) + 1;
        while (lo < hi)
        {
            var mid = lo + (hi - lo) / 2;
            var probe = await entries.Where(a => a.Id >= mid).OrderBy(a => a.Id).Select(a => new { a.Id, a.At }).FirstOrDefaultAsync(ct);
            if (probe is null || probe.At >= instant) hi = mid;
            else lo = probe.Id + 1;
        }
        return lo;
    }

    /// <summary>The start of a UK day as an instant (midnight in London, in summer time or not).</summary>
    private static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Uk.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// The recorded keys of an item named by its reference: a plan ("plan:HBC-CYP-2015-16"), a measure's or
    /// milestone's figures and updates in every period and every round, and its own definition in its plan.
    /// </summary>
    private async Task<(List<string> Exact, List<string> Prefixes)> KeysOfAsync(string reference, CancellationToken ct)
    {
        var exact = new List<string>();
        var prefixes = new List<string>();
        var plans = await db.Plans.AsNoTracking().Where(p => p.Ref == reference).Select(p => new { p.Id, p.Ref }).ToListAsync(ct);
        foreach (var p in plans) { exact.Add($"plan:{p.Ref}"); prefixes.Add($"plan:{p.Id}:"); }
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.Ref == reference).Select(i => new { i.Id, i.PlanId, i.Ref }).ToListAsync(ct);
        foreach (var i in indicators) { prefixes.Add($"indicator:{i.Id}:"); exact.Add($"plan:{i.PlanId}:indicator:{i.Ref}"); }
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.Ref == reference).Select(m => new { m.Id, m.PlanId, m.Ref }).ToListAsync(ct);
        foreach (var m in milestones) { prefixes.Add($"milestone:{m.Id}:"); exact.Add($"plan:{m.PlanId}:milestone:{m.Ref}"); }
        var indicatorIds = indicators.Select(i => (int?)i.Id).ToList();
        var milestoneIds = milestones.Select(m => (int?)m.Id).ToList();
        if (indicatorIds.Count + milestoneIds.Count > 0)
            exact.AddRange((await db.Set<RoundItem>().AsNoTracking().Where(r => indicatorIds.Contains(r.IndicatorId) || milestoneIds.Contains(r.MilestoneId))
                .Select(r => r.Id).ToListAsync(ct)).Select(id => $"round-item:{id}"));
        return (exact, prefixes);
    }
}
