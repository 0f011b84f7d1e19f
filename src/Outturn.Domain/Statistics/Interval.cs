namespace Outturn.Domain.Statistics;

/// <summary>A confidence interval: the range a true value plausibly lies in, given the count it was estimated from.</summary>
public readonly record struct Interval(double Low, double High)
{
    public bool Contains(double x) => x >= Low && x <= High;

    public Interval Scaled(double by) => new(Low * by, High * by);
}

/// <summary>How a ratio measure's value compares with a comparator (England, the neighbours), as Fingertips says it.</summary>
public enum Comparison { Similar, Better, Worse, NotCompared }

/// <summary>
/// Confidence intervals as Public Health England's Fingertips computes them: Wilson's score interval for
/// proportions, Byar's method for rates (exact Poisson below 10 events), Newcombe's hybrid score interval for the
/// difference of two proportions. Plain arithmetic with no library behind it, so that every figure can be checked
/// by hand (docs/spec.md, Honest statistics).
/// </summary>
public static class ConfidenceIntervals
{
    /// <summary>The standard normal quantile for a two-sided 95% interval (1.959964, not the rounded 1.96).</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>The standard normal quantile for a two-sided 99.8% interval (the outer funnel-plot limits).</summary>
    public const double Z998 = 3.090232306167813;

