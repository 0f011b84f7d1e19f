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
    public static readonly ChartStyle Target = new("#0b0c0c", "8 4", "bar", 2);
    public static readonly ChartStyle Neighbours = new("#d4351c", "2 3", "square");
    public static readonly ChartStyle Region = new("#4c2c92", "6 3 2 3", "triangle");
    public static readonly ChartStyle England = new("#00703c", "10 3", "diamond");
}

/// <summary>
/// Renders a line chart as self-contained SVG markup, on the server, with no script: it prints in a browser's PDF and
/// can be embedded in a Word document as it is. Every text is encoded. The chart is an image (role="img") whose title
/// names it; the page puts the same figures in a table beneath it, which is the accessible alternative.
/// </summary>
public static class SvgLineChart
{
    /// <summary>The markup with the size it draws at, in CSS pixels (a Word picture is sized from it).</summary>
    public sealed record Chart(string Markup, int Width, int Height);

    public static Chart Render(string id, string title, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series,
        Func<decimal, string> format, bool compact = false)
    {
        var width = compact ? 320 : 640;
        var plotHeight = compact ? 120 : 220;
        var left = compact ? 44 : 64;
        var right = 16;
        var top = 12;
        var legendRows = (series.Count + (compact ? 1 : 2)) / (compact ? 2 : 3);
        var legendTop = top + plotHeight + 34;
        var height = legendTop + legendRows * 20 + 6;
        var font = compact ? 11 : 13;
        var plotWidth = width - left - right;

        var values = series.SelectMany(s => s.Values).OfType<decimal>().ToList();
        var (lo, hi, step) = Scale(values);
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

        foreach (var s in series)
        {
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

    /// <summary>A range with round steps (1, 2 or 5 × a power of ten) that holds every value, about five gridlines.</summary>
    public static (decimal Low, decimal High, decimal Step) Scale(IReadOnlyList<decimal> values)
    {
        if (values.Count == 0) return (0, 1, 1);
        var min = values.Min();
        var max = values.Max();
        if (min == max) { min -= Math.Max(1, Math.Abs(min) / 10); max += Math.Max(1, Math.Abs(max) / 10); }
        if (min > 0 && min < (max - min) / 2) min = 0; // start at zero when that costs little
        var raw = (double)(max - min) / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = (decimal)(raw / power <= 1 ? power : raw / power <= 2 ? 2 * power : raw / power <= 5 ? 5 * power : 10 * power);
        var low = Math.Floor(min / step) * step;
        var high = Math.Ceiling(max / step) * step;
        return (low, high, step);
    }
}
