using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Application.Benchmarks;

/// <summary>
/// What an indicator's trend chart is drawn from, as plain data: the measure's ref, unit and precision, the area and
/// its region, and by year the council's figure, its target and the comparators. A published report keeps these with
/// its snapshot (<see cref="Monitoring.MonitoringReport.Charts"/>), so its charts never change after publication.
/// </summary>
public sealed record TrendFigures(int IndicatorId, string Ref, string? Unit, int Precision, string Area, string? Region, IReadOnlyList<TrendFigure> Points)
{
    public static TrendFigures Of(Indicator indicator, TrendView trend) => new(
        indicator.Id, indicator.Ref, indicator.Unit, indicator.Precision, trend.Area.Name, trend.Region?.Name,
        trend.Points.Select(p => new TrendFigure(p.Period.ToString(), p.Value, p.Suppression, p.Target,
            p.Position.NeighboursAverage, p.Position.Region, p.Position.England)).ToList());

    public string Format(decimal? value) => Indicator.Format(value, Unit, Precision);
}

/// <summary>One year of a trend chart; the period as its text ("2015/16").</summary>
public sealed record TrendFigure(string Period, decimal? Value, string? Suppression, decimal? Target, decimal? NeighboursAverage, decimal? Region, decimal? England);

/// <summary>An indicator's trend chart: the council, its target, neighbours' average, region and England by year.</summary>
public static class TrendChart
{
    public static string Title(TrendFigures f)
    {
        var p = f.Points;
        return $"{f.Ref}: {f.Area} compared over time" +
               (p.Any(x => x.Target is not null) ? " with its target" : "") + (p.Any(x => x.NeighboursAverage is not null) ? ", statistical neighbours" : "") +
               (p.Any(x => x.Region is not null) ? $", {f.Region ?? "Region"}" : "") + (p.Any(x => x.England is not null) ? " and England" : "") +
               ". The figures are in the table below the chart.";
    }

    public static SvgLineChart.Chart Svg(string id, TrendFigures f, bool compact)
    {
        var p = f.Points;
        var series = new List<ChartSeries> { new(f.Area, p.Select(x => x.Value).ToList(), ChartStyle.Authority) };
        if (p.Any(x => x.Target is not null)) series.Add(new("Target", p.Select(x => x.Target).ToList(), ChartStyle.Target));
        if (p.Any(x => x.NeighboursAverage is not null)) series.Add(new("Neighbours' average", p.Select(x => x.NeighboursAverage).ToList(), ChartStyle.Neighbours));
        if (p.Any(x => x.Region is not null)) series.Add(new(f.Region ?? "Region", p.Select(x => x.Region).ToList(), ChartStyle.Region));
        if (p.Any(x => x.England is not null)) series.Add(new("England", p.Select(x => x.England).ToList(), ChartStyle.England));
        return SvgLineChart.Render(id, Title(f), p.Select(x => x.Period).ToList(), series, v => f.Format(v), compact);
    }

    /// <summary>The chart as a document figure, at the size it draws at.</summary>
    public static Documents.Figure Figure(TrendFigures f)
    {
        var chart = Svg("chart-" + f.IndicatorId, f, compact: true);
        return new Documents.Figure(chart.Markup, Title(f), chart.Width, chart.Height);
    }

    /// <summary>The chart's figures as a document table, the same columns as the pages' table beneath a chart.</summary>
    public static Documents.Table Table(TrendFigures f)
    {
        var p = f.Points;
        var columns = new List<(string Header, Func<TrendFigure, decimal?> Value)> { (f.Area, x => x.Value) };
        if (p.Any(x => x.Target is not null)) columns.Add(("Target", x => x.Target));
        if (p.Any(x => x.NeighboursAverage is not null)) columns.Add(("Neighbours' average", x => x.NeighboursAverage));
        if (p.Any(x => x.Region is not null)) columns.Add((f.Region ?? "Region", x => x.Region));
        if (p.Any(x => x.England is not null)) columns.Add(("England", x => x.England));
        Documents.Cell Figure(decimal? v) => Documents.Cell.Figure(v is null ? "Not held" : f.Format(v));
        return new Documents.Table($"{f.Ref} by year: {f.Area}, target and comparators", ["Year", .. columns.Select(c => c.Header)],
            p.Select(x => (IReadOnlyList<Documents.Cell>)[Period.Parse(x.Period).ToDisplayString(), .. columns.Select(c => x.Suppression is not null && c.Header == f.Area
                ? (Documents.Cell)Domain.Benchmarks.Suppression.Describe(x.Suppression) : Figure(c.Value(x)))]).ToList());
    }

    /// <summary>The chart and, beneath it, its figures: the table its alternative text points to.</summary>
    public static IReadOnlyList<Documents.Block> Blocks(TrendFigures f) => [Figure(f), Table(f)];

    /// <summary>Whether there is a line to draw: two years or more with the council's figure.</summary>
    public static bool HasLine(TrendFigures f) => f.Points.Count(p => p.Value is not null) >= 2;
}
