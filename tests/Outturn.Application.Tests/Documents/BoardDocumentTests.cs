using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Documents;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Documents;

/// <summary>
/// The board documents of the demo, read back from the generated files. Expected values come from the published
/// documents of docs/sources.md: the Quarter 2 2015/16 Priority Based report (§2.5), its cover (§2.4), the draft
/// Business Plan 2016-19 (§2.3) and the 2007 review of the CYPP 2006-09 (§4).
/// </summary>
public abstract class BoardDocumentTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Period Q2 = Period.Quarter(2015, 2);

    // The section headings of the Priority Based report, in order (docs/spec.md §8; docs/sources.md §2.5).
    private static readonly string[] SeedSections =
    [
        "1.0 Introduction", "2.0 Key Developments", "3.0 Emerging Issues", "4.0 Risk Control Measures",
        "5.0 Progress against high priority equality actions", "6.0 Performance Overview", "7.0 Financial Summaries",
        "8.0 Appendix 1 – Explanation for use of symbols",
    ];

    private Task LoadDemo() => LoadDemoAsync();

    private Task<Document> Ppb(Period period) => WithScope(async sp => (await sp.GetRequiredService<BoardReports>().PpbAsync(DemoRounds.PlanRef, period))!);

    [Fact]
    public async Task The_Q2_report_in_Word_has_the_seed_sections_in_order_and_passes_the_OpenXml_validator()
    {
        await LoadDemo();
        using var word = new WordFile(WordRenderer.Render(await Ppb(Q2)));

        Assert.Equal(SeedSections, word.Headings(2));
        Assert.Equal(["Priority Based PPB Report"], word.Headings(1));
        Assert.Empty(word.ValidationErrors());
        // Header rows repeat across pages; the performance overview is on landscape pages; the footer numbers pages.
        Assert.All(word.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.Table>(), t => Assert.NotNull(t.Descendants<DocumentFormat.OpenXml.Wordprocessing.TableHeader>().FirstOrDefault()));
        Assert.Contains(word.Body.Descendants<DocumentFormat.OpenXml.Wordprocessing.PageSize>(), p => p.Orient?.Value == DocumentFormat.OpenXml.Wordprocessing.PageOrientationValues.Landscape);
        Assert.Contains(word.Doc.MainDocumentPart!.FooterParts.Single().Footer.Descendants<DocumentFormat.OpenXml.Wordprocessing.FieldCode>(), f => f.Text.Trim() == "PAGE");
    }

    [Fact]
    public async Task The_CED033_row_shows_75_percent_against_95_percent_amber_and_worse_with_alternative_text()
    {
        await LoadDemo();
        using var word = new WordFile(WordRenderer.Render(await Ppb(Q2)));

        // The Q2 report's key measures (docs/sources.md §2.5): CED033 current 75%, target 95%, progress "?" (amber), direction "↓" (worse).
        var row = word.Row("CED033");
        Assert.Equal("Social Work Assessments completed within 45 working days", row[1]);
        Assert.Equal("75%", row[2]);
        Assert.Equal("95%", row[3]);
        Assert.StartsWith(" Amber", row[4]);
        // The officer's judgement (amber) replaces the computed red, which is printed beside it as its own symbol.
        Assert.Contains("[alt: Amber: uncertain or too early to say; Red: ", row[4]);
        Assert.StartsWith(" Worse", row[5]);
        // The direction is the officer's judgement too; the computed one (no comparable figure) is printed beside it as its own symbol.
        Assert.Contains("[alt: Worse than the same period last year; ", row[5]);
    }

    [Fact]
    public async Task The_appendix_keys_the_officers_initials_as_the_seed_does()
    {
        await LoadDemo();
        using var word = new WordFile(WordRenderer.Render(await Ppb(Q2)));

        // The report's section 8.3 (docs/sources.md §2.5): WR Wesley Rourke, AMc Ann McIntyre, TC Tracey Coffey.
        var key = word.Rows("Key of officers' initials").Skip(1).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("Wesley Rourke", key["WR"]);
        Assert.Equal("Ann McIntyre", key["AMc"]);
        Assert.Equal("Tracey Coffey", key["TC"]);
        Assert.Equal(3, key.Count);
    }

    [Fact]
    public async Task Key_developments_are_numbered_with_the_responsible_officers_initials_and_the_financial_summaries_carry_the_published_totals()
    {
        await LoadDemo();
        using var word = new WordFile(WordRenderer.Render(await Ppb(Q2)));
        var text = word.Text;

        // Key developments 2.1 and 2.7 and emerging issue 3.1 of the Q2 report (docs/sources.md §2.5).
        Assert.Contains("2.1\tReferrals to Social Care (TC)", text);
        Assert.Contains("2.7\tPublication of the NEET scorecard (AMc)", text);
        Assert.Contains("3.1\tChildren's Centres (TC)", text);
        // The standard wording of 4.1 and 5.1 (docs/sources.md §2.5).
        Assert.Contains("4.1\tRisk control forms an integral part of the Council's Business Planning", text);
        Assert.Contains("5.1\tEquality issues continue to form a routine element", text);
        // Section 7.0 (docs/sources.md §2.5): Net Expenditure of Education, Inclusion and Provision
        // 15,149 / 6,384 / 6,112 / 272, and of Children and Families 19,233 / 10,052 / 11,128 / (1,076).
        Assert.Contains("CHILDREN AND FAMILIES DEPARTMENT", text);
        var financial = text[text.IndexOf("7.0 Financial Summaries", StringComparison.Ordinal)..];
        Assert.Contains("15,149", financial);
        Assert.Contains("19,233", financial);
        Assert.Contains("11,128", financial);
        Assert.Contains("(1,076)", financial);
        Assert.DoesNotContain(StandardReportSections.NoFinancialSummary, text);
    }

    [Fact]
    public async Task Each_key_measure_with_figures_by_year_has_its_chart_as_a_picture_in_Word_and_as_SVG_in_HTML()
    {
        await LoadDemo();
        var document = await Ppb(Q2);
        // The Q2 report's CED033, CED036 and CED047 boxes carry charts of several years (docs/sources.md §2.5).
        var figures = document.AllBlocks.OfType<Figure>().ToList();
        Assert.Contains(figures, f => f.AltText.StartsWith("CED033: Halton compared over time", StringComparison.Ordinal));
        Assert.Contains(figures, f => f.AltText.StartsWith("CED047:", StringComparison.Ordinal));

        var rendered = await WithScope(sp => sp.GetRequiredService<BoardReports>().RenderAsync(document, OutputFormat.Docx, "q2"));
        using var word = new WordFile(rendered.Content);
        Assert.Empty(word.ValidationErrors());
        var pictures = word.Body.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>().Where(d => d.Title?.Value == "Chart").ToList();
        Assert.Equal(figures.Count, pictures.Count);
        Assert.Contains(pictures, d => d.Description!.Value!.StartsWith("CED033:", StringComparison.Ordinal));
        // A real picture: the PNG signature, and more than a blank few bytes.
        var png = word.Doc.MainDocumentPart!.ImageParts.Select(part => { using var s = part.GetStream(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); }).OrderByDescending(b => b.Length).First();
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
        Assert.True(png.Length > 2000, $"the largest picture has only {png.Length} bytes");

        Assert.Contains("<svg", HtmlRenderer.RenderPage(document));
    }

    [Fact]
    public async Task A_published_quarter_is_printed_from_its_snapshot_not_from_later_corrections()
    {
        await LoadDemo();
        await WithScope(async sp => { await sp.GetRequiredService<ReviseFigure>().HandleAsync(new ReviseFigure.Request(DemoRounds.PlanRef, "CED033", Q2, 80m, ValueStatus.Final, null, "Corrected after publication.")); return 0; });

        using var word = new WordFile(WordRenderer.Render(await Ppb(Q2)));

        Assert.Equal("75%", word.Row("CED033")[2]);
        Assert.DoesNotContain("DRAFT", word.Text);
    }

    [Fact]
    public async Task An_unpublished_quarter_is_marked_draft_and_a_quarter_without_a_round_reports_none()
    {
        await LoadDemo();

        using (var q3 = new WordFile(WordRenderer.Render(await Ppb(Period.Quarter(2015, 3)))))
            Assert.Contains("DRAFT: this round is not yet published", q3.Text);
        using var q1 = new WordFile(WordRenderer.Render(await Ppb(Period.Quarter(2015, 1))));
        var text = q1.Text;
        var keyDevelopments = text.IndexOf("2.0 Key Developments", StringComparison.Ordinal);
        Assert.Equal("None reported.", text[(keyDevelopments + "2.0 Key Developments".Length)..].Split('\n', StringSplitOptions.RemoveEmptyEntries)[0]);
    }

    [Fact]
    public async Task The_PDF_reads_back_with_the_sections_in_order_the_CED033_row_the_key_and_is_tagged()
    {
        await LoadDemo();
        // The Chromium the browser tests use (./test.sh sets OUTTURN_TEST_CHROMIUM), else /usr/bin/chromium.
        await using var renderer = new PdfRenderer(Environment.GetEnvironmentVariable("OUTTURN_TEST_CHROMIUM"));
        var bytes = await renderer.RenderAsync(await Ppb(Q2));
        var pdf = PdfFile.Read(bytes);
        var text = pdf.Text;

        var positions = SeedSections.Select(s => text.IndexOf(s.Replace(" – ", " – "), StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, $"section missing from the PDF text: {SeedSections[positions.IndexOf(p)]}"));
        Assert.Equal(positions.Order(), positions);
        // The row as the PDF's text runs, up to the next measure: the title may wrap, the figures and statuses keep their order.
        var start = text.IndexOf("CED033 Social Work Assessments", StringComparison.Ordinal);
        var ced033 = text[start..text.IndexOf("CED036", start, StringComparison.Ordinal)];
        var order = new[] { "75%", "95%", "Amber", "Worse" }.Select(w => ced033.IndexOf(w, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.Order(), order);
        var key = text[text.LastIndexOf("Key for Operational Directors", StringComparison.Ordinal)..];
        Assert.True(key.Contains("TC Tracey Coffey", StringComparison.Ordinal) && key.Contains("AMc Ann McIntyre", StringComparison.Ordinal) && key.Contains("WR Wesley Rourke", StringComparison.Ordinal), key);
        Assert.Contains("(1,076)", text); // Children and Families' net variance to date, section 7.0
        Assert.True(pdf.Tagged, "the PDF has no structure tree (not tagged)");
        Assert.Contains(pdf.Pages, p => p.Width > p.Height); // landscape pages for the performance overview
        Assert.Contains(pdf.Pages, p => p.Width < p.Height);
    }

    [Fact]
    public async Task The_cover_report_prints_the_seed_headings_and_keeps_edited_fields()
    {
        await LoadDemo();
        var cover = await WithScope(sp => sp.GetRequiredService<CoverReports>().GetAsync(DemoRounds.PlanRef, Q2));
        Assert.NotNull(cover);
        // The cover of the Q2 2015/16 report (docs/sources.md §2.4).
        Assert.Equal("Performance Management Reports for Quarter 2 of 2015/16", cover.Subject);
        Assert.Equal("Boroughwide", cover.Wards);

        cover.Date = "4 January 2016";
        cover.RiskAnalysis = "Not applicable.";
        var problems = await WithScope(sp => sp.GetRequiredService<CoverReports>().SaveAsync(DemoRounds.PlanRef, Q2, cover, "test"));
        Assert.Empty(problems);
        var stored = await WithScope(sp => sp.GetRequiredService<CoverReports>().GetAsync(DemoRounds.PlanRef, Q2));
        Assert.Equal("4 January 2016", stored!.Date);

        using var word = new WordFile(WordRenderer.Render(CoverReports.Build(stored)));
        Assert.Empty(word.ValidationErrors());
        Assert.Equal(
        [
            "1.0 PURPOSE OF REPORT", "2.0 RECOMMENDED", "3.0 SUPPORTING INFORMATION", "4.0 POLICY IMPLICATIONS", "5.0 OTHER IMPLICATIONS",
            "6.0 IMPLICATIONS FOR THE COUNCIL'S PRIORITIES", "7.0 RISK ANALYSIS", "8.0 EQUALITY AND DIVERSITY ISSUES",
            "9.0 LIST OF BACKGROUND PAPERS UNDER SECTION 100D OF THE LOCAL GOVERNMENT ACT 1972",
        ], word.Headings(2));
        Assert.Contains("REPORT TO: Children, Young People and Families Policy and Performance Board", word.Text);
        Assert.Contains("DATE: 4 January 2016", word.Text);
        Assert.Contains("WARDS: Boroughwide", word.Text);
    }

    [Fact]
    public async Task A_cover_without_a_subject_is_refused_and_nothing_is_stored()
    {
        await LoadDemo();
        var cover = (await WithScope(sp => sp.GetRequiredService<CoverReports>().GetAsync(DemoRounds.PlanRef, Q2)))!;
        cover.Subject = " ";
        var problems = await WithScope(sp => sp.GetRequiredService<CoverReports>().SaveAsync(DemoRounds.PlanRef, Q2, cover, "test"));
        Assert.Equal("Subject", Assert.Single(problems).Field);
        Assert.Equal(0, await Db(db => Task.FromResult(db.Set<Outturn.Domain.Documents.CoverReport>().Count())));
    }

    [Fact]
    public async Task The_business_plan_lists_each_objectives_indicators_with_latest_performance_and_three_years_targets()
    {
        await LoadDemo();
        var doc = await WithScope(sp => sp.GetRequiredService<DocumentContent>().BusinessPlanAsync("HBC-BP-2016-19"));
        using var word = new WordFile(WordRenderer.Render(doc!));

        Assert.Empty(word.ValidationErrors());
        // The draft Business Plan 2016-19 (docs/sources.md §2.3): PED001 87% latest, targets 88%, 89%, 90%.
        Assert.Equal(["PED001", "% of state funded educational settings including FE College with overall effectiveness of Good or Outstanding", "87%", "88%", "89%", "90%"], word.Row("PED001"));
        // Its first objective block, PED01 (docs/sources.md §2.3).
        Assert.Contains("Corporate Priority: Children and Young People", word.Text);
        Assert.Contains("Service Objective: PED01: Improve provision in all inspected services", word.Text);
        Assert.Contains("• Post 16 Area Review", word.Text);
        Assert.Contains("• Local Area SEND Inspection", word.Text);
        Assert.Contains("Key Milestones (16-17)", word.Headings(3));
    }

    [Fact]
    public async Task The_plan_review_shows_each_targets_performance_and_status_and_the_revised_priority_blocks()
    {
        await LoadDemo();
        var doc = await WithScope(sp => sp.GetRequiredService<DocumentContent>().PlanReviewAsync("HBC-CYPP-2006-09"));
        using var word = new WordFile(WordRenderer.Render(doc!));

        Assert.Empty(word.ValidationErrors());
        // The 2007 review, Part 3 (docs/sources.md §4): the immunisation target, 82.8% immunised, one lamp lit in the middle (amber).
        var immunisation = word.Rows().Single(r => r[0].StartsWith("Children are better protected from future preventable diseases", StringComparison.Ordinal));
        Assert.StartsWith("82.8% of children have been fully immunised", immunisation[1]);
        Assert.StartsWith(" Amber", immunisation[2]);
        // The review's Part 4 (docs/sources.md §4): the BH1.1 block.
        var block = word.Rows("Revised priority target BH1.1").ToDictionary(r => r[0], r => r[1]);
        Assert.StartsWith("BH1.1 Halt the year on year rise in obesity among children under 11 by 2010", block["Target"]);
        Assert.Equal("2005/06 Data: 17.4% of children under 11 years classified as obese", block["Performance Data"]);
        Assert.Equal("Halton and St Helens PCT", block["Lead Organisation"]);
        Assert.Equal("Halton and St Helens PCT Budget", block["Resources"]);
        Assert.Equal(["Part 3: Progress against the plan's targets, 2006/07", "Part 4: Revised priorities for 2007/08 to 2008/09"], word.Headings(2));
    }

    [Fact]
    public async Task The_monitoring_tables_export_to_Excel_and_CSV_with_CED033()
    {
        await LoadDemo();
        var report = await WithScope(async sp =>
            SnapshotJson.Published((await sp.GetRequiredService<RoundViews>().FindAsync(DemoRounds.PlanRef, Q2))!)!);

        var csv = System.Text.Encoding.UTF8.GetString(TableExport.MonitoringCsv(report, "measures")).TrimStart('\uFEFF').Split("\r\n");
        Assert.Equal(string.Join(",", TableExport.MeasureColumns), csv[0]);
        var line = csv.Single(l => l.Contains(",CED033,", StringComparison.Ordinal));
        Assert.Contains(",Social Work Assessments completed within 45 working days,yes,", line);
        Assert.Contains(",95%,95,75%,75,worse,amber,", line);

        using var xlsx = new MemoryStream(TableExport.MonitoringXlsx(report));
        var rows = MiniExcelLibs.MiniExcel.Query(xlsx, useHeaderRow: true, sheetName: "Measures").Cast<IDictionary<string, object?>>().ToList();
        var ced033 = rows.Single(r => (string?)r["ref"] == "CED033");
        Assert.Equal(75m, Convert.ToDecimal(ced033["current_value"]));
        Assert.Equal(95m, Convert.ToDecimal(ced033["target_value"]));
        Assert.Equal(36, MiniExcelLibs.MiniExcel.Query(new MemoryStream(TableExport.MonitoringXlsx(report)), useHeaderRow: true, sheetName: "Milestones").Count());
    }
}

