using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>The board documents' pages in a real browser, with axe; expected values from the Q2 2015/16 report (docs/sources.md §2.5).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DocumentPagesTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_published_Q2_report_page_shows_the_seed_sections_and_CED033_to_anyone_and_is_accessible()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q2");

        Assert.Equal("Priority Based PPB Report", await page.Locator("h1").InnerTextAsync());
        var sections = await page.Locator("article h2").AllInnerTextsAsync();
        Assert.Equal("1.0 Introduction", sections[0]);
        Assert.Equal("8.0 Appendix 1 – Explanation for use of symbols", sections[^1]);
        var ced033 = await page.Locator("tr", new() { Has = page.Locator("th", new() { HasTextString = "CED033" }) }).InnerTextAsync();
        Assert.Contains("75%", ced033);
        Assert.Contains("95%", ced033);
        Assert.Contains("Amber", ced033);
        Assert.Contains("Worse", ced033);
        Assert.True(await page.Locator("a[href$='/reports/ppb/2015-16-Q2/docx']").IsVisibleAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_business_plan_and_plan_review_pages_are_accessible()
    {
        var bp = await browser.OpenAsync("/plans/HBC-BP-2016-19/reports/business-plan");
        Assert.Contains("PED001", await bp.Locator("article").InnerTextAsync());
        await bp.AssertNoViolationsAsync();
        var review = await browser.OpenAsync("/plans/HBC-CYPP-2006-09/reports/plan-review");
        Assert.Contains("Revised priority target BH1.1", await review.Locator("article").InnerTextAsync());
        await review.AssertNoViolationsAsync();
        var index = await browser.OpenAsync("/plans/HBC-CYP-2015-16/reports");
        await index.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_Q2_Word_download_is_a_Word_file()
    {
        var page = await browser.OpenAsync("/");
        var response = await page.APIRequest.GetAsync("/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q2/docx");
        Assert.Equal(200, response.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Headers["content-type"]);
        var body = await response.BodyAsync();
        Assert.Equal((byte)'P', body[0]); // a zip package
        Assert.Equal((byte)'K', body[1]);
    }

    [Fact]
    public async Task A_performance_officer_edits_the_cover_report_and_an_empty_subject_is_refused_accessibly()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl });
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", "performance@outturn.example");
        await page.FillAsync("#password", "Outturn-demo-2015");
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync("/plans/HBC-CYP-2015-16/reports/cover/2015-16-Q2");

        // The cover of the Q2 2015/16 report (docs/sources.md §2.4).
        Assert.Equal("Performance Management Reports for Quarter 2 of 2015/16", await page.InputValueAsync("#Subject"));
        Assert.Equal("Boroughwide", await page.InputValueAsync("#Wards"));
        await page.AssertNoViolationsAsync();

        await page.FillAsync("#Subject", "");
        await page.ClickAsync("button:has-text('Save cover report')");
        Assert.Contains("Enter the subject", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.FillAsync("#Subject", "Performance Management Reports for Quarter 2 of 2015/16");
        await page.FillAsync("#Date", "4 January 2016");
        await page.ClickAsync("button:has-text('Save cover report')");
        Assert.Contains("The cover report is saved", await page.Locator("main").InnerTextAsync());
        Assert.Equal("4 January 2016", await page.InputValueAsync("#Date"));
    }
}
