using Outturn.Application.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Application.Tests.Documents;
using Outturn.Domain.Governance;

namespace Outturn.Application.Tests.Governance;

/// <summary>The 4 January 2016 pack (docs/sources.md §2.1) in Word and PDF, through the board documents' renderers.</summary>
public sealed class AgendaPackDocumentTests() : IntegrationTest(DatabaseProvider.Sqlite)
{
    private async Task<byte[]> Pack(string format, Viewer viewer)
    {
        await LoadDemoAsync();
        var id = await Db(db => db.Set<Meeting>().Where(m => m.Board!.Ref == "cyp-ppb" && m.Date == new DateOnly(2016, 1, 4)).Select(m => m.Id).SingleAsync());
        return await WithScope(async sp =>
        {
            var (_, pack) = await sp.GetRequiredService<GovernanceQuery>().PackAsync(id, viewer);
            using var output = new MemoryStream();
            await sp.GetRequiredService<AgendaPackWriters>().For(format).WriteAsync(pack!, output);
            return output.ToArray();
        });
    }

    [Fact]
    public async Task The_public_agenda_pack_in_Word_has_the_front_sheet_the_items_with_page_numbers_and_passes_the_validator()
    {
        using var word = new WordFile(await Pack("docx", Viewer.Anonymous));

        Assert.Empty(word.ValidationErrors());
        Assert.Contains("Councillor Mark Dennett (Chairman)", word.Text + string.Join(" ", word.Rows().SelectMany(r => r)));
        var items = word.Rows("Items");
        Assert.Contains(items, r => r[0].StartsWith("7(A)") && r[1] == "52 - 71");
        Assert.Contains(word.Headings(2), h => h.StartsWith("7(A). ") && h.Contains("pages 52 - 71"));
    }

    [Fact]
    public async Task The_agenda_pack_prints_to_PDF_with_its_front_sheet_and_reports()
    {
        var pdf = PdfFile.Read(await Pack("pdf", Viewer.Anonymous));
        Assert.Contains("Public Document Pack", pdf.Text);
        Assert.Contains("Performance Management Reports for Quarter 2 of 2015/16", pdf.Text);
        Assert.True(pdf.PageCount > 1);
    }
}
