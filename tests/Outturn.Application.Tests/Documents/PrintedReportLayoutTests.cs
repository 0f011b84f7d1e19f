using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Documents;
using Outturn.Domain.Periods;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Outturn.Application.Tests.Documents;

/// <summary>The Quarter 2 2015/16 Priority Based report printed to PDF once, with the document it was printed from.</summary>
public sealed class Q2PdfFixture : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-tests", Guid.NewGuid().ToString("N"));
    public Document Document { get; private set; } = null!;
    public byte[] Pdf { get; private set; } = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outturn:DataDirectory"] = _folder }).Build();
        var services = new ServiceCollection();
        services.AddOutturn(configuration);
        services.AddSingleton<ICurrentUser>(new SystemUser("test-user"));
        await using var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
            await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync();
            Document = (await scope.ServiceProvider.GetRequiredService<BoardReports>().PpbAsync(DemoRounds.PlanRef, Period.Quarter(2015, 2)))!;
        }
        // The Chromium the browser tests use (./test.sh sets OUTTURN_TEST_CHROMIUM), else /usr/bin/chromium.
        await using var renderer = new PdfRenderer(Environment.GetEnvironmentVariable("OUTTURN_TEST_CHROMIUM"));
        Pdf = await renderer.RenderAsync(Document);
    }

    public Task DisposeAsync()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
        return Task.CompletedTask;
    }
}

/// <summary>
/// The printed Quarter 2 report read back from the PDF's text positions and drawings (PdfPig), as a councillor turns
/// its pages: no table heading stranded at the foot of a page, every status a symbol beside its words, and the
/// financial summaries' figures in right-aligned columns.
/// </summary>
public sealed class PrintedReportLayoutTests(Q2PdfFixture q2) : IClassFixture<Q2PdfFixture>
{
    // The page footer ("Page 3 of 31") sits in the bottom margin, below this height in points.
    private const double FooterTop = 40;

    private sealed record Line(int Page, double Bottom, double Top, string Text, IReadOnlyList<Word> Words);

    /// <summary>The page's words above the footer as lines, top to bottom: words whose baselines are within 2 points.</summary>
    private static List<Line> Lines(Page page)
    {
        var groups = new List<List<Word>>();
        foreach (var w in page.GetWords().Where(w => w.BoundingBox.Bottom > FooterTop).OrderByDescending(w => w.BoundingBox.Bottom))
        {
            if (groups.Count > 0 && groups[^1][0].BoundingBox.Bottom - w.BoundingBox.Bottom < 2) groups[^1].Add(w);
            else groups.Add([w]);
        }
        return groups.Select(g => g.OrderBy(w => w.BoundingBox.Left).ToList())
            .Select(ws => new Line(page.Number, ws.Min(w => w.BoundingBox.Bottom), ws.Max(w => w.BoundingBox.Top), string.Join(" ", ws.Select(w => w.Text)), ws))
            .ToList();
    }

    private static bool Fill(UglyToad.PdfPig.Graphics.PdfPath path, string hex)
    {
        if (!path.IsFilled || path.FillColor is null) return false;
        var (r, g, b) = path.FillColor.ToRGBValues();
        static int C(double v) => (int)Math.Round(v * 255);
        return $"{C(r):X2}{C(g):X2}{C(b):X2}" == hex;
    }

