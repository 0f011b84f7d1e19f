using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>Charts, their tables and the report card in a real browser; figures from the Q2 2015/16 report's charts (docs/sources.md §2.5).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class BenchmarkPagesInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_indicator_page_has_a_trend_chart_with_the_same_figures_in_a_table_beneath()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16/indicators/CED033");

        var chart = page.Locator(".outturn-chart svg[role=img]").First;
        Assert.True(await chart.IsVisibleAsync());
        Assert.StartsWith("CED033: Halton compared over time", await chart.Locator("title").TextContentAsync());
        var table = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "CED033 by year" }) });
        var row = table.Locator("tbody tr", new() { HasTextString = "2015/16" });
        var cells = await row.Locator("td").AllInnerTextsAsync();
        Assert.Equal("75%", cells[0]);                     // Halton
        Assert.Equal("95%", cells[1]);                     // target
        Assert.Equal("85% (10 of 10)", cells[2]);          // neighbours' average, computed from their values
        Assert.Equal("82%", cells[3]);                     // England
        Assert.Contains("Suggested stretching target", await page.Locator("#target-suggestion").InnerTextAsync());
        // Higher is better: 75% against England's 82% is 7 points below, and worse.
        Assert.Contains("7 percentage points below (worse)", await page.Locator("#comparison-summary").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task Each_key_measure_panel_has_a_small_chart_with_its_data()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");

        var panel = page.Locator(".outturn-key-measure", new() { HasTextString = "CED036" });
        Assert.True(await panel.Locator("svg[role=img]").IsVisibleAsync());
        await panel.Locator("summary", new() { HasTextString = "Chart data" }).ClickAsync();
        Assert.Contains("North West", await panel.Locator("table thead").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_report_card_groups_key_indicators_by_life_stage_with_rank_and_band()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16/report-card/2015-16-Q2");

        Assert.Equal(["Early years", "Primary", "Secondary", "16–19", "Care leavers"], await page.Locator("main h2").AllInnerTextsAsync());
        var ced050 = page.Locator("tr", new() { HasTextString = "CED050" });
        var text = await ced050.InnerTextAsync();
        Assert.Contains("57%", text);            // latest value, Quarter 2 2015/16 (docs/sources.md §2.5)
        Assert.Contains("of 150 (2014/15)", text); // ranked among all authorities for the latest year held
        await page.AssertNoViolationsAsync();
    }
}
