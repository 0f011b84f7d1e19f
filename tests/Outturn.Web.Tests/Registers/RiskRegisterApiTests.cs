using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;
using Outturn.Web.Tests.Hosting;

namespace Outturn.Web.Tests.Registers;

/// <summary>
/// The risk and equality reads of /api/v1 and the monitoring page's frozen sections, against the demo: its risks are
/// scored in Quarters 1 to 3 of 2015/16 and its equality actions updated (invented, see Demo/risks and Demo/equality).
/// </summary>
public sealed class RiskRegisterApiTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private HttpClient? _signedIn;

    private async Task<HttpClient> Client() => _signedIn ??= await app.SignedInClientAsync("performance@outturn.example");

    [Fact]
    public async Task A_risk_reads_with_its_score_history_and_direction_of_travel()
    {
        var r01 = await (await Client()).GetFromJsonAsync<JsonElement>("/api/v1/risks/CYP-R01");

        var history = r01.GetProperty("score_history").EnumerateArray().ToList();
        // Residual 4 × 3, 4 × 3, 3 × 3: the same at Quarter 2, better at Quarter 3.
        Assert.Equal(["2015/16 Q1", "2015/16 Q2", "2015/16 Q3"], history.Select(h => h.GetProperty("period").GetString()));
        Assert.Equal([12, 12, 9], history.Select(h => h.GetProperty("residual").GetProperty("score").GetInt32()));
        Assert.Equal(["not_applicable", "same", "better"], history.Select(h => h.GetProperty("direction").GetString()));
        Assert.Equal(6, r01.GetProperty("target").GetProperty("score").GetInt32()); // 2 × 3
        Assert.Equal("open", r01.GetProperty("state").GetString());
        Assert.Equal("2015/16 Q3", r01.GetProperty("scored_in").GetString());
    }

    [Fact]
    public async Task The_register_reads_as_it_stood_at_a_quarter()
    {
        var atQ2 = await (await Client()).GetFromJsonAsync<JsonElement>("/api/v1/risks?period=2015-16-Q2&directorate=Children%20and%20Families");
        var r02 = atQ2.EnumerateArray().Single(r => r.GetProperty("ref").GetString() == "CYP-R02");

        Assert.Equal(12, r02.GetProperty("residual").GetProperty("score").GetInt32()); // 4 × 3 at Quarter 2
        Assert.Equal("worse", r02.GetProperty("direction").GetString());             // from 9 at Quarter 1
        var annual = await (await Client()).GetAsync("/api/v1/risks?period=2015/16");
        Assert.Equal(HttpStatusCode.BadRequest, annual.StatusCode);
        Assert.Equal("application/problem+json", annual.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_equality_action_reads_with_its_characteristics_progress_and_completion()
    {
        var eq2 = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/equality-actions/CYP-EQ2");

        Assert.Equal(["disability"], eq2.GetProperty("strands").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal("2015-12-18", eq2.GetProperty("completed_on").GetString());
        Assert.Equal(["2015/16 Q2", "2015/16 Q3"], eq2.GetProperty("progress").EnumerateArray().Select(p => p.GetProperty("period").GetString()));
        var medium = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/equality-actions?impact=medium");
        Assert.Equal(["CS-EQ4"], medium.EnumerateArray().Select(a => a.GetProperty("ref").GetString()));
        var missing = await app.CreateClient().GetAsync("/api/v1/equality-actions/NOPE");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_published_quarter_2_monitoring_page_shows_the_sections_frozen_with_it()
    {
        // After publication, CYP-R04's Quarter 2 residual score is corrected from 3 × 3 to 2 × 2.
        using (var scope = app.Services.CreateScope())
        {
            var risk = (await scope.ServiceProvider.GetRequiredService<RiskQuery>().RiskAsync("CYP-R04"))!;
            await scope.ServiceProvider.GetRequiredService<ScoreRisk>().HandleAsync(
                new ScoreRiskCommand("CYP-R04", risk.Version, Period.Quarter(2015, 2), new RiskScores(risk.AssessmentAt(Period.Quarter(2015, 2))!.Initial, new RiskScore(2, 2), null), null, "Corrected"));
        }

        var html = await app.CreateClient().GetStringAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");

        var section = html[html.IndexOf("id=\"risk-control-table\"", StringComparison.Ordinal)..html.IndexOf("id=\"equality-actions\"", StringComparison.Ordinal)];
        Assert.Contains("initial 12 (high), residual 9 (medium), target 6 (medium)", section); // 3 × 4, 3 × 3, 2 × 3
        Assert.DoesNotContain("residual 4 (low)", section);
    }
}

/// <summary>The same reads on PostgreSQL, the production store, with the demo loaded at start.</summary>
public sealed class RiskRegisterApiOnPostgresTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private PostgresOutturnApp _app = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _app = new PostgresOutturnApp(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_risks_score_history_and_an_equality_actions_progress_read_the_same_on_PostgreSQL()
    {
        var staff = await _app.SignedInClientAsync("performance@outturn.example");

        var r02 = await staff.GetFromJsonAsync<JsonElement>("/api/v1/risks/CYP-R02");
        var eq1 = await _app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/equality-actions/CYP-EQ1");

        // Residual 3 × 3, 4 × 3, 3 × 3 (Demo/risks/scores.csv).
        Assert.Equal([9, 12, 9], r02.GetProperty("score_history").EnumerateArray().Select(h => h.GetProperty("residual").GetProperty("score").GetInt32()));
        Assert.Equal(["not_applicable", "worse", "better"], r02.GetProperty("score_history").EnumerateArray().Select(h => h.GetProperty("direction").GetString()));
        Assert.Equal(["amber", "amber"], eq1.GetProperty("progress").EnumerateArray().Select(p => p.GetProperty("progress").GetString()));
        Assert.Equal(["socio_economic_disadvantage"], eq1.GetProperty("strands").EnumerateArray().Select(s => s.GetString()));
    }
}
