using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>Debian's Chromium, driven by Playwright, against the app served by Kestrel with the demo data.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    public OutturnServer Server { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async Task InitializeAsync()
    {
        BaseUrl = Server.BaseUrl;
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("OUTTURN_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond package registries: keep Chromium from trying to reach Google.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> OpenAsync(string path, string? signedInAs = null)
    {
        // A context of its own (its own cookies), in which a test may open more tabs signed in as the same person.
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl });
        // The tests run beside other test projects on a small machine: a step may wait a minute, never longer.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        var page = await context.NewPageAsync();
        if (signedInAs is not null)
        {
            await page.GotoAsync("/sign-in");
            await page.FillAsync("#email", signedInAs);
            await page.FillAsync("#password", OutturnApp.DemoPassword);
            await page.ClickAsync("button[type=submit]:has-text('Sign in')");
            await page.WaitForURLAsync(u => !u.Contains("/sign-in"));
        }
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Server.DisposeAsync();
    }
}

public static class Accessibility
{
    /// <summary>Runs axe with the WCAG 2.0, 2.1 and 2.2 A and AA rules and fails listing every violation.</summary>
    public static async Task AssertNoViolationsAsync(this IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
        });
        var problems = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
        Assert.True(problems.Count == 0, $"axe found {problems.Count} WCAG violations on {page.Url}:\n{string.Join("\n", problems)}");
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
