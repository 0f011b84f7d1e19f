using System.Globalization;
using Outturn.Domain.Status;

namespace Outturn.Domain.Plans;

/// <summary>Where the authority stands among others for the period, when benchmarks are held.</summary>
public sealed record RankPosition(string Area, int Rank, int Of, string Band);

/// <summary>
/// The first draft of a measure's exception commentary, written from the figures in the documents' own register
/// ("Performance is 75%, 20 percentage points short of the 95% target and down from 80% in Quarter 2 2014/15; the
/// fall is larger than chance alone would explain."). It is a suggestion: an officer edits and approves it.
/// </summary>
public static class CommentaryDrafts
{
    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>True for a measure that needs commentary: red or amber, or with a change larger than chance.</summary>
    public static bool IsNeeded(MeasureAssessment a) =>
        a.Progress.Final is Progress.Red or Progress.Amber || a.ChangeSignificant == true;

    /// <summary>The drafted paragraph, or null when the measure needs none or has no figure.</summary>
    public static string? Draft(MeasureAssessment a, RankPosition? rank = null)
    {
        if (!IsNeeded(a) || a.Current?.Value is not { } value) return null;
        var sentences = new List<string> { Performance(a, value) + Change(a, value) };
        if (Interval(a) is { } interval) sentences.Add(interval);
        if (rank is not null) sentences.Add(Rank(rank));
        return string.Join(" ", sentences);
    }

    /// <summary>"Performance is 75%, 20 percentage points short of the 95% target" (or "better than", or "meets").</summary>
    public static string Performance(MeasureAssessment a, decimal value)
    {
        var i = a.Indicator;
        var text = $"Performance is {i.Format(value)}";
        if (a.ComparisonTarget is not { } target || i.Polarity == Polarity.None) return text;
        var rounded = Math.Round(value, i.Precision, MidpointRounding.AwayFromZero);
        var gap = Math.Abs(rounded - Math.Round(target, i.Precision, MidpointRounding.AwayFromZero));
        var targetName = $"the {i.Format(target)} target";
        if (gap == 0) return $"{text}, meeting {targetName}";
        var worse = i.Polarity == Polarity.Higher ? rounded < target : rounded > target;
        return $"{text}, {Gap(i, gap)} {(worse ? "short of" : "better than")} {targetName}";
    }

    /// <summary>" and down from 80% in Quarter 2 2014/15; the fall is larger than chance alone would explain."</summary>
    public static string Change(MeasureAssessment a, decimal value)
    {
        var i = a.Indicator;
        if (a.BasisValue?.Value is not { } then || a.BasisPeriod is not { } period) return ".";
        var now = Math.Round(value, i.Precision, MidpointRounding.AwayFromZero);
        var before = Math.Round(then, i.Precision, MidpointRounding.AwayFromZero);
        var where = i.Basis == DirectionBasis.PreviousYearOutturn ? $"the {period} outturn of {i.Format(then)}" : $"{i.Format(then)} in {period.ToDisplayString()}";
        if (now == before) return $" and unchanged from {where}.";
        var up = now > before;
        var text = $" and {(up ? "up" : "down")} from {where}";
        var movement = up ? "rise" : "fall";
        return a.ChangeSignificant switch
        {
            true => $"{text}; the {movement} is larger than chance alone would explain.",
            false => $"{text}; the {movement} is within what chance alone would explain.",
            _ => text + ".",
        };
    }

    /// <summary>For a small number only: "With 10 counted, the true figure could be anywhere from 49.0% to 94.3%."</summary>
    public static string? Interval(MeasureAssessment a)
    {
        if (!a.IsSmallNumber || a.Interval is not { } interval || a.Current?.Denominator is not { } d) return null;
        var i = a.Indicator;
        return $"With only {d.ToString("N0", Gb)} counted, the true figure could be anywhere from {i.Format((decimal)interval.Low)} to {i.Format((decimal)interval.High)}.";
    }

    /// <summary>"Halton ranks 119th of 150 authorities (bottom quarter)."</summary>
    public static string Rank(RankPosition r) => $"{r.Area} ranks {Ordinal(r.Rank)} of {r.Of} authorities ({r.Band}).";

    private static string Gap(Indicator i, decimal gap)
    {
        var number = gap.ToString("N" + i.Precision, Gb);
        return i.Unit == "%" ? $"{number} percentage point{(gap == 1 ? "" : "s")}" : i.Format(gap);
    }

    public static string Ordinal(int n)
    {
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return n.ToString(CultureInfo.InvariantCulture) + suffix;
    }
}
