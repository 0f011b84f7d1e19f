using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Domain.Governance;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Web.Security;

namespace Outturn.Web.Tests.Security;

/// <summary>
/// The matrix's second dimension: what a route shows of rounds not yet published and of Part II items, and which
/// one rule it applies. A route missing from <see cref="DraftRules"/> fails; a route that admits someone who may
/// not see drafts (or Part II) must have a sample of draft (or Part II) content, and that sample is checked.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    public enum DraftRule
    {
        /// <summary>Shows no figure or commentary of a round not yet published and no Part II item.</summary>
        None,
        /// <summary>Round content through <see cref="Outturn.Application.Accounts.Viewer.CanSeeDraft"/> (the monitoring page's rule).</summary>
        CanSeeDraft,
        /// <summary>Round content, but the route's policy admits only those who may see drafts at every stage.</summary>
        PolicyAdmitsOnlyDraftReaders,
        /// <summary>Meeting drafts and Part II items only for officers and the board's own members (GovernanceViewer).</summary>
        GovernanceViewer,
    }

    /// <summary>Every route (any method) and the rule it applies to draft and Part II content.</summary>
    private static readonly IReadOnlyDictionary<string, DraftRule> DraftRules = new Dictionary<string, DraftRule>
    {
        ["/"] = DraftRule.None,
        ["/api/v1/plans/{planRef}/monitoring/{period}/items"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/plans/{planRef}/monitoring/{period}/items/{itemRef}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/plans/{planRef}/monitoring/{period}/open"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/plans/{planRef}/monitoring/{period}/review"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/plans/{planRef}/monitoring/{period}/sign-off"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/plans/{planRef}/monitoring/{period}/send-back"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/plans/{planRef}/monitoring/{period}/publish"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/account"] = DraftRule.None,
        ["/invitation/{token}"] = DraftRule.None,
        ["/admin/organisations/{id:int}"] = DraftRule.None,
        ["/admin/organisations"] = DraftRule.None,
        ["/admin/users/{id}"] = DraftRule.None,
        ["/admin/users"] = DraftRule.None,
        ["/admin/audit"] = DraftRule.PolicyAdmitsOnlyDraftReaders, // every old and new value, drafts included: administrators only
        ["/plans/{planRef}/folder"] = DraftRule.PolicyAdmitsOnlyDraftReaders, // the folder carries draft figures; performance officers only
        ["/plans/{planRef}"] = DraftRule.None, // lists the quarters with data, not their figures
        // The plan's definition, targets and versions: no figure of any round.
        ["/plans/new"] = DraftRule.None,
        ["/plans/{planRef}/edit"] = DraftRule.None,
        ["/plans/{planRef}/edit/details"] = DraftRule.None,
        ["/plans/{planRef}/edit/priority/{id:int?}"] = DraftRule.None,
        ["/plans/{planRef}/edit/objective/{objectiveRef?}"] = DraftRule.None,
        ["/plans/{planRef}/edit/milestone/{milestoneRef?}"] = DraftRule.None,
        ["/plans/{planRef}/edit/measure/{indicatorRef?}"] = DraftRule.None,
        ["/plans/{planRef}/edit/measure/{indicatorRef}/targets"] = DraftRule.None,
        ["/plans/{planRef}/versions"] = DraftRule.None,
        ["/plans/{planRef}/versions/{number:int}"] = DraftRule.None,
        ["/api/v1/plans/{planRef}/versions"] = DraftRule.None,
        ["/api/v1/plans/{planRef}/indicators/{indicatorRef}/targets"] = DraftRule.None,
        ["/api/v1/plans/{planRef}/indicators/{indicatorRef}/retire"] = DraftRule.None,
        ["/plans/{planRef}/monitoring/{period}"] = DraftRule.CanSeeDraft,
        ["/plans/{planRef}/indicators/{indicatorRef}"] = DraftRule.CanSeeDraft,
        ["/plans/{planRef}/indicators/{indicatorRef}/revise"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/errors/{code:int}"] = DraftRule.None,
        ["/sign-in"] = DraftRule.None,
        ["/sign-out"] = DraftRule.None,
        ["/rounds"] = DraftRule.None, // each round's stage and counts, no figures
        ["/rounds/{id:int}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/rounds/{id:int}/sign-off"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/rounds/{id:int}/items/{itemId:int}/history"] = DraftRule.CanSeeDraft,
        ["/my-updates"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/my-updates/{itemId:int}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/admin/tokens"] = DraftRule.None,
        ["/openapi/{documentName}.json"] = DraftRule.None,
        ["/api/v1/plans/"] = DraftRule.None,
        ["/api/v1/plans/{planRef}"] = DraftRule.None,
        ["/api/v1/plans/{planRef}/objectives"] = DraftRule.None,
        ["/api/v1/plans/{planRef}/milestones"] = DraftRule.None, // the plan's milestones, no updates
        ["/api/v1/plans/{planRef}/indicators"] = DraftRule.None, // the plan's measures, no values
        ["/api/v1/plans/{planRef}/indicators/{indicatorRef}"] = DraftRule.CanSeeDraft,
        ["/api/v1/plans/{planRef}/status/{period}"] = DraftRule.CanSeeDraft,
        ["/api/v1/plans/{planRef}/monitoring/{period}"] = DraftRule.CanSeeDraft,
        ["/api/v1/rounds"] = DraftRule.None,
        ["/risks"] = DraftRule.None,
        ["/risks/{riskRef}"] = DraftRule.None,
        ["/equality"] = DraftRule.None,
        // The registers are kept outside the rounds: their pages show no round content.
        ["/risks/new"] = DraftRule.None,
        ["/risks/movement"] = DraftRule.None,
        ["/risks/{riskRef}/edit"] = DraftRule.None,
        ["/risks/{riskRef}/score"] = DraftRule.None,
        ["/risks/{riskRef}/status"] = DraftRule.None,
        ["/risks/{riskRef}/controls/{controlRef?}"] = DraftRule.None,
        ["/risks/{riskRef}/controls/{controlRef}/progress"] = DraftRule.None,
        ["/equality/new"] = DraftRule.None,
        ["/equality/{actionRef}"] = DraftRule.None,
        ["/equality/{actionRef}/edit"] = DraftRule.None,
        ["/equality/{actionRef}/progress"] = DraftRule.None,
        ["/equality/{actionRef}/status"] = DraftRule.None,
        ["/finance"] = DraftRule.None,
        ["/finance/{department}/{period}"] = DraftRule.None,
        ["/finance/import"] = DraftRule.None,
        ["/dashboard"] = DraftRule.None,
        ["/plans/{planRef}/report-card/{period}"] = DraftRule.CanSeeDraft,
        ["/api/v1/areas/{code}/neighbours"] = DraftRule.None,
        ["/api/v1/benchmarks/{indicatorRef}/{period}"] = DraftRule.None,
        ["/api/v1/risks/"] = DraftRule.None,
        ["/api/v1/risks/{riskRef}"] = DraftRule.None,
        ["/api/v1/equality-actions"] = DraftRule.None,
        ["/api/v1/equality-actions/{actionRef}"] = DraftRule.None,
        ["/api/v1/finance/departments"] = DraftRule.None,
        ["/api/v1/finance/{department}/{period}"] = DraftRule.None,
        ["/returns"] = DraftRule.None,
        ["/returns/upload"] = DraftRule.None,
        ["/returns/fill"] = DraftRule.None,
        ["/returns/{period}/failures"] = DraftRule.None,
        ["/api/v1/returns/validation/{period}/failures"] = DraftRule.None,
        ["/returns/{period}/{code}/children"] = DraftRule.None,
        ["/api/v1/returns/"] = DraftRule.None,
        ["/api/v1/returns/indicators/{period}"] = DraftRule.None,
        ["/api/v1/returns/indicators/{period}/{code}/children"] = DraftRule.None,
        ["/css/documents.css"] = DraftRule.None,
        ["/plans/{planRef}/reports"] = DraftRule.CanSeeDraft,
        ["/plans/{planRef}/reports/ppb/{period}/{format?}"] = DraftRule.CanSeeDraft,
        // Figures from years before the plan's own, which no round of the plan covers.
        ["/plans/{planRef}/reports/{kind:regex(^(business-plan|plan-review)$)}/{format?}"] = DraftRule.None,
        ["/plans/{planRef}/reports/cover/{period}/{format?}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/boards"] = DraftRule.None,
        ["/reports"] = DraftRule.None, // lists the plans, with links to their board documents
        ["/accessibility"] = DraftRule.None,
        ["/boards/{boardRef}"] = DraftRule.GovernanceViewer,
        ["/meetings/{id:int}"] = DraftRule.GovernanceViewer,
        ["/meetings/{id:int}/pack"] = DraftRule.GovernanceViewer,
        ["/actions/{id:int}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/inspections"] = DraftRule.None,
        ["/inspections/{inspectionRef}"] = DraftRule.None,
        ["/improvement-actions/{id:int}"] = DraftRule.None,
        // Keeping boards, meetings, inspections and participation: the performance team's pages, which show a board's
        // unpublished agendas and Part II items to those who prepare them.
        ["/boards/new"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/boards/{boardRef}/edit"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/boards/{boardRef}/members/{id:int?}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/boards/{boardRef}/meetings/new"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/meetings/{id:int}/edit"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/meetings/{id:int}/items/{itemId:int?}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/meetings/{id:int}/items/{itemId:int}/decisions/{decisionId:int?}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/meetings/{id:int}/attendance"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/inspections/new"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/inspections/{inspectionRef}/edit"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/inspections/{inspectionRef}/recommendations/{id:int?}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        // Improvement actions and their statuses are for signed-in staff (ADR 0400); no round's figures.
        ["/inspections/{inspectionRef}/action-plan/{format?}"] = DraftRule.None,
        ["/promises/new"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/promises/{id:int}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/engagement/new"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/engagement/{id:int}"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/engagement-activities"] = DraftRule.None,
        ["/api/v1/engagement-activities/{id:int}"] = DraftRule.None,
        ["/you-said-we-did"] = DraftRule.None,
        ["/promises"] = DraftRule.None,
        ["/engagement"] = DraftRule.None,
        ["/api/v1/boards"] = DraftRule.None,
        ["/api/v1/boards/{boardRef}"] = DraftRule.GovernanceViewer,
        ["/api/v1/meetings/{id:int}"] = DraftRule.GovernanceViewer,
        ["/api/v1/meetings/{id:int}/pack"] = DraftRule.GovernanceViewer,
        ["/api/v1/meetings/{id:int}/pack.{format:regex(^(html|docx|pdf)$)}"] = DraftRule.GovernanceViewer,
        ["/api/v1/actions/{id:int}/updates"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/meetings/{id:int}/publish"] = DraftRule.PolicyAdmitsOnlyDraftReaders,
        ["/api/v1/inspections"] = DraftRule.None,
        ["/api/v1/inspections/{inspectionRef}"] = DraftRule.None,
        ["/api/v1/plans/{planRef}/inspection-action-plan/{period}"] = DraftRule.None,
        ["/api/v1/you-said-we-did"] = DraftRule.None,
        ["/api/v1/promises"] = DraftRule.None,
        // Whether the app and its database answer; no content.
        ["/health/live"] = DraftRule.None,
        ["/health/ready"] = DraftRule.None,
        ["/demonstration-data-loading"] = DraftRule.None,
    };

    /// <summary>
    /// Addresses that show the open Quarter 3 2015/16 round's drafts (its demonstration figures and commentary), with
    /// text that the performance team sees there and nobody else may.
    /// </summary>
    private async Task<List<(string Template, string Url, string Marker)>> DraftSamplesAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var q3 = await db.Set<MonitoringRound>().Include(r => r.Items).SingleAsync(r => r.Period == Period.Quarter(2015, 3));
        var ced047 = q3.Items.First(i => i.Label.StartsWith("CED047:", StringComparison.Ordinal));
        const string plan = "/plans/HBC-CYP-2015-16";
        return
        [
            ("/plans/{planRef}/monitoring/{period}", $"{plan}/monitoring/2015-16-Q3", "demonstration"),
            ("/plans/{planRef}/indicators/{indicatorRef}", $"{plan}/indicators/CED033", "Quarter 3 2015/16"),
            ("/rounds/{id:int}/items/{itemId:int}/history", $"/rounds/{q3.Id}/items/{ced047.Id}/history", "Demonstration figure"),
            ("/api/v1/plans/{planRef}/indicators/{indicatorRef}", $"/api/v1{plan}/indicators/CED033", "2015/16 Q3"),
            ("/api/v1/plans/{planRef}/status/{period}", $"/api/v1{plan}/status/2015-16-Q3", "CED033"),
            ("/api/v1/plans/{planRef}/monitoring/{period}", $"/api/v1{plan}/monitoring/2015-16-Q3", "demonstration"),
            ("/plans/{planRef}/report-card/{period}", $"{plan}/report-card/2015-16-Q3", "Quarter 3 2015/16"),
            ("/plans/{planRef}/reports", $"{plan}/reports", "2015-16-Q3"),
            ("/plans/{planRef}/reports/ppb/{period}/{format?}", $"{plan}/reports/ppb/2015-16-Q3", "demonstration"),
            ("/plans/{planRef}/reports/ppb/{period}/{format?}", $"{plan}/reports/ppb/2015-16-Q3/html", "demonstration"),
            ("/plans/{planRef}/reports/ppb/{period}/{format?}", $"{plan}/reports/ppb/2015-16-Q3/csv", "CED047"),
        ];
    }

    private const string PartIITitle = "CHILDREN'S HOME PLACEMENT CONTRACT";

    /// <summary>Addresses that show the 4 January 2016 board's Part II item to officers and its members only.</summary>
    private async Task<List<(string Template, string Url, string Marker)>> PartIISamplesAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var meeting = await db.Set<Meeting>().SingleAsync(m => m.Date == new DateOnly(2016, 1, 4));
        if (!await db.Set<AgendaItem>().AnyAsync(i => i.MeetingId == meeting.Id && i.IsExempt))
        {
            db.Add(new AgendaItem
            {
                MeetingId = meeting.Id, Order = 99, Number = "8", Title = PartIITitle, IsExempt = true, PageFrom = 72, PageTo = 80,
                Report = new CoverReport { Subject = "Exempt placement contract terms", Purpose = "Commercially sensitive terms of a placement." },
            });
            var action = new ActionItem { MeetingId = meeting.Id, Text = "Negotiate the exempt contract terms", Owner = "MD", Status = ActionStatus.Open };
            db.Add(action);
            await db.SaveChangesAsync();
            action.AgendaItemId = (await db.Set<AgendaItem>().SingleAsync(i => i.MeetingId == meeting.Id && i.IsExempt)).Id;
            if (meeting.MinutesPublishedAt is null) meeting.RecordPublication(meeting.AgendaPublishedAt, DateTimeOffset.UtcNow, "Mark Dennett", DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        return
        [
            ("/meetings/{id:int}", $"/meetings/{meeting.Id}", "PLACEMENT CONTRACT"),
            ("/meetings/{id:int}/pack", $"/meetings/{meeting.Id}/pack", "PLACEMENT CONTRACT"),
            ("/api/v1/meetings/{id:int}", $"/api/v1/meetings/{meeting.Id}", "PLACEMENT CONTRACT"),
            ("/api/v1/meetings/{id:int}/pack", $"/api/v1/meetings/{meeting.Id}/pack", "PLACEMENT CONTRACT"),
            ("/api/v1/meetings/{id:int}/pack.{format:regex(^(html|docx|pdf)$)}", $"/api/v1/meetings/{meeting.Id}/pack.html", "PLACEMENT CONTRACT"),
            ("/boards/{boardRef}", "/boards/cyp-ppb", "exempt contract"),
            ("/api/v1/boards/{boardRef}", "/api/v1/boards/cyp-ppb", "exempt contract"),
        ];
    }

    private static ClaimsPrincipal As(string who) => who == "anonymous"
        ? new ClaimsPrincipal(new ClaimsIdentity())
        : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, who)], "test"));

    private static bool Refused(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        return response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
               || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/sign-in") || location.Contains("/errors/403")));
    }

    [Fact]
    public void Every_route_declares_its_draft_and_Part_II_rule()
    {
        var routes = Routes(getOnly: false).DistinctBy(r => r.Template).ToList();
        var undeclared = routes.Where(r => !DraftRules.ContainsKey(r.Template)).Select(r => r.Template).ToList();
        Assert.True(undeclared.Count == 0, "Say which draft rule these routes apply (DraftRules): " + string.Join(", ", undeclared));
        var gone = DraftRules.Keys.Except(routes.Select(r => r.Template)).ToList();
        Assert.True(gone.Count == 0, "DraftRules names routes that no longer exist: " + string.Join(", ", gone));

        // A route left to its policy must not admit anyone who may not see an open round's drafts.
        var wrong = routes.Where(r => DraftRules[r.Template] == DraftRule.PolicyAdmitsOnlyDraftReaders)
            .SelectMany(r => Admits[r.Policy].Where(who => who == "anonymous" || !As(RoleOf(who)).AsViewer().CanSeeDraft(RoundState.Open)).Select(who => $"{r.Template} admits {who}"))
            .ToList();
        Assert.True(wrong.Count == 0, "These routes show drafts to people who may not see them:\n" + string.Join("\n", wrong));
    }

    private static string RoleOf(string who) => who switch
    {
        "Administrator" => Roles.Administrator,
        "PerformanceOfficer" => Roles.PerformanceOfficer,
        "Contributor" or "PartnerContributor" => Roles.Contributor,
        "Approver" => Roles.Approver,
        "BoardMember" => Roles.BoardMember,
        _ => who,
    };

    [Fact]
    public async Task Every_route_that_shows_round_content_keeps_an_open_rounds_drafts_from_board_members_and_the_public()
    {
        var samples = await DraftSamplesAsync();
        var routes = Routes(getOnly: false).DistinctBy(r => r.Template).ToList();
        var needSamples = routes.Where(r => DraftRules.GetValueOrDefault(r.Template) == DraftRule.CanSeeDraft
                                            && Admits[r.Policy].Any(who => who is "anonymous" or "BoardMember"))
            .Select(r => r.Template).Where(t => samples.All(s => s.Template != t)).ToList();
        Assert.True(needSamples.Count == 0, "Add a draft sample for: " + string.Join(", ", needSamples));

        var officer = await app.SignedInClientAsync(Users["PerformanceOfficer"]);
        var others = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            ["BoardMember"] = await app.SignedInClientAsync(Users["BoardMember"]),
        };
        var wrong = new List<string>();
        foreach (var (_, url, marker) in samples)
        {
            var seen = await officer.GetAsync(url);
            if (!seen.IsSuccessStatusCode || !(await seen.Content.ReadAsStringAsync()).Contains(marker, StringComparison.OrdinalIgnoreCase))
                wrong.Add($"{url}: the performance team should see \"{marker}\" (got {(int)seen.StatusCode})");
            foreach (var (who, client) in others)
            {
                var response = await client.GetAsync(url);
                if (!Refused(response) && (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.OrdinalIgnoreCase))
                    wrong.Add($"{url} as {who}: shows the draft (\"{marker}\"), {(int)response.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task Every_route_that_shows_meetings_keeps_Part_II_items_from_the_public_and_from_members_of_other_boards()
    {
        var samples = await PartIISamplesAsync();
        var routes = Routes(getOnly: false).DistinctBy(r => r.Template).ToList();
        var needSamples = routes.Where(r => DraftRules.GetValueOrDefault(r.Template) == DraftRule.GovernanceViewer && r.Policy == Policies.Public)
            .Select(r => r.Template).Where(t => samples.All(s => s.Template != t)).ToList();
        Assert.True(needSamples.Count == 0, "Add a Part II sample for: " + string.Join(", ", needSamples));

        var officer = await app.SignedInClientAsync(Users["PerformanceOfficer"]);
        var others = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }),
            ["Contributor"] = await app.SignedInClientAsync(Users["Contributor"]), // no seat on the board
        };
        var wrong = new List<string>();
        foreach (var (_, url, marker) in samples)
        {
            var seen = await officer.GetAsync(url);
            if (!seen.IsSuccessStatusCode || !(await seen.Content.ReadAsStringAsync()).Contains(marker, StringComparison.OrdinalIgnoreCase))
                wrong.Add($"{url}: officers should see the Part II item (got {(int)seen.StatusCode})");
            foreach (var (who, client) in others)
            {
                var response = await client.GetAsync(url);
                if (!Refused(response) && (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.OrdinalIgnoreCase))
                    wrong.Add($"{url} as {who}: shows the Part II item, {(int)response.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }
}
