using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outturn.Web.Tests.Plans;

public sealed class PlansApiTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_api_lists_the_demo_plans()
    {
        var plans = await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans");
        var refs = plans.EnumerateArray().Select(p => p.GetProperty("ref").GetString()).ToList();
        Assert.Equal(["HBC-BP-2016-19", "HBC-CS-2007-10", "HBC-CYP-2015-16", "HBC-CYPP-2006-09"], refs);
    }

    [Fact]
    public async Task A_plans_objectives_milestones_and_indicators_are_available()
    {
        var objectives = await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans/HBC-BP-2016-19/objectives");
        Assert.Equal(["PED01", "PED02", "PED03", "PED04", "PED05", "PED06", "PED07"], objectives.EnumerateArray().Select(o => o.GetProperty("ref").GetString()));

        var milestones = await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans/HBC-CYP-2015-16/milestones");
        var ced08e = milestones.EnumerateArray().Single(m => m.GetProperty("ref").GetString() == "CED08e");
        Assert.Equal("CED08", ced08e.GetProperty("objective").GetString());

        var indicators = await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans/HBC-CYP-2015-16/indicators");
        Assert.Equal(68, indicators.GetArrayLength());
    }

    [Fact]
    public async Task An_indicators_targets_and_values_are_available()
    {
        // The business plan's PED001 targets: 88%, 89%, 90% for 2016/17 to 2018/19 (docs/sources.md §2.3).
        var detail = await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans/HBC-BP-2016-19/indicators/PED001");
        var targets = detail.GetProperty("targets").EnumerateArray().Select(t => (t.GetProperty("period").GetString(), t.GetProperty("target").GetDecimal())).ToList();
        Assert.Equal([("2016/17", 88m), ("2017/18", 89m), ("2018/19", 90m)], targets);
    }

    [Fact]
    public async Task The_status_endpoint_gives_the_same_content_as_the_status_command()
    {
        var lines = await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans/HBC-CYP-2015-16/status/2015-16-Q2");
        var ced033 = lines.EnumerateArray().Single(l => l.GetProperty("ref").GetString() == "CED033");
        Assert.Equal(95m, ced033.GetProperty("target").GetDecimal());
        Assert.Equal(75m, ced033.GetProperty("current").GetDecimal());
        Assert.Equal(JsonValueKind.Null, ced033.GetProperty("previous").ValueKind);
        Assert.Equal("red", ced033.GetProperty("progress").GetString());
        Assert.Equal("na", ced033.GetProperty("direction").GetString());
        Assert.Equal("amber", ced033.GetProperty("final_progress").GetString());
    }

    [Fact]
    public async Task The_monitoring_endpoint_follows_the_report_order()
    {
        var response = await _client.GetFromJsonAsync<JsonElement>("/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");
        Assert.Equal("published", response.GetProperty("round").GetProperty("state").GetString());
        var m = response.GetProperty("report");
        Assert.Equal("Quarter 2, 01 July 2015 – 30 September 2015", m.GetProperty("reporting_period").GetString());
        var p2 = m.GetProperty("priorities")[1];
        Assert.Equal(["CED033", "CED036", "CED047"], p2.GetProperty("key_measures").EnumerateArray().Select(k => k.GetProperty("ref").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/plans/NO-SUCH-PLAN", 404, "NO-SUCH-PLAN")]
    [InlineData("/api/v1/plans/HBC-CYP-2015-16/indicators/CED999", 404, "CED999")]
    [InlineData("/api/v1/plans/NO-SUCH-PLAN/status/2015-16-Q2", 404, "NO-SUCH-PLAN")]
    [InlineData("/api/v1/plans/HBC-CYP-2015-16/status/2015-16-Q9", 400, "Accepted forms")]
    [InlineData("/api/v1/plans/HBC-CYP-2015-16/monitoring/next-tuesday", 400, "2015/16 Q2")]
    public async Task Bad_requests_get_a_problem_document_naming_what_was_wrong(string url, int status, string mentioned)
    {
        var response = await _client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(mentioned, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_endpoints()
    {
        var doc = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/plans/{planRef}/status/{period}", paths);
        Assert.Contains("/api/v1/plans/{planRef}/indicators/{indicatorRef}", paths);
    }

    [Theory]
    [InlineData("/plans/NO-SUCH-PLAN", HttpStatusCode.NotFound, "No plan has the reference")]
    [InlineData("/plans/HBC-CYP-2015-16/indicators/CED999", HttpStatusCode.NotFound, "has no measure with the reference")]
    [InlineData("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q9", HttpStatusCode.BadRequest, "Accepted forms")]
    [InlineData("/plans/HBC-CYP-2015-16/monitoring/2019-20-Q1", HttpStatusCode.NotFound, "does not cover Quarter 1 2019/20")]
    [InlineData("/no/such/page", HttpStatusCode.NotFound, "Page not found")]
    public async Task Bad_addresses_get_a_page_that_says_what_is_wrong_and_no_stack_trace(string url, HttpStatusCode status, string mentioned)
    {
        var response = await _client.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(mentioned, html);
        Assert.DoesNotContain("Exception", html);
        Assert.DoesNotContain(" at Outturn.", html);
    }
}
