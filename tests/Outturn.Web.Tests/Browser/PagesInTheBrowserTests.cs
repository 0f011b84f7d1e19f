using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>What a person sees in a real browser; expected values from the Q2 2015/16 report (docs/sources.md §2.5).</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PagesInTheBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_home_page_lists_the_plans_held()
    {
        var page = await browser.OpenAsync("/");

        Assert.Equal("Plans", await page.Locator("h1").InnerTextAsync());
        var refs = await page.Locator("table tbody tr td:nth-child(2)").AllInnerTextsAsync();
        // The demo's four plans, in ref order (other browser tests sharing this app may have started plans of their own).
        Assert.Equal(["HBC-BP-2016-19", "HBC-CS-2007-10", "HBC-CYP-2015-16", "HBC-CYPP-2006-09"], refs.Where(r => r is "HBC-BP-2016-19" or "HBC-CS-2007-10" or "HBC-CYP-2015-16" or "HBC-CYPP-2006-09"));
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_plan_page_shows_priorities_objectives_milestones_and_linked_measures_with_officers()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16");

        var priorities = await page.Locator("h2[id^=priority-]").AllInnerTextsAsync();
        Assert.Equal(3, priorities.Count);
        Assert.StartsWith("Priority: Integrated Commissioning", priorities[0]);
        Assert.True(await page.Locator("#objective-CED08").IsVisibleAsync());
        var ced08e = page.Locator("tr", new() { Has = page.Locator("th", new() { HasTextString = "CED08e" }) });
        Assert.Contains("Ann McIntyre", await ced08e.InnerTextAsync());
        Assert.True(await page.Locator("a", new() { HasTextString = "CED033" }).First.IsVisibleAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_monitoring_page_shows_section_6_of_the_quarter_2_report()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");

        Assert.Contains("Quarter 2, 01 July 2015 – 30 September 2015", await page.Locator("main").InnerTextAsync());
        var headings = await page.Locator("section > h2").AllInnerTextsAsync();
        Assert.StartsWith("Priority: Effectively supporting the child", headings[1]);

        var p2 = page.Locator("section").Nth(1);
        var panel = p2.Locator(".outturn-key-measure", new() { HasTextString = "CED033" });
        var panelText = await panel.InnerTextAsync();
        Assert.Contains("75%", panelText);
        Assert.Contains("95%", panelText);
        Assert.Contains("Amber: uncertain or too early to say", panelText); // the officer's "?" (read out, not only a symbol)
        Assert.Contains("computed: Red", panelText);

        // The key-measure panels' chart tables come first; the report's own tables are found by caption.
        var milestoneRefs = await p2.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Milestones" }) }).Locator("tbody th").AllInnerTextsAsync();
        Assert.Equal(9, milestoneRefs.Count);
        var headers = await p2.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Measures" }) }).Locator("thead th").AllInnerTextsAsync();
        Assert.Equal(["Ref", "Measure", "14/15 Actual", "15/16 Target", "Current", "Direction of Travel", "Quarterly progress"], headers);
        Assert.True(await p2.Locator("h3", new() { HasTextString = "Supporting Commentary" }).IsVisibleAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_indicator_page_shows_definition_targets_values_with_notes_and_status_history()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16/indicators/CED033");

        Assert.StartsWith("CED033: Social Work Assessments completed within 45 working days", await page.Locator("h1").InnerTextAsync());
        var text = await page.Locator("main").InnerTextAsync();
        Assert.Contains("Higher", text);
        var targetRow = page.Locator("tr", new() { Has = page.Locator("th", new() { HasTextString = "2015/16" }) }).First;
        Assert.Contains("95%", await targetRow.InnerTextAsync());
        var history = page.Locator("h2:has-text('Status history') + .outturn-table-region table tbody tr", new() { HasTextString = "Quarter 2 2015/16" });
        Assert.Contains("75%", await history.InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_value_not_yet_available_shows_why()
    {
        var page = await browser.OpenAsync("/plans/HBC-CYP-2015-16/indicators/SCS%20CYP03");
        Assert.Contains("Available at end of Quarter 3", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_not_found_page_is_accessible()
    {
        var page = await browser.OpenAsync("/plans/NO-SUCH-PLAN");
        Assert.Equal("Page not found", await page.Locator("h1").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    [Theory]
    [InlineData("/boards", "Boards and meetings")]
    [InlineData("/boards/cyp-ppb", "Children, Young People and Families Policy and Performance Board")]
    [InlineData("/boards/ct-exec", "Halton Children's Trust Executive Group")]
    [InlineData("/inspections", "Inspections")]
    [InlineData("/inspections/JAR-2008", "Joint area review: Halton Children's Services Authority Area")]
    [InlineData("/you-said-we-did", "You said, we did")]
    [InlineData("/promises", "Promises and what we achieved")]
    [InlineData("/plans/HBC-CS-2007-10/monitoring/2008-09-Q4", "Performance overview: Quarter 4 2008/09")]
    public async Task The_governance_inspection_and_participation_pages_are_accessible(string path, string heading)
    {
        var page = await browser.OpenAsync(path);
        Assert.Equal(heading, await page.Locator("h1").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_meeting_page_and_its_agenda_pack_show_the_4_January_2016_agenda_and_are_accessible()
    {
        var page = await browser.OpenAsync("/boards/cyp-ppb");
        await page.Locator("a", new() { HasTextString = "Monday, 4 January 2016" }).ClickAsync();
        Assert.Equal("Monday, 4 January 2016 at 6.30 p.m.", await page.Locator("h1").InnerTextAsync());
        var row = page.Locator("tr", new() { Has = page.Locator("th", new() { HasTextString = "7(A)" }) }).First;
        Assert.Contains("52 - 71", await row.InnerTextAsync()); // item 7(A)'s pages (docs/sources.md §2.1)
        await page.AssertNoViolationsAsync();

        await page.Locator("a", new() { HasTextString = "Agenda pack (printable)" }).ClickAsync();
        Assert.Contains("Councillor Mark Dennett (Chairman)", await page.Locator("main").InnerTextAsync());
        Assert.Equal(9, await page.Locator("section.outturn-pack__report").CountAsync()); // items 3, 4, 5, 6(A)-(E), 7(A) have reports
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task The_trust_meeting_shows_its_actions_and_the_chair_sees_them_overdue()
    {
        var page = await browser.OpenAsync("/boards/ct-exec");
        var overdue = page.Locator("table", new() { Has = page.Locator("caption", new() { HasTextString = "Overdue actions" }) });
        Assert.Contains("CT Exec/Trust Merger Proposal Report", await overdue.InnerTextAsync());
        await page.Locator("a", new() { HasTextString = "27 October 2015" }).First.ClickAsync();
        Assert.Contains("Gill Frame; Tracy Ryan", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await browser.OpenAsync("/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", OutturnApp.DemoPassword);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(u => !u.Contains("/sign-in"));
        return page;
    }

    [Fact]
    public async Task The_performance_officer_updates_an_action_and_records_improvement_progress_on_accessible_forms()
    {
        var page = await SignInAsync("performance@outturn.example");
        await page.GotoAsync("/boards/ct-exec");
        await page.Locator("a[href^='/actions/']").First.ClickAsync();
        Assert.Equal("Update an action", await page.Locator("h1").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#note", "Front Page template in use for all member reports.");
        await page.SelectOptionAsync("#status", "InProgress");
        await page.ClickAsync("button:has-text('Save the update')");
        Assert.Contains("The update is recorded.", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.GotoAsync("/inspections/JAR-2008");
        await page.AssertNoViolationsAsync();
        await page.Locator("a", new() { HasTextString = "Record progress" }).First.ClickAsync();
        Assert.Equal("Record progress", await page.Locator("h1").InnerTextAsync());
        await page.FillAsync("#quarter", "2008/09 Q3");
        await page.SelectOptionAsync("#delivery", "InProgress");
        await page.SelectOptionAsync("#impact", "Some");
        await page.ClickAsync("button:has-text('Save progress')");
        Assert.Contains("Say what evidence shows the impact", await page.Locator("main").InnerTextAsync()); // impact needs evidence
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#evidence", "Dissemination plan agreed with the youth forums.");
        await page.ClickAsync("button:has-text('Save progress')");
        Assert.Contains("Progress for Quarter 3 2008/09 is recorded.", await page.Locator("main").InnerTextAsync());

        await page.GotoAsync("/engagement");
        Assert.Equal("Engagement activities", await page.Locator("h1").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        var form = page.Locator("form", new() { Has = page.Locator("legend", new() { HasTextString = "Our Healthy Halton" }) });
        await form.Locator("input[name=fedBackOn]").FillAsync("March 2016");
        await form.Locator("button").ClickAsync();
        Assert.Contains("is not a date as yyyy-mm-dd", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        form = page.Locator("form", new() { Has = page.Locator("legend", new() { HasTextString = "Our Healthy Halton" }) });
        await form.Locator("input[name=fedBackOn]").FillAsync("2016-03-31");
        await form.Locator("input[name=publish]").CheckAsync();
        await form.Locator("button").ClickAsync();
        Assert.Contains("The response is recorded and published.", await page.Locator("main").InnerTextAsync());
        await page.GotoAsync("/you-said-we-did");
        Assert.Contains("Our Healthy Halton", await page.Locator("main").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }
}
