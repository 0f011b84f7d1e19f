using Outturn.Domain.Status;

namespace Outturn.Domain.Benchmarks;

/// <summary>An authority's place among all authorities with a value: rank (1 = best), how many were ranked, quartile band.</summary>
public readonly record struct RankPlace(int Rank, int Of, int Band);

/// <summary>National quartile thresholds: the value an authority needs to be in band 1, 2 or 3 (null when the band is empty).</summary>
public sealed record QuartileThresholds(decimal? Top, decimal? Middle, decimal? Bottom);

/// <summary>
/// Ranks and quartile bands exactly as docs/spec.md §6 Benchmarking rules defines them, so that figures agree with the published tools.
/// </summary>
public static class Ranking
{
    /// <summary>
    /// Ranks the authorities that have a value (suppressed cells are passed as null and do not count), best first by
    /// polarity; equal values share the better rank and the next rank skips (1, 2, 2, 4). Indicators with no polarity
    /// are ranked by value descending. Band = ceil(4 × rank ÷ n).
    /// </summary>
    public static IReadOnlyDictionary<string, RankPlace> Rank(IEnumerable<(string Area, decimal? Value)> values, Polarity polarity)
    {
        var sorted = Sort(values, polarity);
        var n = sorted.Count;
        var result = new Dictionary<string, RankPlace>(n, StringComparer.Ordinal);
        var rank = 0;
        for (var i = 0; i < n; i++)
        {
            if (i == 0 || sorted[i].Value != sorted[i - 1].Value) rank = i + 1;
            result[sorted[i].Area] = new RankPlace(rank, n, Band(rank, n));
        }
        return result;
    }

    /// <summary>ceil(4r ÷ n): 1 is the best quarter, 4 the worst.</summary>
    public static int Band(int rank, int of)
    {
        if (of <= 0 || rank < 1 || rank > of) throw new ArgumentOutOfRangeException(nameof(rank), $"Rank {rank} is not between 1 and {of}.");
        return (4 * rank + of - 1) / of;
    }

    /// <summary>
    /// The worst value within bands 1, 2 and 3: reach it (or better) and you are in that band or a better one.
    /// Computed from the same ranking as the bands, so thresholds and bands never disagree.
    /// </summary>
    public static QuartileThresholds Thresholds(IEnumerable<(string Area, decimal? Value)> values, Polarity polarity)
    {
        var sorted = Sort(values, polarity);
        var places = Rank(sorted.Select(s => (s.Area, (decimal?)s.Value)), polarity);
        decimal? Worst(int band) => sorted.Where(s => places[s.Area].Band <= band).Select(s => (decimal?)s.Value).LastOrDefault();
        return new QuartileThresholds(Worst(1), Worst(2), Worst(3));
    }

    private static List<(string Area, decimal Value)> Sort(IEnumerable<(string Area, decimal? Value)> values, Polarity polarity)
    {
        var present = values.Where(v => v.Value is not null).Select(v => (v.Area, Value: v.Value!.Value));
        return (polarity == Polarity.Lower
            ? present.OrderBy(v => v.Value).ThenBy(v => v.Area, StringComparer.Ordinal)
            : present.OrderByDescending(v => v.Value).ThenBy(v => v.Area, StringComparer.Ordinal)).ToList();
    }
}
