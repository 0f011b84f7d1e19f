using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace Outturn.Application.Data;

/// <summary>What a workbook may hold before it is read: a small .xlsx can expand to gigabytes (one cell of 400 MB
/// compresses to a few hundred kilobytes), so every import checks these while streaming, before a reader builds rows.</summary>
public sealed record WorkbookLimits
{
    /// <summary>All the XML in the workbook, uncompressed. A year's Annex A lists come to tens of megabytes.</summary>
    public long MaxUncompressedBytes { get; init; } = 256L * 1024 * 1024;
    public int MaxEntries { get; init; } = 2_000;
    /// <summary>Rows in any one worksheet: Excel's own limit.</summary>
    public int MaxRows { get; init; } = 1_048_576;
    /// <summary>Characters in one cell (or any one text in the workbook's XML): Excel's own limit.</summary>
    public int MaxCellLength { get; init; } = 32_767;

    public static WorkbookLimits Default { get; } = new();
}

/// <summary>
/// The one check every .xlsx import makes before its reader (MiniExcel or the Open XML SDK) sees the file: a real zip,
/// no more than <see cref="WorkbookLimits"/> allow (entry count, uncompressed size counted as it is inflated, rows per
/// worksheet, characters per cell), and no DTD. It reads in fixed-size chunks and keeps nothing, so it runs in
/// bounded memory whatever the file claims.
/// </summary>
public static class GuardedWorkbook
{
    /// <summary>Null when the workbook may be read; otherwise what is wrong, in words for the person who sent it.</summary>
    public static string? Check(string path, WorkbookLimits? limits = null)
    {
        using var stream = File.OpenRead(path);
        return Check(stream, limits);
    }

    /// <summary>Checks a seekable stream and leaves it open at the start.</summary>
    public static string? Check(Stream workbook, WorkbookLimits? limits = null)
    {
        limits ??= WorkbookLimits.Default;
        try
        {
            return CheckArchive(workbook, limits);
        }
        catch (InvalidDataException)
        {
            return "not an Excel workbook (.xlsx): the file is not a readable zip archive (it may be corrupt, or another kind of file renamed).";
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            return "the workbook contains a DTD (document type declaration); workbooks never need one, so it is refused.";
        }
        catch (XmlException e)
        {
            return $"not an Excel workbook (.xlsx): its XML is malformed (line {e.LineNumber}, position {e.LinePosition}).";
        }
        catch (TooLargeException e)
        {
            return e.Message;
        }
        finally
        {
            if (workbook.CanSeek) workbook.Position = 0;
        }
    }