public sealed class BoardDocumentTestsOnSqlite() : BoardDocumentTests(DatabaseProvider.Sqlite);

public sealed class BoardDocumentTestsOnPostgres() : BoardDocumentTests(DatabaseProvider.Postgres);

public sealed class NarrativeEntryTests
{
    [Fact]
    public void A_line_ending_in_initials_starts_a_numbered_item_and_the_paragraphs_after_it_are_its_text()
    {
        var entries = NarrativeEntry.Parse("Referrals to Social Care (TC)\nThe level of referrals has reduced.\n\nEarly Years (AMc)\n\nFirst.\n\n- one\n- two\n", "WR");

        Assert.Equal(2, entries.Count);
        Assert.Equal(("Referrals to Social Care", "TC"), (entries[0].Title, entries[0].Initials));
        Assert.Equal(["The level of referrals has reduced."], entries[0].Paragraphs);
        Assert.Equal(["First.", "- one\n- two"], entries[1].Paragraphs);
    }

    [Fact]
    public void Text_without_item_titles_is_one_item_credited_to_the_assigned_officer()
    {
        var entry = Assert.Single(NarrativeEntry.Parse("Nothing new this quarter.", "AMc"));
        Assert.Null(entry.Title);
        Assert.Equal("AMc", entry.Initials);
    }
}
