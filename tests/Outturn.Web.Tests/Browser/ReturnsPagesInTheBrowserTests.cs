using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>The statutory returns pages in a real browser, signed in as the demo performance officer (child-level permission).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class ReturnsPagesInTheBrowserTests(BrowserFixture browser)
{
    private async Task<IPage> SignedInAsync(string path)
    {
        var page = await browser.OpenAsync("/sign-in");
        await page.FillAsync("#email", "performance@outturn.example");
        await page.FillAsync("#password", OutturnApp.DemoPassword);
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync(path);
        return page;
    }

    [Fact]
    public async Task The_returns_page_shows_indicators_validation_and_the_returns_held()
    {
        var page = await SignedInAsync("/returns?period=2015-16-Q4");
        Assert.Equal("Statutory returns", await page.Locator("h1").InnerTextAsync());
        // The Department's definition, not its labelled variant (lac-3plus-placements-incl-short-breaks), fills CED047.
        var code = page.Locator("code", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^lac-3plus-placements$") });
        Assert.Contains("HBC-CYP-2015-16 CED047", await page.Locator("tr", new() { Has = code }).InnerTextAsync());
        Assert.True(await page.Locator("caption", new() { HasTextString = "Validation" }).IsVisibleAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_children_upload_and_fill_pages_are_accessible()
    {
        var page = await SignedInAsync("/returns/2015-16-Q4/cp-second-plan/children");
        Assert.Contains("recorded in the audit trail", await page.Locator(".govuk-warning-text").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/returns/2015-16-Q4/failures");
        Assert.Equal("Records failing validation", await page.Locator("h1").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/returns/upload");
        Assert.Equal("Upload a return", await page.Locator("h1").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/returns/fill");
        // Figures from the returns go into a round open for updates: the demo's is Quarter 3.
        await page.Locator("#period").SelectOptionAsync("2015-16-Q3");
        await page.ClickAsync("button:has-text('Fill the measures')");
        Assert.True(await page.Locator("caption", new() { HasTextString = "Filled" }).IsVisibleAsync());
        await page.AssertNoViolationsAsync();
    }
}
