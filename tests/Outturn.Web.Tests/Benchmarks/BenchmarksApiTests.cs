using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outturn.Web.Tests.Benchmarks;

/// <summary>Expected comparators from the Q2 2015/16 report's chart tables (docs/sources.md §2.5).</summary>
public sealed class BenchmarksApiTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task The_councils_position_for_CED036_shows_England_the_North_West_and_the_neighbours()
    {
        var p = await _client.GetFromJsonAsync<JsonElement>("/api/v1/benchmarks/CED036/FY-2014-15");

        Assert.Equal("E06000006", p.GetProperty("area").GetString());
        Assert.Equal(16.8m, p.GetProperty("value").GetDecimal());
        Assert.Equal(15m, p.GetProperty("england").GetDecimal());
        Assert.Equal(15m, p.GetProperty("region").GetDecimal());
        Assert.Equal(14m, p.GetProperty("neighbours_average").GetDecimal());
        Assert.Equal(10, p.GetProperty("neighbours_count").GetInt32());
        Assert.Equal(150, p.GetProperty("of").GetInt32());
        Assert.InRange(p.GetProperty("quartile").GetInt32(), 1, 4);
    }

    [Fact]
    public async Task Halton_has_ten_statistical_neighbours()
    {
        var n = await _client.GetFromJsonAsync<JsonElement>("/api/v1/areas/E06000006/neighbours");
        Assert.Equal(10, n.GetProperty("neighbours").GetArrayLength());
    }

    [Fact]
    public async Task An_unknown_indicator_or_area_is_404_and_a_malformed_period_400()
    {
        var unknown = await _client.GetAsync("/api/v1/benchmarks/NOPE/FY-2015-16");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync("/api/v1/benchmarks/CED033/FY-2015-16?area=E09999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync("/api/v1/benchmarks/CED033/Q5-2015")).StatusCode);
    }
}
