using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using UglyToad.PdfPig;

namespace Outturn.Web.Tests.Browser;

/// <summary>
/// Boards and meetings, inspections, promises and engagement activities created, changed, updated and read back in
/// their history in a real browser, each page checked with axe. Expected text comes from the published Quarter 2
/// 2015/16 report (docs/sources.md §2.5) and from what the tests type.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RecordsKeptInTheBrowserTests(BrowserFixture browser)
{
    private const string Officer = "performance@outturn.example";

    private static async Task SaveAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private static Task<string> MainAsync(IPage page) => page.Locator("main").InnerTextAsync();

    [Fact]
    public async Task A_board_and_a_meeting_are_created_changed_minuted_and_their_agenda_pack_holds_the_published_Quarter_2_report_in_Word_and_PDF()
    {
        var page = await browser.OpenAsync("/boards", Officer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a board" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#ref", "test-scrutiny");
        await page.FillAsync("#name", "Test Scrutiny Board");
        await page.SelectOptionAsync("#kind", "PolicyAndPerformanceBoard");
        await SaveAsync(page, "Add the board");
        Assert.Equal("Test Scrutiny Board", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("Board added: “Test Scrutiny Board”", await page.Locator(".outturn-history").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        // A member: a date that is not one is refused on the form, with the error summary linking to the field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a member" }).ClickAsync();
        await page.FillAsync("#name", "Mark Dennett");
        await page.CheckAsync("input[name=Kind][value=Councillor]");
        await page.FillAsync("#party", "Labour");
        await page.SelectOptionAsync("#role", "Chair");
        await page.FillAsync("#from", "the annual meeting");
        await SaveAsync(page, "Add the member");
        Assert.Contains("The first day of the term must be a real date", await page.Locator(".govuk-error-summary").InnerTextAsync());
        Assert.Equal("#from", await page.Locator(".govuk-error-summary a").First.GetAttributeAsync("href"));
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#from", "20 May 2015");
        await SaveAsync(page, "Add the member");
        Assert.Contains("Councillor Mark Dennett (Chairman)", await page.Locator("#members").InnerTextAsync());

        // The board's name corrected, with a reason: the history says so in words.
        await page.FillAsync("#name", "Test Scrutiny and Performance Board");
        await page.FillAsync("#reason", "Renamed by the council's constitution");
        await SaveAsync(page, "Save the details");
        var history = await page.Locator(".outturn-history").InnerTextAsync();
        Assert.Contains("Name changed from “Test Scrutiny Board” to “Test Scrutiny and Performance Board”", history);
        Assert.Contains(": Renamed by the council's constitution", history);
        await page.AssertNoViolationsAsync();

        // A meeting, with an item that takes the published Quarter 2 report of HBC-CYP-2015-16.
        await page.GetByRole(AriaRole.Link, new() { Name = "Schedule a meeting" }).ClickAsync();
        await page.FillAsync("#date", "4 January 2016");
        await page.FillAsync("#start", "6.30pm");
        await page.FillAsync("#venue", "Civic Suite, Town Hall, Runcorn");
        await page.AssertNoViolationsAsync();
        await SaveAsync(page, "Schedule the meeting");
        Assert.Equal("Monday, 4 January 2016 at 6.30 p.m.", await page.Locator("h1").InnerTextAsync());
        var meetingUrl = page.Url;
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an agenda item" }).ClickAsync();
        await page.FillAsync("#number", "7(A)");
        await page.FillAsync("#title", "Performance Management Reports for Quarter 2 of 2015/16");
        await page.FillAsync("#page-from", "52");
        await page.FillAsync("#page-to", "71");
        await page.SelectOptionAsync("#report-kind", "MonitoringReport");
        await page.SelectOptionAsync("#report-plan", "HBC-CYP-2015-16");
        await page.FillAsync("#report-period", "2015/16 Q2");
        await page.AssertNoViolationsAsync();
        await SaveAsync(page, "Add the item");
        Assert.Contains("Item 7(A) is saved.", await MainAsync(page));
        await page.FillAsync("#minutes", "The Board noted the report.");
        await SaveAsync(page, "Save the minute");
        Assert.Contains("Minute set to “The Board noted the report.”", await page.Locator(".outturn-history").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.GotoAsync(meetingUrl);
        Assert.Contains("Priority Based report, Quarter 2 2015/16", await MainAsync(page));
        await SaveAsync(page, "Publish the agenda");
        Assert.Contains("The agenda is published.", await MainAsync(page));
        await page.AssertNoViolationsAsync();
        var id = meetingUrl.Split('/')[^1];

        // The pack holds the report itself after the item's heading: text of the published report, in Word and in PDF.
        // The report's charts are drawn by Chromium for Word and the PDF is printed by it: slow on a busy machine.
        var slow = new APIRequestContextOptions { Timeout = 300_000 };
        var docx = await page.APIRequest.GetAsync($"/api/v1/meetings/{id}/pack.docx", slow);
        Assert.Equal(200, docx.Status);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.BodyAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("Test Scrutiny and Performance Board", text);
            Assert.Contains("role and function of childrens centres", text); // Quarter 2's emerging issues (the published report)
            Assert.Contains("Priority Based PPB Report", text);
        }
        var pdf = await page.APIRequest.GetAsync($"/api/v1/meetings/{id}/pack.pdf", slow);
        Assert.Equal(200, pdf.Status);
        using (var document = PdfDocument.Open(await pdf.BodyAsync()))
        {
            var text = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            Assert.Contains("role and function of childrens centres", text);
            Assert.Contains("Priority Based PPB Report", text);
        }

        // The meeting moved to another venue, with a reason; the history of the meeting tells it.
        await page.GotoAsync(meetingUrl + "/edit");
        await page.FillAsync("#venue", "Council Chamber, Town Hall, Runcorn");
        await page.FillAsync("#reason", "Civic Suite booked for the count");
        await SaveAsync(page, "Save the details");
        await page.GotoAsync(meetingUrl + "/edit");
        var meetingHistory = await page.Locator(".outturn-history").InnerTextAsync();
        Assert.Contains("Venue changed from “Civic Suite, Town Hall, Runcorn” to “Council Chamber, Town Hall, Runcorn”", meetingHistory);
        Assert.Contains("Agenda item added: “7(A) Performance Management Reports for Quarter 2 of 2015/16”", meetingHistory);
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task An_inspection_recorded_in_the_browser_with_an_action_linked_to_CED01a_shows_in_the_Quarter_2_monitoring()
    {
        var page = await browser.OpenAsync("/inspections/new", Officer);
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#ref", "SIF-2015");
        await page.CheckAsync("input[name=Kind][value=SingleInspection]");
        await page.FillAsync("#title", "Inspection of services for children in need of help and protection");
        await page.FillAsync("#inspectorates", "Ofsted");
        await page.FillAsync("#published-on", "5 January 2015");
        await page.FillAsync("#report-address", "https://reports.ofsted.gov.uk/provider/44/80123");
        await page.CheckAsync("#is-published");
        await SaveAsync(page, "Record the inspection");
        Assert.Contains("The inspection is recorded.", await MainAsync(page));

        await page.FillAsync("#grade-area", "The experiences and progress of children who need help and protection");
        await page.SelectOptionAsync("#grade", "2");
        await SaveAsync(page, "Save the grade");
        Assert.Contains("2: requires improvement to be good", await page.Locator("#grades ~ table, #grades ~ div table").First.InnerTextAsync());
        await page.FillAsync("#judgement-area", "Help and protection");
        await page.CheckAsync("input[name=JudgementKind][value=ImportantWeakness]");
        await page.FillAsync("#judgement-text", "Return interviews are not offered to every child who goes missing");
        await SaveAsync(page, "Add the finding");
        Assert.Contains("Area for development: Return interviews are not offered", await MainAsync(page));
        await page.AssertNoViolationsAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a recommendation" }).ClickAsync();
        await page.CheckAsync("input[name=Timescale][value=WithinSixMonths]");
        await page.FillAsync("#responsible", "The local authority");
        await page.FillAsync("#text", "Ensure that return interviews are offered to every child who goes missing");
        await SaveAsync(page, "Save the recommendation");
        await page.FillAsync("#action-text", "Commission a return interview service");
        await page.FillAsync("#owner", "Tracey Coffey");
        await page.AssertNoViolationsAsync();
        await SaveAsync(page, "Add the action");
        Assert.Equal("Record progress", await page.Locator("h1").InnerTextAsync());

        await page.SelectOptionAsync("#link-plan", "HBC-CYP-2015-16");
        await page.FillAsync("#link-item", "CED01a");
        await SaveAsync(page, "Link");
        Assert.Contains("HBC-CYP-2015-16 CED01a", await page.Locator("#links ~ ul").First.InnerTextAsync());
        await page.FillAsync("#quarter", "2015/16 Q1");
        await page.SelectOptionAsync("#delivery", "InProgress");
        await SaveAsync(page, "Save progress");
        Assert.Contains("Progress for Quarter 1 2015/16 is recorded.", await MainAsync(page));
        // The owner changes: the history of the action tells it.
        await page.FillAsync("#owner", "Ann McIntyre");
        await page.FillAsync("#reason", "Moved to the education service");
        await SaveAsync(page, "Save the action");
        var history = await page.Locator(".outturn-history").InnerTextAsync();
        Assert.Contains("Owner changed from “Tracey Coffey” to “Ann McIntyre”", history);
        Assert.Contains("Link added: “milestone HBC-CYP-2015-16 CED01a”", history);
        await page.AssertNoViolationsAsync();

        // Published 5 January 2015: within six months falls due on 5 July 2015, before Quarter 2 2015/16 ends.
        await page.GotoAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");
        var section = await page.Locator("#inspection-action-plan").Locator("xpath=..").InnerTextAsync();
        Assert.Contains("Ensure that return interviews are offered to every child who goes missing", section);
        Assert.Contains("CED01a", section);
        Assert.Contains("5 July 2015", section);
        Assert.Contains("Overdue", section);
        Assert.Contains("Ann McIntyre", section);

        await page.GotoAsync("/inspections/SIF-2015/action-plan?period=2015-16-Q2");
        Assert.Contains("Commission a return interview service", await page.Locator("article").InnerTextAsync());
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_promise_is_added_reviewed_for_a_year_changed_and_its_history_read()
    {
        var page = await browser.OpenAsync("/promises", Officer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a promise" }).ClickAsync();
        await page.AssertNoViolationsAsync();
        var option = await page.Locator("#place option", new() { HasTextString = "HBC-CYP-2015-16:" }).First.GetAttributeAsync("value");
        await page.SelectOptionAsync("#place", option!);
        await page.FillAsync("#text", "We will make sure every child in care has a say in their review");
        await SaveAsync(page, "Add the promise");
        Assert.Contains("The promise is added.", await MainAsync(page));

        await page.FillAsync("#year", "2015/16 Q2");
        await page.FillAsync("#achieved", "Most reviews heard the child");
        await SaveAsync(page, "Save the review");
        Assert.Contains("Enter the year reviewed as a financial year. \"2015/16 Q2\" is not a financial year; write it as 2015/16.", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#year", "2015/16");
        await page.CheckAsync("input[name=Progress][value=SomeProgress]");
        await SaveAsync(page, "Save the review");
        Assert.Contains("Some progress", await page.Locator("#reviews ~ table, #reviews ~ div table").First.InnerTextAsync());

        await page.FillAsync("#text", "We will make sure every child in care has a say in their review and their plan");
        await page.FillAsync("#reason", "Wording agreed by the Children in Care Council");
        await SaveAsync(page, "Save the promise");
        var history = await page.Locator(".outturn-history").InnerTextAsync();
        Assert.Contains("Review for 2015/16 added: “2015/16, some progress: Most reviews heard the child”", history);
        Assert.Contains(": Wording agreed by the Children in Care Council", history);
        await page.AssertNoViolationsAsync();
        await page.GotoAsync("/promises");
        Assert.Contains("2015/16: Some progress.", await MainAsync(page));
    }

    [Fact]
    public async Task An_engagement_activity_is_recorded_answered_published_as_you_said_we_did_changed_and_its_history_read()
    {
        var page = await browser.OpenAsync("/engagement", Officer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Record an activity" }).ClickAsync();
        await page.FillAsync("#title", "Youth Cabinet: bus fares");
        await page.SelectOptionAsync("#method", "Representatives");
        await page.FillAsync("#held-on", "10 February 2016");
        await page.FillAsync("#age-groups", "11-19");
        await page.FillAsync("#participants", "a dozen");
        await page.FillAsync("#what-they-said", "Bus fares stop us getting to youth clubs");
        await SaveAsync(page, "Record the activity");
        Assert.Contains("The number who took part must be a whole number", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#participants", "12");
        await SaveAsync(page, "Record the activity");
        Assert.Contains("The activity is recorded.", await MainAsync(page));

        await page.FillAsync("#what-we-did", "Free youth club bus passes from April");
        await page.FillAsync("#fed-back-on", "31 March 2016");
        await page.CheckAsync("#publish");
        await SaveAsync(page, "Save the response");
        Assert.Contains("published on \"you said, we did\"", await MainAsync(page));
        await page.FillAsync("#title", "Youth Cabinet: bus fares to youth clubs");
        await page.FillAsync("#reason", "Clearer title");
        await SaveAsync(page, "Save the activity");
        var history = await page.Locator(".outturn-history").InnerTextAsync();
        Assert.Contains("Engagement activity added: “Youth Cabinet: bus fares”", history);
        Assert.Contains("Title changed from “Youth Cabinet: bus fares” to “Youth Cabinet: bus fares to youth clubs”", history);
        await page.AssertNoViolationsAsync();

        var anonymous = await browser.OpenAsync("/you-said-we-did");
        var card = anonymous.Locator(".govuk-summary-card", new() { HasTextString = "Youth Cabinet: bus fares to youth clubs" });
        Assert.Contains("Free youth club bus passes from April", await card.InnerTextAsync());
        Assert.Contains("12 people", await card.InnerTextAsync());
    }
}
