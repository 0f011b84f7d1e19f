using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Domain.Governance;
using Outturn.Domain.Periods;

namespace Outturn.Web.Tests.Governance;

/// <summary>
/// The registers read over the API (each in its feature's own API file), on the demo data: boards with their seats,
/// inspections with one or more improvement actions for staff only, promises with their reviews, the engagement
/// register for staff; and the agenda pack taking a round's report only as each reader may have it.
/// </summary>
public sealed class RecordsApiTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private HttpClient Anonymous => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static async Task<JsonElement> JsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task A_boards_members_are_read_with_their_seat_and_term()
    {
        var board = await JsonAsync(app.CreateClient(), "/api/v1/boards/ct-exec");
        var gill = board.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Gill Frame");
        Assert.Equal("partner", gill.GetProperty("seat").GetString());
        Assert.Equal("Halton CCG", gill.GetProperty("organisation").GetString());
        Assert.Equal(JsonValueKind.Null, gill.GetProperty("to").ValueKind);
        var chair = (await JsonAsync(app.CreateClient(), "/api/v1/boards/cyp-ppb")).GetProperty("members")[0];
        Assert.Equal(("councillor", "chair"), (chair.GetProperty("seat").GetString(), chair.GetProperty("role").GetString()));
    }

    [Fact]
    public async Task An_inspections_improvement_actions_are_read_by_staff_and_never_by_the_public()
    {
        var staff = await app.SignedInClientAsync("ann.mcintyre@outturn.example");
        var jar = await JsonAsync(staff, "/api/v1/inspections/JAR-2008");
        var r3 = jar.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("ref").GetString() == "JAR2008-R3");
        var action = Assert.Single(r3.GetProperty("actions").EnumerateArray());
        Assert.Equal("2009-01-22", action.GetProperty("due").GetString()); // six months from 22 July 2008
        Assert.Equal(["HBC-CS-2007-10 CS1c"], action.GetProperty("links").EnumerateArray().Select(l => l.GetString()));

        var open = await JsonAsync(Anonymous, "/api/v1/inspections/JAR-2008");
        Assert.All(open.GetProperty("recommendations").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("actions").ValueKind));
        Assert.Equal("joint_area_review", open.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_engagement_register_is_read_by_staff_and_promises_by_anyone_with_their_reviews()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await Anonymous.GetAsync("/api/v1/engagement-activities")).StatusCode);
        var staff = await app.SignedInClientAsync("director@outturn.example");
        var activities = await JsonAsync(staff, "/api/v1/engagement-activities");
        var healthy = activities.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Our Healthy Halton");
        Assert.False(healthy.GetProperty("response_published").GetBoolean()); // kept from the public page, shown to staff
        var one = await JsonAsync(staff, $"/api/v1/engagement-activities/{healthy.GetProperty("id").GetInt32()}");
        Assert.Equal("Our Healthy Halton", one.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/api/v1/engagement-activities/999999")).StatusCode);

        var promises = await JsonAsync(Anonymous, "/api/v1/promises");
        Assert.Equal(15, promises.GetArrayLength()); // the 2011–14 plan's promises reviewed in the 2014–17 plan
        Assert.All(promises.EnumerateArray(), p => Assert.Equal(JsonValueKind.Array, p.GetProperty("reviews").ValueKind));
    }

    /// <summary>A meeting of the Trust Executive Group with a published agenda whose item takes a quarter's monitoring report.</summary>
    private async Task<int> MeetingTakingAsync(Period quarter, DateOnly date)
    {
        _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var meetings = scope.ServiceProvider.GetRequiredService<MeetingHandlers>();
        var plan = await db.Plans.Where(p => p.Ref == "HBC-CYP-2015-16").Select(p => p.Id).SingleAsync();
        var id = await meetings.ScheduleAsync("ct-exec", new MeetingForm(date, null, null, null, null, null));
        await meetings.AddItemAsync(id, new AgendaItemDetails("3", "Performance report", null, false, null, null, null, LinkedReportKind.MonitoringReport, plan, quarter), null, null);
        await meetings.PublishAgendaAsync(id);
        return id;
    }

    [Fact]
    public async Task A_pack_whose_item_takes_an_open_rounds_report_holds_it_only_for_those_who_may_see_the_draft()
    {
        var id = await MeetingTakingAsync(Period.Quarter(2015, 3), new DateOnly(2016, 2, 9));

        var publicPack = await Anonymous.GetStringAsync($"/api/v1/meetings/{id}/pack.html");
        Assert.Contains("is not yet published", publicPack);
        Assert.DoesNotContain("demonstration", publicPack, StringComparison.OrdinalIgnoreCase); // the open Quarter 3 round's demonstration figures
        var officerPack = await (await app.SignedInClientAsync("performance@outturn.example")).GetStringAsync($"/api/v1/meetings/{id}/pack.html");
        Assert.Contains("demonstration", officerPack, StringComparison.OrdinalIgnoreCase);

        var json = await JsonAsync(Anonymous, $"/api/v1/meetings/{id}/pack");
        var takes = json.GetProperty("part_i")[0].GetProperty("takes");
        Assert.Equal(("monitoring_report", "2015/16 Q3", "/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q3"),
            (takes.GetProperty("kind").GetString(), takes.GetProperty("period").GetString(), takes.GetProperty("address").GetString()));
    }

    [Fact]
    public async Task A_pack_whose_item_takes_the_published_Quarter_2_report_holds_it_for_anyone()
    {
        var id = await MeetingTakingAsync(Period.Quarter(2015, 2), new DateOnly(2016, 1, 12));
        var pack = await Anonymous.GetStringAsync($"/api/v1/meetings/{id}/pack.html");
        Assert.Contains("role and function of childrens centres", pack); // Quarter 2's emerging issues, as published
        Assert.DoesNotContain("is not yet published", pack);
    }
}

