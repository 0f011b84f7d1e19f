using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outturn.Web.Tests.Rounds;

/// <summary>The push API's answers over HTTP, on the demo's open Quarter 3 round.</summary>
public sealed class PushApiTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private const string Round = "/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3";

    private static async Task<JsonElement> ItemAsync(HttpClient client, string itemRef)
    {
        var items = await client.GetFromJsonAsync<JsonElement>(Round + "/items");
        return items.EnumerateArray().Single(i => i.GetProperty("ref").GetString() == itemRef);
    }

    [Fact]
    public async Task A_push_is_refused_with_403_409_and_422_as_the_contract_says()
    {
        // A system pushing figures calls with the officer's personal access token.
        var ann = await app.TokenClientAsync("ann.mcintyre@outturn.example");
        var ced005 = await ItemAsync(ann, "CED005");
        Assert.Equal("measure", ced005.GetProperty("kind").GetString());
        Assert.Equal("Ann McIntyre", ced005.GetProperty("assignee").GetString());
        var version = ced005.GetProperty("version").GetInt32();

        // CED033 is Tracey Coffey's.
        var notHers = await ann.PutAsJsonAsync(Round + "/items/CED033", new { value = 80, status = "final", submit = true, version = (await ItemAsync(ann, "CED033")).GetProperty("version").GetInt32() });
        Assert.Equal(HttpStatusCode.Forbidden, notHers.StatusCode);

        // 5,850 after 585 is a rise of 900%: unusual, and refused on submitting without a reason.
        var unusual = await ann.PutAsJsonAsync(Round + "/items/CED005", new { value = 5850, status = "final", submit = true, version });
        Assert.Equal((HttpStatusCode)422, unusual.StatusCode);
        var problem = await unusual.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        Assert.Equal("unusual_change", problem.GetProperty("warnings")[0].GetProperty("code").GetString());

        // A number with 38 digits cannot be a figure: the checks say so, naming the field, instead of a bare 400.
        var huge = await ann.PutAsync(Round + "/items/CED005", new StringContent($"{{\"value\": 12345678901234567890123456789012345678, \"status\": \"final\", \"version\": {version}}}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal((HttpStatusCode)422, huge.StatusCode);
        Assert.Equal("The value has more than 12 digits before the decimal point; no figure of a measure is that large.",
            (await huge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("value")[0].GetString());

        var negative = await ann.PutAsJsonAsync(Round + "/items/CED005", new { value = -5, status = "final", submit = true, version });
        Assert.Equal((HttpStatusCode)422, negative.StatusCode);
        Assert.Equal("-5 is a negative count; a count cannot be below 0.", (await negative.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("value")[0].GetString());

        var saved = await ann.PutAsJsonAsync(Round + "/items/CED005", new { value = 612, status = "final", commentary = "Take-up rose to 612.", submit = true, version });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var item = await saved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("submitted", item.GetProperty("state").GetString());
        Assert.Equal(version + 1, item.GetProperty("version").GetInt32());

        var stale = await ann.PutAsJsonAsync(Round + "/items/CED005", new { value = 613, status = "final", submit = true, version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task Opening_a_round_twice_and_sending_back_without_a_reason_are_409s_that_say_why()
    {
        var officer = await app.TokenClientAsync("performance@outturn.example");
        var again = await officer.PostAsJsonAsync(Round + "/open", new { deadline = "2016-01-15" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already exists", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        var director = await app.TokenClientAsync("director@outturn.example");
        // Sending back a round that is not in review is refused as a conflict, saying why.
        var noReason = await director.PostAsJsonAsync(Round + "/send-back", new { reason = "" });
        Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
    }
}
