namespace Outturn.Domain.Statistics;

/// <summary>Where an area's value lies against the funnel's control limits at its own denominator.</summary>
public enum FunnelPosition { Inside, Above95, Above998, Below95, Below998 }

/// <summary>One area on a funnel plot: its counts, and its value in the measure's units (a percentage for a multiplier of 100).</summary>
public sealed record FunnelArea(string Code, string Name, decimal Numerator, decimal Denominator)
{
    public decimal Value(decimal multiplier) => Numerator * multiplier / Denominator;
}

/// <summary>An area placed on the funnel: its value and the four limits at its denominator, in the measure's units.</summary>
public sealed record FunnelPoint(FunnelArea Area, double Value, Interval Limits95, Interval Limits998, FunnelPosition Position);

/// <summary>The limits at one denominator, for drawing the funnel's curves.</summary>
public sealed record FunnelStep(double Denominator, Interval Limits95, Interval Limits998);

/// <summary>
/// A funnel plot for a proportion: every area's value against its denominator, with control limits around a target
/// (England) at 95% and 99.8%. The limits are those of Public Health England's funnel plots for proportions: at a
/// denominator n, the target p0 plus or minus z·√(p0(1 − p0)/n), kept within 0 and 1 — the values of an area's
/// proportion whose Wilson score interval has the target exactly at its edge (docs/spec.md §6, Funnel plots).
/// Plain arithmetic, so every limit can be checked by hand.
/// </summary>
public sealed record FunnelPlot(double Target, decimal Multiplier, IReadOnlyList<FunnelPoint> Points, IReadOnlyList<FunnelStep> Curve)
{
    /// <summary>The limits for a proportion (0–1) at a denominator, around a target proportion (0–1).</summary>
    public static Interval Limits(double target, double denominator, double z)
    {
        if (double.IsNaN(target) || target < 0 || target > 1) throw new DomainException($"A funnel's target must be a proportion from 0 to 1 ({target}).");
        if (double.IsNaN(denominator) || denominator <= 0) throw new DomainException($"A denominator must be more than zero ({denominator}).");
        var half = z * Math.Sqrt(target * (1 - target) / denominator);
        return new Interval(Math.Max(0, target - half), Math.Min(1, target + half));
    }

    /// <summary>
    /// The funnel for these areas around <paramref name="target"/>, a proportion from 0 to 1; values and limits are in
    /// the measure's units (× <paramref name="multiplier"/>: 100 for a percentage). Areas with a denominator of zero, or
    /// a numerator above their denominator, cannot be placed and are left out.
    /// </summary>
    public static FunnelPlot For(IEnumerable<FunnelArea> areas, double target, decimal multiplier, int steps = 60)
    {
        if (!RatioMeasures.IsProportion(multiplier))
            throw new DomainException($"A funnel plot's limits here are for proportions (a multiplier of 1 or 100), not rates (× {multiplier}).");
        var m = (double)multiplier;
        var points = areas.Where(a => a.Denominator > 0 && a.Numerator >= 0 && a.Numerator <= a.Denominator).Select(a =>
        {
            var n = (double)a.Denominator;
            var value = (double)a.Numerator / n;
            var l95 = Limits(target, n, ConfidenceIntervals.Z95);
            var l998 = Limits(target, n, ConfidenceIntervals.Z998);
            var position = value > l998.High ? FunnelPosition.Above998 : value > l95.High ? FunnelPosition.Above95
                : value < l998.Low ? FunnelPosition.Below998 : value < l95.Low ? FunnelPosition.Below95 : FunnelPosition.Inside;
            return new FunnelPoint(a, value * m, l95.Scaled(m), l998.Scaled(m), position);
        }).ToList();
        var curve = new List<FunnelStep>();
        if (points.Count > 0)
        {
            // From half the smallest denominator to a little past the largest, evenly on a square-root scale: the funnel
            // narrows as 1/√n, so its curves are traced finely where they bend most.
            var least = Math.Max(1, points.Min(p => (double)p.Area.Denominator) / 2);
            var most = points.Max(p => (double)p.Area.Denominator) * 1.05;
            for (var i = 0; i <= steps; i++)
            {
                var root = Math.Sqrt(least) + (Math.Sqrt(most) - Math.Sqrt(least)) * i / steps;
                var n = root * root;
                curve.Add(new FunnelStep(n, Limits(target, n, ConfidenceIntervals.Z95).Scaled(m), Limits(target, n, ConfidenceIntervals.Z998).Scaled(m)));
            }
        }
        return new FunnelPlot(target * m, multiplier, points, curve);
    }
}