/// <summary>The same reads on PostgreSQL, the production store, with the demo loaded at start.</summary>
public sealed class RecordsApiOnPostgresTests : IAsyncLifetime
{
    private readonly Outturn.Web.Tests.Hosting.PostgresDatabase _database = new();
    private Outturn.Web.Tests.Hosting.PostgresOutturnApp _app = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _app = new Outturn.Web.Tests.Hosting.PostgresOutturnApp(_database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Boards_inspections_promises_and_engagement_read_the_same_on_PostgreSQL()
    {
        var anonymous = _app.CreateClient();
        var staff = await _app.SignedInClientAsync("ann.mcintyre@outturn.example");

        // The demo's Trust Executive Group: Gill Frame sits for Halton CCG, with no end to her term.
        var board = JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/boards/ct-exec")).RootElement;
        var gill = board.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Gill Frame");
        Assert.Equal(("partner", "Halton CCG"), (gill.GetProperty("seat").GetString(), gill.GetProperty("organisation").GetString()));

        // JAR 2008's third recommendation: one action, due six months from the report of 22 July 2008, linked to CS1c.
        var jar = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/inspections/JAR-2008")).RootElement;
        var r3 = jar.GetProperty("recommendations").EnumerateArray().Single(r => r.GetProperty("ref").GetString() == "JAR2008-R3");
        var action = Assert.Single(r3.GetProperty("actions").EnumerateArray());
        Assert.Equal("2009-01-22", action.GetProperty("due").GetString());
        Assert.Equal(["HBC-CS-2007-10 CS1c"], action.GetProperty("links").EnumerateArray().Select(l => l.GetString()));

        // The 2011–14 plan's fifteen promises; the engagement register for staff, "Our Healthy Halton" not yet published.
        Assert.Equal(15, JsonDocument.Parse(await anonymous.GetStringAsync("/api/v1/promises")).RootElement.GetArrayLength());
        var activities = JsonDocument.Parse(await staff.GetStringAsync("/api/v1/engagement-activities")).RootElement;
        var healthy = activities.EnumerateArray().Single(a => a.GetProperty("title").GetString() == "Our Healthy Halton");
        Assert.False(healthy.GetProperty("response_published").GetBoolean());
    }
}
