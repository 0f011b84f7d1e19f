namespace Outturn.Domain.Benchmarks;

/// <summary>Which kind of comparison group: the DfE statistical neighbours, CIPFA nearest neighbours, or a list of one's own.</summary>
public enum ComparisonGroupKind { StatisticalNeighbours, CipfaNearestNeighbours, Custom }

/// <summary>
/// One version of an authority's comparison group. Groups are data, not code: setting a group adds a new version
/// (the highest is current) and keeps the earlier ones, so a figure computed last year can be explained.
/// </summary>
public class ComparisonGroup
{
    public int Id { get; set; }
    public required string AreaCode { get; set; }
    public ComparisonGroupKind Kind { get; set; }
    /// <summary>The group's name; for the two published kinds it is the kind's name.</summary>
    public required string Name { get; set; }
    public int Version { get; set; }
    public DateTimeOffset SetAt { get; set; }
    public string? SetBy { get; set; }
    /// <summary>Where the list came from ("DfE statistical neighbours benchmarking tool, 2015").</summary>
    public string? Source { get; set; }
    public List<ComparisonGroupMember> Members { get; set; } = [];

    public static string DefaultName(ComparisonGroupKind kind) => kind switch
    {
        ComparisonGroupKind.StatisticalNeighbours => "Statistical neighbours",
        ComparisonGroupKind.CipfaNearestNeighbours => "CIPFA nearest neighbours",
        _ => "Custom",
    };
}

public class ComparisonGroupMember
{
    public int Id { get; set; }
    public int ComparisonGroupId { get; set; }
    public required string AreaCode { get; set; }
    public int Order { get; set; }
}
