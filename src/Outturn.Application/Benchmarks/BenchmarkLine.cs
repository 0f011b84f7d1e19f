using Outturn.Application.Monitoring;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;

namespace Outturn.Application.Benchmarks;

public sealed record QuartilesLine(decimal? Top, decimal? Middle, decimal? Bottom);

/// <summary>
/// How an area compares for an indicator and period: the object printed by <c>outturn benchmark --format json</c> and
/// returned by <c>GET /api/v1/benchmarks/…</c>. Gaps are value − comparator; <c>of</c> counts the authorities ranked.
/// </summary>
public sealed record BenchmarkLine(
    string Indicator, string Period, string Area, string AreaName,
    decimal? Value, string? Suppression, int? Rank, int? Of, int? Quartile,
    decimal? England, decimal? Region, decimal? NeighboursAverage, int? NeighboursCount, string? NeighboursAverageSource,
    decimal? NeighboursMedian, decimal? NeighboursLowest, decimal? NeighboursHighest, decimal? NeighboursTopQuartile,
    decimal? GapToEngland, decimal? GapToNeighboursAverage, decimal? GapToNeighboursMedian, decimal? GapToNeighboursTopQuartile,
    QuartilesLine? NationalQuartiles)
{
    public static BenchmarkLine From(string indicator, Period period, Area area, BenchmarkPosition p)
    {
        static decimal? N(decimal? d) => d is null ? null : MonitoringQuery.Normal(Math.Round(d.Value, 6, MidpointRounding.AwayFromZero));
        return new BenchmarkLine(
            indicator, period.ToString(), area.Code, area.Name,
            N(p.Value), p.Suppression, p.Place?.Rank, p.Place?.Of, p.Place?.Band,
            N(p.England), N(p.Region), N(p.NeighboursAverage), p.Neighbours?.Count,
            p.Neighbours is not null ? "computed" : p.NeighboursImported ? "imported" : null,
            N(p.Neighbours?.Median), N(p.Neighbours?.Lowest), N(p.Neighbours?.Highest), N(p.Neighbours?.TopQuartile),
            N(p.GapToEngland), N(p.GapToNeighboursAverage), N(p.GapToNeighboursMedian), N(p.GapToNeighboursTopQuartile),
            p.National is null ? null : new QuartilesLine(N(p.National.Top), N(p.National.Middle), N(p.National.Bottom)));
    }
}
