using System.Globalization;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Returns;

namespace Outturn.Application.Returns;

public sealed record AnnexAResult(IReadOnlyList<StructuralError> Errors, IReadOnlyList<string> Report)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Imports Ofsted's Annex A workbook: each sheet is identified as one of lists 1–11, its header row found (the first
/// of the top ten rows with three or more headings), its headings matched tolerantly to the list's fields, and the
/// matches reported. A date field holding something that is not a date, or a list without a child id column, rejects
/// the workbook; nothing is kept.
/// </summary>
public sealed class AnnexAImport(ReturnsImport import)
{
    public async Task<AnnexAResult> ImportAsync(string path, CancellationToken ct = default)
    {
        if (!File.Exists(path)) return new([new(Path.GetFileName(path), null, null, "no such file")], []);
        await using var stream = File.OpenRead(path);
        return await ImportAsync(Path.GetFileName(path), stream, ct);
    }

    public async Task<AnnexAResult> ImportAsync(string name, Stream content, CancellationToken ct = default)
    {
        var (rows, errors, report) = Read(name, content);
        if (errors.Count > 0) return new(ImportErrors.Capped(errors), report);
        var year = InferYear(rows);
        if (year is null) return new([new(name, null, null, "no dates found to tell the year from")], report);
        var stored = await import.StoreAsync([new ReturnBatch(ReturnKind.AnnexA, year, [name], DateTimeOffset.UtcNow, rows)], ct);
        return new(stored.Errors, report.Concat(stored.Imported).ToList());
    }

    public static (List<RawRow> Rows, List<StructuralError> Errors, List<string> Report) Read(string name, Stream content)
    {
        var rows = new List<RawRow>();
        var errors = new List<StructuralError>();
        var report = new List<string>();
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        buffer.Position = 0;
        if (GuardedWorkbook.Check(buffer) is { } refused) return (rows, [new(name, null, null, refused)], report);
        var (read, unreadable) = GuardedWorkbook.ReadSheets(buffer, useHeaderRow: false);
        if (read is null) return (rows, [new(name, null, null, unreadable!)], report);
        var seen = new HashSet<int>();
        foreach (var (sheet, cells) in read)
        {
            var list = AnnexASpec.Identify(sheet);
            var headerIndex = cells.Take(10).ToList().FindIndex(r => r.Values.Count(v => v is string s && s.Trim().Length > 0) >= 3);
            if (list is null && headerIndex >= 0)
                list = cells.Take(headerIndex).SelectMany(r => r.Values.OfType<string>()).Select(AnnexASpec.Identify).FirstOrDefault(l => l is not null);
            if (list is null)
            {
                report.Add($"{sheet}: not one of lists 1–11, ignored.");
                continue;
            }
            if (!seen.Add(list.Number))
            {
                errors.Add(new(name, null, sheet, $"a second sheet for list {list.Number} ({list.Title})"));
                continue;
            }
            if (headerIndex < 0)
            {
                report.Add($"{sheet}: list {list.Number} ({list.Title}) has no header row, so no rows.");
                continue;
            }
            var header = cells[headerIndex];
            var columns = header.Where(kv => kv.Value is string s && s.Trim().Length > 0).Select(kv => (Column: kv.Key, Heading: ((string)kv.Value!).Trim())).ToList();
            var matches = AnnexASpec.Match(list, columns.Select(c => c.Heading).ToList());
            report.Add($"{sheet}: list {list.Number} ({list.Title}); " + string.Join("; ", matches.Select(m => m.Field is null ? $"\"{m.Heading}\" not matched" : $"\"{m.Heading}\" → {m.Field} ({m.How})")));
            foreach (var missing in list.Fields.Where(f => f.Required && !matches.Any(m => m.Field == f.Name)))
                errors.Add(new(name, headerIndex + 1, sheet, $"no column matches {missing.Name} (headings tried: {string.Join(", ", missing.Headings)})"));
            var byColumn = columns.Zip(matches).Where(x => x.Second.Field is not null).Select(x => (x.First.Column, Field: list.Fields.First(f => f.Name == x.Second.Field))).ToList();
            for (var i = headerIndex + 1; i < cells.Count; i++)
            {
                var row = cells[i];
                if (row.Values.All(v => v is null || v is string s && s.Trim().Length == 0)) continue;
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (column, field) in byColumn)
                {
                    var value = row.TryGetValue(column, out var v) ? v : null;
                    var text = ToText(value, field.Type, out var ok);
                    if (!ok) errors.Add(new(name, i + 1, $"{sheet}!{column}", $"\"{ImportErrors.Value(Convert.ToString(value, CultureInfo.InvariantCulture))}\" is not a date; expected a date cell or dd/mm/yyyy ({field.Name})"));
                    if (text.Length > 0) fields[field.Name] = text;
                }
                if (!fields.ContainsKey("ChildId")) errors.Add(new(name, i + 1, sheet, "no child id on this row"));
                rows.Add(new RawRow("List" + list.Number.ToString(CultureInfo.InvariantCulture), name, i + 1, fields));
            }
        }
        if (seen.Count == 0) errors.Add(new(name, null, null, "no sheet is one of Annex A's lists 1–11 (sheet names such as \"List 1\" or titles such as \"Contacts\")"));
        if (errors.Count > ImportErrors.Shown)
            errors = [.. errors.Take(ImportErrors.Shown), new(name, null, null, $"… and {errors.Count - ImportErrors.Shown:N0} more.")];
        return (rows, errors, report);
    }

    private static string ToText(object? value, FieldType type, out bool ok)
    {
        ok = true;
        switch (value)
        {
            case null: return "";
            case DateTime dt: return type == FieldType.Date ? DateOnly.FromDateTime(dt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : dt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            case double d when type == FieldType.Date:
                if (d is > 0 and < 80000) return DateOnly.FromDateTime(DateTime.FromOADate(d)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                ok = false; return "";
        }
        var s = Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? "";
        if (type != FieldType.Date || s.Length == 0) return s;
        if (FieldChecks.TryDate(s, Ssda903Spec.DateFormat, out var dmy) || FieldChecks.TryDate(s, CinSpec.DateFormat, out dmy))
            return dmy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        ok = false;
        return "";
    }

    private static int? InferYear(IEnumerable<RawRow> rows)
    {
        DateOnly? latest = null;
        foreach (var r in rows)
            foreach (var v in r.Fields.Values)
                if (v.Length == 10 && FieldChecks.TryDate(v, CinSpec.DateFormat, out var d) && r.Fields.GetValueOrDefault("DateOfBirth") != v && (latest is null || d > latest))
                    latest = d;
        return latest is { } l ? (l.Month >= 4 ? l.Year : l.Year - 1) : null;
    }
}
