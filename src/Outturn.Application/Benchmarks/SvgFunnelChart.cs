using System.Globalization;
using System.Net;
using System.Text;
using Outturn.Domain.Plans;
using Outturn.Domain.Statistics;

namespace Outturn.Application.Benchmarks;

/// <summary>
/// Draws a funnel plot as self-contained SVG on the server, with no script (it prints, and can go into a Word file
/// as it is): every authority's value against its denominator, the target as a full line, the 95% limits dashed and
/// the 99.8% limits dotted, the council larger and named. The picture has a title and a description; the page puts
/// every figure in a table beneath it, which is the accessible alternative.
/// </summary>
public static class SvgFunnelChart
{
    private const int Width = 640, Left = 64, Right = 16, Top = 12, PlotHeight = 260;
    private const string Ink = "#0b0c0c", Grid = "#b1b4b6", Other = "#505a5f", Home = "#1d70b8", Inner = "#1d70b8", Outer = "#d4351c";

    public static string Title(Indicator indicator, FunnelView view) =>
        $"{indicator.Ref}: every authority's {view.Period.ToDisplayString()} figure against its denominator, with control limits around {view.TargetSource}. The figures are in the table below the chart.";

    /// <summary>What the picture shows, in words: the target, the limits, where the council lies and how many lie beyond the limits.</summary>
    public static string Description(Indicator indicator, FunnelView view)
    {
        var points = view.Plot.Points;
        int Count(params FunnelPosition[] p) => points.Count(x => p.Contains(x.Position));
        var home = view.Home is { } h
            ? $" {h.Area.Name} is {indicator.Format((decimal)h.Value)} of {h.Area.Denominator.ToString("N0", CultureInfo.GetCultureInfo("en-GB"))}: {Words(h.Position)}."
            : "";
        return $"{points.Count} authorities. Target {indicator.Format((decimal)view.Plot.Target)} ({view.TargetSource}); "
             + $"{Count(FunnelPosition.Above998)} above and {Count(FunnelPosition.Below998)} below the 99.8% limits, "
             + $"{Count(FunnelPosition.Above95)} more above and {Count(FunnelPosition.Below95)} more below the 95% limits." + home;
    }

    /// <summary>Where a point lies, in words.</summary>
    public static string Words(FunnelPosition position) => position switch
    {
        FunnelPosition.Above998 => "above the 99.8% limit",
        FunnelPosition.Above95 => "above the 95% limit, within the 99.8% limit",
        FunnelPosition.Below95 => "below the 95% limit, within the 99.8% limit",
        FunnelPosition.Below998 => "below the 99.8% limit",
        _ => "within the 95% limits",
    };

    /// <summary>The markup with the size it draws at, in CSS pixels.</summary>
    public sealed record Drawing(string Markup, int Width, int Height);

