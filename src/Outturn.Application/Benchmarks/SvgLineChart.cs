using System.Globalization;
using System.Net;
using System.Text;

namespace Outturn.Application.Benchmarks;

/// <summary>A line of a chart: its name, one value per category (null = no point), and how it is drawn.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<decimal?> Values, ChartStyle Style);

/// <summary>Colour (GOV.UK palette), dash pattern and marker, so that series differ without colour too.</summary>
public sealed record ChartStyle(string Colour, string? Dash, string Marker, double Width = 2)
{
    public static readonly ChartStyle Authority = new("#1d70b8", null, "circle", 3.5);
    /// <summary>A solid black line with no markers, drawn as a level across each year it holds for (<see cref="SvgLineChart"/>).</summary>
    public static readonly ChartStyle Target = new("#0b0c0c", null, "none", 2);
    public static readonly ChartStyle Neighbours = new("#d4351c", "2 3", "square");
    public static readonly ChartStyle Region = new("#4c2c92", "6 3 2 3", "triangle");
    public static readonly ChartStyle England = new("#00703c", "10 3", "diamond");
}

/// <summary>
/// Renders a line chart as self-contained SVG markup, on the server, with no script: it prints in a browser's PDF and
/// is drawn to a picture for Word (<see cref="Documents.ChartPictures"/>). Every text is encoded. The chart is an image
/// (role="img") whose title names it; the page puts the same figures in a table beneath it, which is the accessible
/// alternative.
/// </summary>
/// <remarks>
/// So that a chart does not mislead: the value axis starts at zero (the charts show counts, percentages and rates),
/// unless the caller asks otherwise, and then the chart says so in words under the plot and in its title. A target
/// is a full line: across each year it is set for, and across the whole plot when one target holds throughout.
/// </remarks>
public static class SvgLineChart
{
    /// <summary>The markup with the size it draws at, in CSS pixels (a Word picture is sized from it).</summary>
    public sealed record Chart(string Markup, int Width, int Height);

    public static Chart Render(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series,
        Func<decimal, string> format, bool compact = false, bool axisFromZero = true)
    {
        var width = compact ? 320 : 640;
        var plotHeight = compact ? 120 : 220;
        var left = compact ? 44 : 64;
        var right = 16;
        var top = 12;
        var legendRows = (series.Count + (compact ? 1 : 2)) / (compact ? 2 : 3);
        var font = compact ? 11 : 13;
        var plotWidth = width - left - right;

        var values = series.SelectMany(s => s.Values).OfType<decimal>().ToList();
        var (lo, hi, step) = Scale(values, axisFromZero);
        // An axis that does not start at zero is said in words, under the plot and in the title read out for the image.
        var axisNote = (lo > 0 || hi < 0) && values.Count > 0 ? $"The value axis starts at {format(lo)}, not zero." : null;
        if (axisNote is not null) title = $"{title} {axisNote}";
        var legendTop = top + plotHeight + 34 + (axisNote is null ? 0 : 18);
        var height = legendTop + legendRows * 20 + 6;
        double X(int i) => left + (categories.Count == 1 ? plotWidth / 2.0 : plotWidth * (i + 0.5) / categories.Count);
        double Y(decimal v) => top + plotHeight - (double)((v - lo) / (hi - lo)) * plotHeight;
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        static string E(string s) => WebUtility.HtmlEncode(s);

        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"outturn-chart{(compact ? " outturn-chart--compact" : "")}\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{E(id)}-title\" font-family=\"arial, sans-serif\" font-size=\"{font}\">");
        svg.Append($"<title id=\"{E(id)}-title\">{E(title)}</title>");
        svg.Append($"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        if (values.Count == 0)
        {
            svg.Append($"<text x=\"{width / 2}\" y=\"{top + plotHeight / 2}\" text-anchor=\"middle\" fill=\"#505a5f\">No figures held</text></svg>");
            return new Chart(svg.ToString(), width, height);
        }
        for (var v = lo; v <= hi; v += step)
        {
            var y = F(Y(v));
            svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{y}\" y2=\"{y}\" stroke=\"#b1b4b6\" stroke-width=\"1\"/>");
            svg.Append($"<text x=\"{left - 6}\" y=\"{y}\" dy=\"0.35em\" text-anchor=\"end\" fill=\"#0b0c0c\">{E(format(v))}</text>");
        }
        svg.Append($"<line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{top + plotHeight}\" stroke=\"#0b0c0c\" stroke-width=\"1\"/>");
        var every = Math.Max(1, (int)Math.Ceiling(categories.Count / (compact ? 4.0 : 8.0)));
        for (var i = 0; i < categories.Count; i++)
            if (i % every == 0 || i == categories.Count - 1)
                svg.Append($"<text x=\"{F(X(i))}\" y=\"{top + plotHeight + 18}\" text-anchor=\"middle\" fill=\"#0b0c0c\">{E(categories[i])}</text>");

