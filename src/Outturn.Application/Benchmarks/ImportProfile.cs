using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;

namespace Outturn.Application.Benchmarks;

/// <summary>
/// Which column of a published file is what (docs/import-formats.md, "Benchmark import profiles"). Layouts:
/// <c>long</c> (indicator,area_code,area_name,period,value, optionally numerator,denominator), <c>ees</c> (Explore Education Statistics tidy CSV) and
/// <c>columns</c> (any file: the profile names the area, period and value columns).
/// </summary>
public sealed record ImportProfile
{
    public required string Name { get; init; }
    public string Layout { get; init; } = "columns";
    public string? Description { get; init; }
    /// <summary>Columns layout: the column holding the area code, its name, and the period.</summary>
    public string? AreaCode { get; init; }
    public string? AreaName { get; init; }
    public string? Period { get; init; }
    /// <summary>Columns layout in long form: the column holding the indicator ref and the one holding the value.</summary>
    public string? Indicator { get; init; }
    public string? Value { get; init; }
    /// <summary>Wide or filtered files: for each of our indicators, its measure column and the filter values that pick its rows.</summary>
    public List<ProfileMeasure> Measures { get; init; } = [];

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly string[] Layouts = ["long", "ees", "columns"];

    public static readonly string[] LongColumns = ["indicator", "area_code", "area_name", "period", "value"];

    /// <summary>The long layout's optional columns: the counts a figure was computed from (both or neither).</summary>
    public static readonly string[] LongCountColumns = ["numerator", "denominator"];

    /// <summary>The Explore Education Statistics columns the ees layout reads (measure columns come from the profile).</summary>
    public static readonly string[] EesColumns =
        ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "region_code", "region_name", "new_la_code", "la_name"];

    /// <summary>What is wrong with the profile itself, before any file is read.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("name: required.");
        if (!Layouts.Contains(Layout)) problems.Add($"layout: \"{Layout}\"; expected {string.Join(", ", Layouts)}.");
        if (Layout == "ees" && Measures.Count == 0)
            problems.Add("measures: the ees layout needs at least one measure (our indicator ref, the file's measure column, and filters).");
        if (Layout == "columns")
        {
            if (AreaCode is null || Period is null) problems.Add("area_code and period: the columns layout needs both column names.");
            if ((Indicator is null || Value is null) && Measures.Count == 0)
                problems.Add("indicator and value, or measures: the columns layout needs one or the other.");
        }
        foreach (var (m, i) in Measures.Select((m, i) => (m, i + 1)))
            if (string.IsNullOrWhiteSpace(m.Indicator) || string.IsNullOrWhiteSpace(m.Column))
                problems.Add($"measures[{i}]: indicator and column are required.");
        return problems;
    }
}

/// <summary>One of our indicators in a published file: the measure column, the filter values that pick its rows, and which geographic levels the publisher rounds.</summary>
public sealed record ProfileMeasure
{
    public required string Indicator { get; init; }
    public required string Column { get; init; }
    public Dictionary<string, string> Filters { get; init; } = [];
    /// <summary>Geographic levels (ees: National, Regional) whose figures the publisher rounds; they are marked rounded.</summary>
    public List<string> RoundedLevels { get; init; } = [];
}

/// <summary>The built-in profiles and those saved in the store.</summary>
public sealed class ImportProfiles(OutturnDbContext db, ICurrentUser user, TimeProvider clock)
{
    public static readonly IReadOnlyList<ImportProfile> BuiltIn =
    [
        new ImportProfile
        {
            Name = "long", Layout = "long",
            Description = "Outturn's own long layout: indicator,area_code,area_name,period,value, and optionally numerator,denominator.",
        },
        new ImportProfile
        {
            Name = "ees-cla-placement-stability", Layout = "ees",
            Description = "Explore Education Statistics, children looked after: placement stability (3 or more placements in the year) as CED047.",
            Measures =
            [
                new ProfileMeasure
                {
                    Indicator = "CED047", Column = "percentage",
                    Filters = new() { ["cla_group"] = "CLA on 31 March", ["placement_stability"] = "With 3 or more placements during the year" },
                    RoundedLevels = ["National", "Regional"],
                },
            ],
        },
    ];

    public async Task<ImportProfile?> FindAsync(string name, CancellationToken ct = default)
    {
        if (BuiltIn.FirstOrDefault(p => p.Name == name) is { } builtIn) return builtIn;
        var record = await db.Set<ImportProfileRecord>().AsNoTracking().SingleOrDefaultAsync(p => p.Name == name, ct);
        return record is null ? null : JsonSerializer.Deserialize<ImportProfile>(record.Definition, ImportProfile.Json);
    }

    public async Task<IReadOnlyList<ImportProfile>> ListAsync(CancellationToken ct = default)
    {
        var saved = await db.Set<ImportProfileRecord>().AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        return [.. BuiltIn, .. saved.Select(r => JsonSerializer.Deserialize<ImportProfile>(r.Definition, ImportProfile.Json)!)];
    }

    /// <summary>Saves (or replaces) a profile; a built-in name cannot be reused. Returns the problems, empty when saved.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(ImportProfile profile, CancellationToken ct = default)
    {
        var problems = profile.Problems().ToList();
        if (BuiltIn.Any(b => b.Name == profile.Name)) problems.Add($"name: \"{profile.Name}\" is a built-in profile; choose another name.");
        if (problems.Count > 0) return problems;
        var set = db.Set<ImportProfileRecord>();
        var record = await set.SingleOrDefaultAsync(p => p.Name == profile.Name, ct);
        if (record is null) set.Add(record = new ImportProfileRecord { Name = profile.Name, Definition = "" });
        record.Definition = JsonSerializer.Serialize(profile, ImportProfile.Json);
        record.SavedAt = clock.GetUtcNow();
        record.SavedBy = user.Name;
        await db.SaveChangesAsync(ct);
        return [];
    }
}
