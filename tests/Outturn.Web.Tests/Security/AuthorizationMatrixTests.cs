using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Web.Security;

namespace Outturn.Web.Tests.Security;

/// <summary>
/// Every page and API endpoint, called as every role and anonymously, is allowed or refused as its policy says.
/// A route added without a policy, or without a sample address here, fails these tests.
/// </summary>
public sealed partial class AuthorizationMatrixTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    public static readonly IReadOnlyDictionary<string, string> Users = new Dictionary<string, string>
    {
        ["Administrator"] = "admin@outturn.example",
        ["PerformanceOfficer"] = "performance@outturn.example",
        ["Contributor"] = "ann.mcintyre@outturn.example",
        ["Approver"] = "director@outturn.example",
        ["BoardMember"] = "councillor@outturn.example",
        // A contributor of a partner agency (Bridgewater Community Healthcare NHS Trust): the organisation dimension.
        ["PartnerContributor"] = "nina.health@outturn.example",
    };

    /// <summary>Who each policy admits. The demo performance officer alone holds the child-level permission.</summary>
    private static readonly IReadOnlyDictionary<string, string[]> Admits = new Dictionary<string, string[]>
    {
        [Policies.Public] = ["anonymous", "Administrator", "PerformanceOfficer", "Contributor", "Approver", "BoardMember", "PartnerContributor"],
        [Policies.Staff] = ["Administrator", "PerformanceOfficer", "Contributor", "Approver", "BoardMember", "PartnerContributor"],
        [Policies.Council] = ["Administrator", "PerformanceOfficer", "Contributor", "Approver", "BoardMember"],
        [Policies.Contributor] = ["Administrator", "PerformanceOfficer", "Contributor", "PartnerContributor"],
        [Policies.PerformanceOfficer] = ["Administrator", "PerformanceOfficer"],
        [Policies.Approver] = ["Approver"],
        [Policies.Administrator] = ["Administrator"],
        [Policies.ChildLevel] = ["PerformanceOfficer"],
    };

    private async Task<Dictionary<string, string>> SamplesAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var q3 = await db.Set<MonitoringRound>().Include(r => r.Items).SingleAsync(r => r.Period == Period.Quarter(2015, 3));
        var ann = await db.Officers.SingleAsync(o => o.Name == "Ann McIntyre");
        var annsItem = q3.Items.First(i => i.AssigneeId == ann.Id);
        // A published round's history is for all staff; an open round's is checked with the drafts (DraftSamplesAsync).
        var q2 = await db.Set<MonitoringRound>().Include(r => r.Items).SingleAsync(r => r.Period == Period.Quarter(2015, 2));
        var ppb = await db.Set<Outturn.Domain.Governance.Meeting>().SingleAsync(m => m.Date == new DateOnly(2016, 1, 4));
        var action = await db.Set<Outturn.Domain.Governance.ActionItem>().OrderBy(a => a.Id).FirstAsync();
        var improvement = await db.Set<Outturn.Domain.Inspections.ImprovementAction>().OrderBy(a => a.Id).FirstAsync();
        var tracey = await db.Users.SingleAsync(u => u.Email == "tracey.coffey@outturn.example");
        var bridgewater = await db.Set<Outturn.Domain.Organisations.Organisation>().SingleAsync(o => o.Ref == "NHS-BRIDGEWATER");
        var priority = await db.Priorities.OrderBy(p => p.Id).FirstAsync(p => db.Plans.Any(x => x.Id == p.PlanId && x.Ref == "HBC-CYP-2015-16"));
        var ppbItem = await db.Set<Outturn.Domain.Governance.AgendaItem>().Where(i => i.MeetingId == ppb.Id).OrderBy(i => i.Order).FirstAsync();
        var promise = await db.Set<Outturn.Domain.Participation.Promise>().OrderBy(p => p.Id).FirstAsync();
        var activity = await db.Set<Outturn.Domain.Participation.EngagementActivity>().OrderBy(a => a.Id).FirstAsync();
        return new Dictionary<string, string>
        {
            ["/"] = "/",
            ["/plans/{planRef}"] = "/plans/HBC-CYP-2015-16",
            ["/plans/{planRef}/folder"] = "/plans/HBC-CYP-2015-16/folder",
            // Changing a plan in the browser: performance officers and administrators only.
            ["/plans/new"] = "/plans/new",
            ["/plans/{planRef}/edit"] = "/plans/HBC-CYP-2015-16/edit",
            ["/plans/{planRef}/edit/details"] = "/plans/HBC-CYP-2015-16/edit/details",
            ["/plans/{planRef}/edit/priority/{id:int?}"] = $"/plans/HBC-CYP-2015-16/edit/priority/{priority.Id}",
            ["/plans/{planRef}/edit/objective/{objectiveRef?}"] = "/plans/HBC-CYP-2015-16/edit/objective/CED08",
            ["/plans/{planRef}/edit/milestone/{milestoneRef?}"] = "/plans/HBC-CYP-2015-16/edit/milestone/CED08a",
            ["/plans/{planRef}/edit/measure/{indicatorRef?}"] = "/plans/HBC-CYP-2015-16/edit/measure/CED033",
            ["/plans/{planRef}/edit/measure/{indicatorRef}/targets"] = "/plans/HBC-CYP-2015-16/edit/measure/CED033/targets",
            ["/plans/{planRef}/versions"] = "/plans/HBC-CYP-2015-16/versions",
            ["/plans/{planRef}/versions/{number:int}"] = "/plans/HBC-CYP-2015-16/versions/1",
            ["/api/v1/plans/{planRef}/versions"] = "/api/v1/plans/HBC-CYP-2015-16/versions",
            ["/plans/{planRef}/monitoring/{period}"] = "/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2",
            ["/plans/{planRef}/indicators/{indicatorRef}"] = "/plans/HBC-CYP-2015-16/indicators/CED033",
            ["/plans/{planRef}/indicators/{indicatorRef}/revise"] = "/plans/HBC-CYP-2015-16/indicators/CED033/revise",
            ["/errors/{code:int}"] = "/errors/404",
            ["/sign-in"] = "/sign-in",
            ["/sign-out"] = "/sign-out",
            ["/rounds"] = "/rounds",
            ["/rounds/{id:int}"] = $"/rounds/{q3.Id}",
            ["/rounds/{id:int}/sign-off"] = $"/rounds/{q3.Id}/sign-off",
            ["/rounds/{id:int}/items/{itemId:int}/history"] = $"/rounds/{q2.Id}/items/{q2.Items.First().Id}/history",
            ["/my-updates"] = "/my-updates",
            ["/my-updates/{itemId:int}"] = $"/my-updates/{annsItem.Id}",
            ["/admin/tokens"] = "/admin/tokens",
            ["/admin/users"] = "/admin/users",
            ["/admin/users/{id}"] = $"/admin/users/{tracey.Id}",
            ["/admin/organisations"] = "/admin/organisations",
            ["/admin/organisations/{id:int}"] = $"/admin/organisations/{bridgewater.Id}",
            ["/admin/audit"] = "/admin/audit",
            ["/account"] = "/account",
            ["/invitation/{token}"] = "/invitation/not-a-real-invitation",
            ["/openapi/{documentName}.json"] = "/openapi/v1.json",
            ["/api/v1/plans/"] = "/api/v1/plans",
            ["/api/v1/plans/{planRef}"] = "/api/v1/plans/HBC-CYP-2015-16",
            ["/api/v1/plans/{planRef}/objectives"] = "/api/v1/plans/HBC-CYP-2015-16/objectives",
            ["/api/v1/plans/{planRef}/milestones"] = "/api/v1/plans/HBC-CYP-2015-16/milestones",
            ["/api/v1/plans/{planRef}/indicators"] = "/api/v1/plans/HBC-CYP-2015-16/indicators",
            ["/api/v1/plans/{planRef}/indicators/{indicatorRef}"] = "/api/v1/plans/HBC-CYP-2015-16/indicators/CED033",
            ["/api/v1/plans/{planRef}/status/{period}"] = "/api/v1/plans/HBC-CYP-2015-16/status/2015-16-Q2",
            ["/api/v1/plans/{planRef}/monitoring/{period}"] = "/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2",
            ["/api/v1/rounds"] = "/api/v1/rounds",
            ["/api/v1/plans/{planRef}/monitoring/{period}/items"] = "/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3/items",
            ["/risks"] = "/risks",
            ["/risks/{riskRef}"] = "/risks/CYP-R01",
            ["/risks/new"] = "/risks/new",
            ["/risks/movement"] = "/risks/movement",
            ["/risks/{riskRef}/edit"] = "/risks/CYP-R01/edit",
            ["/risks/{riskRef}/score"] = "/risks/CYP-R01/score",
            ["/risks/{riskRef}/status"] = "/risks/CYP-R01/status",
            ["/risks/{riskRef}/controls/{controlRef?}"] = "/risks/CYP-R01/controls/a",
            ["/risks/{riskRef}/controls/{controlRef}/progress"] = "/risks/CYP-R01/controls/a/progress",
            ["/equality"] = "/equality",
            ["/equality/new"] = "/equality/new",
            ["/equality/{actionRef}"] = "/equality/CYP-EQ1",
            ["/equality/{actionRef}/edit"] = "/equality/CYP-EQ1/edit",
            ["/equality/{actionRef}/progress"] = "/equality/CYP-EQ1/progress",
            ["/equality/{actionRef}/status"] = "/equality/CYP-EQ1/status",
            ["/finance"] = "/finance",
            ["/finance/{department}/{period}"] = "/finance/Children%20and%20Families/2015-16-Q2",
            ["/finance/import"] = "/finance/import",
            ["/dashboard"] = "/dashboard",
            ["/plans/{planRef}/report-card/{period}"] = "/plans/HBC-CYP-2015-16/report-card/FY-2015-16",
            ["/api/v1/areas/{code}/neighbours"] = "/api/v1/areas/E06000006/neighbours",
            ["/api/v1/benchmarks/{indicatorRef}/{period}"] = "/api/v1/benchmarks/CED047/FY-2014-15",
            ["/api/v1/risks/"] = "/api/v1/risks",
            ["/api/v1/risks/{riskRef}"] = "/api/v1/risks/CYP-R01",
            ["/api/v1/equality-actions"] = "/api/v1/equality-actions",
            ["/api/v1/equality-actions/{actionRef}"] = "/api/v1/equality-actions/CYP-EQ1",
            ["/api/v1/finance/departments"] = "/api/v1/finance/departments",
            ["/api/v1/finance/{department}/{period}"] = "/api/v1/finance/Children%20and%20Families/2015-16-Q2",
            ["/returns"] = "/returns",
            ["/returns/upload"] = "/returns/upload",
            ["/returns/fill"] = "/returns/fill",
            ["/returns/{period}/failures"] = "/returns/2015-16-Q4/failures",
            ["/api/v1/returns/validation/{period}/failures"] = "/api/v1/returns/validation/2015-16-Q4/failures",
            ["/returns/{period}/{code}/children"] = "/returns/2015-16-Q4/lac-3plus-placements/children",
            ["/api/v1/returns/"] = "/api/v1/returns",
            ["/api/v1/returns/indicators/{period}"] = "/api/v1/returns/indicators/2015-16-Q4",
            ["/api/v1/returns/indicators/{period}/{code}/children"] = "/api/v1/returns/indicators/2015-16-Q4/lac-3plus-placements/children",
            ["/css/documents.css"] = "/css/documents.css",
            ["/plans/{planRef}/reports"] = "/plans/HBC-CYP-2015-16/reports",
            ["/plans/{planRef}/reports/ppb/{period}/{format?}"] = "/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q2",
            ["/plans/{planRef}/reports/{kind:regex(^(business-plan|plan-review)$)}/{format?}"] = "/plans/HBC-BP-2016-19/reports/business-plan",
            ["/plans/{planRef}/reports/cover/{period}/{format?}"] = "/plans/HBC-CYP-2015-16/reports/cover/2015-16-Q2",
            ["/boards"] = "/boards",
            ["/reports"] = "/reports",
            ["/accessibility"] = "/accessibility",
            ["/boards/{boardRef}"] = "/boards/cyp-ppb",
            ["/meetings/{id:int}"] = $"/meetings/{ppb.Id}",
            ["/meetings/{id:int}/pack"] = $"/meetings/{ppb.Id}/pack",
            ["/actions/{id:int}"] = $"/actions/{action.Id}",
            ["/inspections"] = "/inspections",
            ["/inspections/{inspectionRef}"] = "/inspections/JAR-2008",
            ["/improvement-actions/{id:int}"] = $"/improvement-actions/{improvement.Id}",
            ["/boards/new"] = "/boards/new",
            ["/boards/{boardRef}/edit"] = "/boards/cyp-ppb/edit",
            ["/boards/{boardRef}/members/{id:int?}"] = "/boards/cyp-ppb/members",
            ["/boards/{boardRef}/meetings/new"] = "/boards/cyp-ppb/meetings/new",
            ["/meetings/{id:int}/edit"] = $"/meetings/{ppb.Id}/edit",
            ["/meetings/{id:int}/items/{itemId:int?}"] = $"/meetings/{ppb.Id}/items/{ppbItem.Id}",
            ["/meetings/{id:int}/items/{itemId:int}/decisions/{decisionId:int?}"] = $"/meetings/{ppb.Id}/items/{ppbItem.Id}/decisions",
            ["/meetings/{id:int}/attendance"] = $"/meetings/{ppb.Id}/attendance",
            ["/inspections/new"] = "/inspections/new",
            ["/inspections/{inspectionRef}/edit"] = "/inspections/JAR-2008/edit",
            ["/inspections/{inspectionRef}/recommendations/{id:int?}"] = "/inspections/JAR-2008/recommendations",
            ["/inspections/{inspectionRef}/action-plan/{format?}"] = "/inspections/JAR-2008/action-plan",
            ["/promises/new"] = "/promises/new",
            ["/promises/{id:int}"] = $"/promises/{promise.Id}",
            ["/engagement/new"] = "/engagement/new",
            ["/engagement/{id:int}"] = $"/engagement/{activity.Id}",
            ["/api/v1/engagement-activities"] = "/api/v1/engagement-activities",
            ["/api/v1/engagement-activities/{id:int}"] = $"/api/v1/engagement-activities/{activity.Id}",
            ["/you-said-we-did"] = "/you-said-we-did",
            ["/promises"] = "/promises",
            ["/engagement"] = "/engagement",
            ["/api/v1/boards"] = "/api/v1/boards",
            ["/api/v1/boards/{boardRef}"] = "/api/v1/boards/ct-exec",
            ["/api/v1/meetings/{id:int}"] = $"/api/v1/meetings/{ppb.Id}",
            ["/api/v1/meetings/{id:int}/pack"] = $"/api/v1/meetings/{ppb.Id}/pack",
            ["/api/v1/meetings/{id:int}/pack.{format:regex(^(html|docx|pdf)$)}"] = $"/api/v1/meetings/{ppb.Id}/pack.docx",
            ["/api/v1/inspections"] = "/api/v1/inspections",
            ["/api/v1/inspections/{inspectionRef}"] = "/api/v1/inspections/JAR-2008",
            ["/api/v1/plans/{planRef}/inspection-action-plan/{period}"] = "/api/v1/plans/HBC-CS-2007-10/inspection-action-plan/2008-09-Q4",
            ["/api/v1/you-said-we-did"] = "/api/v1/you-said-we-did",
            ["/api/v1/promises"] = "/api/v1/promises",
            ["/health/live"] = "/health/live",
            ["/health/ready"] = "/health/ready",
            ["/demonstration-data-loading"] = "/demonstration-data-loading",
        };
    }

    private IEnumerable<(string Template, string Policy, bool IsPage)> Routes(bool getOnly = true)
    {
        _ = app.CreateClient(); // starts the app
        var sources = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>();
        foreach (var endpoint in sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods;
            if (getOnly && methods is not null && !methods.Contains("GET")) continue;
            var template = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null).Distinct().ToList();
            var isPage = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.CompiledPageActionDescriptor>() is not null
                         || endpoint.Metadata.Any(m => m.GetType().Name == "PageActionDescriptor");
            yield return (template, policies.Count == 1 ? policies[0]! : string.Join("+", policies), !template.StartsWith("/api") && !template.StartsWith("/openapi"));
        }
    }

    [Fact]
    public void Every_page_and_endpoint_names_exactly_one_outturn_policy()
    {
        var routes = Routes(getOnly: false).ToList();
        Assert.Contains(routes, r => r.Template == "/admin/tokens" && r.Policy == Policies.Administrator);
        Assert.Contains(routes, r => r.Template == "/api/v1/rounds" && r.Policy == Policies.Staff);
        // The round's writing routes: contributors push their own items; the performance team moves the round on;
        // the approver signs off or sends back. Drafts are read only by those allowed to see them.
        const string round = "/api/v1/plans/{planRef}/monitoring/{period}";
        Assert.Contains(routes, r => r.Template == round + "/items/{itemRef}" && r.Policy == Policies.Contributor);
        foreach (var step in new[] { "/open", "/review", "/publish" })
            Assert.Contains(routes, r => r.Template == round + step && r.Policy == Policies.PerformanceOfficer);
        foreach (var step in new[] { "/sign-off", "/send-back" })
            Assert.Contains(routes, r => r.Template == round + step && r.Policy == Policies.Approver);
        // The registers are kept by the performance team (docs/security.md); the council's staff read the risk register, everyone the equality action plans.
        foreach (var page in new[] { "/risks/new", "/risks/{riskRef}/edit", "/risks/{riskRef}/score", "/risks/{riskRef}/status", "/risks/{riskRef}/controls/{controlRef?}",
                                     "/risks/{riskRef}/controls/{controlRef}/progress", "/equality/new", "/equality/{actionRef}/edit", "/equality/{actionRef}/progress", "/equality/{actionRef}/status" })
            Assert.Contains(routes, r => r.Template == page && r.Policy == Policies.PerformanceOfficer);
        Assert.Contains(routes, r => r.Template == "/risks/movement" && r.Policy == Policies.Council);
        Assert.Contains(routes, r => r.Template == "/equality/{actionRef}" && r.Policy == Policies.Public);
        var unruled = routes.Where(r => !Admits.ContainsKey(r.Policy)).Select(r => $"{r.Template} ({(r.Policy == "" ? "no policy" : r.Policy)})").ToList();
        Assert.True(unruled.Count == 0, "Routes without exactly one Outturn policy:\n" + string.Join("\n", unruled));
    }

    [Fact]
    public async Task Every_route_is_allowed_or_refused_for_every_role_as_its_policy_says()
    {
        var samples = await SamplesAsync();
        var partnerSamples = await PartnerSamplesAsync();
        var routes = Routes().DistinctBy(r => r.Template).ToList();
        Assert.True(routes.Count >= samples.Count, $"Only {routes.Count} routes found");
        var missing = routes.Where(r => !samples.ContainsKey(r.Template)).Select(r => r.Template).ToList();
        Assert.True(missing.Count == 0, "Add a sample address to the matrix for: " + string.Join(", ", missing));

        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }) };
        foreach (var (role, email) in Users) clients[role] = await app.SignedInClientAsync(email);

        var wrong = new List<string>();
        foreach (var (template, policy, isPage) in routes)
        {
            foreach (var (who, client) in clients)
            {
                // The partner's column uses her own organisation's item where the council's sample is another's
                // (that one is tried in the organisation dimension, AuthorizationMatrixTests.Organisations.cs).
                var url = who == "PartnerContributor" && partnerSamples.TryGetValue(template, out var own) ? own : samples[template];
                var response = await client.GetAsync(url);
                var location = response.Headers.Location?.ToString() ?? "";
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                              || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/sign-in") || location.Contains("/errors/403")));
                var expected = Admits[policy].Contains(who);
                if (expected && (refused || (int)response.StatusCode >= 400))
                    wrong.Add($"{samples[template]} as {who}: expected allowed, got {(int)response.StatusCode} {location}");
                if (!expected && !refused)
                    wrong.Add($"{samples[template]} as {who}: expected refused, got {(int)response.StatusCode}");
                if (!expected && refused && who == "anonymous" && isPage && !location.Contains("/sign-in"))
                    wrong.Add($"{samples[template]} as anonymous: a page should send to sign in, got {(int)response.StatusCode} {location}");
                if (!expected && refused && !isPage && response.StatusCode != (who == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden))
                    wrong.Add($"{samples[template]} as {who}: the API should answer {(who == "anonymous" ? 401 : 403)}, got {(int)response.StatusCode}");
            }
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("anonymous", HttpStatusCode.Unauthorized)]
    [InlineData("BoardMember", HttpStatusCode.Forbidden)] // the Q3 round is still open: board members see drafts once in review
    [InlineData("Contributor", HttpStatusCode.OK)]
    [InlineData("Approver", HttpStatusCode.OK)]
    [InlineData("PartnerContributor", HttpStatusCode.Forbidden)] // the plan is the council's: she sees her own items, not its whole draft
    public async Task A_round_not_yet_published_is_served_only_to_those_allowed_to_see_drafts(string who, HttpStatusCode expected)
    {
        var client = who == "anonymous" ? app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }) : await app.SignedInClientAsync(Users[who]);
        var api = await client.GetAsync("/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3");
        Assert.Equal(expected, api.StatusCode);
        var status = await client.GetAsync("/api/v1/plans/HBC-CYP-2015-16/status/2015-16-Q3");
        Assert.Equal(expected, status.StatusCode);
        var page = await client.GetAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3");
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.OK : HttpStatusCode.Redirect, page.StatusCode);
    }

    [Fact]
    public async Task Draft_figures_are_hidden_from_the_public_on_the_indicator_page_and_api()
    {
        // CED033's Q3 figure (78, submitted in the open demo round) is a draft.
        var anonymous = app.CreateClient();
        Assert.DoesNotContain("2015/16 Q3", await anonymous.GetStringAsync("/api/v1/plans/HBC-CYP-2015-16/indicators/CED033"));
        Assert.DoesNotContain("Quarter 3 2015/16", await anonymous.GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED033"));
        var staff = await app.SignedInClientAsync(Users["PerformanceOfficer"]);
        Assert.Contains("2015/16 Q3", await staff.GetStringAsync("/api/v1/plans/HBC-CYP-2015-16/indicators/CED033"));
    }
}
