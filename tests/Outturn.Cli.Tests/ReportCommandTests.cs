using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Outturn.Cli.Tests;

/// <summary>`outturn report …` through the real tool; expected values from the Q2 2015/16 report and the Business Plan 2016-19 (docs/sources.md §2.3, §2.5).</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Out(string name) => Path.Combine(_cli.DataDirectory, "out", name);

    [Fact]
    public async Task Report_ppb_writes_the_Word_file_with_the_seed_sections_and_html_with_CED033()
    {
        await _cli.LoadDemoAsync();

        var docx = await _cli.RunAsync("report", "ppb", "--plan", "HBC-CYP-2015-16", "--period", "2015/16 Q2", "--format", "docx", "--out", Out("ppb.docx"));
        Assert.True(docx.ExitCode == 0, docx.Error);
        using (var word = WordprocessingDocument.Open(Out("ppb.docx"), false))
        {
            var headings = word.MainDocumentPart!.Document.Body!.Descendants<Paragraph>()
                .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == "Heading2").Select(p => p.InnerText).ToList();
            Assert.Equal("1.0 Introduction", headings[0]);
            Assert.Equal("7.0 Financial Summaries", headings[6]);
        }

        var html = await _cli.RunAsync("report", "ppb", "--plan", "HBC-CYP-2015-16", "--period", "2015/16 Q2", "--format", "html", "--out", Out("ppb.html"));
        Assert.Equal(0, html.ExitCode);
        var text = File.ReadAllText(Out("ppb.html"));
        Assert.Contains("<th scope=\"row\">CED033</th><td>Social Work Assessments completed within 45 working days</td><td>75%</td><td>95%</td>", text);
    }

    [Fact]
    public async Task Report_ppb_makes_Word_with_its_charts_as_pictures_on_a_machine_without_Chromium_and_says_why_PDF_cannot_be_made()
    {
        var noChromium = new Dictionary<string, string> { ["Outturn__Documents__Chromium"] = Path.Combine(_cli.DataDirectory, "no-chromium-here") };
        await _cli.LoadDemoAsync();

        var docx = await _cli.RunWithAsync(noChromium, "report", "ppb", "--plan", "HBC-CYP-2015-16", "--period", "2015/16 Q2", "--format", "docx", "--out", Out("ppb.docx"));
        Assert.True(docx.ExitCode == 0, docx.Error);
        using (var word = WordprocessingDocument.Open(Out("ppb.docx"), false))
        {
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(word)
                .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            // The Q2 report's three key measures with yearly figures, CED033, CED036 and CED047 (docs/sources.md §2.5),
            // each a picture whose alternative text names the chart and points to its table.
            var charts = word.MainDocumentPart!.Document.Body!.Descendants<DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties>()
                .Where(d => d.Title?.Value == "Chart").Select(d => d.Description?.Value ?? "").ToList();
            Assert.Equal(3, charts.Count);
            Assert.Contains(charts, d => d.StartsWith("CED033: Halton compared over time", StringComparison.Ordinal));
            Assert.All(charts, d => Assert.EndsWith("The figures are in the table below the chart.", d));
            var tables = word.MainDocumentPart.Document.Body.Descendants<Table>()
                .Select(t => t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value).ToList();
            Assert.Contains("CED033 by year: Halton, target and comparators", tables);
            var png = word.MainDocumentPart.ImageParts.Select(part => { using var s = part.GetStream(); using var m = new MemoryStream(); s.CopyTo(m); return m.ToArray(); })
                .OrderByDescending(b => b.Length).First();
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
            Assert.True(png.Length > 5000, $"the largest picture has only {png.Length} bytes");
        }

        var pdf = await _cli.RunWithAsync(noChromium, "report", "ppb", "--plan", "HBC-CYP-2015-16", "--period", "2015/16 Q2", "--format", "pdf", "--out", Out("ppb.pdf"));
        Assert.Equal(1, pdf.ExitCode);
        Assert.Contains("PDF needs Chromium, which is not at", pdf.Error);
        Assert.False(File.Exists(Out("ppb.pdf")));
    }

    [Fact]
    public async Task Report_business_plan_plan_review_and_cover_write_their_files()
    {
        await _cli.LoadDemoAsync();

        Assert.Equal(0, (await _cli.RunAsync("report", "business-plan", "--plan", "HBC-BP-2016-19", "--format", "html", "--out", Out("bp.html"))).ExitCode);
        Assert.Contains("PED001", File.ReadAllText(Out("bp.html")));
        Assert.Equal(0, (await _cli.RunAsync("report", "plan-review", "--plan", "HBC-CYPP-2006-09", "--format", "docx", "--out", Out("review.docx"))).ExitCode);
        var cover = await _cli.RunAsync("report", "cover", "--plan", "HBC-CYP-2015-16", "--period", "2015/16 Q2", "--format", "html", "--out", Out("cover.html"));
        Assert.Equal(0, cover.ExitCode);
        Assert.Contains("<strong>WARDS:</strong> Boroughwide", File.ReadAllText(Out("cover.html")));
    }

    [Fact]
    public async Task Report_refuses_an_unknown_plan_and_a_malformed_period_on_standard_error()
    {
        var unknown = await _cli.RunAsync("report", "ppb", "--plan", "NO-SUCH", "--period", "2015/16 Q2", "--format", "docx", "--out", Out("x.docx"));
        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("No plan has the ref \"NO-SUCH\"", unknown.Error);

        var period = await _cli.RunAsync("report", "ppb", "--plan", "HBC-CYP-2015-16", "--period", "Q7", "--format", "docx", "--out", Out("x.docx"));
        Assert.Equal(2, period.ExitCode);
        Assert.False(File.Exists(Out("x.docx")));
    }
}