    [Fact]
    public void No_page_ends_with_a_table_caption_a_header_row_or_a_heading()
    {
        using var pdf = PdfDocument.Open(q2.Pdf);
        var tables = q2.Document.AllBlocks.OfType<Table>().ToList();
        var stranded = new HashSet<string>(tables.Select(t => t.Caption), StringComparer.Ordinal);
        foreach (var h in q2.Document.AllBlocks.OfType<Heading>()) stranded.Add(h.Text);
        var problems = new List<string>();
        foreach (var page in pdf.GetPages().Where(p => p.Number < pdf.NumberOfPages))
        {
            var last = Lines(page).Last();
            if (stranded.Contains(last.Text)) problems.Add($"page {page.Number} ends with \"{last.Text}\"");
            // A header row is drawn on the grey of the header cells (#F3F2F1): the last line must not lie on it.
            var middle = (last.Bottom + last.Top) / 2;
            if (page.Paths.Where(p => Fill(p, "F3F2F1")).Select(p => p.GetBoundingRectangle()).OfType<UglyToad.PdfPig.Core.PdfRectangle>()
                .Any(r => middle > r.Bottom && middle < r.Top && last.Words[0].BoundingBox.Left >= r.Left - 1 && last.Words[0].BoundingBox.Left <= r.Right))
                problems.Add($"page {page.Number} ends with a table's header row \"{last.Text}\"");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The checks see what they look for: header rows are grey, and the report has tables on most pages.
        Assert.True(pdf.GetPages().Count(p => p.Paths.Any(x => Fill(x, "F3F2F1"))) > pdf.NumberOfPages / 2);
    }

    [Fact]
    public void Every_status_is_printed_as_a_symbol_beside_its_words()
    {
        // Progress and direction labels (Symbols): each drawn just left of its word in the symbol's colour.
        var colours = new Dictionary<string, string>
        {
            ["Green"] = "00703C", ["Amber"] = "B35500", ["Red"] = "D4351C", ["Better"] = "00703C", ["Same"] = "B35500", ["Worse"] = "D4351C",
        };
        using var pdf = PdfDocument.Open(q2.Pdf);
        var seen = new Dictionary<string, int>();
        var problems = new List<string>();
        foreach (var page in pdf.GetPages())
        {
            var paths = page.Paths;
            // Risk and equality progress was once printed as a bare word in lower case ("green", "not reported").
            foreach (var line in Lines(page).Where(l => l.Words.Any(w => w.Text is "green" or "amber" or "red") || l.Text.Contains("not reported", StringComparison.Ordinal)))
                problems.Add($"page {page.Number}: a status as a bare word: \"{line.Text}\"");
            foreach (var word in page.GetWords())
            {
                if (!colours.TryGetValue(word.Text, out var colour)) continue;
                var box = word.BoundingBox;
                var symbol = paths.Any(p => Fill(p, colour) && p.GetBoundingRectangle() is { } r
                                            && r.Right <= box.Left + 0.5 && r.Left >= box.Left - 16 && r.Top >= box.Bottom - 3 && r.Bottom <= box.Top + 3);
                if (symbol) seen[word.Text] = seen.GetValueOrDefault(word.Text) + 1;
                else problems.Add($"page {page.Number}: \"{word.Text}\" has no symbol beside it");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // The Q2 report (docs/sources.md §2.5) has green and amber progress and better and worse directions, and the
        // equality actions' progress is green and amber (Demo/equality).
        Assert.True(seen.GetValueOrDefault("Green") >= 5 && seen.GetValueOrDefault("Amber") >= 3 && seen.GetValueOrDefault("Worse") >= 1 && seen.GetValueOrDefault("Better") >= 1,
            string.Join(", ", seen.Select(kv => $"{kv.Key} {kv.Value}")));
    }

    [Fact]
    public void The_financial_summaries_figures_stand_in_right_aligned_columns()
    {
        using var pdf = PdfDocument.Open(q2.Pdf);
        var figure = new Regex(@"^\(?\d{1,3}(,\d{3})*\)?$");
        var rows = new List<IReadOnlyList<Word>>();
        // The pages of the revenue tables: their header row, repeated on each page, has "Variance To Date (overspend)".
        foreach (var page in pdf.GetPages().Where(p => p.GetWords().Any(w => w.Text == "(overspend)")))
            foreach (var line in Lines(page))
            {
                var figures = line.Words.Where(w => figure.IsMatch(w.Text)).ToList();
                // A line of the revenue table: its name, then the four columns of figures (£'000).
                if (figures.Count == 4) rows.Add(figures);
            }
        // Both departments' revenue tables (section 7.0 of the report, docs/sources.md §2.5): far more than 20 lines.
        Assert.True(rows.Count > 20, $"only {rows.Count} lines of four figures found");
        for (var c = 0; c < 4; c++)
        {
            var column = rows.Select(r => r[c].BoundingBox).ToList();
            var rights = column.Select(b => b.Right).ToList();
            var lefts = column.Select(b => b.Left).ToList();
            // Right edges line up to within a point; the left edges differ with the figures' widths (7 against 20,503).
            Assert.True(rights.Max() - rights.Min() < 1.0, $"column {c + 1}: right edges from {rights.Min():F1} to {rights.Max():F1}");
            Assert.True(lefts.Max() - lefts.Min() > 10, $"column {c + 1}: left edges all within {lefts.Max() - lefts.Min():F1} points (left-aligned?)");
        }
    }
}
