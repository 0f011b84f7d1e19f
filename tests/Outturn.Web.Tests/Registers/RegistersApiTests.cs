using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Outturn.Web.Tests.Registers;

/// <summary>Finance, risk and equality endpoints and pages, in memory against the demo data (the Q2 2015/16 report, docs/sources.md §2.5).</summary>
public sealed class RegistersApiTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private HttpClient? _signedIn;

    /// <summary>Registers, the dashboard and uploads are for staff: the performance officer sees them all.</summary>
    private async Task<HttpClient> Client() => _signedIn ??= await app.SignedInClientAsync("performance@outturn.example");

    [Fact]
    public async Task The_finance_endpoint_returns_the_same_summary_as_the_command_line()
    {
        var s = await (await Client()).GetFromJsonAsync<JsonElement>("/api/v1/finance/Education%2C%20Inclusion%20and%20Provision/2015-16-Q2");

        var recharges = s.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("total").GetString() == "Total Recharges");
        Assert.Equal(7369m, recharges.GetProperty("annual_budget").GetDecimal());                        // 205 + 296 + 1,851 + 5,017
        Assert.Equal(7368m, recharges.GetProperty("printed").GetProperty("annual_budget").GetDecimal()); // as printed
        Assert.Equal("rounding-difference", recharges.GetProperty("check").GetString());
        Assert.Equal(2706m, s.GetProperty("capital").GetProperty("total").GetProperty("annual_budget").GetDecimal());
    }

    [Fact]
    public async Task Unknown_departments_and_malformed_periods_are_problem_details()
    {
        var unknown = await (await Client()).GetAsync("/api/v1/finance/Nowhere/2015-16-Q2");
        var malformed = await (await Client()).GetAsync("/api/v1/finance/Children%20and%20Families/half-two");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task The_risks_endpoint_filters_by_band_of_the_initial_score()
    {
        var risks = await (await Client()).GetFromJsonAsync<JsonElement>("/api/v1/risks?band=high&assessment=initial&directorate=Children%20and%20Families");

        Assert.Equal(["CYP-R01", "CYP-R02"], risks.EnumerateArray().Select(r => r.GetProperty("ref").GetString()));
        var r01 = risks[0];
        Assert.Equal(16, r01.GetProperty("initial").GetProperty("score").GetInt32());
        Assert.Equal("medium", r01.GetProperty("residual").GetProperty("band").GetString());
        Assert.True(r01.GetProperty("overdue_for_review").GetBoolean()); // reviewed by 31 December 2015
    }

    [Fact]
    public async Task The_equality_endpoint_lists_the_high_actions()
    {
        var actions = await (await Client()).GetFromJsonAsync<JsonElement>("/api/v1/equality-actions?impact=high");

        Assert.Equal(6, actions.GetArrayLength());
        Assert.All(actions.EnumerateArray(), a => Assert.Equal("high", a.GetProperty("impact").GetString()));
    }

    [Fact]
    public async Task The_monitoring_page_carries_the_risk_equality_and_finance_sections_before_the_symbols()
    {
        var html = await (await Client()).GetStringAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");

        var risks = html.IndexOf("id=\"risk-control-measures\"", StringComparison.Ordinal);
        var equality = html.IndexOf("id=\"equality-actions\"", StringComparison.Ordinal);
        var finance = html.IndexOf("id=\"financial-summaries\"", StringComparison.Ordinal);
        var symbols = html.IndexOf("id=\"symbols\"", StringComparison.Ordinal);
        Assert.True(risks > 0 && risks < equality && equality < finance && finance < symbols, $"{risks} {equality} {finance} {symbols}");
        Assert.Contains("Risk Assessment for Key Service Objectives initially assessed as High", html);
        Assert.Contains("19,233", html);  // C&F Net Expenditure annual budget
        Assert.Contains("(1,076)", html); // its variance to date
    }

    [Fact]
    public async Task The_dashboard_lists_risks_overdue_for_review()
    {
        var html = await (await Client()).GetStringAsync("/dashboard");

        Assert.Contains("Risks overdue for review", html);
        // The demo's dashboard stands at 4 January 2016: the 2007/08 register's risks were due for review on
        // 31 December 2007; the 2015/16 plan's are not due until 31 March 2016 (risks.csv).
        var overdue = html[html.IndexOf("id=\"risks-overdue\"", StringComparison.Ordinal)..];
        Assert.Contains("CS-R01", overdue);
        Assert.DoesNotContain("CYP-R01", overdue);
    }
}
