using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Outturn.Web.Tests.Browser;

/// <summary>
/// Its own app and browser: the round cycle changes the demo data (a new Q4 round, published and revised), which
/// must not disturb the other browser tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RoundCycleCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser-round-cycle";
}

/// <summary>
/// The quarterly round from opening to a correction after publication, each person in their own browser context,
/// through the pages alone, with axe run on each page the first time it is visited and after every action. (axe on
/// a round page of 111 items takes seconds; running it again on a page already checked found nothing new.)
/// </summary>
[Collection(RoundCycleCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RoundCycleTests(BrowserFixture browser)
{
    private const string Plan = "HBC-CYP-2015-16";
    private const string Q4Monitoring = "/plans/HBC-CYP-2015-16/monitoring/2015-16-Q4";
    private const string Performance = "performance@outturn.example";
    private const string Tracey = "tracey.coffey@outturn.example";
    private const string Ann = "ann.mcintyre@outturn.example";
    private const string Director = "director@outturn.example";

    [Fact]
    public async Task A_round_runs_from_opening_to_publication_with_judgement_explanation_send_back_and_a_later_revision_with_its_reason()
    {
        await using var officer = await SignedInAsync(Performance);
        await using var tracey = await SignedInAsync(Tracey);
        await using var ann = await SignedInAsync(Ann);
        await using var director = await SignedInAsync(Director);
        await using var visitor = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var po = officer.Page;

        // 1. The performance officer opens a round for 2015/16 Q4 with a deadline.
        await VisitAsync(po, "/rounds");
        await po.Locator("#plan").SelectOptionAsync(Plan);
        await po.Locator("#period").FillAsync("2015/16 Q4");
        await po.Locator("#deadline").FillAsync("2016-04-22");
        await po.GetByRole(AriaRole.Button, new() { Name = "Open round" }).ClickAsync();
        await po.WaitForURLAsync(new Regex(@"/rounds/\d+$"));
        var roundId = int.Parse(new Uri(po.Url).Segments[^1], CultureInfo.InvariantCulture);
        await po.AssertNoViolationsAsync();
        Assert.Equal("open for updates", await po.Locator("#round-stage").InnerTextAsync());
        Assert.Contains("22 April 2016", await po.Locator("main").InnerTextAsync());

        var ced033Row = ItemRow(po, "CED033");
        Assert.Contains("Tracey Coffey", await ced033Row.Locator(".outturn-item-officer").InnerTextAsync());
        // The title is beside the ref, and the state is in words.
        Assert.Contains("within 45 working days", await ced033Row.Locator("th").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("not started", await ced033Row.Locator(".outturn-item-state strong").InnerTextAsync());
        var ced033 = ItemIdOf(await ced033Row.GetAttributeAsync("id"));

        // Before publication an anonymous visitor of the Q4 report is sent to sign in.
        var anonymous = await visitor.NewPageAsync();
        await anonymous.GotoAsync(Q4Monitoring);
        Assert.Contains("/sign-in", anonymous.Url);
        Assert.Equal("Sign in", await anonymous.Locator("h1").InnerTextAsync());
        await anonymous.AssertNoViolationsAsync();

        // 2. Tracey Coffey finds CED033 in her updates, sees the computed status for her figure, and submits.
        var tp = tracey.Page;
        await VisitAsync(tp, "/my-updates");
        var q4Link = tp.Locator($"a[href='/my-updates/{ced033}']");
        Assert.StartsWith("CED033", await q4Link.InnerTextAsync());
        await q4Link.ClickAsync();
        await tp.WaitForURLAsync($"**/my-updates/{ced033}");
        await tp.AssertNoViolationsAsync();
        await tp.Locator("#value").FillAsync("88");
        await tp.Locator("#status-final").CheckAsync();
        await tp.GetByRole(AriaRole.Button, new() { Name = "Check status" }).ClickAsync();
        await tp.WaitForLoadStateAsync();
        await Assertions.Expect(tp.Locator("#computed-progress")).ToContainTextAsync("Red"); // 88 against 95: short by more than 5%
        Assert.Equal("88", await tp.Locator("#value").InputValueAsync()); // the form keeps what was typed
        await tp.AssertNoViolationsAsync();

        // A red measure is offered commentary drafted from the figures; she uses it, edits it and approves it.
        Assert.StartsWith("Performance is 88%, 7 percentage points short of the 95% target", await tp.Locator("#drafted-commentary p").First.InnerTextAsync());
        await tp.Locator("#use-draft").ClickAsync();
        await tp.WaitForLoadStateAsync();
        await tp.AssertNoViolationsAsync();
        var drafted = await tp.Locator("#commentary").InputValueAsync();
        Assert.StartsWith("Performance is 88%, 7 percentage points short of the 95% target", drafted);
        var approvedCommentary = drafted.Split("\n\n")[0] + " The new assessment team is now fully staffed.";
        await tp.Locator("#commentary").FillAsync(approvedCommentary);
        // Her own judgement replaces the computed red, with the reason she must give.
        await tp.Locator("#progress-amber").CheckAsync();
        // Not yet approved, and no reason: both refused, each linked from the summary to its field.
        await tp.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(tp.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        Assert.Equal(1, await tp.Locator(".govuk-error-summary a[href='#reason']").CountAsync());
        Assert.Equal(1, await tp.Locator(".govuk-error-summary a[href='#commentary-approved']").CountAsync());
        Assert.Equal(1, await tp.Locator(".govuk-form-group--error #reason").CountAsync());
        Assert.Contains("Give the reason for your judgement", await tp.Locator("#reason-error").InnerTextAsync());
        await tp.AssertNoViolationsAsync();
        await tp.Locator("#reason").FillAsync("Assessments are catching up now the team is fully staffed; the year-end target is within reach.");
        await tp.Locator("#commentary-approved").CheckAsync();
        await tp.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(tp.Locator("#save-message")).ToContainTextAsync("Submitted");
        await tp.AssertNoViolationsAsync();

        // 3. Ann McIntyre submits the progress of a milestone assigned to her.
        var ap = ann.Page;
        await VisitAsync(ap, "/my-updates");
        var annItems = await ItemIdsAssignedToAsync(po, roundId, "Ann McIntyre");
        Assert.NotEmpty(annItems);
        int? milestone = null;
        foreach (var id in annItems)
        {
            await ap.GotoAsync($"/my-updates/{id}");
            if (await ap.Locator("#progress-complete").CountAsync() > 0) { milestone = id; break; } // only a milestone can be complete
        }
        Assert.True(milestone is not null, "No milestone of the Q4 round is assigned to Ann McIntyre.");
        await ap.Locator("#progress-amber").CheckAsync();
        await ap.Locator("#commentary").FillAsync("The joint commissioning review slipped to May.");
        await ap.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(ap.Locator("#save-message")).ToContainTextAsync("Submitted");
        await ap.AssertNoViolationsAsync();

        // Ann enters CED005, children's centre take-up, ten times the last quarter's: refused until she explains it.
        var ced005 = ItemIdOf(await ItemRow(po, "CED005").GetAttributeAsync("id"));
        await VisitAsync(ap, $"/my-updates/{ced005}");
        await ap.Locator("#value").FillAsync("5850");
        await ap.Locator("#status-final").CheckAsync();
        await ap.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(ap.Locator(".govuk-error-summary a[href='#reason']")).ToContainTextAsync("Explain it in the reason");
        await Assertions.Expect(ap.Locator("#unusual-warning")).ToBeVisibleAsync();
        await ap.AssertNoViolationsAsync();
        const string explanation = "Every family registered at the new Widnes centre was counted this quarter.";
        await ap.Locator("#reason").FillAsync(explanation);
        await ap.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(ap.Locator("#save-message")).ToContainTextAsync("Submitted");
        await ap.AssertNoViolationsAsync();
        // The reviewer sees the explanation beside the figure.
        await VisitAsync(po, $"/rounds/{roundId}");
        Assert.Contains(explanation, await ItemRow(po, "CED005").InnerTextAsync());

        // A figure too long to be one gets the checks' message, on the field.
        await VisitAsync(tp, $"/my-updates/{ced033}");
        await tp.Locator("#value").FillAsync("12345678901234567890123456789012345678");
        await tp.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Assertions.Expect(tp.Locator("#value-error")).ToContainTextAsync("more than 12 digits");
        await tp.AssertNoViolationsAsync();

        // The round page filters: Ann McIntyre's submitted items are CED005 and her milestone.
        var annId = await po.Locator("#filter-officer option", new() { HasTextString = "Ann McIntyre" }).GetAttributeAsync("value");
        await VisitAsync(po, $"/rounds/{roundId}?officer={annId}&state=Submitted");
        Assert.Equal(2, await po.Locator("tr[id^=item-]").CountAsync());

        // 4. The performance officer returns CED033 with a comment.
        const string comment = "Please check the figure against the Q4 CareFirst extract.";
        await VisitAsync(po, $"/rounds/{roundId}");
        var row = ItemRow(po, "CED033");
        Assert.Contains("submitted", await row.InnerTextAsync());
        await row.Locator("summary", new() { HasTextString = "Return" }).ClickAsync();
        await row.Locator($"#comment-{ced033}").FillAsync(comment);
        await row.GetByRole(AriaRole.Button, new() { Name = "Return to officer" }).ClickAsync();
        await Assertions.Expect(po.Locator(".govuk-notification-banner")).ToContainTextAsync("returned");
        Assert.Contains("returned", await ItemRow(po, "CED033").InnerTextAsync());
        Assert.Contains(comment, await ItemRow(po, "CED033").InnerTextAsync());
        await po.AssertNoViolationsAsync();

        // 5. Tracey sees the comment and resubmits.
        await VisitAsync(tp, "/my-updates");
        Assert.Contains("returned", await tp.Locator("tr", new() { Has = tp.Locator($"a[href='/my-updates/{ced033}']") }).InnerTextAsync());
        await VisitAsync(tp, $"/my-updates/{ced033}");
        Assert.Contains(comment, await tp.Locator("#return-comment").InnerTextAsync());
        Assert.Equal(88m, decimal.Parse(await tp.Locator("#value").InputValueAsync(), CultureInfo.InvariantCulture)); // shown as "88.0" on SQLite
        await tp.Locator("#commentary").FillAsync(approvedCommentary + "\n\nChecked against the Q4 CareFirst extract: 88% is right.");
        await tp.GetByRole(AriaRole.Button, new() { Name = "Submit", Exact = true }).ClickAsync();
        await Assertions.Expect(tp.Locator("#save-message")).ToContainTextAsync("Submitted");
        await tp.AssertNoViolationsAsync();

        // The item's history names who changed what.
        await VisitAsync(po, $"/rounds/{roundId}/items/{ced033}/history");
        var history = await po.Locator("main").InnerTextAsync();
        Assert.Contains("by Tracey Coffey (TC) on ", history);
        Assert.Contains("7 percentage points short of the 95% target", history);             // the commentary as approved
        Assert.Contains("Checked against the Q4 CareFirst extract: 88% is right.", history); // and as resubmitted

        // 6. The performance officer completes the remaining items offline: download the workbook, fill it, upload it.
        await VisitAsync(po, "/my-updates");
        var download = await po.RunAndWaitForDownloadAsync(() =>
            po.Locator($"a[href='/my-updates?handler=Workbook&round={roundId}']").ClickAsync());
        var workbook = Path.Combine(Path.GetTempPath(), $"outturn-round-cycle-{Guid.NewGuid():N}.xlsx");
        try
        {
            await download.SaveAsAsync(workbook);
            FillWorkbook(workbook, alreadySubmitted: [ced033, ced005, milestone!.Value]);
            await po.Locator($"#file-{roundId}").SetInputFilesAsync(workbook);
            await po.Locator("form", new() { Has = po.Locator($"#file-{roundId}") }).GetByRole(AriaRole.Button, new() { Name = "Upload workbook" }).ClickAsync();
            await po.WaitForLoadStateAsync();
            if (await po.Locator("#upload-errors").CountAsync() > 0)
                Assert.Fail("The workbook was rejected:\n" + await po.Locator("#upload-errors").InnerTextAsync());
            await Assertions.Expect(po.Locator(".govuk-notification-banner")).ToContainTextAsync("submitted");
            await po.AssertNoViolationsAsync();
        }
        finally { File.Delete(workbook); }

        // 7. Every item submitted but the supporting commentary (compiled now, from what was submitted), the
        // performance officer moves the round to review.
        await VisitAsync(po, $"/rounds/{roundId}");
        var states = await po.Locator("tbody tr[id^=item-]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.querySelector('.outturn-item-ref').innerText, r.querySelector('strong.govuk-tag').innerText])");
        Assert.All(states.Where(s => !s[0].StartsWith("Supporting commentary", StringComparison.Ordinal)), s => Assert.Equal("submitted", s[1]));
        await po.GetByRole(AriaRole.Button, new() { Name = "Move to review" }).ClickAsync();
        await Assertions.Expect(po.Locator("#round-stage")).ToHaveTextAsync("in review");
        await po.AssertNoViolationsAsync();

        // 8. The approver reads the summary (reds and ambers with their commentary, the explained figure), sends the
        // round back once with a reason, and signs it off when it comes back.
        var dp = director.Page;
        await VisitAsync(dp, $"/rounds/{roundId}/sign-off");
        Assert.Contains("The new assessment team is now fully staffed.", await dp.Locator("#reds-and-ambers").InnerTextAsync());
        Assert.Contains(explanation, await dp.Locator("#unusual-figures").InnerTextAsync());
        await dp.Locator("#send-back-reason").FillAsync("Add the Q4 sufficiency update to the key developments.");
        await dp.GetByRole(AriaRole.Button, new() { Name = "Send the round back" }).ClickAsync();
        await dp.WaitForLoadStateAsync();
        await VisitAsync(po, $"/rounds/{roundId}");
        Assert.Equal("open for updates", await po.Locator("#round-stage").InnerTextAsync());
        Assert.Contains("Sent back by director@outturn.example: Add the Q4 sufficiency update to the key developments.", await po.Locator("main").InnerTextAsync());
        await po.GetByRole(AriaRole.Button, new() { Name = "Move to review" }).ClickAsync();
        await Assertions.Expect(po.Locator("#round-stage")).ToHaveTextAsync("in review");
        await VisitAsync(dp, $"/rounds/{roundId}/sign-off");
        await dp.GetByRole(AriaRole.Button, new() { Name = "Sign off the round" }).ClickAsync();
        await Assertions.Expect(dp.Locator(".govuk-panel")).ToContainTextAsync("Round signed off");
        await dp.AssertNoViolationsAsync();

        // 9. The performance officer publishes.
        await VisitAsync(po, $"/rounds/{roundId}");
        Assert.Equal("signed off", await po.Locator("#round-stage").InnerTextAsync());
        await po.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Assertions.Expect(po.Locator("#round-stage")).ToHaveTextAsync("published");
        await po.AssertNoViolationsAsync();

        // 10. Anyone can now read the Q4 report with CED033's figure.
        await VisitAsync(anonymous, Q4Monitoring);
        Assert.DoesNotContain("/sign-in", anonymous.Url);
        var published = await Ced033Async(anonymous);
        Assert.Contains("88%", published);
        Assert.DoesNotContain("Revised since publication", published);

        // The Word report prints the commentary as approved, with Tracey Coffey's initials.
        var word = await anonymous.APIRequest.GetAsync("/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q4/docx");
        Assert.Equal(200, word.Status);
        using (var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await word.BodyAsync()), false))
        {
            var paragraphs = docx.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Contains(approvedCommentary + " (TC)", paragraphs);
        }

        // Tracey's form is now read-only; the performance officer's links to the correction.
        await VisitAsync(tp, $"/my-updates/{ced033}");
        Assert.Equal(0, await tp.Locator("#update-form").CountAsync());
        Assert.Contains("published", await tp.Locator("#read-only").InnerTextAsync());
        await VisitAsync(po, $"/my-updates/{ced033}");
        Assert.Equal(0, await po.Locator("#update-form").CountAsync());

        // 11. The performance officer corrects the figure after publication, giving the reason the correction route asks for.
        await po.Locator("#correct-link").ClickAsync();
        await po.WaitForURLAsync("**/indicators/CED033/revise");
        await po.AssertNoViolationsAsync();
        await po.Locator("#period").FillAsync("2015/16 Q4");
        await po.Locator("#value").FillAsync("91");
        await po.Locator("#status-final").CheckAsync();
        await po.GetByRole(AriaRole.Button, new() { Name = "Correct the figure" }).ClickAsync();
        await Assertions.Expect(po.Locator(".govuk-error-summary a[href='#reason']")).ToBeVisibleAsync();
        await po.AssertNoViolationsAsync();
        await po.Locator("#reason").FillAsync("The CareFirst extract was rerun after late recording: 91%.");
        await po.GetByRole(AriaRole.Button, new() { Name = "Correct the figure" }).ClickAsync();
        await Assertions.Expect(po.Locator("#revise-message")).ToContainTextAsync("91%");
        await po.AssertNoViolationsAsync();

        // 12. The published report keeps its figure and shows the correction beside it.
        await VisitAsync(anonymous, Q4Monitoring);
        var revised = await Ced033Async(anonymous);
        Assert.Contains("Revised since publication", revised);
        Assert.Contains("Published: 88%", revised);
        Assert.Contains("Now: 91%", revised);
        Assert.Contains("Why: The CareFirst extract was rerun after late recording: 91%.", revised);
    }

    private sealed class Person(IBrowserContext context, IPage page) : IAsyncDisposable
    {
        public IPage Page { get; } = page;
        public ValueTask DisposeAsync() => new(context.CloseAsync());
    }

    /// <summary>A browser context of its own (its own cookies), signed in through the sign-in page.</summary>
    private async Task<Person> SignedInAsync(string email)
    {
        var context = await browser.Browser.NewContextAsync(new() { BaseURL = browser.BaseUrl });
        var page = await context.NewPageAsync();
        await VisitAsync(page, "/sign-in");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(OutturnApp.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => !url.Contains("/sign-in", StringComparison.Ordinal), new() { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            Assert.Fail($"Signing in as {email} did not leave the sign-in page: {await page.Locator("body").InnerTextAsync()}");
        }
        await page.AssertNoViolationsAsync();
        return new Person(context, page);
    }

    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);

    /// <summary>Goes to a page, checks it loaded, and runs axe on it if this address has not been checked yet.</summary>
    private async Task VisitAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.True(response.Ok, $"{path} answered {response.Status}");
        if (_checked.Add(path)) await page.AssertNoViolationsAsync();
    }

    private static ILocator ItemRow(IPage page, string reference) =>
        page.Locator("tr[id^=item-]", new() { Has = page.Locator(".outturn-item-ref", new() { HasTextRegex = new Regex($"^{Regex.Escape(reference)}$") }) });

    private static int ItemIdOf(string? rowId) => int.Parse(rowId!["item-".Length..], CultureInfo.InvariantCulture);

    private async Task<List<int>> ItemIdsAssignedToAsync(IPage po, int roundId, string officer)
    {
        await VisitAsync(po, $"/rounds/{roundId}");
        var rows = await po.Locator("tr[id^=item-]").EvaluateAllAsync<string[][]>(
            "rows => rows.map(r => [r.id, r.querySelector('.outturn-item-officer').innerText.trim()])");
        return rows.Where(r => r[1].StartsWith(officer, StringComparison.Ordinal)).Select(r => ItemIdOf(r[0])).ToList();
    }

    private static async Task<string> Ced033Async(IPage page)
    {
        var panel = page.Locator(".outturn-key-measure", new() { HasTextString = "CED033" });
        if (await panel.CountAsync() == 0) panel = page.Locator("tr", new() { Has = page.Locator("a", new() { HasTextString = "CED033" }) });
        return await panel.First.InnerTextAsync();
    }

    /// <summary>
    /// Fills every item not yet submitted honestly — measures "not yet available" with the reason, milestones on
    /// course, narrative sections with a line — marks them to submit, and leaves out the items already submitted.
    /// </summary>
    private static void FillWorkbook(string path, IReadOnlyCollection<int> alreadySubmitted)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var sheet in MiniExcel.GetSheetNames(path))
        {
            var rows = new List<Dictionary<string, object?>>();
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet))
            {
                var copy = new Dictionary<string, object?>(row);
                var item = Convert.ToInt32(copy["item"], CultureInfo.InvariantCulture);
                if (alreadySubmitted.Contains(item)) continue;
                static bool Blank(object? v) => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture));
                switch (sheet)
                {
                    case "Measures" when Blank(copy["status"]):
                        copy["value"] = null;
                        copy["status"] = "not yet available";
                        copy["note"] = "Available at year end";
                        break;
                    case "Milestones" when Blank(copy["progress"]):
                        copy["progress"] = "green";
                        copy["commentary"] = $"{copy["ref"]} is on course.";
                        break;
                    // Each priority's supporting commentary is compiled from the commentary above when the round moves
                    // to review; text written into it here would be the performance officer's own, kept instead.
                    case "Narrative" when Convert.ToString(copy["section"], CultureInfo.InvariantCulture)!.StartsWith("Supporting commentary", StringComparison.Ordinal):
                        continue;
                    case "Narrative" when Blank(copy["commentary"]):
                        copy["commentary"] = "No change since the last quarter.";
                        break;
                }
                copy["submit"] = "yes";
                rows.Add(copy);
            }
            sheets[sheet] = rows;
        }
        File.Delete(path);
        MiniExcel.SaveAs(path, sheets);
    }
}