        if (axisNote is not null)
            svg.Append($"<text x=\"{left}\" y=\"{top + plotHeight + 36}\" fill=\"#0b0c0c\">{E(axisNote)}</text>");
        var band = categories.Count == 0 ? plotWidth : plotWidth / (double)categories.Count;
        foreach (var s in series)
        {
            if (ReferenceEquals(s.Style, ChartStyle.Target))
            {
                svg.Append(TargetLine(s, categories.Count, left, plotWidth, band, Y));
                continue;
            }
            var dash = s.Style.Dash is null ? "" : $" stroke-dasharray=\"{s.Style.Dash}\"";
            // A line joins consecutive points only; a gap in the data is a gap in the line.
            var run = new List<string>();
            void Flush()
            {
                if (run.Count > 1)
                    svg.Append($"<polyline fill=\"none\" stroke=\"{s.Style.Colour}\" stroke-width=\"{F(s.Style.Width)}\"{dash} points=\"{string.Join(" ", run)}\"/>");
                run.Clear();
            }
            for (var i = 0; i < categories.Count; i++)
            {
                if (i < s.Values.Count && s.Values[i] is { } v) run.Add($"{F(X(i))},{F(Y(v))}");
                else Flush();
            }
            Flush();
            for (var i = 0; i < Math.Min(categories.Count, s.Values.Count); i++)
                if (s.Values[i] is { } v) svg.Append(Marker(s.Style, X(i), Y(v), compact ? 3.5 : 4.5));
        }

        var columns = compact ? 2 : 3;
        var columnWidth = (width - left) / columns;
        for (var i = 0; i < series.Count; i++)
        {
            var s = series[i];
            var x = left + i % columns * columnWidth;
            var y = legendTop + i / columns * 20;
            var dash = s.Style.Dash is null ? "" : $" stroke-dasharray=\"{s.Style.Dash}\"";
            svg.Append($"<line x1=\"{x}\" x2=\"{x + 28}\" y1=\"{y}\" y2=\"{y}\" stroke=\"{s.Style.Colour}\" stroke-width=\"{F(s.Style.Width)}\"{dash}/>");
            svg.Append(Marker(s.Style, x + 14, y, 4));
            svg.Append($"<text x=\"{x + 34}\" y=\"{y}\" dy=\"0.35em\" fill=\"#0b0c0c\">{E(s.Name)}</text>");
        }
        svg.Append("</svg>");
        return new Chart(svg.ToString(), width, height);
    }

    /// <summary>
    /// A target as a level line: one target held for every year it appears in spans the whole plot; targets that
    /// change are drawn as steps, each level across the full width of its year.
    /// </summary>
    private static string TargetLine(ChartSeries s, int count, double left, double plotWidth, double band, Func<decimal, double> y)
    {
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        var held = Enumerable.Range(0, Math.Min(count, s.Values.Count)).Where(i => s.Values[i] is not null).ToList();
        if (held.Count == 0) return "";
        var stroke = $"stroke=\"{s.Style.Colour}\" stroke-width=\"{F(s.Style.Width)}\"";
        if (held.Select(i => s.Values[i]).Distinct().Count() == 1)
        {
            var level = F(y(s.Values[held[0]]!.Value));
            return $"<line class=\"outturn-chart__target\" x1=\"{F(left)}\" x2=\"{F(left + plotWidth)}\" y1=\"{level}\" y2=\"{level}\" {stroke}/>";
        }
        var points = new List<string>();
        var sb = new StringBuilder();
        void Flush()
        {
            if (points.Count > 1) sb.Append($"<polyline class=\"outturn-chart__target\" fill=\"none\" {stroke} points=\"{string.Join(" ", points)}\"/>");
            points.Clear();
        }
        for (var i = 0; i < count; i++)
        {
            if (i < s.Values.Count && s.Values[i] is { } v)
            {
                var level = F(y(v));
                points.Add($"{F(left + band * i)},{level}");
                points.Add($"{F(left + band * (i + 1))},{level}");
            }
            else Flush();
        }
        Flush();
        return sb.ToString();
    }

    private static string Marker(ChartStyle style, double x, double y, double r)
    {
        static string F(double d) => d.ToString("0.#", CultureInfo.InvariantCulture);
        return style.Marker switch
        {
            "bar" => $"<line x1=\"{F(x - 2.5 * r)}\" x2=\"{F(x + 2.5 * r)}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"{style.Colour}\" stroke-width=\"3\"/>",
            "circle" => $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"{F(r)}\" fill=\"{style.Colour}\"/>",
            "square" => $"<rect x=\"{F(x - r)}\" y=\"{F(y - r)}\" width=\"{F(2 * r)}\" height=\"{F(2 * r)}\" fill=\"{style.Colour}\"/>",
            "triangle" => $"<polygon points=\"{F(x)},{F(y - r * 1.2)} {F(x - r)},{F(y + r)} {F(x + r)},{F(y + r)}\" fill=\"{style.Colour}\"/>",
            "diamond" => $"<polygon points=\"{F(x)},{F(y - r * 1.3)} {F(x + r * 1.3)},{F(y)} {F(x)},{F(y + r * 1.3)} {F(x - r * 1.3)},{F(y)}\" fill=\"#ffffff\" stroke=\"{style.Colour}\" stroke-width=\"2\"/>",
            _ => "",
        };
    }

    /// <summary>
    /// A range with round steps (1, 2 or 5 × a power of ten) that holds every value, about five gridlines. From zero
    /// (the default) the range always includes zero; otherwise it hugs the values, and the chart must say so.
    /// </summary>
    public static (decimal Low, decimal High, decimal Step) Scale(IReadOnlyList<decimal> values, bool fromZero = true)
    {
        if (values.Count == 0) return (0, 1, 1);
        var min = values.Min();
        var max = values.Max();
        if (fromZero) { min = Math.Min(0, min); max = Math.Max(0, max); }
        if (min == max && fromZero) max = 1; // only zeros held
        else if (min == max) { min -= Math.Max(1, Math.Abs(min) / 10); max += Math.Max(1, Math.Abs(max) / 10); }
        var raw = (double)(max - min) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (decimal)(raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power : 10 * power);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        return (low, high, step);
    }
}
