using System.Net;
using System.Text;

namespace Outturn.Application.Documents;

/// <summary>
/// Writes a <see cref="Document"/> as HTML: <see cref="RenderFragment"/> for the app's pages (inside the service
/// layout) and <see cref="RenderPage"/> as a standalone printable page (the --format html file, and what Chromium
/// prints to PDF). Every text is HTML-encoded here, so the fragment is safe to include as it is.
/// </summary>
public static class HtmlRenderer
{
    /// <summary>Print and screen styles of a document, scoped to <c>.outturn-document</c>.</summary>
    public const string Css = """
        .outturn-document { font-family: Arial, "Helvetica Neue", Helvetica, sans-serif; font-size: 1rem; line-height: 1.4; color: #0b0c0c; max-width: 60rem; }
        .outturn-document h1 { font-size: 1.75rem; margin: 0 0 .75rem; }
        .outturn-document h2 { font-size: 1.4rem; margin: 1.5rem 0 .5rem; }
        .outturn-document h3 { font-size: 1.15rem; margin: 1.25rem 0 .5rem; }
        .outturn-document p { margin: 0 0 .6rem; }
        .outturn-document .doc-numbered { display: grid; grid-template-columns: 3rem 1fr; }
        .outturn-document .doc-field { margin: 0 0 .3rem; }
        .outturn-document .doc-table { position: relative; overflow-x: auto; margin: 0 0 1.25rem; }
        .outturn-document .doc-table:focus { outline: 3px solid #ffdd00; box-shadow: inset 0 0 0 2px #0b0c0c; }
        .outturn-document table { border-collapse: collapse; width: 100%; margin: 0; font-size: .875rem; }
        .outturn-document caption { text-align: left; font-weight: bold; padding: .25rem 0; break-after: avoid; }
        .outturn-document th, .outturn-document td { border: 1px solid #505a5f; padding: .25rem .4rem; text-align: left; vertical-align: top; }
        .outturn-document th.doc-num, .outturn-document td.doc-num { text-align: right; font-variant-numeric: tabular-nums; }
        .outturn-document thead th { background: #f3f2f1; }
        .outturn-document thead { display: table-header-group; break-inside: avoid; break-after: avoid; }
        .outturn-document tr { break-inside: avoid; }
        .outturn-document tbody tr:first-child { break-before: avoid; }
        .outturn-document h1, .outturn-document h2, .outturn-document h3, .outturn-document h4, .outturn-document .doc-keep { break-after: avoid; }
        .outturn-document .doc-figure { margin: 0 0 1rem; }
        .outturn-document .doc-figure svg { max-width: 100%; height: auto; }
        .outturn-document .doc-symbol { vertical-align: -2px; margin-right: .2rem; }
        .outturn-document .doc-status { }
        .outturn-document .doc-visually-hidden { position: absolute !important; width: 1px !important; height: 1px !important; margin: 0 !important; padding: 0 !important; overflow: hidden !important; clip: rect(0 0 0 0) !important; clip-path: inset(50%) !important; border: 0 !important; white-space: nowrap !important; }
        .outturn-document .doc-landscape { page: landscape; }
        .outturn-document .doc-page-break { break-before: page; }
        @page { size: A4 portrait; margin: 2cm 2cm 2.2cm; }
        @page landscape { size: A4 landscape; margin: 2cm; }
        @media print {
          .outturn-document { max-width: none; font-size: 10.5pt; }
          .outturn-document .doc-table { overflow: visible; }
          .outturn-document .doc-landscape { break-before: page; break-after: page; }
        }
        """;

    public static string RenderPage(Document document)
    {
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(E(document.Title)).Append("</title>\n");
        if (document.Subject is not null) sb.Append("<meta name=\"description\" content=\"").Append(E(document.Subject)).Append("\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<style>\nbody { margin: 1rem; }\n").Append(Css).Append("\n</style>\n</head>\n<body>\n<main>\n");
        WriteFragment(document, sb);
        sb.Append("</main>\n</body>\n</html>\n");
        return sb.ToString();
    }

    public static string RenderFragment(Document document)
    {
        var sb = new StringBuilder(64 * 1024);
        WriteFragment(document, sb);
        return sb.ToString();
    }

