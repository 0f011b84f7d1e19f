using Outturn.Application.Documents;
using Outturn.Application.Governance;
using Outturn.Domain.Governance;
using Document = Outturn.Application.Documents.Document;

namespace Outturn.Application.Tests.Governance;

/// <summary>An agenda pack prints the board document an item takes after that item's cover sheet.</summary>
public sealed class AgendaPackReportsTests
{
    // Item 7(A) of the Policy and Performance Board of 4 January 2016 took the Quarter 2 performance reports, pages 52 - 71 (docs/sources.md §2.1).
    private static readonly AgendaPack Pack = new("Children, Young People and Families Policy and Performance Board", "Monday, 4 January 2016 at 6.30 p.m.", null, null, null, null,
        [new PackMember("Councillor Mark Dennett", "Chairman")],
        [
            new PackItem("6(A)", "Children's Trust minutes", null, false, null, "30 - 35", new CoverReport { Subject = "Minutes" }, []),
            new PackItem("7(A)", "Performance Management Reports for Quarter 2 of 2015/16", null, false, null, "52 - 71",
                new CoverReport { ReportTo = "Children, Young People and Families Policy and Performance Board", Subject = "Performance Management Reports for Quarter 2 of 2015/16" }, []),
        ], [], []);

    private static readonly Document Report = new("Priority Based PPB Report", [
        new Heading(1, "Priority Based PPB Report"), new Heading(2, "1.0 Introduction"), new Paragraph("This report provides an overview."),
        new Landscape([new Heading(2, "6.0 Performance Overview"), new Table("Measures", ["Ref", "Measure"], [["CED033", "Social Work Assessments"]])]),
    ]);

    [Fact]
    public void The_report_follows_its_items_cover_sheet_with_its_headings_set_below_the_items()
    {
        var pack = AgendaPackDocument.Build(Pack, new Dictionary<string, Document> { ["7(A)"] = Report });
        var blocks = pack.AllBlocks.ToList();

        var item = blocks.FindIndex(b => b is Heading { Text: "7(A). Performance Management Reports for Quarter 2 of 2015/16 (pages 52 - 71)" });
        var cover = blocks.FindIndex(b => b is Table { Caption: "Report" } t && t.Rows.Any(r => r[1].Content.OfType<Run>().Any(x => x.Text.StartsWith("Children, Young People", StringComparison.Ordinal))));
        var title = blocks.FindIndex(b => b is Heading { Text: "Priority Based PPB Report" });
        Assert.True(item >= 0 && cover > item && title > cover, $"item {item}, cover {cover}, report {title}");
        Assert.Equal(3, ((Heading)blocks[title]).Level);
        Assert.Equal(4, blocks.OfType<Heading>().Single(h => h.Text == "6.0 Performance Overview").Level);
        Assert.Contains(pack.Blocks.OfType<Landscape>(), l => l.Blocks.OfType<Table>().Any(t => t.Caption == "Measures"));
        // The item without a report has its cover sheet only.
        Assert.Single(blocks.OfType<Heading>(), h => h.Text == "Priority Based PPB Report");

        // Without reports the pack is as before.
        Assert.DoesNotContain(AgendaPackDocument.Build(Pack).AllBlocks, b => b is Heading { Text: "Priority Based PPB Report" });
        using var word = new Documents.WordFile(WordRenderer.Render(pack));
        Assert.Empty(word.ValidationErrors());
    }
}
