using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Outturn.Application.Data;
using Outturn.Application.Plans;

namespace Outturn.Application.Finance;

/// <summary>
/// Reads a one-table file — CSV, or the first worksheet of an .xlsx workbook — into rows that know their line (the
/// CSV line, or the worksheet's row number), checking the header as <see cref="CsvTable"/> does.
/// </summary>
public static class Sheet
{
    public static List<CsvRow>? Read(string path, string[] required, string[] optional, List<string> errors)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            errors.Add($"{file}: no such file.");
            return null;
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".xlsx") return ReadWorkbook(path, file, required, optional, errors);
        if (extension != ".csv")
        {
            errors.Add($"{file}: expected a .csv or .xlsx file.");
            return null;
        }
        return CsvTable.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, file, required, optional, fileRequired: true, errors);
    }

    private static List<CsvRow>? ReadWorkbook(string path, string file, string[] required, string[] optional, List<string> errors)
    {
        if (GuardedWorkbook.Check(path) is { } refused)
        {
            errors.Add($"{file}: {refused}");
            return null;
        }
        List<(int Row, Dictionary<int, string> Cells)> rows;
        try
        {
            rows = WorksheetRows(path);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // A well-formed zip of well-formed XML can still lack a part or point at nothing: the file's fault, in words.
            errors.Add($"{file}: not a readable Excel workbook (.xlsx): {GuardedWorkbook.Unreadable(ex)}");
            return null;
        }
        var nonEmpty = rows.Where(r => r.Cells.Values.Any(v => !string.IsNullOrWhiteSpace(v))).ToList();
        if (nonEmpty.Count == 0)
        {
            errors.Add($"{file}:1: empty worksheet; expected a header row with {string.Join(",", required)}.");
            return null;
        }
        var (headerRow, headerCells) = nonEmpty[0];
        var header = headerCells.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value.Trim());
        var known = required.Concat(optional).ToHashSet(StringComparer.Ordinal);
        var ok = true;
        foreach (var h in header.Values.Where(h => !known.Contains(h)))
        {
            errors.Add($"{file}:{headerRow}: unknown column \"{h}\"; the columns are {string.Join(", ", required.Concat(optional))}.");
            ok = false;
        }
        foreach (var r in required.Where(r => !header.ContainsValue(r)))
        {
            errors.Add($"{file}:{headerRow}: missing column \"{r}\".");
            ok = false;
        }
        foreach (var d in header.Values.GroupBy(h => h).Where(g => g.Count() > 1))
        {
            errors.Add($"{file}:{headerRow}: column \"{d.Key}\" appears twice.");
            ok = false;
        }
        if (!ok) return null;
        var result = new List<CsvRow>();
        foreach (var (row, cells) in nonEmpty.Skip(1))
        {
            foreach (var stray in cells.Where(c => !header.ContainsKey(c.Key) && !string.IsNullOrWhiteSpace(c.Value)))
                errors.Add($"{file}:{row}: a value in column {ColumnName(stray.Key)}, which has no header.");
            var fields = header.ToDictionary(h => h.Value, h => cells.GetValueOrDefault(h.Key, ""), StringComparer.Ordinal);
            result.Add(new CsvRow(file, row, fields));
        }
        return result;
    }

    private static List<(int, Dictionary<int, string>)> WorksheetRows(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        // A damaged or hostile package can lack any part the format says it has: each missing one is a refusal.
        var book = doc.WorkbookPart ?? throw new InvalidOperationException("no workbook part");
        var first = book.Workbook?.Sheets?.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().FirstOrDefault()
            ?? throw new InvalidOperationException("no worksheet");
        var id = first.Id?.Value ?? throw new InvalidOperationException("a worksheet without its part");
        var part = book.GetPartById(id) as WorksheetPart ?? throw new InvalidOperationException("a worksheet without its part");
        var worksheet = part.Worksheet ?? throw new InvalidOperationException("an empty worksheet part");
        var shared = book.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = new List<(int, Dictionary<int, string>)>();
        var next = 1;
        foreach (var row in worksheet.Descendants<Row>())
        {
            var number = row.RowIndex?.Value is { } ri && ri <= 1_048_576 ? (int)ri : next;
            next = number + 1;
            var cells = new Dictionary<int, string>();
            var column = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : column + 1;
                cells[column] = CellText(cell, shared);
            }
            rows.Add((number, cells));
        }
        return rows;
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
            return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Count ? shared[i] : "";
        if (type == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        if (type == CellValues.Boolean) return raw == "1" ? "TRUE" : "FALSE";
        if (type is null || type == CellValues.Number)
        {
            // Numbers come as their shortest round-trip text ("4445", "-94", "12.5"); exponents are spelled out.
            // Beyond decimal's range the text is left as it is, for the column's own check to refuse.
            if (raw.Contains('E', StringComparison.OrdinalIgnoreCase) &&
                double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) &&
                Math.Abs(d) < 7.9e28)
                return ((decimal)d).ToString(CultureInfo.InvariantCulture);
            return raw;
        }
        return raw;
    }

    /// <summary>"C12" → 3.</summary>
    private static int ColumnIndex(string reference)
    {
        var n = 0;
        // Excel's last column is XFD (16,384); a longer reference is damage, and reads as no column.
        foreach (var ch in reference.TakeWhile(char.IsAsciiLetter).Take(4)) n = n * 26 + (char.ToUpperInvariant(ch) - 'A' + 1);
        return n;
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26) name = (char)('A' + (index - 1) % 26) + name;
        return name;
    }
}
