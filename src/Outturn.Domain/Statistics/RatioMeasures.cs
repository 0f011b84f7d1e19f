namespace Outturn.Domain.Statistics;

/// <summary>
/// A ratio measure's value from its numerator and denominator, its interval, and whether a change between two
/// periods is more than chance. A multiplier of 1 or 100 makes a proportion (Wilson); 1,000 and above a rate per
/// population (Byar).
/// </summary>
public static class RatioMeasures
{
    public static readonly decimal[] Multipliers = [1m, 100m, 1000m, 10000m, 100000m];

    public static bool IsProportion(decimal multiplier) => multiplier <= 100m;

    /// <summary>numerator ÷ denominator × multiplier; null when the denominator is zero or either is missing.</summary>
    public static decimal? Value(decimal? numerator, decimal? denominator, decimal multiplier)
    {
        if (numerator is null || denominator is null || denominator.Value == 0) return null;
        // Multiply before dividing so that 8 × 100 ÷ 10 is exactly 80.
        return numerator.Value * multiplier / denominator.Value;
    }

    /// <summary>The 95% interval in the measure's units (a percentage for multiplier 100), or null without the counts.</summary>
    public static Interval? IntervalOf(decimal? numerator, decimal? denominator, decimal multiplier)
    {
        if (numerator is not { } x || denominator is not { } n || n <= 0 || x < 0) return null;
        if (IsProportion(multiplier))
            return x > n ? null : ConfidenceIntervals.Wilson((double)x, (double)n).Scaled((double)multiplier);
        return ConfidenceIntervals.Rate((double)x, (double)n, (double)multiplier);
    }

    /// <summary>
    /// Whether the change from <paramref name="then"/> to <paramref name="now"/> is larger than chance alone would
    /// explain: the difference interval (proportions) excludes zero, or the ratio interval (rates) excludes one.
    /// Null when either period lacks its counts.
    /// </summary>
    public static bool? ChangeIsSignificant((decimal? Numerator, decimal? Denominator) now, (decimal? Numerator, decimal? Denominator) then, decimal multiplier)
    {
        if (now.Numerator is not { } x1 || now.Denominator is not { } n1 || then.Numerator is not { } x2 || then.Denominator is not { } n2) return null;
        if (n1 <= 0 || n2 <= 0 || x1 < 0 || x2 < 0) return null;
        if (IsProportion(multiplier))
        {
            if (x1 > n1 || x2 > n2) return null;
            return !ConfidenceIntervals.NewcombeDifference((double)x1, (double)n1, (double)x2, (double)n2).Contains(0);
        }
        return ConfidenceIntervals.RateRatio((double)x1, (double)n1, (double)x2, (double)n2) is { } ratio ? !ratio.Contains(1) : false;
    }
}
