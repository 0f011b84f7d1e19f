using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using CsvHelper;
using CsvHelper.Configuration;
using Outturn.Domain.Returns;

namespace Outturn.Application.Returns;

/// <summary>One collection year's worth of rows read from one or more files, before anything is stored.</summary>
/// <remarks>
/// A children in need census is not kept as rows (a national census is three million of them): as each Child streams
/// past, its rows are typed into <see cref="Census"/> and written into their stored form, <see cref="Tables"/>, and
/// <see cref="Rows"/> stays empty.
/// </remarks>
public sealed record ReturnBatch(ReturnKind Kind, int? Year, IReadOnlyList<string> Files, DateTimeOffset FileDate, List<RawRow> Rows)
{
    /// <summary>A census typed as it was read, as the year read from its header (0 when the header does not say).</summary>
    public CinReturn? Census { get; init; }

    /// <summary>A census's tables in their stored form, written as it was read.</summary>
    public IReadOnlyList<PackedTable>? Tables { get; init; }

    public int RowCount => Tables?.Sum(t => t.RowCount) ?? Rows.Count;
}

/// <summary>What reading a file or folder gave: the batches, or the structural errors (file, row, field) that reject it.</summary>
public sealed record ReadResult(IReadOnlyList<ReturnBatch> Batches, IReadOnlyList<StructuralError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>Reads statutory return files (SSDA903 CSV tables, CIN census XML) into rows, checking their structure.</summary>
public static class ReturnFiles
{
    public static ReadResult Read(ReturnKind kind, string path) => kind switch
    {
        ReturnKind.Ssda903 => ReadSsda903(path),
        ReturnKind.Cin => ReadCin(path),
        _ => new([], [new(Path.GetFileName(path), null, null, "Annex A workbooks are read by AnnexAImport")]),
    };

    private static IEnumerable<string> FilesOf(string path, string pattern) =>
        File.Exists(path) ? [path]
        : Directory.Exists(path) ? Directory.GetFiles(path, pattern).Order(StringComparer.Ordinal)
        : [];

    // ---------- SSDA903 ----------

    public static ReadResult ReadSsda903(string path)
    {
        var errors = new List<StructuralError>();
        var files = FilesOf(path, "*.csv").ToList();
        var where = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (files.Count == 0)
            return new([], [new(where, null, null, File.Exists(path) || Directory.Exists(path)
                ? "no CSV files; an SSDA903 return is a set of CSV tables (Header, Episodes, …)"
                : "no such file or folder")]);
        var rows = new List<RawRow>();
        var seen = new Dictionary<string, string>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var table = ReadCsv(file, name, errors, rows);
            if (table is null) continue;
            if (seen.TryGetValue(table, out var other))
                errors.Add(new(name, 1, null, $"a second {table} table (the first is {other}); give one file per table"));
            else seen[table] = name;
        }
        foreach (var t in Ssda903Spec.Tables.Where(t => t.Required && !seen.ContainsKey(t.Name)))
            if (!errors.Any(e => e.Line == 1 && e.Problem.Contains($"looks like the {t.Name} table", StringComparison.Ordinal)))
                errors.Add(new(where, null, null, $"missing table {t.Name}: no file has its columns ({string.Join(",", t.Columns)})"));
        if (errors.Count > 0) return new([], errors);
        var year = LookedAfterReturn.InferYear(rows);
        return new([new(ReturnKind.Ssda903, year, files.Select(Path.GetFileName).ToList()!, files.Max(f => new DateTimeOffset(File.GetLastWriteTimeUtc(f))), rows)], []);
    }

    private static string? ReadCsv(string path, string name, List<StructuralError> errors, List<RawRow> rows)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false, IgnoreBlankLines = true, BadDataFound = null, TrimOptions = TrimOptions.None,
        };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read())
        {
            errors.Add(new(name, 1, null, "empty file; expected a header row"));
            return null;
        }
        csv.ReadHeader();
        var header = csv.HeaderRecord!.Select(h => h.Trim()).ToArray();
        var spec = Ssda903Spec.Identify(header);
        if (spec is null)
        {
            var closest = Ssda903Spec.Closest(header);
            var unknown = header.Where(h => closest.Field(h) is null).ToList();
            var missing = closest.Columns.Where(c => !header.Contains(c)).ToList();
            foreach (var u in unknown)
                errors.Add(new(name, 1, u, $"unknown header; this file looks like the {closest.Name} table, whose columns are {string.Join(",", closest.Columns)}"));
            foreach (var m in missing)
                errors.Add(new(name, 1, m, $"missing column; this file looks like the {closest.Name} table, whose columns are {string.Join(",", closest.Columns)}"));
            if (unknown.Count == 0 && missing.Count == 0)
                errors.Add(new(name, 1, null, "a column appears twice"));
            return null;
        }
        var index = header.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
        // Codes, dates and ids repeat across rows: keep one copy of each value.
        var pool = new Dictionary<string, string>(StringComparer.Ordinal);
        string Intern(string v)
        {
            if (v.Length == 0) return "";
            if (pool.TryGetValue(v, out var shared)) return shared;
            if (pool.Count < 2_000_000) pool[v] = v;
            return v;
        }
        var lastRawRow = csv.Parser.RawRow;
        while (csv.Read())
        {
            var line = lastRawRow + 1;
            lastRawRow = csv.Parser.RawRow;
            var record = csv.Parser.Record ?? [];
            if (record.Length != header.Length)
            {
                errors.Add(new(name, line, null, $"{record.Length} fields where the header has {header.Length}"));
                continue;
            }
            var values = new string[header.Length];
            for (var i = 0; i < header.Length; i++) values[i] = Intern(record[i].Trim());
            var row = new RawRow(spec.Name, name, line, new RowFields(index, values));
            FieldChecks.Check(spec, row, Ssda903Spec.DateFormat, errors);
            rows.Add(row);
        }
        return spec.Name;
    }

    // ---------- CIN census ----------

    public static ReadResult ReadCin(string path)
    {
        var files = FilesOf(path, "*.xml").ToList();
        var where = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (files.Count == 0)
            return new([], [new(where, null, null, File.Exists(path) || Directory.Exists(path)
                ? "no XML files; a children in need census is an XML file" : "no such file or folder")]);
        var errors = new List<StructuralError>();
        var batches = new List<ReturnBatch>();
        foreach (var file in files)
        {
            var name = Path.GetFileName(file);
            var before = errors.Count;
            var sink = new CinSink(name);
            new CinXml(sink, errors).Read(file, name);
            if (errors.Count > before) continue;
            var header = sink.Header;
            int? year = null;
            if (header?.Optional("ReferenceDate") is { } rd && FieldChecks.TryDate(rd, CinSpec.DateFormat, out var reference))
                year = reference.Month >= 4 ? reference.Year : reference.Year - 1;
            else if (header?.Optional("Year") is { } y && int.TryParse(y, CultureInfo.InvariantCulture, out var collection))
                year = collection - 1; // the 2016 census covers 2015/16
            batches.Add(new(ReturnKind.Cin, year, [name], new DateTimeOffset(File.GetLastWriteTimeUtc(file)), [])
            {
                Census = sink.Census.Build(year ?? 0), Tables = sink.Finish(),
            });
        }
        foreach (var dup in batches.Where(b => b.Year is not null).GroupBy(b => b.Year).Where(g => g.Count() > 1))
            errors.Add(new(dup.Last().Files[0], null, null, $"a second census for {dup.Key}/{(dup.Key + 1) % 100:D2} (the first is {dup.First().Files[0]})"));
        return errors.Count > 0 ? new([], errors) : new(batches, []);
    }
}

