using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Configuration;
using Outturn.Application.Data;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using SQLitePCL;

namespace Outturn.Application.Benchmarks;

/// <summary>
/// Whose figures the pages benchmark: <c>Outturn:Benchmarks:HomeArea</c>, the council's GSS code (default E06000006,
/// Halton, the demo council). A plan's own comparators (plan folder comparators.csv) describe this area.
/// </summary>
public sealed record BenchmarkSettings(string HomeArea)
{
    public const string DefaultHomeArea = "E06000006";

    public static BenchmarkSettings From(IConfiguration configuration) =>
        new(configuration["Outturn:Benchmarks:HomeArea"] is { Length: > 0 } code ? code : DefaultHomeArea);
}

/// <summary>One year of an indicator's trend: the authority, its target, its neighbours' average, its region and England.</summary>
public sealed record TrendPoint(Period Period, decimal? Value, string? Suppression, string? ValueSource, decimal? Target, BenchmarkPosition Position);

/// <summary>An area's trend for one indicator, with the names the chart and table print.</summary>
public sealed record TrendView(Area Area, Area? Region, int NeighbourCount, IReadOnlyList<TrendPoint> Points)
{
    /// <summary>The latest neighbours' top-quartile value: the stretching target officers offer ("reach the neighbours' top quartile").</summary>
    public TrendPoint? LatestWithNeighbourTopQuartile => Points.LastOrDefault(p => p.Position.Neighbours?.TopQuartile is not null);
}

public sealed class BenchmarkQuery(OutturnDbContext db, BenchmarkSettings settings)
{
    public string HomeArea => settings.HomeArea;

    public Task<Area?> AreaAsync(string code, CancellationToken ct = default) =>
        db.Set<Area>().AsNoTracking().SingleOrDefaultAsync(a => a.Code == code, ct);

    /// <summary>The members of an authority's current comparison group of a kind (the highest version), in order.</summary>
    public async Task<IReadOnlyList<string>> GroupAsync(string areaCode, ComparisonGroupKind kind = ComparisonGroupKind.StatisticalNeighbours, CancellationToken ct = default)
    {
        var group = await db.Set<ComparisonGroup>().AsNoTracking().Include(g => g.Members)
            .Where(g => g.AreaCode == areaCode && g.Kind == kind)
            .OrderByDescending(g => g.Version).FirstOrDefaultAsync(ct);
        return group?.Members.OrderBy(m => m.Order).Select(m => m.AreaCode).ToList() ?? [];
    }