    public static Drawing Render(string id, Indicator indicator, FunnelView view)
    {
        var plot = view.Plot;
        var legendTop = Top + PlotHeight + 52;
        var height = legendTop + 2 * 20 + 6;
        var plotWidth = Width - Left - Right;
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        static string E(string s) => WebUtility.HtmlEncode(s);

        // The value axis holds every point and the target; the curves are cut off at its edges.
        var ys = plot.Points.Select(p => p.Value).Append(plot.Target).ToList();
        var (yLow, yHigh, yStep) = Nice(ys.Min(), ys.Max(), floor: 0, ceiling: (double)plot.Multiplier);
        var xMax = plot.Curve.Count > 0 ? plot.Curve[^1].Denominator : 1;
        var (_, xHigh, xStep) = Nice(0, xMax, floor: 0, ceiling: double.MaxValue);
        double X(double n) => Left + n / xHigh * plotWidth;
        double Y(double v) => Top + PlotHeight - (Math.Clamp(v, yLow, yHigh) - yLow) / (yHigh - yLow) * PlotHeight;

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"outturn-chart outturn-funnel\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{E(id)}-title {E(id)}-desc\" font-family=\"arial, sans-serif\" font-size=\"13\">");
        svg.Append($"<title id=\"{E(id)}-title\">{E(Title(indicator, view))}</title>");
        svg.Append($"<desc id=\"{E(id)}-desc\">{E(Description(indicator, view))}</desc>");
        svg.Append($"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        for (var v = yLow; v <= yHigh + yStep / 1e6; v += yStep)
        {
            var y = F(Y(v));
            svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{Grid}\" stroke-width=\"1\"/>");
            svg.Append($"<text x=\"{Left - 6}\" y=\"{y}\" dy=\"0.35em\" text-anchor=\"end\" fill=\"{Ink}\">{E(indicator.Format((decimal)v))}</text>");
        }
        for (var n = 0.0; n <= xHigh + xStep / 1e6; n += xStep)
            svg.Append($"<text x=\"{F(X(n))}\" y=\"{Top + PlotHeight + 18}\" text-anchor=\"middle\" fill=\"{Ink}\">{E(n.ToString("N0", CultureInfo.GetCultureInfo("en-GB")))}</text>");
        svg.Append($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Top + PlotHeight}\" stroke=\"{Ink}\" stroke-width=\"1\"/>");
        svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Top + PlotHeight}\" y2=\"{Top + PlotHeight}\" stroke=\"{Ink}\" stroke-width=\"1\"/>");
        svg.Append($"<text x=\"{Left + plotWidth / 2}\" y=\"{Top + PlotHeight + 38}\" text-anchor=\"middle\" fill=\"{Ink}\">Denominator</text>");

        string Curve(Func<FunnelStep, double> limit) => string.Join(" ", plot.Curve.Select(s => $"{F(X(s.Denominator))},{F(Y(limit(s)))}"));
        foreach (var (limit, colour, dash) in new (Func<FunnelStep, double>, string, string)[]
        {
            (s => s.Limits998.Low, Outer, "2 3"), (s => s.Limits998.High, Outer, "2 3"),
            (s => s.Limits95.Low, Inner, "8 4"), (s => s.Limits95.High, Inner, "8 4"),
        })
            svg.Append($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\" points=\"{Curve(limit)}\"/>");
        svg.Append($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{F(Y(plot.Target))}\" y2=\"{F(Y(plot.Target))}\" stroke=\"{Ink}\" stroke-width=\"2\"/>");

        foreach (var p in plot.Points.Where(p => p.Area.Code != view.HomeArea))
            svg.Append($"<circle cx=\"{F(X((double)p.Area.Denominator))}\" cy=\"{F(Y(p.Value))}\" r=\"3.5\" fill=\"{Other}\" fill-opacity=\"0.7\"/>");
        if (view.Home is { } home)
        {
            var (hx, hy) = (X((double)home.Area.Denominator), Y(home.Value));
            svg.Append($"<circle cx=\"{F(hx)}\" cy=\"{F(hy)}\" r=\"7\" fill=\"{Home}\" stroke=\"{Ink}\" stroke-width=\"1.5\"/>");
            var anchor = hx > Left + plotWidth * 0.7 ? "end" : "start";
            svg.Append($"<text x=\"{F(anchor == "end" ? hx - 10 : hx + 10)}\" y=\"{F(hy - 10)}\" text-anchor=\"{anchor}\" fill=\"{Ink}\" font-weight=\"bold\">{E(home.Area.Name)}</text>");
        }

        var legend = new (string Name, string Colour, string? Dash, bool Dot)[]
        {
            (view.TargetSource == "England" ? "Target (England)" : "Target (all authorities)", Ink, null, false), ("95% limits", Inner, "8 4", false), ("99.8% limits", Outer, "2 3", false),
            ("An authority", Other, null, true), (view.Home?.Area.Name ?? "This council", Home, null, true),
        };
        var columnWidth = (Width - Left) / 3;
        for (var i = 0; i < legend.Length; i++)
        {
            var (name, colour, dash, dot) = legend[i];
            var x = Left + i % 3 * columnWidth;
            var y = legendTop + i / 3 * 20;
            svg.Append(dot
                ? $"<circle cx=\"{x + 14}\" cy=\"{y}\" r=\"{(i == legend.Length - 1 ? 6 : 3.5)}\" fill=\"{colour}\"/>"
                : $"<line x1=\"{x}\" x2=\"{x + 28}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{colour}\" stroke-width=\"2\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")}/>");
            svg.Append($"<text x=\"{x + 34}\" y=\"{y}\" dy=\"0.35em\" fill=\"{Ink}\">{E(name)}</text>");
        }
        svg.Append("</svg>");
        return new Drawing(svg.ToString(), Width, height);
    }

    /// <summary>A range with round steps (1, 2 or 5 × a power of ten), about five of them, within the floor and ceiling.</summary>
    internal static (double Low, double High, double Step) Nice(double min, double max, double floor, double ceiling)
    {
        if (max <= min) { min -= 1; max += 1; }
        var raw = (max - min) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power : 10 * power;
        var low = Math.Max(floor, Math.Floor(min / step) * step);
        var high = Math.Min(ceiling, Math.Ceiling(max / step) * step);
        return (low, high <= low ? low + step : high, step);
    }
}
