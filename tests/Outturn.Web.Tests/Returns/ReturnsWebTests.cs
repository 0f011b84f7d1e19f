using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Returns;

namespace Outturn.Web.Tests.Returns;

/// <summary>The returns pages and API over the demo's synthetic returns (no real child's data).</summary>
public sealed class ReturnsWebTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private const string Officer = "performance@outturn.example";   // holds the child-level permission
    private const string Admin = "admin@outturn.example";            // an administrator, but without it

    private Task<int> ChildViewsAsync() =>
        app.Services.CreateScope().ServiceProvider.GetRequiredService<OutturnDbContext>().AuditEntries.CountAsync(a => a.Entity == "ChildLevelView");

    [Fact]
    public async Task Drill_through_is_refused_on_the_page_and_the_api_to_a_user_without_the_child_level_permission()
    {
        var admin = await app.SignedInClientAsync(Admin);
        var before = await ChildViewsAsync();
        var page = await admin.GetAsync("/returns/2015-16-Q4/lac-3plus-placements/children");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/errors/403", page.Headers.Location!.ToString());
        var api = await admin.GetAsync("/api/v1/returns/indicators/2015-16-Q4/lac-3plus-placements/children");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/returns/indicators/2015-16-Q4/lac-3plus-placements/children")).StatusCode);
        Assert.Equal(before, await ChildViewsAsync());
        // The overview is for staff, and offers no link to the children to those without the permission.
        Assert.DoesNotContain("/children", await admin.GetStringAsync("/returns?period=2015-16-Q4"));
    }

    [Fact]
    public async Task A_child_level_user_sees_pseudonyms_and_birth_months_only_and_every_view_is_audited()
    {
        var officer = await app.SignedInClientAsync(Officer);
        var before = await ChildViewsAsync();
        var html = await officer.GetStringAsync("/returns/2015-16-Q4/lac-3plus-placements/children");
        Assert.Matches("<code>C-[0-9A-F]{10}</code>", html);
        // The synthetic child ids (L100000…) and full dates of birth never appear.
        Assert.DoesNotMatch("L1[0-9]{5}", html);
        var json = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/returns/indicators/2015-16-Q4/lac-3plus-placements/children")).RootElement;
        var first = json.GetProperty("children")[0];
        Assert.Matches("^C-[0-9A-F]{10}$", first.GetProperty("pseudonym").GetString()!);
        Assert.Matches("^(January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4}$", first.GetProperty("birth_month").GetString()!);
        Assert.Equal(before + 2, await ChildViewsAsync());
        var entry = await app.Services.CreateScope().ServiceProvider.GetRequiredService<OutturnDbContext>().AuditEntries
            .Where(a => a.Entity == "ChildLevelView").OrderByDescending(a => a.Id).FirstAsync();
        Assert.Equal((Officer, "lac-3plus-placements:2015/16 Q4", "Viewed"), (entry.By, entry.EntityKey, entry.Action));
    }

    [Fact]
    public async Task Failing_records_are_listed_by_return_table_and_line_to_child_level_users_only()
    {
        var admin = await app.SignedInClientAsync(Admin);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/api/v1/returns/validation/2015-16-Q4/failures")).StatusCode);
        var officer = await app.SignedInClientAsync(Officer);
        var before = await ChildViewsAsync();
        var failures = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/returns/validation/2015-16-Q4/failures")).RootElement;
        // The demo set carries deliberate slips (synth --errors): some assessments authorised before they started.
        var slip = failures.EnumerateArray().First(f => f.GetProperty("rule").GetString() == "CIN-ASSESS-AUTH-BEFORE-START");
        Assert.Equal("Assessments", slip.GetProperty("table").GetString());
        Assert.True(slip.GetProperty("line").GetInt32() > 1);
        Assert.Matches("^C-[0-9A-F]{10}$", slip.GetProperty("pseudonym").GetString()!);
        Assert.Equal(before + 1, await ChildViewsAsync());
    }

    [Fact]
    public async Task The_indicators_api_gives_numerator_denominator_and_validation_impact()
    {
        var staff = await app.SignedInClientAsync(Admin);
        var json = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/returns/indicators/2015-16-Q4")).RootElement;
        var placements = json.GetProperty("indicators").EnumerateArray().Single(i => i.GetProperty("code").GetString() == "lac-3plus-placements");
        Assert.True(placements.GetProperty("denominator").GetInt32() > 100);
        Assert.Contains("HBC-CYP-2015-16 CED047", placements.GetProperty("measures").EnumerateArray().Select(m => m.GetString()));
        // The sixteen rules listed in docs/statutory-indicators.md ("Validation"): nine for SSDA903, seven for the CIN census.
        Assert.Equal(16, json.GetProperty("rules").GetArrayLength());
        Assert.Equal(HttpStatusCode.BadRequest, (await staff.GetAsync("/api/v1/returns/indicators/2015-Q9")).StatusCode);
    }

    [Fact]
    public async Task A_rejected_upload_lists_its_errors_and_leaves_nothing_behind()
    {
        var officer = await app.SignedInClientAsync(Officer);
        var form = await officer.GetStringAsync("/returns/upload");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        string Tables() => string.Join(",", app.Services.CreateScope().ServiceProvider.GetRequiredService<OutturnDbContext>()
            .Set<ReturnImport>().OrderBy(i => i.Id).Select(i => i.Id + ":" + i.RowCount).ToList());
        var before = Tables();
        using var content = new MultipartFormDataContent
        {
            { new StringContent("ssda903"), "kind" },
            { new StringContent("2015/16"), "year" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var header = new StringContent("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nX1,1,01/06/2008,WBRI,UN1,,\n");
        header.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(header, "files", "header.csv");
        var episodes = new StringContent("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nX1,31/04/2015,S,C2,N1,U1,PR1,,,,,,\n");
        content.Add(episodes, "files", "episodes.csv");
        var response = await officer.PostAsync("/returns/upload", content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("episodes.csv:2: DECOM: &quot;31/04/2015&quot; is not a date", html);
        Assert.Equal(before, Tables());
    }
}

public sealed class ReturnsFillWebTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    [Fact]
    public async Task Filling_from_the_page_drafts_the_round_item_and_once_submitted_the_measure_page_shows_how_it_was_computed()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var form = await officer.GetStringAsync("/returns/fill");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await officer.PostAsync("/returns/fill", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["plan"] = "HBC-CYP-2015-16", ["period"] = "2015-16-Q3", ["population"] = "26000", ["__RequestVerificationToken"] = token,
        }));
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Filled as drafts in the round, for their officers to submit", html);
        // Version 2: the Department's denominator (children on short breaks at 31 March left out), docs/statutory-indicators.md.
        Assert.Contains("<code>lac-3plus-placements</code> version 2", html);

        // The figure waits in CED047's draft, attributed, until its officer submits it.
        int itemId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Outturn.Application.Data.OutturnDbContext>();
            var rounds = scope.ServiceProvider.GetRequiredService<Outturn.Application.Rounds.RoundViews>();
            var round = (await rounds.FindAsync("HBC-CYP-2015-16", Outturn.Domain.Periods.Period.Quarter(2015, 3)))!;
            var item = round.Items.Single(i => i.Label.StartsWith("CED047:", StringComparison.Ordinal));
            itemId = item.Id;
            Assert.Equal(Outturn.Domain.Rounds.ItemState.Draft, item.State);
            Assert.StartsWith("Filled from the 2015/16 SSDA903, definition v", item.FilledFrom);
            var edit = await officer.GetStringAsync($"/my-updates/{item.Id}");
            Assert.Contains("Filled from the 2015/16 SSDA903", edit);
            var saved = await scope.ServiceProvider.GetRequiredService<Outturn.Application.Rounds.SaveItem>().HandleAsync(new Outturn.Application.Rounds.SaveItem.Request(round.Id, item.Id, item.Version,
                new Outturn.Domain.Rounds.ItemUpdate(item.Value, Outturn.Domain.Status.ValueStatus.Final, null, null, "Checked against the return.", "From the return.", item.Numerator, item.Denominator),
                true), new Outturn.Application.Rounds.Actor("performance@outturn.example", null, true));
            Assert.IsType<Outturn.Application.Rounds.SaveResult.Saved>(saved);
        }
        var measure = await officer.GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED047");
        Assert.Contains("Computed from statutory returns", measure);
        Assert.Contains("/returns/2015-16-Q3/lac-3plus-placements/children", measure);
        // The public sees how the figure was computed, but no way to the children.
        var anonymous = await app.CreateClient().GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED047");
        Assert.DoesNotContain("/children", anonymous);
    }
}
