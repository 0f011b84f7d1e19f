using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;

namespace Outturn.Application.Documents;

/// <summary>
/// Makes the PDF of a document by printing its HTML page with headless Chromium (through Playwright): A4, the
/// document's landscape sections on landscape pages, page numbers in the footer, and a tagged PDF with an outline
/// from the headings (Chromium's <c>--generate-pdf-document-outline</c> / Playwright's Tagged and Outline options).
/// One browser is started on first use and kept for the life of the service. Word files need no browser
/// (<see cref="ChartPictures"/> draws their charts).
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

    private async Task<IBrowser> BrowserAsync(CancellationToken ct)
    {
        if (_browser is { IsConnected: true }) return _browser;
        await _gate.WaitAsync(ct);
        try
        {
            if (_browser is { IsConnected: true }) return _browser;
            if (!File.Exists(ChromiumPath)) throw new PdfUnavailableException(ChromiumPath);
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

/// <summary>A PDF was asked for on a machine without Chromium: the message says so and what to do; Word and HTML still work.</summary>
public sealed class PdfUnavailableException(string chromiumPath)
    : InvalidOperationException($"PDF needs Chromium, which is not at {chromiumPath}: install it (apt-get install chromium) or set Outturn:Documents:Chromium. Word and HTML do not need it.")
{
    public string ChromiumPath { get; } = chromiumPath;
}
