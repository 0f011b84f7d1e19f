using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>Its own app and browser: these tests add risks and equality actions, which must not disturb the other browser tests.</summary>
[CollectionDefinition(Name)]
public sealed class RegistersKeptCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-registers-kept";
}

/// <summary>
/// The performance officer keeps a risk and an equality action through the pages alone: create (after the form's
/// errors), change, score or update each quarter, close or complete, and read the history; axe on every page.
/// </summary>
[Collection(RegistersKeptCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RegistersKeptInTheBrowserTests(BrowserFixture browser)
{
    private const string Performance = "performance@outturn.example";

    private static async Task VisitAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"{path} answered {response.Status}");
        await page.AssertNoViolationsAsync();
    }

    private static async Task SubmitAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await page.WaitForLoadStateAsync();
        await page.AssertNoViolationsAsync();
    }

    [Fact]
    public async Task A_risk_is_created_changed_scored_each_quarter_and_closed_with_its_history_in_words()
    {
        var page = await browser.OpenAsync("/risks", Performance);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a risk" }).ClickAsync();
        await page.WaitForURLAsync("**/risks/new");
        await page.AssertNoViolationsAsync();

        // Nothing entered: every missing field is named in the summary, linked, and marked beside the field.
        await SubmitAsync(page, "Add the risk");
        var summary = page.Locator(".govuk-error-summary");
        Assert.Contains("Enter the risk's reference", await summary.InnerTextAsync());
        Assert.Equal("#title", await summary.Locator("a", new() { HasTextString = "Enter the risk in a line" }).GetAttributeAsync("href"));
        Assert.Contains("Choose the initial likelihood, from 1 to 4.", await page.Locator("#initial-likelihood-error").InnerTextAsync());
        Assert.Equal(1, await page.Locator(".govuk-form-group--error:has(#owner)").CountAsync());

        await page.Locator("#ref").FillAsync("CYP-R90");
        await page.Locator("#title").FillAsync("Children's centre contracts end before re-commissioning");
        await page.Locator("#description").FillAsync("Contracts for three children's centres end in March with no decision on their future.");
        await page.Locator("#category").FillAsync("Service delivery");
        await page.Locator("#owner").FillAsync("Ann McIntyre");
        await page.Locator("#directorate").FillAsync("Children and Young People");
        await page.Locator("#plan").SelectOptionAsync("HBC-CYP-2015-16");
        await page.Locator("#review-date").FillAsync("31/12/2015");
        await page.Locator("#quarter").FillAsync("2015/16 Q3");
        await page.Locator("#initial-likelihood").SelectOptionAsync("3");
        await page.Locator("#initial-impact").SelectOptionAsync("3");
        await page.Locator("#residual-likelihood").SelectOptionAsync("2");
        await page.Locator("#residual-impact").SelectOptionAsync("3");
        await page.Locator("#target-likelihood").SelectOptionAsync("1");
        await page.Locator("#target-impact").SelectOptionAsync("3");
        await SubmitAsync(page, "Add the risk");

        await page.WaitForURLAsync("**/risks/CYP-R90");
        Assert.Equal("CYP-R90 is on the register, scored for Quarter 3 2015/16.", await page.Locator("#done-message").InnerTextAsync());
        Assert.Contains("Overdue for review", await page.Locator("main").InnerTextAsync()); // due 31 December 2015

        // Change it: the title, with a reason.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the risk" }).ClickAsync();
        await page.WaitForURLAsync("**/risks/CYP-R90/edit");
        await page.AssertNoViolationsAsync();
        Assert.Equal("Service delivery", await page.Locator("#category").InputValueAsync());
        await page.Locator("#title").FillAsync("Children's centre contracts end before they are re-commissioned");
        await page.Locator("#review-date").FillAsync("31/3/2016");
        await page.Locator("#reason").FillAsync("Owner's wording");
        await SubmitAsync(page, "Save changes");
        await page.WaitForURLAsync("**/risks/CYP-R90");
        Assert.Equal("CYP-R90: Children's centre contracts end before they are re-commissioned", await page.Locator("h1").InnerTextAsync());

        // The quarterly update: scored again for Quarter 4, residual 1 × 3 = 3 from 2 × 3 = 6.
        await page.GetByRole(AriaRole.Link, new() { Name = "Score for a quarter" }).ClickAsync();
        await page.WaitForURLAsync("**/risks/CYP-R90/score");
        await page.AssertNoViolationsAsync();
        Assert.Equal("2015/16 Q4", await page.Locator("#quarter").InputValueAsync()); // the quarter after the latest scored
        await page.Locator("#residual-likelihood").SelectOptionAsync("1");
        await page.Locator("#reason").FillAsync("Two centres re-commissioned");
        await SubmitAsync(page, "Save the scores");
        await page.WaitForURLAsync("**/risks/CYP-R90");
        var history = page.Locator("#score-history tbody tr");
        Assert.Equal(["Quarter 4 2015/16", "Quarter 3 2015/16"], await history.Locator("th").AllInnerTextsAsync());
        Assert.Equal("Better: the residual score fell from 6 to 3 since Quarter 3 2015/16", await history.First.Locator("[data-direction]").InnerTextAsync());
        Assert.Equal("First quarter scored", await history.Nth(1).Locator("[data-direction]").InnerTextAsync());

        // A control measure with its owner and due date, and its progress for the quarter.
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a control measure" }).ClickAsync();
        await page.WaitForURLAsync("**/risks/CYP-R90/controls");
        await page.AssertNoViolationsAsync();
        await page.Locator("#text").FillAsync("Decide the centres' future at the Executive Board");
        await page.Locator("#due").FillAsync("29/2/2016");
        await SubmitAsync(page, "Add the control measure");
        await page.WaitForURLAsync(new Regex("/risks/CYP-R90#controls$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Record progress on CYP-R90a" }).ClickAsync();
        await page.WaitForURLAsync("**/risks/CYP-R90/controls/a/progress");
        await page.AssertNoViolationsAsync();
        await page.Locator("#quarter").FillAsync("2015/16 Q4");
        await page.Locator("#status").CheckAsync(); // green
        await page.Locator("#commentary").FillAsync("On the February agenda.");
        await SubmitAsync(page, "Save progress");
        await page.WaitForURLAsync(new Regex("/risks/CYP-R90#controls$"));
        var control = page.Locator("#control-a");
        Assert.Contains("Ann McIntyre", await control.InnerTextAsync()); // the risk's owner, offered as the measure's
        Assert.Contains("On the February agenda.", await control.InnerTextAsync());

        // Closed with its reason, then the history reads every change in words.
        await page.GetByRole(AriaRole.Link, new() { Name = "Close the risk" }).ClickAsync();
        await page.WaitForURLAsync("**/risks/CYP-R90/status");
        await page.AssertNoViolationsAsync();
        await SubmitAsync(page, "Close the risk");
        Assert.Contains("Say why the risk is closed.", await page.Locator(".govuk-error-summary").InnerTextAsync());
        await page.Locator("#reason").FillAsync("All three centres re-commissioned");
        await SubmitAsync(page, "Close the risk");
        await page.WaitForURLAsync("**/risks/CYP-R90");
        Assert.Contains("All three centres re-commissioned", await page.Locator("#closed").InnerTextAsync());
        var words = await page.Locator(".outturn-history li").AllInnerTextsAsync();
        Assert.Contains(words, w => w.StartsWith("Title changed from “Children's centre contracts end before re-commissioning” to “Children's centre contracts end before they are re-commissioned” by ", StringComparison.Ordinal) && w.EndsWith(": Owner's wording", StringComparison.Ordinal));
        Assert.Contains(words, w => w.StartsWith("Residual likelihood for Quarter 4 2015/16 recorded as 1 by ", StringComparison.Ordinal) && w.EndsWith(": Two centres re-commissioned", StringComparison.Ordinal));
        Assert.Contains(words, w => w.StartsWith("Progress of control measure a for Quarter 4 2015/16 recorded as green by ", StringComparison.Ordinal));
        Assert.Contains(words, w => w.StartsWith("Status of the risk changed from open to closed by ", StringComparison.Ordinal));

        // A closed risk is left out of the register unless asked for.
        await VisitAsync(page, "/risks");
        Assert.Equal(0, await page.Locator("#risk-CYP-R90").CountAsync());
        await VisitAsync(page, "/risks?closed=true");
        Assert.Contains("Closed", await page.Locator("#risk-CYP-R90").InnerTextAsync());
    }

    [Fact]
    public async Task A_form_opened_before_someone_elses_change_is_refused_and_shows_the_risk_as_it_now_is()
    {
        var first = await browser.OpenAsync("/risks/CYP-R07/edit", Performance);
        var second = await browser.OpenAsync("/risks/CYP-R07/edit", Performance);

        await first.Locator("#category").FillAsync("Income");
        await SubmitAsync(first, "Save changes");
        await first.WaitForURLAsync("**/risks/CYP-R07");
        await second.Locator("#category").FillAsync("Funding");
        await SubmitAsync(second, "Save changes");

        Assert.EndsWith("/risks/CYP-R07/edit", second.Url);
        Assert.Contains("was changed by someone else after you opened this form", await second.Locator("#refused-message").InnerTextAsync());
        Assert.Equal("Funding", await second.Locator("#category").InputValueAsync()); // what they typed is kept to try again
        await VisitAsync(second, "/risks/CYP-R07");
        Assert.Contains("Income", await second.Locator("#risk-details").InnerTextAsync());
    }

    [Fact]
    public async Task The_heat_maps_show_any_quarter_and_the_movement_between_two()
    {
        var page = await browser.OpenAsync("/risks?at=2015-16-Q2", Performance);
        await page.AssertNoViolationsAsync();

        // At Quarter 2, CYP-R02's residual score is 4 × 3 (Demo/risks/scores.csv); at Quarter 3 it is 3 × 3.
        Assert.Contains("CYP-R02", await page.Locator("#heatmap-residual td[data-likelihood='4'][data-impact='3']").InnerTextAsync());
        await VisitAsync(page, "/risks/movement?from=2015-16-Q2&to=2015-16-Q3");
        var r02 = page.Locator("#movement-CYP-R02 [data-direction]");
        Assert.Equal("better", await r02.GetAttributeAsync("data-direction"));
        Assert.Equal("Better: down 3", await r02.InnerTextAsync());                                      // 12 to 9
        Assert.Equal("No change", await page.Locator("#movement-CYP-R03 [data-direction]").InnerTextAsync()); // 8 at both
        Assert.Contains("Quarter 2 2015/16 residual risk", await page.Locator("#heatmap-quarter-2-2015-16-residual caption").InnerTextAsync());
    }

    [Fact]
    public async Task An_equality_action_is_created_changed_updated_each_quarter_and_completed_with_its_history()
    {
        var page = await browser.OpenAsync("/equality", Performance);
        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await page.WaitForURLAsync("**/equality/new");
        await page.AssertNoViolationsAsync();

        await page.Locator("#ref").FillAsync("CYP-EQ90");
        await page.Locator("#timetable").FillAsync("2015/16; next year");
        await SubmitAsync(page, "Add the action");
        var summary = await page.Locator(".govuk-error-summary").InnerTextAsync();
        Assert.Contains("\"next year\" is not a financial year", summary);
        Assert.Contains("Choose the impact the assessment found", summary);
        Assert.Equal("#impact", await page.Locator(".govuk-error-summary a", new() { HasTextString = "Choose the impact" }).GetAttributeAsync("href"));

        await page.Locator("#subject").FillAsync("Youth service opening hours");
        await page.Locator("#strands").CheckAsync();   // age
        await page.Locator("#strands-2").CheckAsync(); // disability
        await page.Locator("#impact-2").CheckAsync();  // medium
        await page.Locator("#actions").FillAsync("Consult young people on evening and weekend opening");
        await page.Locator("#timetable").FillAsync("2015/16; 2016/17");
        await page.Locator("#officer").FillAsync("Ann McIntyre");
        await page.Locator("#directorate").FillAsync("Children and Young People");
        await SubmitAsync(page, "Add the action");
        await page.WaitForURLAsync("**/equality/CYP-EQ90");
        var details = await page.Locator("#action-details").InnerTextAsync();
        Assert.Contains("age, disability", details);
        Assert.Contains("2015/16, 2016/17", details);

        // Changed: the impact raised to high, with a reason.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change the action" }).ClickAsync();
        await page.WaitForURLAsync("**/equality/CYP-EQ90/edit");
        await page.AssertNoViolationsAsync();
        await page.Locator("#impact").CheckAsync();    // high
        await page.Locator("#reason").FillAsync("Consultation found a high impact on disabled young people");
        await SubmitAsync(page, "Save changes");
        await page.WaitForURLAsync("**/equality/CYP-EQ90");

        // Quarterly progress, then complete.
        foreach (var (quarter, status, text) in new[] { ("2015/16 Q3", "#status-2", "Consultation under way."), ("2015/16 Q4", "#status-4", "New hours start in April.") })
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Record progress" }).ClickAsync();
            await page.WaitForURLAsync("**/equality/CYP-EQ90/progress");
            await page.AssertNoViolationsAsync();
            await page.Locator("#quarter").FillAsync(quarter);
            await page.Locator(status).CheckAsync();
            await page.Locator("#commentary").FillAsync(text);
            await SubmitAsync(page, "Save progress");
            await page.WaitForURLAsync("**/equality/CYP-EQ90");
        }
        Assert.Equal(["Quarter 4 2015/16", "Quarter 3 2015/16"], await page.Locator("#progress-table tbody th").AllInnerTextsAsync());
        Assert.Contains("Completed on", await page.Locator("#completed").InnerTextAsync()); // "complete" completes the action
        var words = await page.Locator(".outturn-history li").AllInnerTextsAsync();
        Assert.Contains(words, w => w.StartsWith("Impact found changed from medium to high by ", StringComparison.Ordinal) && w.EndsWith(": Consultation found a high impact on disabled young people", StringComparison.Ordinal));
        Assert.Contains(words, w => w.StartsWith("Progress for Quarter 3 2015/16 recorded as amber by ", StringComparison.Ordinal));
        Assert.Contains(words, w => w.StartsWith("Completed on set to ", StringComparison.Ordinal));

        // The public see the action and its progress, not who changed it.
        await using var visitor = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var anonymous = await visitor.NewPageAsync();
        await VisitAsync(anonymous, "/equality/CYP-EQ90");
        Assert.Equal(0, await anonymous.Locator("#history").CountAsync());
        Assert.Equal(0, await anonymous.GetByRole(AriaRole.Link, new() { Name = "Change the action" }).CountAsync());
    }
}
