using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Tests.Data;

/// <summary>
/// The offline round workbook is uploaded by any contributor, so it meets the same hostile files as the ledger:
/// a 400 MB cell in a small file, a DTD, a corrupt zip, a sheet of a million and a half rows. Each is refused with
/// a short, specific error, in bounded memory, and no item changes.
/// </summary>
public abstract partial class HostileRoundWorkbookTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Actor Performance = new("performance@outturn.example", null, RunsRounds: true);

    private async Task<int> OpenRoundAsync()
    {
        var plan = PlanFolderBuilder.Write(NewFolder("plan"));
        var imported = await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(plan));
        Assert.True(imported.Imported, string.Join("\n", imported.Errors));
        var round = await WithScope(sp => sp.GetRequiredService<OpenRound>().HandleAsync(new OpenRound.Request(imported.PlanRef!, Period.Quarter(2015, 3), new DateOnly(2016, 1, 15)), Performance));
        return round.Id;
    }

    private Task<RoundWorkbook.UploadResult> UploadAsync(int roundId, string path) => WithScope(async sp =>
    {
        await using var file = File.OpenRead(path);
        return await sp.GetRequiredService<RoundWorkbook>().UploadAsync((await sp.GetRequiredService<RoundViews>().FindAsync(roundId))!, file, Performance);
    });

    private Task<List<(int Version, ItemState State)>> ItemsAsync(int roundId) =>
        Db(async db => (await db.Set<RoundItem>().AsNoTracking().Where(i => i.RoundId == roundId).OrderBy(i => i.Id).ToListAsync()).Select(i => (i.Version, i.State)).ToList());

    [Fact]
    public async Task A_bomb_a_DTD_a_corrupt_zip_and_a_flood_of_rows_are_refused_and_no_item_changes()
    {
        var round = await OpenRoundAsync();
        var before = await ItemsAsync(round);
        var folder = NewFolder("hostile");

        var bomb = Path.Combine(folder, "bomb.xlsx");
        Bombs.WriteBomb(bomb, 400L * 1024 * 1024);
        var allocated = GC.GetTotalAllocatedBytes();
        var refused = await UploadAsync(round, bomb);
        Assert.True(GC.GetTotalAllocatedBytes() - allocated < 128L * 1024 * 1024, "the bomb was inflated");
        Assert.Equal(["The file is refused: the workbook expands to more than 256 MB when unpacked; split it or remove what the import does not need."], refused.Errors);

        var dtd = Path.Combine(folder, "dtd.xlsx");
        Bombs.WriteBomb(dtd, 10, """<!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>""");
        Assert.Equal(["The file is refused: the workbook contains a DTD (document type declaration); workbooks never need one, so it is refused."], (await UploadAsync(round, dtd)).Errors);

        var corrupt = Path.Combine(folder, "corrupt.xlsx");
        var bytes = await File.ReadAllBytesAsync(dtd);
        await File.WriteAllBytesAsync(corrupt, bytes[..(bytes.Length / 2)]);
        var broken = Assert.Single((await UploadAsync(round, corrupt)).Errors);
        Assert.StartsWith("The file is refused: not an Excel workbook (.xlsx)", broken);

        // A million and a half rows (a few megabytes on disk): refused by the row limit while streaming, before any is read whole.
        var flood = Path.Combine(folder, "flood.xlsx");
        WriteRows(flood, 1_500_000);
        allocated = GC.GetTotalAllocatedBytes();
        Assert.Equal(["The file is refused: worksheet sheet1 has more than 1,048,576 rows."], (await UploadAsync(round, flood)).Errors);
        Assert.True(GC.GetTotalAllocatedBytes() - allocated < 512L * 1024 * 1024, "the rows were read into memory");

        // Two hundred rows naming no item of the round: every row is checked, and the list of errors is capped.
        var wrong = Path.Combine(folder, "wrong.xlsx");
        MiniExcel.SaveAs(wrong, new Dictionary<string, object>
        {
            [RoundWorkbook.Measures] = Enumerable.Range(0, 200).Select(i => new Dictionary<string, object?> { ["item"] = 900_000 + i, ["submit"] = "no" }).ToList(),
            [RoundWorkbook.Milestones] = new[] { new Dictionary<string, object?> { ["item"] = null, ["submit"] = null } },
            [RoundWorkbook.Narrative] = new[] { new Dictionary<string, object?> { ["item"] = null, ["submit"] = null } },
        });
        var errors = (await UploadAsync(round, wrong)).Errors;
        Assert.Equal(101, errors.Count);
        Assert.Contains("more", errors[^1]);

        Assert.Equal(before, await ItemsAsync(round));
    }
}

public abstract partial class HostileRoundWorkbookTests
{
    /// <summary>A workbook whose one sheet has <paramref name="rows"/> one-cell rows, written straight as XML.</summary>
    private static void WriteRows(string path, int rows)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        Bombs.WriteBomb(path + ".template.xlsx", 1);
        using (var template = System.IO.Compression.ZipFile.OpenRead(path + ".template.xlsx"))
            foreach (var entry in template.Entries.Where(e => e.FullName != "xl/worksheets/sheet1.xml"))
            {
                using var from = entry.Open();
                using var to = zip.CreateEntry(entry.FullName).Open();
                from.CopyTo(to);
            }
        File.Delete(path + ".template.xlsx");
        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.Fastest).Open());
        sheet.Write("""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>""");
        for (var r = 1; r <= rows; r++) sheet.Write($"<row r=\"{r}\"><c r=\"A{r}\" t=\"inlineStr\"><is><t>x</t></is></c></row>");
        sheet.Write("</sheetData></worksheet>");
    }
}

public sealed class HostileRoundWorkbookTestsOnSqlite() : HostileRoundWorkbookTests(DatabaseProvider.Sqlite);
