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
        var ann = await app.SignedInClientAsync("ann.mcintyre@outturn.example");
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
}
