using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Benchmarks;

namespace Outturn.Application.Benchmarks;

public sealed record GroupSetResult(bool Saved, int Version, IReadOnlyList<string> Errors);

/// <summary>Areas and comparison groups: versioned data, set by an administrator or loaded from a file.</summary>
public sealed class ComparisonGroups(OutturnDbContext db, ICurrentUser user, TimeProvider clock)
{
    /// <summary>
    /// Replaces an authority's group of a kind with a new version listing <paramref name="members"/> in order; earlier
    /// versions are kept. Every code must be a known authority, listed once, and not the authority itself.
    /// </summary>
    public async Task<GroupSetResult> SetAsync(string areaCode, IReadOnlyList<string> members, ComparisonGroupKind kind = ComparisonGroupKind.StatisticalNeighbours,
        string? name = null, string? source = null, CancellationToken ct = default)
    {
        var codes = members.Select(m => m.Trim()).Where(m => m.Length > 0).ToList();
        var wanted = codes.Append(areaCode).Distinct().ToList();
        var known = await db.Set<Area>().AsNoTracking().Where(a => wanted.Contains(a.Code)).ToDictionaryAsync(a => a.Code, ct);
        var errors = new List<string>();
        if (!known.TryGetValue(areaCode, out var area)) errors.Add($"--area \"{areaCode}\": not a known area; import areas or benchmark values that name it first.");
        else if (area.Kind != AreaKind.Authority) errors.Add($"--area \"{areaCode}\": {area.Name} is not a local authority; only authorities have neighbours.");
        if (codes.Count == 0) errors.Add("--list: no codes given; expected codes separated by commas.");
        foreach (var (code, i) in codes.Select((c, i) => (c, i + 1)))
        {
            if (!known.TryGetValue(code, out var member)) errors.Add($"--list item {i}: \"{code}\" is not a known area.");
            else if (member.Kind != AreaKind.Authority) errors.Add($"--list item {i}: {code} ({member.Name}) is not a local authority.");
            else if (code == areaCode) errors.Add($"--list item {i}: {code} is the authority itself.");
            if (codes.IndexOf(code) < i - 1) errors.Add($"--list item {i}: {code} is listed twice.");
        }
        if (errors.Count > 0) return new GroupSetResult(false, 0, errors);

        var groupName = name ?? ComparisonGroup.DefaultName(kind);
        var set = db.Set<ComparisonGroup>();
        var version = 1 + (await set.Where(g => g.AreaCode == areaCode && g.Kind == kind && g.Name == groupName).MaxAsync(g => (int?)g.Version, ct) ?? 0);
        set.Add(new ComparisonGroup
        {
            AreaCode = areaCode, Kind = kind, Name = groupName, Version = version, SetAt = clock.GetUtcNow(), SetBy = user.Name, Source = source,
            Members = codes.Select((c, i) => new ComparisonGroupMember { AreaCode = c, Order = i + 1 }).ToList(),
        });
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), By = user.Name, Entity = "ComparisonGroup", EntityKey = $"{areaCode}/{groupName}", Action = "Set",
            Field = "Members", NewValue = $"version {version}: {string.Join(",", codes)}",
        });
        await db.SaveChangesAsync(ct);
        return new GroupSetResult(true, version, []);
    }

    /// <summary>
    /// Loads areas from a CSV file <c>code,old_code,name,region_code</c> (docs/import-formats.md): new codes are added,
    /// held ones updated. All or nothing.
    /// </summary>
    public async Task<(int Added, int Updated, IReadOnlyList<string> Errors)> ImportAreasAsync(string path, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var rows = CsvTable.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path), ["code", "name"], ["old_code", "region_code"], true, errors);
        if (rows is null) return (0, 0, errors);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (!AreaCodes.IsWellFormed(r["code"])) errors.Add($"{r.Where}: column \"code\": \"{r["code"]}\" is not a GSS code such as E06000006.");
            else if (!seen.TryAdd(r["code"], r.Line)) errors.Add($"{r.Where}: column \"code\": {r["code"]} also at line {seen[r["code"]]}.");
            if (r["name"].Length == 0) errors.Add($"{r.Where}: column \"name\": required.");
            if (r.Optional("region_code") is { } rc && AreaCodes.KindOf(rc) != AreaKind.Region)
                errors.Add($"{r.Where}: column \"region_code\": \"{rc}\" is not a region code (E12…).");
        }
        if (errors.Count > 0) return (0, 0, errors);
        var held = await db.Set<Area>().ToDictionaryAsync(a => a.Code, ct);
        int added = 0, updated = 0;
        foreach (var r in rows)
        {
            if (!held.TryGetValue(r["code"], out var area))
            {
                db.Set<Area>().Add(area = new Area { Code = r["code"], Name = r["name"] });
                added++;
            }
            else updated++;
            area.Name = r["name"];
            area.OldCode = r.Optional("old_code") ?? area.OldCode;
            area.Kind = AreaCodes.KindOf(area.Code);
            area.RegionCode = area.Kind == AreaKind.Authority ? r.Optional("region_code") ?? area.RegionCode : null;
        }
        await db.SaveChangesAsync(ct);
        return (added, updated, []);
    }
}
