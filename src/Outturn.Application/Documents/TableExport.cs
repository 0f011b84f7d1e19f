using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Outturn.Application.Monitoring;

namespace Outturn.Application.Documents;

/// <summary>
/// The tables behind the documents as Excel (.xlsx) and CSV, for analysts: the monitoring as two tables (measures and
/// milestones, one row each, figures as numbers beside the printed text and both the computed and the final status),
/// and any document's tables as they are printed.
/// </summary>
public static class TableExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static readonly string[] MeasureColumns =
    [
        "plan", "period", "priority", "ref", "measure", "key", "previous_year_actual", "target", "target_value", "current", "current_value",
        "direction", "progress", "computed_direction", "computed_progress", "direction_reason", "progress_reason", "commentary",
    ];

    /// <summary>Each priority's Supporting Commentary, a paragraph a row, as the report prints it (with officers' initials).</summary>
    public static readonly string[] CommentaryColumns = ["plan", "period", "priority", "paragraph", "text"];

    public static readonly string[] MilestoneColumns = ["plan", "period", "priority", "ref", "milestone", "progress", "suggested", "commentary"];

    public static IReadOnlyList<Dictionary<string, object?>> MeasureRows(MonitoringReport r) =>
        r.Priorities.SelectMany(p => p.KeyMeasures.Concat(p.Measures).Select(m => Row(MeasureColumns,
            r.Plan, r.Period, p.Priority, m.Ref, m.Title, m.Key ? "yes" : "no", m.PreviousYearActual, m.TargetText, m.Target, m.CurrentText, m.Current,
            m.FinalDirection, m.FinalProgress, m.Direction, m.Progress, m.DirectionReason, m.ProgressReason, m.Commentary))).ToList();

    public static IReadOnlyList<Dictionary<string, object?>> CommentaryRows(MonitoringReport r) =>
        r.Priorities.SelectMany(p => p.Commentary.Select((text, n) => Row(CommentaryColumns, r.Plan, r.Period, p.Priority, n + 1, text))).ToList();

    public static IReadOnlyList<Dictionary<string, object?>> MilestoneRows(MonitoringReport r) =>
        r.Priorities.SelectMany(p => p.Milestones.Select(m => Row(MilestoneColumns,
            r.Plan, r.Period, p.Priority, m.Ref, m.Text, m.Progress ?? "no update", m.Suggested, m.Commentary))).ToList();

    public static byte[] MonitoringXlsx(MonitoringReport r) => Xlsx(new Dictionary<string, object>
    {
        ["Measures"] = MeasureRows(r),
        ["Milestones"] = MilestoneRows(r),
        ["Commentary"] = CommentaryRows(r),
    });

    /// <summary>One table of the monitoring as CSV: <c>measures</c>, <c>milestones</c> or <c>commentary</c>.</summary>
    public static byte[] MonitoringCsv(MonitoringReport r, string table) => table switch
    {
        "milestones" => Csv(MilestoneColumns, MilestoneRows(r)),
        "commentary" => Csv(CommentaryColumns, CommentaryRows(r)),
        _ => Csv(MeasureColumns, MeasureRows(r)),
    };

    /// <summary>Every table of a document, one sheet each, as printed (symbols as their words).</summary>
    public static byte[] DocumentXlsx(Document d)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var t in d.AllBlocks.OfType<Table>())
        {
            var name = SheetName(t.Caption, sheets.Keys);
            var header = UniqueHeaders(t.Header);
            sheets[name] = t.Rows.Select(row => header.Zip(row).ToDictionary(x => x.First, x => (object?)Text(x.Second))).ToList();
        }
        if (sheets.Count == 0) sheets["Tables"] = new List<Dictionary<string, object?>>();
        return Xlsx(sheets);
    }

    /// <summary>Every table of a document as one CSV: the table's caption, then the printed columns.</summary>
    public static byte[] DocumentCsv(Document d)
    {
        var sb = new StringBuilder();
        foreach (var t in d.AllBlocks.OfType<Table>())
        {
            sb.Append(string.Join(",", new[] { "table" }.Concat(t.Header).Select(Q))).Append("\r\n");
            foreach (var row in t.Rows) sb.Append(string.Join(",", new[] { t.Caption }.Concat(row.Select(Text)).Select(Q))).Append("\r\n");
        }
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }

    public static string Text(Cell c) => string.Concat(c.Content.Select(i => i switch
    {
        Run r => r.Text,
        Symbol s => s.Label,
        _ => "",
    }));

    private static byte[] Xlsx(Dictionary<string, object> sheets)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(sheets);
        return stream.ToArray();
    }

    private static byte[] Csv(string[] columns, IReadOnlyList<Dictionary<string, object?>> rows)
    {
        var sb = new StringBuilder(string.Join(",", columns)).Append("\r\n");
        foreach (var row in rows)
            sb.Append(string.Join(",", columns.Select(c => Q(row[c] switch
            {
                null => "",
                decimal d => d.ToString(CultureInfo.InvariantCulture),
                var v => v.ToString() ?? "",
            })))).Append("\r\n");
        // A byte-order mark so Excel opens the UTF-8 file with its £ and – intact.
        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
    }

    /// <summary>One CSV cell, quoted where it must be and kept from running as a spreadsheet formula: every CSV export uses it.</summary>
    public static string CsvCell(string? s) => Q(s ?? "");

    private static string Q(string s)
    {
        // A leading =, +, - or @ would be run as a formula by a spreadsheet: quote it as text.
        if (s.Length > 0 && "=+-@".Contains(s[0]) && !decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out _)) s = "'" + s;
        return s.Contains(',') || s.Contains('"') || s.Contains('\n') || s.Contains('\r') ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    private static Dictionary<string, object?> Row(string[] columns, params object?[] values) =>
        columns.Zip(values).ToDictionary(p => p.First, p => p.Second);

    private static string SheetName(string caption, IEnumerable<string> taken)
    {
        var clean = new string(caption.Select(ch => "[]:*?/\\".Contains(ch) ? ' ' : ch).ToArray()).Trim();
        var name = clean.Length > 28 ? clean[..28].Trim() : clean;
        var existing = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var candidate = name;
        for (var n = 2; existing.Contains(candidate); n++) candidate = $"{name[..Math.Min(name.Length, 26)]} {n}";
        return candidate.Length == 0 ? "Table" : candidate;
    }

    private static List<string> UniqueHeaders(IReadOnlyList<string> header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return header.Select(h => { var x = h; for (var n = 2; !seen.Add(x); n++) x = $"{h} {n}"; return x; }).ToList();
    }
}