    /// <summary>
    /// Reads the named worksheets (or every one) of a workbook that has passed <see cref="Check(Stream, WorkbookLimits?)"/>
    /// into rows of cells with MiniExcel. A damaged file that is still a well-formed zip of well-formed XML can make a
    /// reader fail in ways of its own (a part missing, a reference to nothing); any such failure is the file's fault and
    /// is returned as words, never thrown.
    /// </summary>
    public static (Dictionary<string, List<IDictionary<string, object?>>>? Sheets, string? Refused) ReadSheets(
        Stream workbook, bool useHeaderRow, IReadOnlyCollection<string>? only = null)
    {
        try
        {
            workbook.Position = 0;
            var names = MiniExcelLibs.MiniExcel.GetSheetNames(workbook);
            var sheets = new Dictionary<string, List<IDictionary<string, object?>>>(StringComparer.Ordinal);
            foreach (var name in names.Where(n => only is null || only.Contains(n)).Distinct())
            {
                workbook.Position = 0;
                sheets[name] = MiniExcelLibs.MiniExcel.Query(workbook, useHeaderRow: useHeaderRow, sheetName: name).Cast<IDictionary<string, object?>>().ToList();
            }
            return (sheets, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            return (null, $"not a readable Excel workbook (.xlsx): {Unreadable(e)}");
        }
        finally
        {
            workbook.Position = 0;
        }
    }

    /// <summary>What went wrong reading a damaged workbook, in words where the reader gave any.</summary>
    public static string Unreadable(Exception e) => e switch
    {
        InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException => e.Message.TrimEnd('.') + ".",
        _ => "a part of it is missing or damaged.",
    };

    private static string? CheckArchive(Stream workbook, WorkbookLimits limits)
    {
        using var zip = new ZipArchive(workbook, ZipArchiveMode.Read, leaveOpen: true);
        if (zip.Entries.Count > limits.MaxEntries)
            return $"the workbook has {zip.Entries.Count:N0} parts; a workbook has at most {limits.MaxEntries:N0}.";
        if (!zip.Entries.Any(e => e.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)))
            return "not an Excel workbook (.xlsx): the archive has no xl/workbook.xml.";
        var declared = zip.Entries.Sum(e => e.Length);
        if (declared > limits.MaxUncompressedBytes) return TooBig(limits);
        var budget = limits.MaxUncompressedBytes;
        var chunk = new char[4096];
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) || e.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase)))
        {
            var isSheet = entry.FullName.StartsWith("xl/worksheets/", StringComparison.OrdinalIgnoreCase);
            // Declared sizes can lie: count what is actually inflated against what is left of the budget.
            using var counted = new CountingStream(entry.Open(), budget, limits);
            using var reader = XmlReader.Create(counted, new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, CloseInput = false,
                MaxCharactersInDocument = limits.MaxUncompressedBytes,
            });
            var rows = 0;
            while (reader.Read())
            {
                if (isSheet && reader.NodeType == XmlNodeType.Element && reader.LocalName == "row" && ++rows > limits.MaxRows)
                    return $"worksheet {SheetName(entry)} has more than {limits.MaxRows:N0} rows.";
                if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA)
                {
                    long length = 0;
                    int read;
                    while ((read = reader.ReadValueChunk(chunk, 0, chunk.Length)) > 0)
                        if ((length += read) > limits.MaxCellLength)
                            return $"a cell{(isSheet ? $" in worksheet {SheetName(entry)}, row {rows:N0}," : "")} holds more than {limits.MaxCellLength:N0} characters, Excel's own limit.";
                }
            }
            budget -= counted.Count;
        }
        return null;
    }

    private static string SheetName(ZipArchiveEntry entry) => Path.GetFileNameWithoutExtension(entry.Name);

    private static string TooBig(WorkbookLimits limits) =>
        $"the workbook expands to more than {limits.MaxUncompressedBytes / (1024 * 1024):N0} MB when unpacked; split it or remove what the import does not need.";

    private sealed class TooLargeException(string message) : Exception(message);

    /// <summary>Passes an entry's bytes through and stops as soon as they pass what is left of the budget.</summary>
    private sealed class CountingStream(Stream inner, long budget, WorkbookLimits limits) : Stream
    {
        public long Count { get; private set; }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            if ((Count += n) > budget) throw new TooLargeException(TooBig(limits));
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Count; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}

/// <summary>Long error lists are cut to their first hundred, with a count of the rest; values quoted in them are cut short.</summary>
public static class ImportErrors
{
    public const int Shown = 100;
    public const int ValueLength = 80;

    public static List<string> Capped(IReadOnlyList<string> errors)
    {
        if (errors.Count <= Shown) return errors.Select(Shorten).ToList();
        var shown = errors.Take(Shown).Select(Shorten).ToList();
        shown.Add($"… and {(errors.Count - Shown).ToString("N0", CultureInfo.InvariantCulture)} more.");
        return shown;
    }

    /// <summary>The same for a statutory return's structural errors: the first hundred, then one naming how many more.</summary>
    public static List<Domain.Returns.StructuralError> Capped(IReadOnlyList<Domain.Returns.StructuralError> errors)
    {
        var shown = errors.Take(Shown).Select(e => e with { Problem = Shorten(e.Problem) }).ToList();
        if (errors.Count > Shown)
            shown.Add(new(errors[Shown].File, null, null, $"… and {(errors.Count - Shown).ToString("N0", CultureInfo.InvariantCulture)} more."));
        return shown;
    }

    /// <summary>A value as quoted in a message: at most <see cref="ValueLength"/> characters.</summary>
    public static string Value(string? value) =>
        value is null ? "" : value.Length <= ValueLength ? value : string.Concat(value.AsSpan(0, ValueLength), "…");

    /// <summary>A message longer than any real one (a quoted value was not cut short where it was written).</summary>
    private static string Shorten(string message) => message.Length <= 1000 ? message : string.Concat(message.AsSpan(0, 1000), "…");
}
