using System.Globalization;

namespace Outturn.Domain.Rounds;

/// <summary>What the checks need to know about a measure: how its figures are counted and any limits the plan sets.</summary>
/// <param name="Unit">"%" for a share of a whole; "" or null for a count (with precision 0); otherwise a unit word.</param>
/// <param name="Precision">Decimal places the measure is reported to; 0 with no unit means a whole-number count.</param>
public sealed record MeasureShape(string? Unit, int Precision, decimal? Minimum = null, decimal? Maximum = null)
{
    public bool IsShare => Unit == "%";
    public bool IsCount => string.IsNullOrEmpty(Unit) && Precision == 0;
}

/// <summary>A figure that was accepted only because the officer explained it.</summary>
public sealed record EntryWarning(string Code, string Field, string Message)
{
    public const string UnusualChangeCode = "unusual_change";
}

/// <summary>
/// The checks a figure meets when it is entered, per measure (as DHIS2 does): impossible values are refused outright;
/// unusual ones are accepted only with an explanation. No I/O: the caller gives the measure's shape and past figures.
/// </summary>
public static class EntryChecks
{
    /// <summary>The stored figures have 12 digits before the point (numeric(18,6)); anything longer cannot be a figure.</summary>
    public const decimal Largest = 999_999_999_999m;

    /// <summary>The robust standard deviation is the median absolute deviation scaled by 1.4826 (consistent with a normal spread).</summary>
    public const decimal MadScale = 1.4826m;

    public const decimal RobustLimit = 3m;
    /// <summary>With fewer than four past changes there is no spread to judge by: a change of more than half is unusual.</summary>
    public const decimal ShortHistoryLimit = 0.5m;
    public const int ChangesForSpread = 4;

    /// <summary>
    /// Reads a figure as typed ("612", "16.8", "75%", "1,250"). A number too long to be held gets the same message
    /// the checks give a figure that large, not a complaint that it is not a number.
    /// </summary>
    public static FieldProblem? Parse(string? text, string field, out decimal? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().TrimEnd('%').Trim();
        if (decimal.TryParse(t, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var d))
        {
            if (Math.Abs(d) > Largest) return new(field, TooLarge);
            value = d;
            return null;
        }
        if (System.Text.RegularExpressions.Regex.IsMatch(t, @"^[+-]?[0-9][0-9,]*(\.[0-9]+)?$")) return new(field, TooLarge);
        return new(field, $"Enter a number, like 75 or 16.8; \"{(t.Length > 40 ? t[..40] + "…" : t)}\" is not one.");
    }

    public const string TooLarge = "The value has more than 12 digits before the decimal point; no figure of a measure is that large.";

    /// <summary>Why a value cannot be right for this measure; empty when it can be.</summary>
    public static IReadOnlyList<FieldProblem> Impossible(decimal value, MeasureShape shape)
    {
        var problems = new List<FieldProblem>();
        if (Math.Abs(value) > Largest)
        {
            problems.Add(new("value", TooLarge));
            return problems;
        }
        if (shape.IsCount && value < 0) problems.Add(new("value", $"{Words(value)} is a negative count; a count cannot be below 0."));
        if (shape.IsCount && value != decimal.Truncate(value)) problems.Add(new("value", $"{Words(value)} is not a whole number; this measure counts whole things."));
        if (shape.IsShare && value > 100) problems.Add(new("value", $"{Words(value)}% is more than 100%; this measure is a share of a whole."));
        if (shape.IsShare && value < 0) problems.Add(new("value", $"{Words(value)}% is below 0%; this measure is a share of a whole."));
        if (shape.Minimum is { } min && value < min) problems.Add(new("value", $"{Words(value)} is below this measure's minimum of {Words(min)}."));
        if (shape.Maximum is { } max && value > max) problems.Add(new("value", $"{Words(value)} is above this measure's maximum of {Words(max)}."));
        return problems;
    }

