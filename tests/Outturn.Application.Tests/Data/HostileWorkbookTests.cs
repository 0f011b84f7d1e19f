using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Finance;
using Outturn.Application.Returns;
using Outturn.Domain.Finance;

namespace Outturn.Application.Tests.Data;

/// <summary>
/// Files made to exhaust or break the importers: a workbook that inflates to 400 MB, a ledger of 1.5 million bad
/// rows, a DTD, a corrupt zip. Each gets a short, specific error, in bounded memory, and changes nothing.
/// </summary>
public sealed class HostileWorkbookTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-hostile", Guid.NewGuid().ToString("N"));

    public HostileWorkbookTests() => Directory.CreateDirectory(_folder);

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public void A_workbook_with_a_400_MB_cell_is_refused_in_bounded_memory()
    {
        var path = Path.Combine(_folder, "ledger.xlsx");
        Bombs.WriteBomb(path, 400L * 1024 * 1024);
        Assert.True(new FileInfo(path).Length < 4 * 1024 * 1024, "the bomb should be small on disk");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var refused = GuardedWorkbook.Check(path);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The zip declares what it inflates to; 400 MB is past the 256 MB allowed, so nothing is inflated at all.
        Assert.Equal("the workbook expands to more than 256 MB when unpacked; split it or remove what the import does not need.", refused);
        Assert.True(allocated < 32 * 1024 * 1024, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_workbook_that_inflates_past_the_limit_is_refused_while_it_is_inflated()
    {
        var path = Path.Combine(_folder, "big.xlsx");
        Bombs.WriteBomb(path, 30_000); // a legal cell, but more than this small limit allows in all
        var refused = GuardedWorkbook.Check(path, new WorkbookLimits { MaxUncompressedBytes = 20_000 });
        Assert.Equal("the workbook expands to more than 0 MB when unpacked; split it or remove what the import does not need.", refused);
    }

    [Fact]
    public void A_DTD_and_a_corrupt_zip_are_clear_errors()
    {
        var dtd = Path.Combine(_folder, "dtd.xlsx");
        Bombs.WriteBomb(dtd, 10, """<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>""");
        Assert.Equal("the workbook contains a DTD (document type declaration); workbooks never need one, so it is refused.", GuardedWorkbook.Check(dtd));

        var corrupt = Path.Combine(_folder, "corrupt.xlsx");
        var bytes = File.ReadAllBytes(dtd);
        File.WriteAllBytes(corrupt, bytes[..(bytes.Length / 2)]);
        Assert.StartsWith("not an Excel workbook (.xlsx): the file is not a readable zip archive", GuardedWorkbook.Check(corrupt));

        var text = Path.Combine(_folder, "text.xlsx");
        File.WriteAllText(text, "department,period\n");
        Assert.StartsWith("not an Excel workbook (.xlsx): the file is not a readable zip archive", GuardedWorkbook.Check(text));
    }

    [Fact]
    public void A_worksheet_with_more_rows_than_allowed_is_refused()
    {
        var path = Path.Combine(_folder, "rows.xlsx");
        Outturn.Application.Tests.Finance.Workbook.Write(path, Enumerable.Range(1, 11).Select(i => new object?[] { "x", i }));
        Assert.Null(GuardedWorkbook.Check(path, new WorkbookLimits { MaxRows = 11 }));
        Assert.Equal("worksheet sheet1 has more than 10 rows.", GuardedWorkbook.Check(path, new WorkbookLimits { MaxRows = 10 }));
    }

    [Fact]
    public void An_Annex_A_workbook_bomb_is_refused_with_the_readers_own_error()
    {
        var path = Path.Combine(_folder, "annex-a.xlsx");
        Bombs.WriteBomb(path, 100_000);
        using var stream = File.OpenRead(path);
        var (rows, errors, _) = AnnexAImport.Read("annex-a.xlsx", stream);
        Assert.Empty(rows);
        Assert.Equal("a cell in worksheet sheet1, row 1, holds more than 32,767 characters, Excel's own limit.", Assert.Single(errors).Problem);
    }

    [Fact]
    public void Error_lists_stop_at_a_hundred_and_count_the_rest_and_quoted_values_are_cut_short()
    {
        var errors = Enumerable.Range(1, 250).Select(i => $"row {i}: bad").ToList();
        var capped = ImportErrors.Capped(errors);
        Assert.Equal(101, capped.Count);
        Assert.Equal("row 100: bad", capped[99]);
        Assert.Equal("… and 150 more.", capped[100]);
        Assert.Equal(new string('x', 80) + "…", ImportErrors.Value(new string('x', 5000)));
    }
}

/// <summary>Workbooks made on the fly, small on disk.</summary>
public static class Bombs
{
    /// <summary>A minimal workbook whose one worksheet holds one inline-string cell of <paramref name="cellLength"/> 'A's.</summary>
    public static void WriteBomb(string path, long cellLength, string? doctype = null)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        void Entry(string name, string text)
        {
            using var w = new StreamWriter(zip.CreateEntry(name, CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
            w.Write(text);
        }
        Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
        Entry("_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
        Entry("xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        Entry("xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest).Open(), new UTF8Encoding(false));
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?>""");
        if (doctype is not null) sheet.Write(doctype);
        sheet.Write("""<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>""");
        var chunk = new string('A', 1 << 20);
        for (long written = 0; written < cellLength; written += chunk.Length) sheet.Write(chunk, 0, (int)Math.Min(chunk.Length, cellLength - written));
        sheet.Write("</t></is></c></row></sheetData></worksheet>");
    }

}

/// <summary>Hostile ledgers through the finance import: errors capped, nothing stored.</summary>
public abstract class HostileLedgerTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    [Fact]
    public async Task A_ledger_of_one_and_a_half_million_bad_rows_gives_a_hundred_errors_and_a_count_of_the_rest()
    {
        var folder = NewFolder("files");
        var departments = Path.Combine(folder, "departments.csv");
        await File.WriteAllTextAsync(departments, "name,directorate\nChildren and Families,Children and Young People\n");
        Assert.True((await WithScope(sp => sp.GetRequiredService<FinanceImport>().ImportDepartmentsAsync(departments))).Imported);

        var path = Path.Combine(folder, "ledger.csv");
        await using (var w = new StreamWriter(path))
        {
            await w.WriteAsync(string.Join(",", FinanceImport.LedgerColumns) + "\n");
            // Each row names a department that does not exist: one error a row at least.
            for (var i = 0; i < 1_500_000; i++) await w.WriteAsync("X,2015/16 Q2,Expenditure,L,1,1,1,0\n");
        }
        var result = await WithScope(sp => sp.GetRequiredService<FinanceImport>().ImportLedgerAsync(path));

        Assert.False(result.Imported);
        Assert.Equal(101, result.Errors.Count);
        Assert.Matches(@"^… and [\d,]+ more\.$", result.Errors[^1]);
        Assert.Equal(0, await Db(db => db.Set<BudgetLine>().CountAsync()));
    }

    [Fact]
    public async Task A_ledger_workbook_bomb_is_refused_with_the_file_named()
    {
        var path = Path.Combine(NewFolder("files"), "ledger.xlsx");
        Bombs.WriteBomb(path, 1_000_000);
        var result = await WithScope(sp => sp.GetRequiredService<FinanceImport>().ImportLedgerAsync(path));
        Assert.False(result.Imported);
        Assert.Equal("ledger.xlsx: a cell in worksheet sheet1, row 1, holds more than 32,767 characters, Excel's own limit.", Assert.Single(result.Errors));
    }
}

public sealed class HostileLedgerTestsOnSqlite() : HostileLedgerTests(DatabaseProvider.Sqlite);
