using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Outturn.Web.Tests.Plans;

/// <summary>Changing a plan over HTTP: who may, and how a stale or unexplained change is refused.</summary>
public sealed partial class PlanEditingWebTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private const string Plan = "/api/v1/plans/HBC-CYP-2015-16";

    /// <summary>A signed-in client whose API calls carry the anti-forgery token, as a page's script would send it.</summary>
    private async Task<HttpClient> ClientAsync(string email)
    {
        var client = await app.SignedInClientAsync(email);
        // The account page always has a form, so its anti-forgery token is there for the API calls (docs/decisions/0010).
        client.DefaultRequestHeaders.Add("RequestVerificationToken", Token(await client.GetStringAsync("/account")));
        return client;
    }

    private static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private static async Task<int> RevisionAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>(Plan + "/versions")).GetProperty("revision").GetInt32();

    [Theory]
    [InlineData("ann.mcintyre@outturn.example")]
    [InlineData("councillor@outturn.example")]
    [InlineData("director@outturn.example")]
    public async Task Contributors_board_members_and_approvers_cannot_change_a_plan(string email)
    {
        var client = await ClientAsync(email);
        var revision = await RevisionAsync(client);

        var put = await client.PutAsJsonAsync(Plan + "/indicators/CED047/targets", new { revision, targets = new[] { new { period = "2015/16", target = "5" } }, reason = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        var retire = await client.PostAsJsonAsync(Plan + "/indicators/CED036/retire", new { revision, reason = "mine" });
        Assert.Equal(HttpStatusCode.Forbidden, retire.StatusCode);

        // Nor through the pages: the editing page refuses them, and a form posted to it changes nothing.
        var page = await client.GetAsync("/plans/HBC-CYP-2015-16/edit");
        Assert.True(page.StatusCode == HttpStatusCode.Forbidden || page.Headers.Location?.ToString().Contains("/errors/403") == true, $"{(int)page.StatusCode} {page.Headers.Location}");
        var form = await client.PostAsync("/plans/HBC-CYP-2015-16/edit/measure/CED036?handler=retire", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["SeenRevision"] = revision.ToString(System.Globalization.CultureInfo.InvariantCulture), ["__RequestVerificationToken"] = Token(await client.GetStringAsync("/")),
        }));
        Assert.True(form.StatusCode == HttpStatusCode.Forbidden || form.Headers.Location?.ToString().Contains("/errors/403") == true, $"{(int)form.StatusCode} {form.Headers.Location}");
        Assert.Equal(revision, await RevisionAsync(client));
    }

    [Fact]
    public async Task Anonymous_callers_are_asked_to_sign_in()
    {
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var put = await anonymous.PutAsJsonAsync(Plan + "/indicators/CED047/targets", new { revision = 0, targets = Array.Empty<object>() });
        Assert.Equal(HttpStatusCode.Unauthorized, put.StatusCode);
        var page = await anonymous.GetAsync("/plans/new");
        Assert.Contains("/sign-in", page.Headers.Location?.ToString());
    }

    [Fact]
    public async Task A_performance_officer_changes_a_target_with_a_reason_and_a_stale_revision_is_refused()
    {
        var officer = await ClientAsync("performance@outturn.example");
        var revision = await RevisionAsync(officer);
        var versions = (await officer.GetFromJsonAsync<JsonElement>(Plan + "/versions")).GetProperty("versions");
        Assert.Equal(1, versions.GetArrayLength());
        Assert.Equal("held", versions[0].GetProperty("kind").GetString());

        // 2015/16 began long ago: an approved plan's target for it changes only with a reason.
        var unexplained = await officer.PutAsJsonAsync(Plan + "/indicators/CED047/targets", new { revision, targets = new[] { new { period = "2015/16", target = "5" } } });
        Assert.Equal(HttpStatusCode.BadRequest, unexplained.StatusCode);
        Assert.Equal("2015/16 began on 1 April 2015: say why the target for CED047 in 2015/16 is changing.",
            (await unexplained.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var notANumber = await officer.PutAsJsonAsync(Plan + "/indicators/CED047/targets", new { revision, targets = new[] { new { period = "2015/16", target = "5%" } }, reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Contains("without the %", await notANumber.Content.ReadAsStringAsync());

        var saved = await officer.PutAsJsonAsync(Plan + "/indicators/CED047/targets", new { revision, targets = new[] { new { period = "2015/16", target = "5" } }, reason = "agreed at the mid-year review" });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var stale = await officer.PostAsJsonAsync(Plan + "/indicators/CED036/retire", new { revision, reason = "no longer reported" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var after = await officer.GetFromJsonAsync<JsonElement>(Plan + "/versions");
        Assert.Equal(revision + 1, after.GetProperty("revision").GetInt32());
        Assert.Equal("1 target changed", after.GetProperty("versions")[0].GetProperty("summary").GetString());
        Assert.Equal(2, after.GetProperty("versions")[0].GetProperty("number").GetInt32());
        var detail = await officer.GetFromJsonAsync<JsonElement>(Plan + "/indicators/CED047");
        Assert.Contains(detail.GetProperty("targets").EnumerateArray(), t => t.GetProperty("period").GetString() == "2015/16" && t.GetProperty("target").GetDecimal() == 5m);

        // The measure's history says who changed it, from what to what, and why.
        var history = await officer.GetStringAsync("/plans/HBC-CYP-2015-16/edit/measure/CED047/targets");
        Assert.Contains("Target for 2015/16 changed from 5.4% to 5.0% by ", history);
        Assert.Contains(": agreed at the mid-year review", history);
    }
}