    /// <summary>
    /// Whether the change from the previous period is unusual for this measure. <paramref name="past"/> is the
    /// measure's figures for the periods before, oldest first, the last being the previous period's. With four or
    /// more past period-to-period changes, a change is unusual when it lies more than 3 robust standard deviations
    /// from their median; with fewer (or when the past changes do not vary at all, so the spread says nothing), when
    /// it is more than 50% of the previous figure. Without a previous figure, or from a previous figure of 0, there
    /// is nothing to compare with.
    /// </summary>
    public static EntryWarning? Unusual(decimal value, IReadOnlyList<decimal> past)
    {
        if (past.Count == 0) return null;
        var previous = past[^1];
        var change = value - previous;
        var changes = past.Zip(past.Skip(1), (a, b) => b - a).ToList();
        if (changes.Count >= ChangesForSpread)
        {
            var median = Median(changes);
            var spread = Median(changes.Select(c => Math.Abs(c - median)).ToList()) * MadScale;
            if (spread > 0)
            {
                if (Math.Abs(change - median) <= RobustLimit * spread) return null;
                return new EntryWarning(EntryWarning.UnusualChangeCode, "value",
                    $"The change from the previous period's {Words(previous)} to {Words(value)} ({Signed(change)}) is more than 3 robust standard deviations " +
                    $"from this measure's usual change (median {Signed(median)}, robust standard deviation {Words(Math.Round(spread, 2))}). Explain it in the reason.");
            }
        }
        if (previous == 0 || Math.Abs(change) <= ShortHistoryLimit * Math.Abs(previous)) return null;
        return new EntryWarning(EntryWarning.UnusualChangeCode, "value",
            $"The change from the previous period's {Words(previous)} to {Words(value)} is {Words(Math.Round(Math.Abs(change) / Math.Abs(previous) * 100, 0))}%, more than 50%. Explain it in the reason.");
    }

    /// <summary>
    /// For a ratio measure: the value worked out from the numerator and denominator with the measure's multiplier (100
    /// for a percentage, 1,000 or 10,000 for a rate), or why they cannot be used.
    /// </summary>
    /// <remarks>
    /// A measure that is not a ratio may still carry the counts behind its figure (a figure computed from the returns
    /// does), but then its value is given, not worked out.
    /// </remarks>
    public static IReadOnlyList<FieldProblem> Ratio(decimal? numerator, decimal? denominator, decimal? multiplier, out decimal? value, decimal? given = null)
    {
        value = null;
        var problems = new List<FieldProblem>();
        if (numerator is null && denominator is null) return problems;
        if (multiplier is not { } m)
        {
            if (given is null)
                problems.Add(new(numerator is not null ? "numerator" : "denominator", "This measure is not worked out from a numerator and denominator: enter its value."));
            return problems;
        }
        if (numerator is null) problems.Add(new("numerator", "Enter the numerator as well as the denominator, or neither."));
        if (denominator is null) problems.Add(new("denominator", "Enter the denominator as well as the numerator, or neither."));
        if (numerator < 0) problems.Add(new("numerator", $"{Words(numerator.Value)} is negative; a numerator counts things, so it cannot be below 0."));
        if (denominator <= 0) problems.Add(new("denominator", $"{Words(denominator!.Value)} cannot be a denominator: it must be more than 0."));
        if (numerator > Largest) problems.Add(new("numerator", TooLarge));
        if (denominator > Largest) problems.Add(new("denominator", TooLarge));
        if (problems.Count == 0) value = Math.Round(numerator!.Value / denominator!.Value * m, 6, MidpointRounding.AwayFromZero);
        return problems;
    }

    public static decimal Median(IReadOnlyList<decimal> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static string Words(decimal d) => (d / 1.000000000000000000000000000000000m).ToString("#,##0.######", CultureInfo.GetCultureInfo("en-GB"));

    private static string Signed(decimal d) => (d > 0 ? "+" : "") + Words(d);
}
