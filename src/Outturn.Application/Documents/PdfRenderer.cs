using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Outturn.Application.Documents;

/// <summary>
/// Makes the PDF of a document by printing its HTML page with headless Chromium (through Playwright): A4, the
/// document's landscape sections on landscape pages, page numbers in the footer, and a tagged PDF with an outline
/// from the headings (Chromium's <c>--generate-pdf-document-outline</c> / Playwright's Tagged and Outline options).
/// One browser is started on first use and kept for the life of the service.
/// </summary>
public sealed class PdfRenderer(string? chromiumPath = null) : IAsyncDisposable, IDisposable
{
    public const string DefaultChromium = "/usr/bin/chromium";
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ChromiumPath { get; } = chromiumPath is { Length: > 0 } ? chromiumPath : DefaultChromium;

    /// <summary>The Chromium named by configuration <c>Outturn:Documents:Chromium</c>, else /usr/bin/chromium.</summary>
    public static PdfRenderer From(IConfiguration configuration) => new(configuration["Outturn:Documents:Chromium"]);

    public async Task<byte[]> RenderAsync(Document document, CancellationToken ct = default)
    {
        var browser = await BrowserAsync(ct);
        var page = await browser.NewPageAsync();
        try
        {
            await page.SetContentAsync(HtmlRenderer.RenderPage(document), new PageSetContentOptions { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new PagePdfOptions
            {
                Format = "A4",
                PreferCSSPageSize = true,
                PrintBackground = true,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                HeaderTemplate = "<span></span>",
                FooterTemplate = "<div style=\"font-family: Arial, sans-serif; font-size: 8pt; width: 100%; text-align: center;\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>",
            });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    /// <summary>The document with every chart also drawn as a PNG picture, for Word.</summary>
    public async Task<Document> WithPicturesAsync(Document document, CancellationToken ct = default)
    {
        if (!document.AllBlocks.OfType<Figure>().Any()) return document;
        async Task<Block> Draw(Block b) => b switch
        {
            Figure f when f.Png is null => f with { Png = await RasterizeAsync(f, ct) },
            Landscape l => new Landscape(await Task.WhenAll(l.Blocks.Select(Draw).ToArray())),
            _ => b,
        };
        var blocks = new List<Block>();
        foreach (var b in document.Blocks) blocks.Add(await Draw(b));
        return document with { Blocks = blocks };
    }

    private async Task<byte[]> RasterizeAsync(Figure figure, CancellationToken ct)
    {
        var browser = await BrowserAsync(ct);
        // Twice the size on screen, so the picture stays sharp when printed.
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = figure.Width, Height = figure.Height }, DeviceScaleFactor = 2 });
        try
        {
            await page.SetContentAsync($"<!DOCTYPE html><html><body style=\"margin:0;background:#fff\">{figure.Svg}</body></html>");
            return await page.Locator("svg").First.ScreenshotAsync(new LocatorScreenshotOptions { Type = ScreenshotType.Png });
        }
        finally
        {
            await page.CloseAsync();
        }
    }

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true }) return _browser;
        await _gate.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            if (!File.Exists(ChromiumPath))
                throw new InvalidOperationException($"PDF needs Chromium, which is not at {ChromiumPath}: install it (apt-get install chromium) or set Outturn:Documents:Chromium.");
            _playwright ??= await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                // No network here beyond package registries: keep Chromium from calling home.
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
            });
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _browser = null;
        _playwright?.Dispose();
        _playwright = null;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
