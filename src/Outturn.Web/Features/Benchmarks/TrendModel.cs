using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Benchmarks;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Plans;

namespace Outturn.Web.Features.Benchmarks;

/// <summary>What the trend partial (_Trend.cshtml) draws: the chart and, beneath it, the same figures as a table.</summary>
public sealed record TrendModel(string Id, Indicator Indicator, TrendView Trend, bool Compact)
{
    public IReadOnlyList<TrendPoint> Points => Trend.Points;
    public string AreaName => Trend.Area.Name;
    public string RegionName => Trend.Region?.Name ?? "Region";
    public bool HasTarget => Points.Any(p => p.Target is not null);
    public bool HasNeighbours => Points.Any(p => p.Position.NeighboursAverage is not null);
    public bool HasRegion => Points.Any(p => p.Position.Region is not null);
    public bool HasEngland => Points.Any(p => p.Position.England is not null);
    public bool HasRank => Points.Any(p => p.Position.Place is not null);

    /// <summary>The chart's plain figures, worked out once for its title and its picture.</summary>
    private TrendFigures Figures { get; } = TrendFigures.Of(Indicator, Trend);

    public string Title => TrendChart.Title(Figures);

    public IHtmlContent Chart() => new HtmlString(TrendChart.Svg(Id, Figures, Compact).Markup);

    public string ValueText(TrendPoint p) =>
        p.Suppression is { } code ? $"{Suppression.Describe(code)}" : p.Value is null ? "Not held" : Indicator.Format(p.Value) + (p.ValueSource == "plan" ? " (plan)" : "");

    public string Figure(decimal? v, bool rounded = false) => v is null ? "Not held" : Indicator.Format(v) + (rounded ? " (rounded)" : "");

    public string NeighboursText(TrendPoint p) => p.Position.Neighbours is { } n
        ? $"{Indicator.Format(n.Average)} ({n.Count} of {Trend.NeighbourCount})"
        : p.Position.ImportedNeighboursAverage is { } imported ? $"{Indicator.Format(imported)} (published)" : "Not held";

    /// <summary>"7 points below (worse)": a gap (value − comparator) in words, judged by polarity.</summary>
    public string Gap(decimal gap)
    {
        var size = Indicator.Unit == "%"
            ? Math.Abs(gap).ToString("N" + Indicator.Precision, System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + " percentage points"
            : Indicator.Format(Math.Abs(gap));
        if (gap == 0) return "Level";
        var judged = BenchmarkPosition.IsBetter(gap, Indicator.Polarity) switch { true => " (better)", false => " (worse)", _ => "" };
        return $"{size} {(gap > 0 ? "above" : "below")}{judged}";
    }

    public static string Band(int band) => band switch
    {
        1 => "1 (top quarter)", 2 => "2 (upper middle)", 3 => "3 (lower middle)", _ => "4 (bottom quarter)",
    };
}

/// <summary>The small chart of a key-measure panel on the monitoring page, with its table in a details element.</summary>
public sealed class KeyMeasureChartViewComponent(BenchmarkQuery benchmarks) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Indicator indicator)
    {
        var trend = await benchmarks.TrendAsync(indicator, null, HttpContext.RequestAborted);
        return View("/Features/Benchmarks/_Trend.cshtml", new TrendModel("chart-" + indicator.Id, indicator, trend, Compact: true));
    }
}