    private static void WriteFragment(Document document, StringBuilder sb)
    {
        sb.Append("<article class=\"outturn-document\">\n");
        var tableNo = 0;
        foreach (var block in document.Blocks) Write(block, sb, ref tableNo);
        sb.Append("</article>\n");
    }

    private static void Write(Block block, StringBuilder sb, ref int tableNo)
    {
        switch (block)
        {
            case Heading h:
                var level = Math.Clamp(h.Level, 1, 4);
                sb.Append($"<h{level}>").Append(E(h.Text)).Append($"</h{level}>\n");
                break;
            case Paragraph p when p.Number is not null:
                sb.Append("<p class=\"doc-numbered\"><span>").Append(E(p.Number)).Append("</span><span>");
                Inlines(p.Content, sb);
                sb.Append("</span></p>\n");
                break;
            case Paragraph p:
                sb.Append("<p>");
                Inlines(p.Content, sb);
                sb.Append("</p>\n");
                break;
            case Field f:
                sb.Append("<p class=\"doc-field\"><strong>").Append(E(f.Label)).Append(":</strong> ").Append(E(f.Value)).Append("</p>\n");
                break;
            case BulletList list:
                sb.Append("<ul>");
                foreach (var item in list.Items) sb.Append("<li>").Append(E(item)).Append("</li>");
                sb.Append("</ul>\n");
                break;
            case Table t:
                tableNo++;
                // A wide table scrolls inside its own labelled, focusable region on a narrow screen (the GOV.UK pattern),
                // so the page itself reflows; printed, it is laid out in full.
                sb.Append("<div class=\"doc-table\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(E(t.Caption)).Append("\">\n");
                sb.Append("<table>\n<caption>").Append(E(t.Caption)).Append("</caption>\n");
                if (t.Widths is { } widths)
                {
                    var total = (double)widths.Sum();
                    sb.Append("<colgroup>");
                    foreach (var w in widths) sb.Append("<col style=\"width: ").Append((w * 100 / total).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)).Append("%\">");
                    sb.Append("</colgroup>\n");
                }
                sb.Append("<thead><tr>");
                for (var c = 0; c < t.Header.Count; c++)
                    sb.Append(t.IsFigureColumn(c) ? "<th scope=\"col\" class=\"doc-num\">" : "<th scope=\"col\">").Append(E(t.Header[c])).Append("</th>");
                sb.Append("</tr></thead>\n<tbody>\n");
                foreach (var row in t.Rows)
                {
                    sb.Append("<tr>");
                    for (var i = 0; i < row.Count; i++)
                    {
                        var header = i == 0 && t.RowHeaders;
                        var num = row[i].Align == CellAlign.Right ? " class=\"doc-num\"" : "";
                        sb.Append(header ? $"<th scope=\"row\"{num}>" : $"<td{num}>");
                        Inlines(row[i].Content, sb);
                        sb.Append(header ? "</th>" : "</td>");
                    }
                    sb.Append("</tr>\n");
                }
                sb.Append("</tbody>\n</table>\n</div>\n");
                break;
            case Landscape l:
                sb.Append("<section class=\"doc-landscape\">\n");
                foreach (var inner in l.Blocks) Write(inner, sb, ref tableNo);
                sb.Append("</section>\n");
                break;
            case Figure f:
                // The SVG is generated by Outturn (SvgLineChart encodes every text), not user markup.
                sb.Append("<figure class=\"doc-figure\">").Append(f.Svg).Append("</figure>\n");
                break;
            case PageBreak:
                sb.Append("<div class=\"doc-page-break\"></div>\n");
                break;
        }
    }

    private static void Inlines(IReadOnlyList<Inline> content, StringBuilder sb)
    {
        foreach (var inline in content)
        {
            switch (inline)
            {
                case Run r:
                    var text = E(r.Text).Replace("\n", "<br>");
                    if (r.Bold) sb.Append("<strong>").Append(text).Append("</strong>");
                    else sb.Append(text);
                    break;
                case Symbol s:
                    sb.Append("<span class=\"doc-status\">").Append(Symbols.Svg(s.Kind)).Append(E(s.Label))
                        .Append("<span class=\"doc-visually-hidden\">").Append(E(s.Words.StartsWith(s.Label + ":", StringComparison.Ordinal) ? s.Words[s.Label.Length..] : ": " + s.Words)).Append("</span></span>");
                    break;
            }
        }
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}
