using Outturn.Domain.Periods;

namespace Outturn.Domain.Benchmarks;

/// <summary>
/// A published figure for one area, indicator and period: a number, or a suppressed cell kept with its code.
/// Indicators are matched by ref across plans (ADR 0300), so one national figure serves every plan holding the ref.
/// Identified by indicator, period and area: there is one figure for each (ADR 0304).
/// </summary>
public class BenchmarkValue
{
    public required string IndicatorRef { get; set; }
    public required string AreaCode { get; set; }
    public Period Period { get; set; }
    public decimal? Value { get; set; }
    /// <summary>The publisher's suppression code (c, z, x, k, .., -, low) when the cell has no figure.</summary>
    public string? Suppression { get; set; }
    /// <summary>A figure the publisher rounded (national and regional totals in some releases).</summary>
    public bool Rounded { get; set; }
    /// <summary>The file it was imported from.</summary>
    public string? Source { get; set; }
    /// <summary>The count the figure was computed from, when the file gives it (a funnel plot places each area by these).</summary>
    public decimal? Numerator { get; set; }
    /// <summary>The count it is out of, when the file gives it.</summary>
    public decimal? Denominator { get; set; }
}

/// <summary>The codes publishers print instead of a figure.</summary>
public static class Suppression
{
    public static readonly IReadOnlyDictionary<string, string> Codes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["c"] = "confidential",
        ["z"] = "not applicable",
        ["x"] = "not available",
        ["k"] = "rounds to zero, but is not zero",
        [".."] = "not available",
        ["-"] = "nil or not applicable",
        ["low"] = "too small to publish",
        ["u"] = "low reliability",
    };

    public static string Accepted => string.Join(", ", Codes.Keys);

    public static bool IsCode(string text) => Codes.ContainsKey(text);

    public static string Describe(string code) => Codes.TryGetValue(code, out var words) ? $"{code} ({words})" : code;
}
