using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Inspections;
using Outturn.Domain.Governance;
using Outturn.Domain.Inspections;

namespace Outturn.Web.Tests.Governance;

/// <summary>
/// Part II items and unpublished records, asked for anonymously through the pages and the API; the inspection
/// action plan section on the quarterly monitoring page. Demo data from 004 (4 January 2016 agenda).
/// </summary>
public sealed class GovernanceWebTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private const string ExemptTitle = "CHILDREN'S HOME PLACEMENT CONTRACT";

    private async Task<int> PpbMeetingWithAPartIIItemAsync()
    {
        _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var meeting = await db.Set<Meeting>().SingleAsync(m => m.Date == new DateOnly(2016, 1, 4));
        if (!await db.Set<AgendaItem>().AnyAsync(i => i.MeetingId == meeting.Id && i.IsExempt))
        {
            db.Add(new AgendaItem
            {
                MeetingId = meeting.Id, Order = 99, Number = "8", Title = ExemptTitle, IsExempt = true, PageFrom = 72, PageTo = 80,
                Report = new CoverReport { Subject = "Exempt placement contract terms", Purpose = "Commercially sensitive terms of a placement." },
            });
            var action = new ActionItem { MeetingId = meeting.Id, Text = "Negotiate the exempt contract terms", Owner = "MD", Status = ActionStatus.Open };
            db.Add(action);
            await db.SaveChangesAsync();
            action.AgendaItemId = (await db.Set<AgendaItem>().SingleAsync(i => i.MeetingId == meeting.Id && i.IsExempt)).Id;
            // The chair approved the minutes, and they were published, as the demo's older meetings were.
            meeting.RecordPublication(meeting.AgendaPublishedAt, DateTimeOffset.UtcNow, "Mark Dennett", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        return meeting.Id;
    }

    [Theory]
    [InlineData("/meetings/{0}")]
    [InlineData("/meetings/{0}/pack")]
    [InlineData("/api/v1/meetings/{0}")]
    [InlineData("/api/v1/meetings/{0}/pack")]
    [InlineData("/api/v1/meetings/{0}/pack.html")]
    [InlineData("/boards/cyp-ppb")]
    [InlineData("/api/v1/boards/cyp-ppb")]
    public async Task Part_II_items_never_reach_anonymous_visitors(string template)
    {
        var id = await PpbMeetingWithAPartIIItemAsync();
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, id));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("PLACEMENT CONTRACT", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exempt contract", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Commercially sensitive", body);
    }

    [Theory]
    [InlineData("performance@outturn.example")]
    [InlineData("councillor@outturn.example")] // linked to the chairman's seat of this board
    public async Task Officers_and_the_boards_own_members_see_Part_II_items(string email)
    {
        var id = await PpbMeetingWithAPartIIItemAsync();
        var client = await app.SignedInClientAsync(email);
        Assert.Contains("PLACEMENT CONTRACT", await client.GetStringAsync($"/meetings/{id}/pack"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("PLACEMENT CONTRACT", await client.GetStringAsync($"/api/v1/meetings/{id}/pack"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_contributor_without_a_seat_does_not_see_Part_II_items()
    {
        var id = await PpbMeetingWithAPartIIItemAsync();
        var client = await app.SignedInClientAsync("ann.mcintyre@outturn.example");
        Assert.DoesNotContain("PLACEMENT CONTRACT", await client.GetStringAsync($"/api/v1/meetings/{id}/pack"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_meeting_whose_agenda_is_not_published_is_refused_to_anonymous_visitors()
    {
        _ = app.CreateClient();
        int id;
        using (var scope = app.Services.CreateScope())
            id = await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<Meeting>().Where(m => m.Date == new DateOnly(2015, 12, 1)).Select(m => m.Id).SingleAsync();
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/meetings/{id}")).StatusCode);
        var page = await anonymous.GetAsync($"/meetings/{id}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/sign-in", page.Headers.Location!.ToString());
    }

    [Fact]
    public async Task The_quarterly_monitoring_page_shows_an_overdue_recommendation_action_in_its_inspection_section()
    {
        _ = app.CreateClient();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            if (!await db.Set<Inspection>().AnyAsync(i => i.Ref == "SIF-2014"))
            {
                // Published 5 January 2015: "within six months" falls due on 5 July 2015, before Quarter 2 2015/16 ends.
                db.Add(new Inspection
                {
                    Ref = "SIF-2014", Type = InspectionType.SingleInspection, Title = "Single inspection of children's services", Inspectorates = "Ofsted",
                    PublishedOn = new DateOnly(2015, 1, 5), IsPublished = true,
                    Recommendations = { new Recommendation { Ref = "R1", Timescale = RecommendationTimescale.WithinSixMonths, ResponsibleBody = "The local authority", Text = "Ensure that return interviews are offered to every child who goes missing", Order = 1 } },
                });
                await db.SaveChangesAsync();
                var service = scope.ServiceProvider.GetRequiredService<InspectionService>();
                await service.EnsureActionsAsync("SIF-2014", "Tracey Coffey");
                var actionId = await db.Set<ImprovementAction>().Where(a => a.Recommendation!.Text.StartsWith("Ensure that return interviews")).Select(a => a.Id).SingleAsync();
                await service.LinkAsync(actionId, "HBC-CYP-2015-16", "CED01a");
            }
        }
        var html = await app.CreateClient().GetStringAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");

        var section = html[html.IndexOf("id=\"inspection-action-plan\"", StringComparison.Ordinal)..html.IndexOf("id=\"symbols\"", StringComparison.Ordinal)];
        Assert.Contains("Ensure that return interviews are offered to every child who goes missing", section);
        Assert.Contains("5 July 2015", section);
        Assert.Contains("Overdue", section);
        Assert.Contains("CED01a", section);
    }

    [Fact]
    public async Task The_public_you_said_we_did_page_lists_published_responses_only()
    {
        var html = await app.CreateClient().GetStringAsync("/you-said-we-did");
        Assert.Contains("Halebank Community Centre", html); // 003, Bambino's Parent Group
        Assert.DoesNotContain("Our Healthy Halton", html);
    }

    [Fact]
    public async Task The_pack_and_board_API_answer_in_snake_case_with_the_agenda_and_the_chairs_overdue_list()
    {
        var id = await PpbMeetingWithAPartIIItemAsync();
        var client = app.CreateClient();

        using var pack = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/v1/meetings/{id}/pack"));
        var partI = pack.RootElement.GetProperty("part_i");
        Assert.Equal(13, partI.GetArrayLength()); // items 1-7(A) of the agenda (docs/sources.md §2.1)
        Assert.Equal(0, pack.RootElement.GetProperty("part_ii").GetArrayLength());
        Assert.Equal("52 - 71", partI[12].GetProperty("pages").GetString());

        using var board = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/v1/boards/ct-exec"));
        var overdue = board.RootElement.GetProperty("overdue").EnumerateArray().Select(a => (a.GetProperty("item").GetString(), a.GetProperty("status").GetString())).ToList();
        Assert.Equal([("2.4", "open"), ("2.2", "open")], overdue);
    }

    [Fact]
    public async Task A_performance_officer_publishes_an_agenda_then_its_minutes_and_the_public_then_sees_the_meeting()
    {
        _ = app.CreateClient();
        int id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            var meeting = new Meeting { BoardId = await db.Set<Board>().Where(b => b.Ref == "ct-exec").Select(b => b.Id).SingleAsync(), Date = new DateOnly(2016, 3, 8) };
            db.Add(meeting);
            await db.SaveChangesAsync();
            id = meeting.Id;
        }
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        // State-changing API calls come from API clients with a token (a cookie call also needs the anti-forgery header).
        var officer = app.CreateClient();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            var secret = Outturn.Application.Accounts.ApiToken.NewSecret();
            db.Add(new Outturn.Application.Accounts.ApiToken
            {
                UserId = (await db.Users.SingleAsync(u => u.Email == "performance@outturn.example")).Id, Name = "Publishing", Hash = Outturn.Application.Accounts.ApiToken.HashOf(secret),
                Prefix = secret[..8], CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "tests",
            });
            await db.SaveChangesAsync();
            officer.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        }
        var councillor = await app.SignedInClientAsync("councillor@outturn.example");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/meetings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await councillor.PostAsync($"/api/v1/meetings/{id}/publish?what=agenda", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync($"/api/v1/meetings/{id}/publish?what=minutes", null)).StatusCode); // agenda first
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/v1/meetings/{id}/publish?what=agenda", null)).StatusCode);

        using var json = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync($"/api/v1/meetings/{id}"));
        Assert.True(json.RootElement.GetProperty("agenda_published").GetBoolean());
        Assert.False(json.RootElement.GetProperty("minutes_published").GetBoolean());
    }
}
