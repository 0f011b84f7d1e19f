using Outturn.Domain.Plans;

namespace Outturn.Application.Benchmarks;

/// <summary>An indicator's trend chart: the council, its target, neighbours' average, region and England by year.</summary>
public static class TrendChart
{
    public static string Title(Indicator indicator, TrendView trend)
    {
        var p = trend.Points;
        return $"{indicator.Ref}: {trend.Area.Name} compared over time" +
               (p.Any(x => x.Target is not null) ? " with its target" : "") + (p.Any(x => x.Position.NeighboursAverage is not null) ? ", statistical neighbours" : "") +
               (p.Any(x => x.Position.Region is not null) ? $", {trend.Region?.Name ?? "Region"}" : "") + (p.Any(x => x.Position.England is not null) ? " and England" : "") +
               ". The figures are in the table below the chart.";
    }

    public static SvgLineChart.Chart Svg(string id, Indicator indicator, TrendView trend, bool compact)
    {
        var p = trend.Points;
        var series = new List<ChartSeries> { new(trend.Area.Name, p.Select(x => x.Value).ToList(), ChartStyle.Authority) };
        if (p.Any(x => x.Target is not null)) series.Add(new("Target", p.Select(x => x.Target).ToList(), ChartStyle.Target));
        if (p.Any(x => x.Position.NeighboursAverage is not null)) series.Add(new("Neighbours' average", p.Select(x => x.Position.NeighboursAverage).ToList(), ChartStyle.Neighbours));
        if (p.Any(x => x.Position.Region is not null)) series.Add(new(trend.Region?.Name ?? "Region", p.Select(x => x.Position.Region).ToList(), ChartStyle.Region));
        if (p.Any(x => x.Position.England is not null)) series.Add(new("England", p.Select(x => x.Position.England).ToList(), ChartStyle.England));
        return SvgLineChart.Render(id, Title(indicator, trend), p.Select(x => x.Period.ToString()).ToList(), series, v => indicator.Format(v), compact);
    }

    /// <summary>The chart as a document figure, at the size it draws at.</summary>
    public static Documents.Figure Figure(string id, Indicator indicator, TrendView trend)
    {
        var chart = Svg(id, indicator, trend, compact: true);
        return new Documents.Figure(chart.Markup, Title(indicator, trend), chart.Width, chart.Height);
    }

    /// <summary>The chart's figures as a document table, the same columns as the pages' table beneath a chart.</summary>
    public static Documents.Table Table(Indicator indicator, TrendView trend)
    {
        var p = trend.Points;
        var columns = new List<(string Header, Func<TrendPoint, decimal?> Value)> { (trend.Area.Name, x => x.Value) };
        if (p.Any(x => x.Target is not null)) columns.Add(("Target", x => x.Target));
        if (p.Any(x => x.Position.NeighboursAverage is not null)) columns.Add(("Neighbours' average", x => x.Position.NeighboursAverage));
        if (p.Any(x => x.Position.Region is not null)) columns.Add((trend.Region?.Name ?? "Region", x => x.Position.Region));
        if (p.Any(x => x.Position.England is not null)) columns.Add(("England", x => x.Position.England));
        Documents.Cell Figure(decimal? v) => Documents.Cell.Figure(v is null ? "Not held" : indicator.Format(v));
        return new Documents.Table($"{indicator.Ref} by year: {trend.Area.Name}, target and comparators", ["Year", .. columns.Select(c => c.Header)],
            p.Select(x => (IReadOnlyList<Documents.Cell>)[x.Period.ToDisplayString(), .. columns.Select(c => x.Suppression is not null && c.Header == trend.Area.Name
                ? (Documents.Cell)Domain.Benchmarks.Suppression.Describe(x.Suppression) : Figure(c.Value(x)))]).ToList());
    }

    /// <summary>The chart and, beneath it, its figures: the table its alternative text points to.</summary>
    public static IReadOnlyList<Documents.Block> Blocks(string id, Indicator indicator, TrendView trend) => [Figure(id, indicator, trend), Table(indicator, trend)];
}