/// <summary>
/// Where a census's checked rows go as each Child streams past: typed into the census, and written into their
/// tables' stored form. Nothing keeps the rows themselves.
/// </summary>
internal sealed class CinSink(string file)
{
    private readonly Dictionary<string, PackedTable> _tables = new(StringComparer.Ordinal);

    public CinReturnBuilder Census { get; } = new();
    public RawRow? Header { get; private set; }

    public void Add(RawRow row)
    {
        if (row.Table == "Header") Header = row;
        Census.Add(row);
        if (!_tables.TryGetValue(row.Table, out var table))
            _tables[row.Table] = table = new PackedTable(row.Table, [file], [.. row.Fields.Keys]);
        table.Add(0, row.Line, row.Fields);
    }

    public void EndChild() => Census.EndChild();

    /// <summary>The tables, in the order their first rows came.</summary>
    public IReadOnlyList<PackedTable> Finish()
    {
        foreach (var t in _tables.Values) t.Finish();
        return [.. _tables.Values];
    }
}

/// <summary>
/// Flattens a CIN census XML file into <see cref="CinSpec"/> tables, reporting unknown elements and bad values by line.
/// Each row is checked as it is made and, while the file has no error, handed to the sink; once one error is found
/// the rest is only checked (the file will be refused, and a bad value need not be typed).
/// </summary>
internal sealed class CinXml(CinSink sink, List<StructuralError> errors)
{
    private readonly int _errorsBefore = errors.Count;

