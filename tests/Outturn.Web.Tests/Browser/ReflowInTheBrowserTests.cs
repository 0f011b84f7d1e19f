using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>
/// Every public page, found by following links from the home page as a visitor would, and the main staff pages
/// reflow (WCAG 2.2 1.4.10): at 320 CSS pixels wide nothing scrolls sideways except a data table inside its own
/// focusable, labelled region, and at 1280 pixels no table is wider than its column. axe runs on one page of each kind.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReflowInTheBrowserTests(BrowserFixture browser)
{
    private const int Narrow = 320, Wide = 1280;

    // What a page measures: the document's width beyond the viewport; data tables not in a region; elements wider
    // than the viewport that are not inside a region (to name the culprit); and regions that scroll at this width.
    private const string Measure = """
        () => {
          const doc = document.documentElement;
          const width = doc.clientWidth;
          const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '');
          const wide = [...document.querySelectorAll('main *, header *, nav *, footer *')]
            .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest('.outturn-table-region, .doc-table'))
            .map(e => describe(e) + ' ends at ' + Math.round(e.getBoundingClientRect().right)).slice(0, 5);
          const unwrapped = [...document.querySelectorAll('table')].filter(t => !t.closest('.outturn-table-region, .doc-table')).length;
          const scrolling = [...document.querySelectorAll('.outturn-table-region, .doc-table')]
            .filter(r => r.scrollWidth > r.clientWidth + 1).map(r => r.getAttribute('aria-label'));
          const unlabelled = [...document.querySelectorAll('.outturn-table-region, .doc-table')]
            .filter(r => r.getAttribute('tabindex') !== '0' || r.getAttribute('role') !== 'region' || !r.getAttribute('aria-label')).length;
          return { scrollWidth: doc.scrollWidth, width, wide, unwrapped, scrolling, unlabelled };
        }
        """;

    private sealed class Measured
    {
        public int ScrollWidth { get; set; }
        public int Width { get; set; }
        public string[] Wide { get; set; } = [];
        public int Unwrapped { get; set; }
        public string[] Scrolling { get; set; } = [];
        public int Unlabelled { get; set; }
    }

    private static readonly string[] NotPages = [".docx", ".pdf", ".xlsx", ".csv", ".zip", ".json", ".html", "/docx", "/pdf", "/xlsx", "/csv", "/html"];

    [Fact]
    public async Task Every_public_page_reflows_at_320_pixels_and_fits_its_tables_at_1280()
    {
        var page = await browser.OpenAsync("/");
        var problems = await CrawlAsync(page, ["/"], limit: 600);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task The_main_staff_pages_reflow_at_320_pixels_and_fit_their_tables_at_1280()
    {
        var officer = await browser.OpenAsync("/rounds", signedInAs: "performance@outturn.example");
        var round = await officer.Locator("a[href^='/rounds/']").First.GetAttributeAsync("href");
        await officer.GotoAsync("/my-updates");
        var item = await officer.Locator("a[href^='/my-updates/']").First.GetAttributeAsync("href");
        string[] staff =
        [
            "/rounds", round!, "/my-updates", item!, "/dashboard", "/risks", "/risks/CYP-R01", "/returns", "/returns/upload", "/returns/fill",
            "/finance/import", "/engagement", "/account", "/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3",
            "/plans/HBC-CYP-2015-16/indicators/CED033/revise", "/plans/HBC-CYP-2015-16/reports/cover/2015-16-Q2",
        ];
        var problems = await CrawlAsync(officer, staff, limit: staff.Length, follow: false);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Visits the pages (and, when <paramref name="follow"/>, every same-site page they link to), measuring each at
    /// 1280 and 320 pixels wide; axe runs at 320 pixels on the first page of each kind of address. Three tabs of the
    /// same browser (and so the same sign-in) share the queue, so that the crawl of some hundreds of pages is bounded
    /// by the server rather than by one tab's round trips.
    /// </summary>
    private static async Task<List<string>> CrawlAsync(IPage page, IEnumerable<string> start, int limit, bool follow = true)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(queue, StringComparer.Ordinal);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        var visited = 0;
        var busy = 0;
        var gate = new object();

        async Task WorkAsync(IPage tab)
        {
            while (true)
            {
                string? path = null;
                lock (gate)
                {
                    if (visited >= limit || (queue.Count == 0 && busy == 0)) return;
                    if (queue.Count > 0) { path = queue.Dequeue(); busy++; }
                }
                if (path is null) { await Task.Delay(50); continue; }
                try { await VisitAsync(tab, path); }
                finally { lock (gate) busy--; }
            }
        }

        async Task VisitAsync(IPage tab, string path)
        {
            await tab.SetViewportSizeAsync(Wide, 900);
            var response = await tab.GotoAsync(path);
            if (response is null || !response.Ok || !(response.Headers.GetValueOrDefault("content-type") ?? "").StartsWith("text/html", StringComparison.Ordinal)) return;
            lock (gate) visited++;
            if (follow)
            {
                var links = await tab.Locator("a[href^='/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
                lock (gate)
                    foreach (var href in links)
                    {
                        var link = href.Split('#')[0];
                        if (link.Length == 0 || link.StartsWith("/api", StringComparison.Ordinal) || link.StartsWith("/openapi", StringComparison.Ordinal) || link.StartsWith("/sign-", StringComparison.Ordinal)
                            || NotPages.Any(x => link.Split('?')[0].EndsWith(x, StringComparison.Ordinal))) continue;
                        if (seen.Add(link)) queue.Enqueue(link);
                    }
            }
            var found = new List<string>();
            var wide = await tab.EvaluateAsync<Measured>(Measure);
            if (wide.ScrollWidth > wide.Width) found.Add($"{path} at {Wide}px: the page is {wide.ScrollWidth}px wide ({string.Join("; ", wide.Wide)})");
            if (wide.Scrolling.Length > 0) found.Add($"{path} at {Wide}px: tables wider than their column: {string.Join("; ", wide.Scrolling)}");
            if (wide.Unwrapped > 0) found.Add($"{path}: {wide.Unwrapped} tables not in a scrolling region");
            if (wide.Unlabelled > 0) found.Add($"{path}: {wide.Unlabelled} table regions not focusable or not labelled");

            await tab.SetViewportSizeAsync(Narrow, 640);
            var narrow = await tab.EvaluateAsync<Measured>(Measure);
            if (narrow.ScrollWidth > narrow.Width) found.Add($"{path} at {Narrow}px: the page is {narrow.ScrollWidth}px wide ({string.Join("; ", narrow.Wide)})");

            bool firstOfItsKind;
            lock (gate) firstOfItsKind = kinds.Add(Kind(path));
            if (firstOfItsKind)
            {
                try { await tab.AssertNoViolationsAsync(); }
                catch (Xunit.Sdk.TrueException e) { found.Add(e.Message); }
            }
            lock (gate) problems.AddRange(found);
        }

        var tabs = new List<IPage> { page };
        for (var i = 1; i < 3; i++) tabs.Add(await page.Context.NewPageAsync());
        await Task.WhenAll(tabs.Select(WorkAsync));
        Assert.True(visited >= Math.Min(limit, 5), $"only {visited} pages visited");
        if (follow) Assert.True(visited > 100, $"the crawl reached only {visited} pages"); // four plans' measures, boards, inspections…
        return problems;
    }

    /// <summary>The kind of page an address is: its path with numbers and the last, item-naming segment generalised.</summary>
    private static string Kind(string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        return segments.Length switch
        {
            <= 1 => "/" + segments[0],
            _ => "/" + segments[0] + "/*/" + string.Join("/", segments.Skip(2).Select((s, i) => i % 2 == 0 ? s : "*")),
        };
    }
}