    /// <summary>Wilson's score interval for <paramref name="successes"/> out of <paramref name="trials"/>, as a fraction 0–1.</summary>
    public static Interval Wilson(double successes, double trials, double z = Z95)
    {
        Guard(successes, trials);
        if (successes > trials) throw new DomainException($"A proportion's numerator ({successes}) cannot exceed its denominator ({trials}).");
        var p = successes / trials;
        var z2 = z * z;
        var denominator = 1 + z2 / trials;
        var centre = (p + z2 / (2 * trials)) / denominator;
        var half = z / denominator * Math.Sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials));
        // At 0 and n the formula gives exactly 0 and 1 in exact arithmetic; say so rather than carry rounding.
        var low = successes == 0 ? 0 : Math.Max(0, centre - half);
        var high = successes == trials ? 1 : Math.Min(1, centre + half);
        return new Interval(low, high);
    }

    /// <summary>
    /// The interval for a count of events (a Poisson count): exact below 10 events, Byar's approximation from 10.
    /// Divide by the population and multiply by the measure's multiplier to get the rate's interval.
    /// </summary>
    public static Interval Byar(double events, double z = Z95)
    {
        if (events < 0 || double.IsNaN(events)) throw new DomainException($"A count of events cannot be negative ({events}).");
        if (events < 10) return ExactPoisson(events, z);
        var o = events;
        var low = o * Math.Pow(1 - 1 / (9 * o) - z / (3 * Math.Sqrt(o)), 3);
        var high = (o + 1) * Math.Pow(1 - 1 / (9 * (o + 1)) + z / (3 * Math.Sqrt(o + 1)), 3);
        return new Interval(low, high);
    }

    /// <summary>A rate's interval: <paramref name="events"/> in <paramref name="population"/>, times <paramref name="multiplier"/>.</summary>
    public static Interval Rate(double events, double population, double multiplier, double z = Z95)
    {
        Guard(events, population);
        return Byar(events, z).Scaled(multiplier / population);
    }

    /// <summary>
    /// Exact (Garwood) Poisson limits: the lower limit λ with P(X ≥ O | λ) = α/2 and the upper with P(X ≤ O | λ) = α/2.
    /// These are the chi-square quantiles χ²(α/2, 2O)/2 and χ²(1−α/2, 2O+2)/2; for whole counts the chi-square
    /// distribution with even degrees of freedom is the Poisson tail, so bisection on the Poisson sum finds them.
    /// </summary>
    public static Interval ExactPoisson(double events, double z = Z95)
    {
        var o = (int)Math.Round(events);
        var tail = (1 - NormalCentralProbability(z)) / 2;
        var low = o == 0 ? 0 : Solve(l => 1 - PoissonCdf(o - 1, l) - tail, 0, o);
        var high = Solve(u => tail - PoissonCdf(o, u), o, o + 10 + 10 * Math.Sqrt(o + 1) * z);
        return new Interval(low, high);
    }

    /// <summary>
    /// Newcombe's hybrid score interval (his method 10) for p1 − p2 from two independent proportions, each from its
    /// Wilson interval. A change is within noise when this interval includes zero.
    /// </summary>
    public static Interval NewcombeDifference(double x1, double n1, double x2, double n2, double z = Z95)
    {
        var p1 = x1 / n1;
        var p2 = x2 / n2;
        var (l1, u1) = Wilson(x1, n1, z);
        var (l2, u2) = Wilson(x2, n2, z);
        var d = p1 - p2;
        var below = Math.Sqrt((p1 - l1) * (p1 - l1) + (u2 - p2) * (u2 - p2));
        var above = Math.Sqrt((u1 - p1) * (u1 - p1) + (p2 - l2) * (p2 - l2));
        return new Interval(d - below, d + above);
    }

    /// <summary>
    /// The interval for the ratio of two rates (events1/population1 ÷ events2/population2), by conditioning on the
    /// total count: events1 out of events1 + events2 is binomial, its Wilson interval turned back into a ratio.
    /// A change is within noise when this interval includes one. Null when neither period had an event.
    /// </summary>
    public static Interval? RateRatio(double events1, double population1, double events2, double population2, double z = Z95)
    {
        Guard(events1, population1);
        Guard(events2, population2);
        var total = events1 + events2;
        if (total == 0) return null;
        var (low, high) = Wilson(events1, total, z);
        var scale = population2 / population1;
        return new Interval(low / (1 - low) * scale, high >= 1 ? double.PositiveInfinity : high / (1 - high) * scale);
    }

    /// <summary>
    /// Fingertips' comparison: similar when the comparator lies inside the interval; otherwise better or worse by
    /// the measure's polarity. No polarity: not compared.
    /// </summary>
    public static Comparison Compare(Interval interval, double comparator, Status.Polarity polarity)
    {
        if (polarity == Status.Polarity.None) return Comparison.NotCompared;
        if (interval.Contains(comparator)) return Comparison.Similar;
        var higher = interval.Low > comparator;
        return higher == (polarity == Status.Polarity.Higher) ? Comparison.Better : Comparison.Worse;
    }

    /// <summary>The probability that a standard normal lies within ±z, 2Φ(z) − 1, by the complementary error function.</summary>
    public static double NormalCentralProbability(double z) => 1 - Erfc(z / Math.Sqrt(2));

    /// <summary>
    /// erfc by the continued-fraction-free Chebyshev fit of Numerical Recipes (erfcc), accurate to 1.2e-7 — ample for
    /// a tail probability that only sets a 95% limit to the fourth decimal place.
    /// </summary>
    private static double Erfc(double x)
    {
        var t = 1 / (1 + 0.5 * Math.Abs(x));
        var r = t * Math.Exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
            t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    /// <summary>P(X ≤ k) for X Poisson with mean λ, summed term by term (k is below 10 here).</summary>
    private static double PoissonCdf(int k, double lambda)
    {
        if (k < 0) return 0;
        double term = Math.Exp(-lambda), sum = term;
        for (var i = 1; i <= k; i++)
        {
            term *= lambda / i;
            sum += term;
        }
        return sum;
    }

    /// <summary>Bisection for the root of a function increasing on [low, high].</summary>
    private static double Solve(Func<double, double> f, double low, double high)
    {
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = (low + high) / 2;
            if (f(mid) < 0) low = mid; else high = mid;
        }
        return (low + high) / 2;
    }

    private static void Guard(double count, double total)
    {
        if (double.IsNaN(count) || count < 0) throw new DomainException($"A count cannot be negative ({count}).");
        if (double.IsNaN(total) || total <= 0) throw new DomainException($"A denominator must be more than zero ({total}).");
    }
}
