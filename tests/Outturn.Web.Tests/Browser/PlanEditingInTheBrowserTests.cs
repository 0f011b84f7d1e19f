using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Outturn.Application.Plans.Editing;

namespace Outturn.Web.Tests.Browser;

/// <summary>
/// A performance officer makes and changes plans through the pages alone, with axe run on every page visited. Each
/// test works on a plan of its own, so the demo plans the other browser tests read are left as they are.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PlanEditingInTheBrowserTests(BrowserFixture browser)
{
    private const string Performance = "performance@outturn.example";

    private static async Task ClickAsync(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    private static async Task FollowAsync(IPage page, string link)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).First.ClickAsync();
        await page.WaitForLoadStateAsync();
    }

    [Fact]
    public async Task A_plan_is_started_checked_given_an_objective_a_milestone_and_a_measure_with_targets_and_approved()
    {
        var page = await browser.OpenAsync("/", Performance);
        await FollowAsync(page, "Start a plan");
        await page.AssertNoViolationsAsync();

        // A missing title is named in the error summary, which links to the field.
        await page.FillAsync("#ref", "HBC-YJ-2016-17");
        await page.SelectOptionAsync("#kind", "strategy");
        await page.FillAsync("#first-year", "2016/17");
        await page.FillAsync("#last-year", "2016/17");
        await ClickAsync(page, "Continue");
        Assert.Equal("Enter the plan's title.", await page.Locator(".govuk-error-summary a[href='#title']").InnerTextAsync());
        Assert.Contains("Enter the plan's title.", await page.Locator("#title-error").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await page.FillAsync("#title", "Youth Justic Plan");
        await ClickAsync(page, "Continue");
        var answers = page.Locator("#check-answers");
        Assert.Contains("Youth Justic Plan", await answers.InnerTextAsync());
        await page.AssertNoViolationsAsync();
        // Check your answers: a change link goes back to the form with every answer kept.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change title" }).ClickAsync();
        Assert.Equal("2016/17", await page.InputValueAsync("#first-year"));
        await page.FillAsync("#title", "Youth Justice Plan");
        await ClickAsync(page, "Continue");
        Assert.Contains("Youth Justice Plan", await page.Locator("#check-answers").InnerTextAsync());
        await ClickAsync(page, "Make the plan");
        Assert.EndsWith("/plans/HBC-YJ-2016-17/edit", page.Url);
        Assert.Contains("made as a draft", await page.Locator("#done-message").InnerTextAsync());
        Assert.Equal("Draft", await page.Locator("#plan-status").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        await FollowAsync(page, "Add a priority");
        await page.FillAsync("#name", "Reduce offending");
        await ClickAsync(page, "Save");

        // Add another: the first objective saved, the form comes back empty for the next.
        await FollowAsync(page, "Add an objective");
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#ref", "YJ1");
        await page.FillAsync("#title", "Reduce first-time entrants to the youth justice system");
        await page.SelectOptionAsync("#priority", new SelectOptionValue { Label = "Reduce offending" });
        await page.FillAsync("#officer", "Gareth Jones");
        await ClickAsync(page, "Save and add another objective");
        Assert.Contains("Objective YJ1 saved. Add another.", await page.Locator("#done-message").InnerTextAsync());
        Assert.Equal("", await page.InputValueAsync("#ref"));
        await page.FillAsync("#ref", "YJ2");
        await page.FillAsync("#title", "Reduce reoffending");
        await page.SelectOptionAsync("#priority", new SelectOptionValue { Label = "Reduce offending" });
        await ClickAsync(page, "Save");

        await FollowAsync(page, "Add a milestone");
        await page.FillAsync("#ref", "YJ1a");
        await page.SelectOptionAsync("#objective", "YJ1");
        await page.FillAsync("#text", "Launch the triage scheme with the police");
        await page.FillAsync("#year", "2016/17");
        // 31 March 2016 is the year before 2016/17: the plan refuses it, and the form keeps what was typed.
        await page.FillAsync("#due-day", "31");
        await page.FillAsync("#due-month", "3");
        await page.FillAsync("#due-year", "2016");
        await ClickAsync(page, "Save");
        Assert.Contains("outside its plan year 2016/17", await page.Locator("#refused-message").InnerTextAsync());
        Assert.Equal("Launch the triage scheme with the police", await page.InputValueAsync("#text"));
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#due-year", "2017");
        await ClickAsync(page, "Save");
        Assert.Contains("Milestone YJ1a saved.", await page.Locator("#done-message").InnerTextAsync());
        Assert.Contains("31 March 2017", await page.Locator("#milestone-YJ1a").InnerTextAsync());

        await FollowAsync(page, "Add a measure");
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#ref", "YJ01");
        await page.FillAsync("#title", "First-time entrants per 100,000 young people");
        await page.SelectOptionAsync("#objective", "YJ1");
        await page.SelectOptionAsync("#polarity", "lower");
        await page.FillAsync("#precision", "1");
        await page.SelectOptionAsync("#frequency", "quarterly");
        await page.SelectOptionAsync("#value-type", "cumulative");
        await ClickAsync(page, "Save");
        // A new measure goes on to its targets: the year and its quarterly profile.
        Assert.EndsWith("/plans/HBC-YJ-2016-17/edit/measure/YJ01/targets", page.Url);
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#target-2016-17", "450");
        await page.FillAsync("#target-2016-17-Q2", "225");
        await page.FillAsync("#target-2016-17-Q4", "tbc");
        await ClickAsync(page, "Save the targets");
        Assert.Contains("The targets of YJ01 are saved.", await page.Locator("#done-message").InnerTextAsync());
        Assert.Contains("2016/17: 450.0", await page.Locator("#measure-YJ01").InnerTextAsync());

        await ClickAsync(page, "Approve this plan");
        Assert.Equal("Approved", await page.Locator("#plan-status").InnerTextAsync());
        var today = DateTime.UtcNow.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        Assert.Equal($"Version 1, approved {today}: first approved.", await page.Locator("#plan-version").InnerTextAsync());
        await page.AssertNoViolationsAsync();

        // The plan page everyone sees has it all.
        await page.GotoAsync("/plans/HBC-YJ-2016-17");
        var main = await page.Locator("main").InnerTextAsync();
        Assert.Contains("YJ1: Reduce first-time entrants to the youth justice system", main);
        Assert.Contains("Launch the triage scheme with the police", main);
        Assert.Contains("First-time entrants per 100,000 young people", main);
        await page.AssertNoViolationsAsync();
        await page.CloseAsync();
    }

    /// <summary>An approved plan for 2016/17 (a year long begun) with two measures, the first's target to be confirmed.</summary>
    private async Task ApprovedPlanAsync(string planRef)
    {
        using var scope = browser.Server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<Outturn.Application.Data.OutturnDbContext>();
        int Revision() { db.ChangeTracker.Clear(); return db.Plans.Where(p => p.Ref == planRef).Select(p => p.Revision).Single(); }
        Assert.True((await sp.GetRequiredService<CreatePlan.Handler>().HandleAsync(new(planRef, "Early Help Strategy", "strategy", "2016/17", "2016/17", null, null, null, null), default)).Done);
        var priority = await sp.GetRequiredService<SavePriority.Handler>().HandleAsync(new(planRef, Revision(), null, "Help early", null), default);
        await sp.GetRequiredService<SaveObjective.Handler>().HandleAsync(new(planRef, Revision(), null, "EH1", "Families helped before problems grow", priority!.Ref, null, null, false, null, null), default);
        foreach (var (r, title) in new[] { ("EH01", "Early help assessments completed"), ("EH02", "Families stepped down from social care") })
            await sp.GetRequiredService<SaveMeasure.Handler>().HandleAsync(new(planRef, Revision(), null, r, title, "EH1", null, null, null, "higher", "%", "0", "quarterly", "snapshot",
                null, false, null, null, null, null, null, null, null, null, null, null), default);
        await sp.GetRequiredService<SetTargets.Handler>().HandleAsync(new(planRef, Revision(), "EH01", [new("2016/17", "tbc", null)], null), default);
        await sp.GetRequiredService<ApprovePlan.Handler>().HandleAsync(new(planRef, Revision()), default);
    }

    [Fact]
    public async Task A_target_changed_with_a_reason_and_a_measure_retired_make_version_2_shown_item_by_item()
    {
        await ApprovedPlanAsync("HBC-EH-2016-17");
        var page = await browser.OpenAsync("/plans/HBC-EH-2016-17/edit/measure/EH01/targets", Performance);
        await page.AssertNoViolationsAsync();

        // The year has begun: confirming the target needs a reason.
        await page.FillAsync("#target-2016-17", "95");
        await ClickAsync(page, "Save the targets");
        Assert.Equal("2016/17 began on 1 April 2016: say why the target for EH01 in 2016/17 is changing.", await page.Locator("#refused-message").InnerTextAsync());
        Assert.Equal("95", await page.InputValueAsync("#target-2016-17"));
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#reason", "confirmed at mid-year review");
        await ClickAsync(page, "Save the targets");
        Assert.Contains("The targets of EH01 are saved.", await page.Locator("#done-message").InnerTextAsync());

        await page.GotoAsync("/plans/HBC-EH-2016-17/edit/measure/EH01/targets");
        var history = await page.Locator(".outturn-history").InnerTextAsync();
        Assert.Contains("Target for 2016/17 changed from tbc to 95% by ", history);
        Assert.Contains(": confirmed at mid-year review", history);

        // Retiring a measure: from its own page, with why.
        await page.GotoAsync("/plans/HBC-EH-2016-17/edit/measure/EH02");
        await page.AssertNoViolationsAsync();
        await page.FillAsync("#retire-reason", "replaced by the troubled families measure");
        await ClickAsync(page, "Retire this measure");
        Assert.Contains("Measure EH02 retired.", await page.Locator("#done-message").InnerTextAsync());
        Assert.Contains("(retired ", await page.Locator("#measure-EH02").InnerTextAsync());
        Assert.True(await page.Locator("#measure-EH02").GetByRole(AriaRole.Button, new() { Name = "Reinstate measure EH02" }).IsVisibleAsync());
        await page.AssertNoViolationsAsync();

        // The plan page names the version; its view lists what changed, item by item.
        await page.GotoAsync("/plans/HBC-EH-2016-17");
        var today = DateTime.UtcNow.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        Assert.StartsWith($"Version 2, amended {today}: 1 measure retired, 1 target changed.", await page.Locator("#plan-version").InnerTextAsync());
        await FollowAsync(page, "See what changed");
        Assert.Equal($"Version 2, amended {today}", await page.Locator("h1").InnerTextAsync());
        Assert.Equal("Changed from version 1: 1 measure retired, 1 target changed.", await page.Locator("#version-summary").InnerTextAsync());
        Assert.Contains("EH02", await page.Locator("#changes-measure").InnerTextAsync());
        Assert.Contains("retired", await page.Locator("#changes-measure").InnerTextAsync());
        Assert.Contains("target for 2016/17 changed from tbc to 95%", await page.Locator("#changes-target").InnerTextAsync());
        await page.AssertNoViolationsAsync();
        await FollowAsync(page, "All versions of the plan");
        Assert.Equal(2, await page.Locator("#versions tbody tr").CountAsync());
        await page.AssertNoViolationsAsync();
        await page.CloseAsync();
    }
}
