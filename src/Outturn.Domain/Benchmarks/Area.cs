using System.Text.RegularExpressions;

namespace Outturn.Domain.Benchmarks;

/// <summary>What an area is, decided by its code (see <see cref="AreaCodes.KindOf"/>).</summary>
public enum AreaKind { Country, Region, Authority }

/// <summary>
/// A place benchmark figures belong to: England, a region (North West) or a local authority, by its GSS code
/// (E06000006), with the Department for Education's old three-digit code (876) where known.
/// </summary>
public class Area
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public string? OldCode { get; set; }
    public required string Name { get; set; }
    public AreaKind Kind { get; set; }
    /// <summary>The region an authority belongs to (an E12 code), when known.</summary>
    public string? RegionCode { get; set; }
}

public static partial class AreaCodes
{
    public const string England = "E92000001";

    /// <summary><c>E92000001</c> is England, codes beginning <c>E12</c> are regions, every other code is an authority.</summary>
    public static AreaKind KindOf(string code) =>
        code == England ? AreaKind.Country
        : code.StartsWith("E12", StringComparison.Ordinal) ? AreaKind.Region
        : AreaKind.Authority;

    /// <summary>A GSS code: a capital letter and eight digits (E06000006).</summary>
    public static bool IsWellFormed(string? code) => code is not null && Gss().IsMatch(code);

    [GeneratedRegex(@"^[A-Z]\d{8}$")]
    private static partial Regex Gss();
}
