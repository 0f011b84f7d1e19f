using Microsoft.AspNetCore.Html;
using Outturn.Application.Benchmarks;
using Outturn.Domain.Plans;
using Outturn.Domain.Statistics;

namespace Outturn.Web.Features.Indicators;

/// <summary>What the funnel partial (_Funnel.cshtml) draws: the chart and, beneath it, every authority's figures as a table.</summary>
public sealed record FunnelModel(string Id, Indicator Indicator, FunnelView View, Func<decimal, string> Count)
{
    public IHtmlContent Chart() => new HtmlString(SvgFunnelChart.Render(Id, Indicator, View).Markup);

    public string Title => SvgFunnelChart.Title(Indicator, View);

    public string Description => SvgFunnelChart.Description(Indicator, View);

    /// <summary>The council first, then the others by name.</summary>
    public IEnumerable<FunnelPoint> Rows => View.Plot.Points
        .OrderBy(p => p.Area.Code == View.HomeArea ? 0 : 1).ThenBy(p => p.Area.Name, StringComparer.Ordinal);

    public string Limits(Interval i) => $"{Indicator.Format((decimal)i.Low)} to {Indicator.Format((decimal)i.High)}";

    public static string Position(FunnelPosition p) => SvgFunnelChart.Words(p);
}