    private static readonly Dictionary<string, string> HeaderLeaves = new()
    {
        // CollectionDetails and Source leaves go to the Header table.
        ["Collection"] = "Header", ["Year"] = "Header", ["ReferenceDate"] = "Header", ["SourceLevel"] = "Header", ["LEA"] = "Header",
        ["SoftwareCode"] = "Header", ["Release"] = "Header", ["SerialNo"] = "Header", ["DateTime"] = "Header",
    };

    public void Read(string path, string name)
    {
        // The census is read one Child at a time, so a national-size file is never held whole in memory.
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
            var info = (IXmlLineInfo)reader;
            if (!reader.IsStartElement())
            {
                errors.Add(new(name, info.LineNumber, null, "no root element; the root element should be Message"));
                return;
            }
            if (reader.LocalName != "Message")
            {
                errors.Add(new(name, info.LineNumber, reader.LocalName, "the root element should be Message"));
                return;
            }
            var messageLine = info.LineNumber;
            var sawHeader = false;
            var sawChildren = false;
            reader.Read();
            while (reader.NodeType == XmlNodeType.Element)
            {
                switch (reader.LocalName)
                {
                    case "Header":
                        sawHeader = true;
                        ReadHeader(ReadElement(reader), name);
                        break;
                    case "Children":
                        sawChildren = true;
                        if (reader.IsEmptyElement) { reader.Read(); break; }
                        reader.Read();
                        while (reader.NodeType == XmlNodeType.Element)
                        {
                            if (reader.LocalName != "Child")
                            {
                                errors.Add(new(name, info.LineNumber, reader.LocalName, "unknown element under Children; expected Child"));
                                reader.Skip();
                                continue;
                            }
                            ReadChild(ReadElement(reader), name);
                            sink.EndChild();
                        }
                        reader.Read(); // </Children>
                        break;
                    default:
                        errors.Add(new(name, info.LineNumber, reader.LocalName, "unknown element under Message; expected Header, Children"));
                        reader.Skip();
                        break;
                }
            }
            if (!sawHeader) errors.Add(new(name, messageLine, "Header", "missing: the census needs a Header (CollectionDetails, Source)"));
            if (!sawChildren) errors.Add(new(name, messageLine, "Children", "missing: the census needs a Children element"));
        }
        catch (XmlException e)
        {
            errors.Add(new(name, e.LineNumber, null, "not well-formed XML: " + e.Message));
        }
    }

    /// <summary>Reads the element under the reader (with its line numbers) and moves past it.</summary>
    private static XElement ReadElement(XmlReader reader)
    {
        using var sub = reader.ReadSubtree();
        sub.Read();
        var e = XElement.Load(sub, LoadOptions.SetLineInfo);
        reader.Read();
        return e;
    }

    private void ReadHeader(XElement header, string name)
    {
        var fields = new Dictionary<string, string>();
        foreach (var group in header.Elements())
        {
            if (group.Name.LocalName is not ("CollectionDetails" or "Source"))
            {
                errors.Add(new(name, Line(group), group.Name.LocalName, "unknown element under Header; expected CollectionDetails, Source"));
                continue;
            }
            foreach (var leaf in group.Elements())
            {
                if (HeaderLeaves.ContainsKey(leaf.Name.LocalName)) fields[leaf.Name.LocalName] = leaf.Value.Trim();
                else errors.Add(new(name, Line(leaf), leaf.Name.LocalName, $"unknown element under {group.Name.LocalName}"));
            }
        }
        Add(CinSpec.Header, name, Line(header), fields);
    }

    private void ReadChild(XElement child, string file)
    {
        var ids = child.Elements().FirstOrDefault(e => e.Name.LocalName == "ChildIdentifiers");
        if (ids is null)
        {
            errors.Add(new(file, Line(child), "ChildIdentifiers", "missing: every Child needs ChildIdentifiers with LAchildID"));
            return;
        }
        var idFields = Leaves(ids, CinSpec.ChildIdentifiers, file, []);
        var childId = idFields.GetValueOrDefault("LAchildID", "");
        Add(CinSpec.ChildIdentifiers, file, Line(ids), idFields);
        var ordinal = 0;
        foreach (var part in child.Elements())
        {
            switch (part.Name.LocalName)
            {
                case "ChildIdentifiers":
                    break;
                case "ChildCharacteristics":
                    var characteristics = new Dictionary<string, string> { ["LAchildID"] = childId };
                    foreach (var e in part.Elements())
                    {
                        if (e.Name.LocalName == "Ethnicity") characteristics["Ethnicity"] = e.Value.Trim();
                        else if (e.Name.LocalName == "Disabilities")
                            foreach (var d in e.Elements())
                                Add(CinSpec.Disabilities, file, Line(d), new() { ["LAchildID"] = childId, ["Disability"] = d.Value.Trim() });
                        else errors.Add(new(file, Line(e), e.Name.LocalName, "unknown element under ChildCharacteristics; expected Ethnicity, Disabilities"));
                    }
                    Add(CinSpec.ChildCharacteristics, file, Line(part), characteristics);
                    break;
                case "CINdetails":
                    ordinal++;
                    ReadDetails(part, childId, ordinal, file);
                    break;
                default:
                    errors.Add(new(file, Line(part), part.Name.LocalName, "unknown element under Child; expected ChildIdentifiers, ChildCharacteristics, CINdetails"));
                    break;
            }
        }
    }

    private void ReadDetails(XElement details, string childId, int ordinal, string file)
    {
        var key = new Dictionary<string, string> { ["LAchildID"] = childId, ["CINdetailsID"] = ordinal.ToString(CultureInfo.InvariantCulture) };
        var groups = new[] { "Assessments", "CINPlanDates", "Section47", "ChildProtectionPlans" };
        var fields = Leaves(details, CinSpec.CinDetails, file, groups);
        foreach (var (k, v) in key) fields[k] = v;
        Add(CinSpec.CinDetails, file, Line(details), fields);
        var plan = 0;
        foreach (var g in details.Elements().Where(e => groups.Contains(e.Name.LocalName)))
        {
            switch (g.Name.LocalName)
            {
                case "Assessments":
                    var a = Leaves(g, CinSpec.Assessments, file, ["FactorsIdentifiedAtAssessment"]);
                    var factors = g.Elements().Where(e => e.Name.LocalName == "FactorsIdentifiedAtAssessment").SelectMany(e => e.Elements()).Select(e => e.Value.Trim());
                    a["AssessmentFactors"] = string.Join(" ", factors.Concat(a.TryGetValue("AssessmentFactors", out var f) ? [f] : []));
                    foreach (var (k, v) in key) a[k] = v;
                    Add(CinSpec.Assessments, file, Line(g), a);
                    break;
                case "CINPlanDates":
                    var p = Leaves(g, CinSpec.CinPlanDates, file, []);
                    foreach (var (k, v) in key) p[k] = v;
                    Add(CinSpec.CinPlanDates, file, Line(g), p);
                    break;
                case "Section47":
                    var s = Leaves(g, CinSpec.Section47, file, []);
                    foreach (var (k, v) in key) s[k] = v;
                    Add(CinSpec.Section47, file, Line(g), s);
                    break;
                case "ChildProtectionPlans":
                    plan++;
                    var c = Leaves(g, CinSpec.ChildProtectionPlans, file, ["Reviews"]);
                    foreach (var (k, v) in key) c[k] = v;
                    c["CPPID"] = plan.ToString(CultureInfo.InvariantCulture);
                    Add(CinSpec.ChildProtectionPlans, file, Line(g), c);
                    foreach (var review in g.Elements().Where(e => e.Name.LocalName == "Reviews").SelectMany(e => e.Elements()))
                    {
                        if (review.Name.LocalName != "CPPreviewDate")
                        {
                            errors.Add(new(file, Line(review), review.Name.LocalName, "unknown element under Reviews; expected CPPreviewDate"));
                            continue;
                        }
                        Add(CinSpec.Reviews, file, Line(review), new(key) { ["CPPID"] = c["CPPID"], ["CPPreviewDate"] = review.Value.Trim() });
                    }
                    break;
            }
        }
    }

    /// <summary>The leaf elements of a group as fields; an element the table does not have is an error (groups named are skipped).</summary>
    private Dictionary<string, string> Leaves(XElement group, TableSpec spec, string file, string[] groups)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in group.Elements())
        {
            var n = e.Name.LocalName;
            if (groups.Contains(n)) continue;
            if (spec.Field(n) is null || n is "LAchildID" && spec != CinSpec.ChildIdentifiers || n is "CINdetailsID" or "CPPID")
            {
                var expected = spec.Columns.Where(c => c is not ("CINdetailsID" or "CPPID") && (c != "LAchildID" || spec == CinSpec.ChildIdentifiers)).Concat(groups);
                errors.Add(new(file, Line(e), n, $"unknown element under {group.Name.LocalName}; expected {string.Join(", ", expected)}"));
                continue;
            }
            fields[n] = e.Value.Trim();
        }
        return fields;
    }

    // Per read: one column index per table, and one copy of each repeated code (referral sources, needs, closure
    // reasons), which the typed census keeps for every referral.
    private readonly Dictionary<string, IReadOnlyDictionary<string, int>> _indexes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _codes = new(StringComparer.Ordinal);

    private string Shared(string v)
    {
        if (v.Length == 0) return "";
        if (_codes.TryGetValue(v, out var shared)) return shared;
        if (_codes.Count < 10_000) _codes[v] = v;
        return v;
    }

    private void Add(TableSpec spec, string file, int line, Dictionary<string, string> fields)
    {
        if (!_indexes.TryGetValue(spec.Name, out var index))
            _indexes[spec.Name] = index = spec.Fields.Select((f, i) => (f.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var values = new string[index.Count];
        foreach (var f in spec.Fields)
            values[index[f.Name]] = fields.TryGetValue(f.Name, out var v) ? f.Type == FieldType.Code ? Shared(v) : v : "";
        var row = new RawRow(spec.Name, file, line, new RowFields(index, values));
        FieldChecks.Check(spec, row, CinSpec.DateFormat, errors);
        if (errors.Count == _errorsBefore) sink.Add(row);
    }

    private static int Line(XObject o) => o is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 0;
}
