using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>The risk register, heat maps and financial summaries in a real browser, with axe checks; demo data from the Q2 2015/16 report (docs/sources.md §2.5).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RegistersInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_risk_register_shows_initial_and_residual_heat_maps_as_tables()
    {
        var page = await browser.OpenAsync("/risks", "performance@outturn.example");

        Assert.Equal("Risk register", await page.Locator("h1").InnerTextAsync());
        var initial = page.Locator("#heatmap-initial");
        Assert.Contains("Initial risk", await initial.Locator("caption").InnerTextAsync());
        // Likelihood 4 × impact 4: CYP-R01 alone; likelihood 4 × impact 3: CYP-R02 and CS-R02.
        var cell44 = initial.Locator("td[data-likelihood='4'][data-impact='4']");
        Assert.Equal("1", await cell44.Locator("[data-count]").InnerTextAsync());
        Assert.Contains("Score 16, HIGH", await cell44.InnerTextAsync());
        Assert.Contains("CYP-R02, CS-R02", await initial.Locator("td[data-likelihood='4'][data-impact='3']").InnerTextAsync());
        var rowHeaders = await initial.Locator("tbody th[scope=row]").AllInnerTextsAsync();
        Assert.Equal(["4 Highly likely", "3 Likely", "2 Possible", "1 Unlikely"], rowHeaders);
        Assert.True(await page.Locator("#heatmap-residual").IsVisibleAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_register_filters_by_band_and_owner()
    {
        var page = await browser.OpenAsync("/risks", "performance@outturn.example");

        await page.SelectOptionAsync("#band", "high");
        await page.SelectOptionAsync("#assessment", "initial");
        await page.SelectOptionAsync("#owner", "Tracey Coffey");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();

        var refs = await page.Locator("#register tbody th").AllInnerTextsAsync();
        Assert.Equal(["CYP-R01", "CYP-R02"], refs);
        Assert.Contains("Showing 2 of 11 risks", await page.Locator("#risk-count").InnerTextAsync()); // the 11 open demo risks
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_finance_page_shows_the_published_summary_of_children_and_families()
    {
        var page = await browser.OpenAsync("/finance/Children%20and%20Families/2015-16-Q2");

        Assert.Equal("Children and Families: financial summary", await page.Locator("h1").InnerTextAsync());
        var net = page.Locator("tr", new() { Has = page.Locator("th", new() { HasTextString = "Net Expenditure" }) });
        var cells = await net.Locator("td").AllInnerTextsAsync();
        Assert.Equal(["19,233", "10,052", "11,128", "(1,076)"], cells.Take(4));
        Assert.Contains("an overspend of £2,152k", await page.Locator(".govuk-inset-text").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_finance_index_equality_and_dashboard_pages_pass_axe()
    {
        foreach (var path in new[] { "/finance", "/finance/Education%2C%20Inclusion%20and%20Provision/2015-16-Q2", "/equality", "/dashboard", "/risks/CYP-R01", "/finance/import" })
        {
            var page = await browser.OpenAsync(path, "performance@outturn.example");
            await page.AssertNoViolationsAsync();
            await page.CloseAsync();
        }
    }
}
