using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>
/// CED047's funnel plot from the demo's counts (Demo/benchmarks/counts.csv, synthetic): England 7,700 of 70,000 (11%),
/// Halton 7 of 159 (4.4%). At 159 the limits are 11 ± 1.959964 × √(0.11 × 0.89 ÷ 159) × 100 = 6.1% to 15.9% (95%) and
/// 11 ± 3.090232 × 2.4814 = 3.3% to 18.7% (99.8%), so Halton lies below the 95% limit and within the 99.8% limit.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FunnelInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_indicator_page_draws_every_authority_against_its_denominator_with_a_table_of_the_same_figures()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16/indicators/CED047");

        var chart = page.Locator("svg.outturn-funnel[role=img]");
        Assert.True(await chart.IsVisibleAsync());
        Assert.StartsWith("CED047: every authority's 2015/16 figure against its denominator, with control limits around England",
            await chart.Locator("title").TextContentAsync());
        Assert.Contains("Halton is 4.4% of 159: below the 95% limit, within the 99.8% limit.", await chart.Locator("desc").TextContentAsync());

        await page.Locator("summary", new() { HasTextString = "Funnel plot data" }).ClickAsync();
        var halton = page.Locator("#funnel-data tbody tr", new() { HasTextString = "Halton (this council)" });
        Assert.Equal(["7", "159", "4.4%", "6.1% to 15.9%", "3.3% to 18.7%", "below the 95% limit, within the 99.8% limit"],
            await halton.Locator("td").AllInnerTextsAsync());
        Assert.Equal(150, await page.Locator("#funnel-data tbody tr").CountAsync()); // 152 authorities less the two suppressed
        await page.AssertNoViolationsAsync();
    }
}
