using System.IO.Compression;
using System.Text;

namespace Outturn.Cli.Tests;

/// <summary>
/// Every import command, fed what an attacker or an accident would give it (a workbook whose XML carries a DTD, a
/// corrupt zip named .xlsx, binary noise, an empty file, a missing path, a folder where a file belongs), answers
/// with a clear message naming the file and a non-zero exit: never a stack trace, never the "unexpected" fault code.
/// </summary>
public sealed class BadInputCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Folder => Path.Combine(_cli.DataDirectory, "bad");

    private string Write(string name, byte[] content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(Folder, name))!);
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private const string Dtd = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\"><!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\"><!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";

    /// <summary>A well-formed .xlsx package whose workbook and sheet carry a DTD with nested entities and an external one.</summary>
    private static byte[] WorkbookWithDtd()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Entry(string name, string text) { using var w = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8); w.Write(text); }
            Entry("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
            Entry("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
            Entry("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>");
            Entry("xl/workbook.xml", Dtd + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"&lol3;\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
            Entry("xl/worksheets/sheet1.xml", Dtd + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&xxe;&lol3;</t></is></c></row></sheetData></worksheet>");
        }
        return stream.ToArray();
    }

    /// <summary>The start of a zip, then noise: what a truncated download or a renamed file looks like.</summary>
    private static byte[] CorruptZip() => [.. "PK\u0003\u0004"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 37 % 251))];

    private static byte[] Noise() => [.. Enumerable.Range(0, 3000).Select(i => (byte)(i * 131 % 256))];

    private static void AssertRefusedInWords(Cli.Result result, string what)
    {
        Assert.True(result.ExitCode is 1 or 2 or 3, $"{what}: exit code {result.ExitCode}\n{result.Error}");
        Assert.False(string.IsNullOrWhiteSpace(result.Error), $"{what}: nothing said on standard error");
        Assert.DoesNotContain("   at ", result.Error);
        Assert.DoesNotContain("Exception", result.Error);
        Assert.DoesNotContain("Unhandled", result.Error);
        Assert.DoesNotContain("root:", result.Error + result.Out); // nothing of /etc/passwd
    }

    [Fact]
    public async Task Every_file_import_answers_a_DTD_a_corrupt_zip_noise_an_empty_file_and_a_missing_path_in_words()
    {
        var inputs = new Dictionary<string, string>
        {
            ["a workbook with a DTD"] = Write("dtd.xlsx", WorkbookWithDtd()),
            ["a corrupt zip"] = Write("corrupt.xlsx", CorruptZip()),
            ["binary noise"] = Write("noise.csv", Noise()),
            ["an empty file"] = Write("empty.csv", []),
            ["a missing file"] = Path.Combine(Folder, "no-such-file.csv"),
            ["a folder"] = Directory.CreateDirectory(Path.Combine(Folder, "a-folder.csv")).FullName,
        };
        string[][] commands =
        [
            ["import", "ledger"], ["import", "capital"], ["import", "finance-comments"], ["import", "departments"],
            ["import", "benchmarks", "--profile", "long"], ["import", "areas"], ["import", "report-card"], ["organisations", "import"],
        ];
        foreach (var command in commands)
            foreach (var (what, path) in inputs)
                AssertRefusedInWords(await _cli.RunAsync([.. command, path]), $"{string.Join(" ", command)} with {what}");
    }

    [Fact]
    public async Task Every_folder_import_answers_broken_files_a_file_in_place_of_a_folder_and_a_missing_folder_in_words()
    {
        var broken = Path.Combine(Folder, "broken");
        foreach (var name in new[] { "plan.csv", "objectives.csv", "indicators.csv", "risks.csv", "controls.csv", "actions.csv", "progress.csv", "targets.csv", "values.csv" })
            Write(Path.Combine("broken", name), Encoding.UTF8.GetBytes(Dtd + "<x>&lol3;</x>\n").Concat(Noise()).ToArray());
        var inputs = new Dictionary<string, string>
        {
            ["files of noise and a DTD"] = broken,
            ["a file"] = Write("not-a-folder.csv", Noise()),
            ["a missing folder"] = Path.Combine(Folder, "no-such-folder"),
        };
        foreach (var command in new[] { new[] { "import", "plan" }, ["import", "risks"], ["import", "equality"] })
            foreach (var (what, path) in inputs)
                AssertRefusedInWords(await _cli.RunAsync([.. command, path]), $"{string.Join(" ", command)} with {what}");
    }

    [Fact]
    public async Task Every_return_import_answers_a_DTD_a_corrupt_workbook_and_noise_in_words()
    {
        var cin = Write("cin/census.xml", Encoding.UTF8.GetBytes(Dtd + "<Message><Header>&lol3;&xxe;</Header></Message>"));
        var ssda = Path.Combine(Folder, "ssda");
        foreach (var table in new[] { "header.csv", "episodes.csv", "uasc.csv" }) Write(Path.Combine("ssda", table), Noise());
        var cases = new (string Kind, string Path, string What)[]
        {
            ("cin", cin, "a census with a DTD"),
            ("cin", Write("noise.xml", Noise()), "noise"),
            ("ssda903", ssda, "tables of noise"),
            ("ssda903", Write("ssda-empty.csv", []), "an empty file"),
            ("annexa", Write("annexa-dtd.xlsx", WorkbookWithDtd()), "a workbook with a DTD"),
            ("annexa", Write("annexa-corrupt.xlsx", CorruptZip()), "a corrupt zip"),
            ("annexa", Path.Combine(Folder, "missing.xlsx"), "a missing file"),
        };
        foreach (var (kind, path, what) in cases)
            AssertRefusedInWords(await _cli.RunAsync("returns", "import", path, "--kind", kind, "--year", "2015/16"), $"returns import --kind {kind} with {what}");
    }
}
