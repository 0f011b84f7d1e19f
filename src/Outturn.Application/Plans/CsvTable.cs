using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace Outturn.Application.Plans;

/// <summary>One row of a CSV file with the line it starts on, so every error can name file and line.</summary>
public sealed class CsvRow(string file, int line, IReadOnlyDictionary<string, string> fields)
{
    public string File { get; } = file;
    public int Line { get; } = line;

    public string this[string column] => fields.TryGetValue(column, out var v) ? v.Trim() : "";

    public string? Optional(string column) => this[column] is { Length: > 0 } v ? v : null;

    public string Where => $"{File}:{Line}";
}

/// <summary>Reads a CSV file into rows, checking its header against the columns the format allows.</summary>
public static class CsvTable
{
    public static List<CsvRow>? Read(string folder, string file, string[] required, string[] optional, bool fileRequired, List<string> errors)
    {
        var path = Path.Combine(folder, file);
        if (!System.IO.File.Exists(path))
        {
            if (fileRequired) errors.Add($"{file}: missing; a plan folder needs this file.");
            return fileRequired ? null : [];
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            BadDataFound = null,
            TrimOptions = TrimOptions.None,
        };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        var rows = new List<CsvRow>();
        try
        {
            if (!csv.Read())
            {
                errors.Add($"{file}:1: empty file; expected a header row with {string.Join(",", required)}.");
                return null;
            }
            csv.ReadHeader();
            var header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
            var known = required.Concat(optional).ToHashSet(StringComparer.Ordinal);
            var headerOk = true;
            foreach (var h in header.Where(h => !known.Contains(h)))
            {
                errors.Add($"{file}:1: unknown column \"{h}\"; the columns are {string.Join(", ", required.Concat(optional))}.");
                headerOk = false;
            }
            foreach (var r in required.Where(r => !header.Contains(r)))
            {
                errors.Add($"{file}:1: missing column \"{r}\".");
                headerOk = false;
            }
            foreach (var d in header.GroupBy(h => h).Where(g => g.Count() > 1))
            {
                errors.Add($"{file}:1: column \"{d.Key}\" appears twice.");
                headerOk = false;
            }
            if (!headerOk) return null;

            var lastRawRow = csv.Parser.RawRow;
            while (csv.Read())
            {
                var line = lastRawRow + 1;
                lastRawRow = csv.Parser.RawRow;
                var record = csv.Parser.Record ?? [];
                if (record.Length != header.Length)
                {
                    errors.Add($"{file}:{line}: {record.Length} fields where the header has {header.Length}.");
                    continue;
                }
                var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++) fields[header[i]] = record[i];
                if (fields.Values.All(string.IsNullOrWhiteSpace)) continue;
                rows.Add(new CsvRow(file, line, fields));
            }
        }
        catch (CsvHelperException ex)
        {
            errors.Add($"{file}:{csv.Parser.RawRow}: not valid CSV ({ex.GetType().Name}).");
            return null;
        }
        return rows;
    }

    public static bool TryNumber(string text, out decimal value) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
}
