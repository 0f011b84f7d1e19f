using System.Globalization;

namespace Outturn.Domain.Returns;

/// <summary>The statutory returns Outturn reads.</summary>
public enum ReturnKind { Ssda903, Cin, AnnexA }

public enum FieldType { Text, Date, Code, Integer }

/// <summary>One column of a return table: its name as the guide spells it, its type, whether it may be blank, its code list.</summary>
public sealed record FieldSpec(string Name, FieldType Type, bool Required = false, IReadOnlyCollection<string>? Codes = null)
{
    public static FieldSpec Text(string name, bool required = false) => new(name, FieldType.Text, required);
    public static FieldSpec Date(string name, bool required = false) => new(name, FieldType.Date, required);
    public static FieldSpec Int(string name, bool required = false) => new(name, FieldType.Integer, required);
    public static FieldSpec Code(string name, IReadOnlyCollection<string> codes, bool required = false) => new(name, FieldType.Code, required, codes);
}

/// <summary>A table of a return: its name and columns in the guide's order.</summary>
public sealed record TableSpec(string Name, IReadOnlyList<FieldSpec> Fields, bool Required = false)
{
    public IEnumerable<string> Columns => Fields.Select(f => f.Name);
    public FieldSpec? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// A row's fields as a read-only dictionary over one array of values and a column index shared by every row of its
/// file, so a national-size table costs one array per row rather than one dictionary.
/// </summary>
public sealed class RowFields(IReadOnlyDictionary<string, int> index, string[] values) : IReadOnlyDictionary<string, string>
{
    public string this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => index.Keys;
    public IEnumerable<string> Values => index.Values.Select(i => values[i]);
    public int Count => index.Count;
    public bool ContainsKey(string key) => index.ContainsKey(key);

    public bool TryGetValue(string key, out string value)
    {
        if (index.TryGetValue(key, out var i)) { value = values[i]; return true; }
        value = "";
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        index.Select(kv => new KeyValuePair<string, string>(kv.Key, values[kv.Value])).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A row as read from a file, before typing: the file and line it came from and its fields as text.</summary>
public sealed class RawRow(string table, string file, int line, IReadOnlyDictionary<string, string> fields)
{
    public string Table { get; } = table;
    public string File { get; } = file;
    public int Line { get; } = line;
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    public string this[string column] => Fields.TryGetValue(column, out var v) ? v.Trim() : "";
    public string? Optional(string column) => this[column] is { Length: > 0 } v ? v : null;
}

/// <summary>A structural error: the file, the row (line) and the field, and what was expected.</summary>
public sealed record StructuralError(string File, int? Line, string? Field, string Problem)
{
    public override string ToString() =>
        File + (Line is { } l ? ":" + l.ToString(CultureInfo.InvariantCulture) : "") + (Field is null ? "" : ": " + Field) + ": " + Problem;
}

/// <summary>Checks rows against their table's columns: dates that are dates, codes on the guide's list, required values present.</summary>
public static class FieldChecks
{
    public static void Check(TableSpec spec, RawRow row, string dateFormat, List<StructuralError> errors)
    {
        foreach (var field in spec.Fields)
        {
            var value = row[field.Name];
            if (value.Length == 0)
            {
                if (field.Required) errors.Add(new(row.File, row.Line, field.Name, "a value is required"));
                continue;
            }
            switch (field.Type)
            {
                case FieldType.Date when !TryDate(value, dateFormat, out _):
                    errors.Add(new(row.File, row.Line, field.Name, $"\"{value}\" is not a date; expected {Describe(dateFormat)}"));
                    break;
                case FieldType.Integer when !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _):
                    errors.Add(new(row.File, row.Line, field.Name, $"\"{value}\" is not a whole number"));
                    break;
                case FieldType.Code when field.Codes is { } codes && !codes.Contains(value):
                    errors.Add(new(row.File, row.Line, field.Name, $"\"{value}\" is not on the guide's list ({string.Join(", ", codes)})"));
                    break;
            }
        }
    }

    public static bool TryDate(string text, string format, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        // Extracts often carry a midnight time after the date (2015-04-01T00:00:00); the date is what counts.
        || (format == "yyyy-MM-dd" && text.Trim().Length > 10 && text.Trim()[10] == 'T'
            && DateOnly.TryParseExact(text.Trim()[..10], format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date));

    public static string Describe(string format) => format switch
    {
        "dd/MM/yyyy" => "dd/mm/yyyy, e.g. 31/03/2016",
        "yyyy-MM-dd" => "yyyy-mm-dd, e.g. 2016-03-31",
        _ => format,
    };
}