    /// <summary>
    /// The indicator a national ref stands for: refs are matched across plans (ADR 0300); where plans differ, the plan
    /// covering the latest year decides polarity, and its comparators are the fallback.
    /// </summary>
    public async Task<Indicator?> IndicatorAsync(string indicatorRef, CancellationToken ct = default)
    {
        var candidates = await db.Indicators.AsNoTracking().AsSplitQuery().Include(i => i.Comparators).Include(i => i.Values).Include(i => i.Targets)
            .Where(i => i.Ref == indicatorRef).ToListAsync(ct);
        if (candidates.Count <= 1) return candidates.FirstOrDefault();
        var planIds = candidates.Select(c => c.PlanId).ToList();
        var lastYears = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.LastYear, ct);
        return candidates.OrderByDescending(c => lastYears[c.PlanId]).ThenByDescending(c => c.PlanId).First();
    }

    /// <summary>Every value held for one indicator, across all areas and periods (or one period).</summary>
    public Task<List<BenchmarkValue>> ValuesAsync(string indicatorRef, Period? period = null, CancellationToken ct = default)
    {
        var q = db.Set<BenchmarkValue>().AsNoTracking().Where(v => v.IndicatorRef == indicatorRef);
        if (period is { } p) q = q.Where(v => v.Period == p);
        return q.ToListAsync(ct);
    }

    /// <summary>
    /// Rank and quartile band of every authority in every period held for an indicator (the benchmark's query). Reads
    /// the three columns it needs with plain SQL: materialising entities would cost more than the ranking.
    /// </summary>
    public async Task<IReadOnlyDictionary<Period, IReadOnlyDictionary<string, RankPlace>>> RanksAsync(string indicatorRef, Polarity polarity, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != System.Data.ConnectionState.Open;
        if (opened) await db.Database.OpenConnectionAsync(ct);
        try
        {
            var byPeriod = connection is SqliteConnection sqlite
                ? AuthorityValuesOnSqlite(sqlite, indicatorRef)
                : await AuthorityValuesAsync(connection, indicatorRef, ct);
            return byPeriod.ToDictionary(kv => Period.Parse(kv.Key), kv => Ranking.Rank(kv.Value, polarity));
        }
        finally
        {
            if (opened) await db.Database.CloseConnectionAsync();
        }
    }

    private const string AuthorityValuesSql = $"SELECT \"AreaCode\", \"Period\", \"Value\" FROM \"{BenchmarkSql.Table}\" WHERE \"IndicatorRef\" = ";

    private async Task<Dictionary<string, List<(string, decimal?)>>> AuthorityValuesAsync(System.Data.Common.DbConnection connection, string indicatorRef, CancellationToken ct)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        cmd.CommandText = AuthorityValuesSql + "@r";
        var parameter = cmd.CreateParameter();
        parameter.ParameterName = "r";
        parameter.Value = indicatorRef;
        cmd.Parameters.Add(parameter);
        var byPeriod = new Dictionary<string, List<(string, decimal?)>>(StringComparer.Ordinal);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var area = reader.GetString(0);
            if (AreaCodes.KindOf(area) != AreaKind.Authority) continue;
            var period = reader.GetString(1);
            if (!byPeriod.TryGetValue(period, out var list)) byPeriod[period] = list = new List<(string, decimal?)>(160);
            list.Add((area, reader.IsDBNull(2) ? null : reader.GetDecimal(2)));
        }
        return byPeriod;
    }

    /// <summary>
    /// The same read through SQLite's own API: ADO.NET's per-value overhead was most of the query's time (a 5,049-row
    /// read: 6–8 ms against 4 ms), and the rows arrive in key order, so a period's text is decoded once.
    /// </summary>
    private static Dictionary<string, List<(string, decimal?)>> AuthorityValuesOnSqlite(SqliteConnection connection, string indicatorRef)
    {
        const int Row = 100, Null = 5; // SQLITE_ROW, SQLITE_NULL
        var handle = connection.Handle!;
        var byPeriod = new Dictionary<string, List<(string, decimal?)>>(StringComparer.Ordinal);
        if (raw.sqlite3_prepare_v2(handle, AuthorityValuesSql + "?1", out var stmt) != 0)
            throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), raw.sqlite3_errcode(handle));
        using (stmt)
        {
            raw.sqlite3_bind_text(stmt, 1, indicatorRef);
            List<(string, decimal?)>? list = null;
            byte[] periodBytes = [];
            int rc;
            while ((rc = raw.sqlite3_step(stmt)) == Row)
            {
                var area = raw.sqlite3_column_text(stmt, 0).utf8_to_string();
                if (AreaCodes.KindOf(area) != AreaKind.Authority) continue;
                var period = raw.sqlite3_column_blob(stmt, 1);
                if (list is null || !period.SequenceEqual(periodBytes))
                {
                    periodBytes = period.ToArray();
                    var text = System.Text.Encoding.UTF8.GetString(period);
                    if (!byPeriod.TryGetValue(text, out list)) byPeriod[text] = list = new List<(string, decimal?)>(160);
                }
                decimal? value = raw.sqlite3_column_type(stmt, 2) == Null ? null
                    : decimal.Parse(raw.sqlite3_column_blob(stmt, 2), NumberStyles.Number, CultureInfo.InvariantCulture);
                list.Add((area, value));
            }
            if (rc != 101) throw new SqliteException(raw.sqlite3_errmsg(handle).utf8_to_string(), rc);
        }
        return byPeriod;
    }

    public async Task<BenchmarkPosition?> PositionAsync(string indicatorRef, Period period, string areaCode, CancellationToken ct = default)
    {
        var indicator = await IndicatorAsync(indicatorRef, ct);
        var area = await AreaAsync(areaCode, ct);
        if (indicator is null || area is null) return null;
        var rows = await ValuesAsync(indicatorRef, period, ct);
        var neighbours = await GroupAsync(areaCode, ct: ct);
        return Position(rows, indicator.Polarity, area, neighbours, Fallback(indicator, area, period), OwnFromPlan(indicator, area, period));
    }

    /// <summary>
    /// The authority's trend over every year held: its value (the national file's, else the plan's own annual figure),
    /// its target, the neighbours' average, the region and England.
    /// </summary>
    public async Task<TrendView> TrendAsync(Indicator indicator, string? areaCode = null, CancellationToken ct = default)
    {
        var area = await AreaAsync(areaCode ?? HomeArea, ct) ?? new Area { Code = areaCode ?? HomeArea, Name = areaCode ?? HomeArea, Kind = AreaKind.Authority };
        var neighbours = await GroupAsync(area.Code, ct: ct);
        var rows = await ValuesAsync(indicator.Ref, null, ct);
        var byPeriod = rows.GroupBy(r => r.Period).ToDictionary(g => g.Key, g => (IReadOnlyList<BenchmarkValue>)g.ToList());
        var home = area.Code == HomeArea;
        static bool Yearly(Period p) => p.Kind is PeriodKind.FinancialYear or PeriodKind.AcademicYear or PeriodKind.CalendarYear;
        var relevant = new HashSet<string>([area.Code, AreaCodes.England, .. neighbours, .. area.RegionCode is null ? Array.Empty<string>() : [area.RegionCode]]);
        var periods = byPeriod.Where(kv => kv.Value.Any(r => relevant.Contains(r.AreaCode))).Select(kv => kv.Key)
            .Concat(home ? indicator.Values.Where(v => v.Value is not null).Select(v => v.Period).Where(Yearly) : [])
            .Concat(home ? indicator.Comparators.Select(c => c.Period).Where(Yearly) : [])
            .Distinct().Order().ToList();
        var region = area.RegionCode is null ? null : await AreaAsync(area.RegionCode, ct);
        return new TrendView(area, region, neighbours.Count, periods.Select(p =>
        {
            var own = home ? indicator.Values.FirstOrDefault(v => v.Period == p && v.Value is not null) : null;
            var position = Position(byPeriod.GetValueOrDefault(p) ?? [], indicator.Polarity, area, neighbours, home ? Fallback(indicator, area, p) : [], own?.Value);
            var value = position.Value ?? own?.Value;
            var source = position.Value is not null || position.Suppression is not null ? "national data" : own is null ? null : "plan";
            var target = home ? indicator.Targets.FirstOrDefault(t => t.Period == p && t.State == TargetState.Set)?.Value : null;
            return new TrendPoint(p, value, position.Suppression, source, target, position);
        }).ToList());
    }

    /// <summary>The council's own figure for the period from its plan, ranked when the national file has none for it.</summary>
    private decimal? OwnFromPlan(Indicator indicator, Area area, Period period) =>
        area.Code == HomeArea ? indicator.Values.FirstOrDefault(v => v.Period == period && v.Value is not null)?.Value : null;

    /// <summary>The plan's own published comparators apply only to the council the plan belongs to.</summary>
    private IReadOnlyList<ComparatorValue> Fallback(Indicator indicator, Area area, Period period) =>
        area.Code == HomeArea ? indicator.Comparators.Where(c => c.Period == period).ToList() : [];

    /// <summary>
    /// Rank among authorities, England and region as published, neighbours' statistics computed from their own values
    /// (else the imported average), national quartile thresholds computed from all authorities (else imported).
    /// </summary>
    public static BenchmarkPosition Position(IReadOnlyList<BenchmarkValue> rows, Polarity polarity, Area area, IReadOnlyList<string> neighbours,
        IReadOnlyList<ComparatorValue> fallback, decimal? ownFromPlan = null)
    {
        var byArea = rows.ToDictionary(r => r.AreaCode, StringComparer.Ordinal);
        var authorities = rows.Where(r => AreaCodes.KindOf(r.AreaCode) == AreaKind.Authority).Select(r => (r.AreaCode, r.Value)).ToList();
        // Ranked with the others only where the national file has some figures for the period but none for this area.
        var ownAdded = !byArea.ContainsKey(area.Code) && ownFromPlan is not null && authorities.Count > 0;
        if (ownAdded) authorities.Add((area.Code, ownFromPlan));
        var places = Ranking.Rank(authorities, polarity);
        var own = byArea.GetValueOrDefault(area.Code);
        decimal? Imported(Comparator c) => fallback.FirstOrDefault(f => f.Comparator == c)?.Value;
        var england = byArea.GetValueOrDefault(AreaCodes.England)?.Value ?? Imported(Comparator.England);
        var region = (area.RegionCode is null ? null : byArea.GetValueOrDefault(area.RegionCode)?.Value) ?? Imported(Comparator.Region);
        var stats = GroupStatistics.Of(neighbours.Select(n => byArea.GetValueOrDefault(n)?.Value), polarity);
        var importedAverage = stats is null ? Imported(Comparator.Neighbours) : null;
        QuartileThresholds? national = places.Count > 0
            ? Ranking.Thresholds(authorities, polarity)
            : fallback.Any(f => f.Comparator is Comparator.QuartileTop or Comparator.QuartileMiddle or Comparator.QuartileBottom)
                ? new QuartileThresholds(Imported(Comparator.QuartileTop), Imported(Comparator.QuartileMiddle), Imported(Comparator.QuartileBottom))
                : null;
        return new BenchmarkPosition(own?.Value ?? (ownAdded ? ownFromPlan : null), own?.Suppression, places.TryGetValue(area.Code, out var place) ? place : null,
            england, region, stats, importedAverage is not null, importedAverage, national,
            byArea.GetValueOrDefault(AreaCodes.England)?.Rounded == true,
            area.RegionCode is not null && byArea.GetValueOrDefault(area.RegionCode)?.Rounded == true);
    }
}
