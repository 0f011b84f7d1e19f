using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Web.Security;

namespace Outturn.Web.Tests.Security;

/// <summary>
/// The matrix's organisation dimension: every route says which organisation rule it applies, and each rule is tried
/// with a contributor of the item's own organisation and one of another. In the demo, Nina Patel of Bridgewater
/// Community Healthcare NHS Trust has drafted the under-18 conception rate (SCS CYP15) in the open Quarter 3 round;
/// the council's items (CED047's draft among them) are another organisation's to her.
/// </summary>
public sealed partial class AuthorizationMatrixTests
{
    public enum OrganisationRule
    {
        /// <summary>Shows nothing of a draft that belongs to an organisation (published content, accounts, boards).</summary>
        None,
        /// <summary>A plan's whole draft: only for those whose organisation owns the plan (<see cref="Viewer.CanSeeWholeDraft"/>).</summary>
        WholeDraft,
        /// <summary>Round items one by one: another organisation's are neither shown nor changed (<see cref="Viewer.CanSeeDraftItem"/>, <see cref="Viewer.MayWorkOn"/>).</summary>
        OwnItems,
        /// <summary>The council's own pages: the route's policy refuses partners (<see cref="Policies.Council"/>).</summary>
        CouncilOnly,
        /// <summary>The route's policy admits no contributor at all.</summary>
        NoContributor,
    }

    /// <summary>Every route (any method) and the organisation rule it applies.</summary>
    private static readonly IReadOnlyDictionary<string, OrganisationRule> OrganisationRules = new Dictionary<string, OrganisationRule>
    {
        ["/"] = OrganisationRule.None,
        ["/health/live"] = OrganisationRule.None, // the process answers; nothing of any plan
        ["/health/ready"] = OrganisationRule.None, // the database answers and is current; nothing of any plan
        ["/demonstration-data-loading"] = OrganisationRule.None, // says the demo is still loading
        ["/api/v1/plans/{planRef}/monitoring/{period}/items"] = OrganisationRule.OwnItems,
        ["/api/v1/plans/{planRef}/monitoring/{period}/items/{itemRef}"] = OrganisationRule.OwnItems,
        ["/api/v1/plans/{planRef}/monitoring/{period}/open"] = OrganisationRule.NoContributor,
        ["/api/v1/plans/{planRef}/monitoring/{period}/review"] = OrganisationRule.NoContributor,
        ["/api/v1/plans/{planRef}/monitoring/{period}/sign-off"] = OrganisationRule.NoContributor,
        ["/api/v1/plans/{planRef}/monitoring/{period}/send-back"] = OrganisationRule.NoContributor,
        ["/api/v1/plans/{planRef}/monitoring/{period}/publish"] = OrganisationRule.NoContributor,
        ["/account"] = OrganisationRule.None,
        ["/invitation/{token}"] = OrganisationRule.None,
        ["/admin/organisations/{id:int}"] = OrganisationRule.NoContributor,
        ["/admin/organisations"] = OrganisationRule.NoContributor,
        ["/admin/users/{id}"] = OrganisationRule.NoContributor,
        ["/admin/users"] = OrganisationRule.NoContributor,
        ["/admin/audit"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/folder"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}"] = OrganisationRule.None,
        // Changing a plan is the performance team's; its versions (definitions and targets, no figure) are public.
        ["/plans/new"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/edit"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/edit/details"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/edit/priority/{id:int?}"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/edit/objective/{objectiveRef?}"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/edit/milestone/{milestoneRef?}"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/edit/measure/{indicatorRef?}"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/edit/measure/{indicatorRef}/targets"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/versions"] = OrganisationRule.None,
        ["/plans/{planRef}/versions/{number:int}"] = OrganisationRule.None,
        ["/api/v1/plans/{planRef}/versions"] = OrganisationRule.None,
        ["/api/v1/plans/{planRef}/indicators/{indicatorRef}/targets"] = OrganisationRule.NoContributor,
        ["/api/v1/plans/{planRef}/indicators/{indicatorRef}/retire"] = OrganisationRule.NoContributor,
        ["/plans/{planRef}/monitoring/{period}"] = OrganisationRule.WholeDraft,
        ["/plans/{planRef}/indicators/{indicatorRef}"] = OrganisationRule.WholeDraft,
        ["/plans/{planRef}/indicators/{indicatorRef}/revise"] = OrganisationRule.NoContributor,
        ["/errors/{code:int}"] = OrganisationRule.None,
        ["/sign-in"] = OrganisationRule.None,
        ["/sign-out"] = OrganisationRule.None,
        ["/rounds"] = OrganisationRule.None,
        ["/rounds/{id:int}"] = OrganisationRule.NoContributor,
        ["/rounds/{id:int}/sign-off"] = OrganisationRule.NoContributor,
        ["/rounds/{id:int}/items/{itemId:int}/history"] = OrganisationRule.OwnItems,
        ["/my-updates"] = OrganisationRule.OwnItems,
        ["/my-updates/{itemId:int}"] = OrganisationRule.OwnItems,
        ["/admin/tokens"] = OrganisationRule.NoContributor,
        ["/openapi/{documentName}.json"] = OrganisationRule.None,
        ["/api/v1/plans/"] = OrganisationRule.None,
        ["/api/v1/plans/{planRef}"] = OrganisationRule.None,
        ["/api/v1/plans/{planRef}/objectives"] = OrganisationRule.None,
        ["/api/v1/plans/{planRef}/milestones"] = OrganisationRule.None,
        ["/api/v1/plans/{planRef}/indicators"] = OrganisationRule.None,
        ["/api/v1/plans/{planRef}/indicators/{indicatorRef}"] = OrganisationRule.WholeDraft,
        ["/api/v1/plans/{planRef}/status/{period}"] = OrganisationRule.WholeDraft,
        ["/api/v1/plans/{planRef}/monitoring/{period}"] = OrganisationRule.WholeDraft,
        ["/api/v1/rounds"] = OrganisationRule.None, // each round's stage and counts
        ["/risks"] = OrganisationRule.CouncilOnly,
        ["/risks/{riskRef}"] = OrganisationRule.CouncilOnly,
        ["/equality"] = OrganisationRule.None, // published action plans
        ["/finance"] = OrganisationRule.None, // published budget monitoring
        ["/finance/{department}/{period}"] = OrganisationRule.None,
        ["/finance/import"] = OrganisationRule.NoContributor,
        ["/dashboard"] = OrganisationRule.CouncilOnly,
        ["/plans/{planRef}/report-card/{period}"] = OrganisationRule.WholeDraft,
        ["/api/v1/areas/{code}/neighbours"] = OrganisationRule.None,
        ["/api/v1/benchmarks/{indicatorRef}/{period}"] = OrganisationRule.None,
        ["/api/v1/risks/"] = OrganisationRule.CouncilOnly,
        ["/api/v1/risks/{riskRef}"] = OrganisationRule.CouncilOnly,
        ["/api/v1/equality-actions"] = OrganisationRule.None,
        ["/api/v1/equality-actions/{actionRef}"] = OrganisationRule.None,
        ["/risks/movement"] = OrganisationRule.CouncilOnly,
        ["/risks/new"] = OrganisationRule.NoContributor,
        ["/risks/{riskRef}/edit"] = OrganisationRule.NoContributor,
        ["/risks/{riskRef}/score"] = OrganisationRule.NoContributor,
        ["/risks/{riskRef}/status"] = OrganisationRule.NoContributor,
        ["/risks/{riskRef}/controls/{controlRef?}"] = OrganisationRule.NoContributor,
        ["/risks/{riskRef}/controls/{controlRef}/progress"] = OrganisationRule.NoContributor,
        ["/equality/new"] = OrganisationRule.NoContributor,
        ["/equality/{actionRef}"] = OrganisationRule.None, // published action plans
        ["/equality/{actionRef}/edit"] = OrganisationRule.NoContributor,
        ["/equality/{actionRef}/progress"] = OrganisationRule.NoContributor,
        ["/equality/{actionRef}/status"] = OrganisationRule.NoContributor,
        ["/api/v1/finance/departments"] = OrganisationRule.None,
        ["/api/v1/finance/{department}/{period}"] = OrganisationRule.None,
        ["/returns"] = OrganisationRule.CouncilOnly,
        ["/returns/upload"] = OrganisationRule.NoContributor,
        ["/returns/fill"] = OrganisationRule.NoContributor,
        ["/returns/{period}/failures"] = OrganisationRule.NoContributor,
        ["/api/v1/returns/validation/{period}/failures"] = OrganisationRule.NoContributor,
        ["/returns/{period}/{code}/children"] = OrganisationRule.NoContributor,
        ["/api/v1/returns/"] = OrganisationRule.CouncilOnly,
        ["/api/v1/returns/indicators/{period}"] = OrganisationRule.CouncilOnly,
        ["/api/v1/returns/indicators/{period}/{code}/children"] = OrganisationRule.NoContributor,
        ["/css/documents.css"] = OrganisationRule.None,
        ["/plans/{planRef}/reports"] = OrganisationRule.WholeDraft,
        ["/plans/{planRef}/reports/ppb/{period}/{format?}"] = OrganisationRule.WholeDraft,
        ["/plans/{planRef}/reports/{kind:regex(^(business-plan|plan-review)$)}/{format?}"] = OrganisationRule.None,
        ["/plans/{planRef}/reports/cover/{period}/{format?}"] = OrganisationRule.NoContributor,
        ["/boards"] = OrganisationRule.None,
        ["/reports"] = OrganisationRule.None,
        ["/accessibility"] = OrganisationRule.None,
        ["/boards/{boardRef}"] = OrganisationRule.None, // Part II by seat (GovernanceViewer)
        ["/meetings/{id:int}"] = OrganisationRule.None,
        ["/meetings/{id:int}/pack"] = OrganisationRule.None,
        ["/actions/{id:int}"] = OrganisationRule.NoContributor,
        ["/inspections"] = OrganisationRule.None,
        ["/inspections/{inspectionRef}"] = OrganisationRule.None,
        ["/improvement-actions/{id:int}"] = OrganisationRule.NoContributor,
        ["/you-said-we-did"] = OrganisationRule.None,
        ["/promises"] = OrganisationRule.None,
        ["/engagement"] = OrganisationRule.None,
        ["/api/v1/boards"] = OrganisationRule.None,
        ["/api/v1/boards/{boardRef}"] = OrganisationRule.None,
        ["/api/v1/meetings/{id:int}"] = OrganisationRule.None,
        ["/api/v1/meetings/{id:int}/pack"] = OrganisationRule.None,
        ["/api/v1/meetings/{id:int}/pack.{format:regex(^(html|docx|pdf)$)}"] = OrganisationRule.None,
        ["/api/v1/actions/{id:int}/updates"] = OrganisationRule.NoContributor,
        ["/api/v1/meetings/{id:int}/publish"] = OrganisationRule.NoContributor,
        ["/api/v1/inspections"] = OrganisationRule.None,
        ["/api/v1/inspections/{inspectionRef}"] = OrganisationRule.None,
        ["/api/v1/plans/{planRef}/inspection-action-plan/{period}"] = OrganisationRule.None,
        ["/api/v1/you-said-we-did"] = OrganisationRule.None,
        ["/api/v1/promises"] = OrganisationRule.None,
        // Keeping boards, meetings, inspections, promises and engagement: performance officers only.
        ["/boards/new"] = OrganisationRule.NoContributor,
        ["/boards/{boardRef}/edit"] = OrganisationRule.NoContributor,
        ["/boards/{boardRef}/members/{id:int?}"] = OrganisationRule.NoContributor,
        ["/boards/{boardRef}/meetings/new"] = OrganisationRule.NoContributor,
        ["/meetings/{id:int}/edit"] = OrganisationRule.NoContributor,
        ["/meetings/{id:int}/items/{itemId:int?}"] = OrganisationRule.NoContributor,
        ["/meetings/{id:int}/items/{itemId:int}/decisions/{decisionId:int?}"] = OrganisationRule.NoContributor,
        ["/meetings/{id:int}/attendance"] = OrganisationRule.NoContributor,
        ["/inspections/new"] = OrganisationRule.NoContributor,
        ["/inspections/{inspectionRef}/edit"] = OrganisationRule.NoContributor,
        ["/inspections/{inspectionRef}/recommendations/{id:int?}"] = OrganisationRule.NoContributor,
        ["/promises/new"] = OrganisationRule.NoContributor,
        ["/promises/{id:int}"] = OrganisationRule.NoContributor,
        ["/engagement/new"] = OrganisationRule.NoContributor,
        ["/engagement/{id:int}"] = OrganisationRule.NoContributor,
        // Staff reads that hold no organisation's draft: the inspection action plan (as its API section) and the engagement log (as /engagement).
        ["/inspections/{inspectionRef}/action-plan/{format?}"] = OrganisationRule.None,
        ["/api/v1/engagement-activities"] = OrganisationRule.None,
        ["/api/v1/engagement-activities/{id:int}"] = OrganisationRule.None,
    };

    private const string Q3Round = "/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3";
    private const string PartnersMarker = "School nursing drop-in";

    private sealed record Q3Items(int Round, RoundItem Partners, RoundItem Ced047, RoundItem Anns);

    private async Task<Q3Items> Q3ItemsAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var q3 = await db.Set<MonitoringRound>().AsNoTracking().Include(r => r.Items).SingleAsync(r => r.Period == Period.Quarter(2015, 3));
        var ann = await db.Officers.SingleAsync(o => o.Name == "Ann McIntyre");
        return new Q3Items(q3.Id,
            q3.Items.Single(i => i.Label.StartsWith("SCS CYP15:", StringComparison.Ordinal)),
            q3.Items.Single(i => i.Label.StartsWith("CED047:", StringComparison.Ordinal)),
            q3.Items.First(i => i.AssigneeId == ann.Id && i.Kind == ItemKind.Measure));
    }

    /// <summary>The own-organisation sample the main matrix uses for the partner, where the council's sample is another organisation's item.</summary>
    private async Task<Dictionary<string, string>> PartnerSamplesAsync()
    {
        var q3 = await Q3ItemsAsync();
        return new Dictionary<string, string> { ["/my-updates/{itemId:int}"] = $"/my-updates/{q3.Partners.Id}" };
    }

    /// <summary>Addresses showing another organisation's draft to the partner (the council's Quarter 3 items), with text only the council may see there.</summary>
    private async Task<List<(string Template, string Url, string Marker)>> OtherOrganisationSamplesAsync()
    {
        var q3 = await Q3ItemsAsync();
        var samples = await DraftSamplesAsync(); // the whole draft, CED047's history among them
        samples.AddRange(
        [
            ("/my-updates", "/my-updates", "CED047"),
            ("/my-updates/{itemId:int}", $"/my-updates/{q3.Ced047.Id}", "Demonstration figure"),
            ("/api/v1/plans/{planRef}/monitoring/{period}/items", Q3Round + "/items", "CED047"),
        ]);
        return samples;
    }

    /// <summary>The partner's own Quarter 3 draft, which she must be able to read.</summary>
    private async Task<List<(string Template, string Url, string Marker)>> OwnOrganisationSamplesAsync()
    {
        var q3 = await Q3ItemsAsync();
        return
        [
            ("/my-updates", "/my-updates", "SCS CYP15"),
            ("/my-updates/{itemId:int}", $"/my-updates/{q3.Partners.Id}", PartnersMarker),
            ("/rounds/{id:int}/items/{itemId:int}/history", $"/rounds/{q3.Round}/items/{q3.Partners.Id}/history", PartnersMarker),
            ("/api/v1/plans/{planRef}/monitoring/{period}/items", Q3Round + "/items", "SCS CYP15"),
        ];
    }

    [Fact]
    public void Every_route_declares_its_organisation_rule_and_the_policy_agrees_with_it()
    {
        var routes = Routes(getOnly: false).DistinctBy(r => r.Template).ToList();
        var undeclared = routes.Where(r => !OrganisationRules.ContainsKey(r.Template)).Select(r => r.Template).ToList();
        Assert.True(undeclared.Count == 0, "Say which organisation rule these routes apply (OrganisationRules): " + string.Join(", ", undeclared));
        var gone = OrganisationRules.Keys.Except(routes.Select(r => r.Template)).ToList();
        Assert.True(gone.Count == 0, "OrganisationRules names routes that no longer exist: " + string.Join(", ", gone));

        var wrong = new List<string>();
        foreach (var (template, policy, _) in routes)
        {
            var rule = OrganisationRules[template];
            var admitsContributors = Admits[policy].Any(w => w is "Contributor" or "PartnerContributor");
            if (rule == OrganisationRule.CouncilOnly && policy != Policies.Council) wrong.Add($"{template}: council-only, but its policy is {policy}");
            if (policy == Policies.Council && rule != OrganisationRule.CouncilOnly) wrong.Add($"{template}: its policy is for the council's staff; declare it council-only");
            if (rule == OrganisationRule.NoContributor && admitsContributors) wrong.Add($"{template}: declared closed to contributors, but {policy} admits them");
            // Anything that shows a draft to contributors must say how it keeps another organisation's draft from them.
            if (admitsContributors && DraftRules[template] is DraftRule.CanSeeDraft or DraftRule.PolicyAdmitsOnlyDraftReaders
                && rule is not (OrganisationRule.WholeDraft or OrganisationRule.OwnItems))
                wrong.Add($"{template}: shows drafts to contributors, so it must apply the whole-draft or own-items rule");
        }
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_partner_contributor_cannot_read_another_organisations_draft_through_any_page_api_route_or_export()
    {
        var other = await OtherOrganisationSamplesAsync();
        var own = await OwnOrganisationSamplesAsync();
        var routes = Routes(getOnly: true).DistinctBy(r => r.Template).ToList();
        var needSamples = routes.Where(r => OrganisationRules[r.Template] is OrganisationRule.WholeDraft or OrganisationRule.OwnItems
                                            && Admits[r.Policy].Contains("PartnerContributor"))
            .Select(r => r.Template).Where(t => other.All(s => s.Template != t)).ToList();
        Assert.True(needSamples.Count == 0, "Add another organisation's draft sample for: " + string.Join(", ", needSamples));
        var needOwn = routes.Where(r => OrganisationRules[r.Template] == OrganisationRule.OwnItems).Select(r => r.Template)
            .Where(t => own.All(s => s.Template != t)).ToList();
        Assert.True(needOwn.Count == 0, "Add an own-organisation sample for: " + string.Join(", ", needOwn));

        var council = await app.SignedInClientAsync(Users["PerformanceOfficer"]);
        var partner = await app.SignedInClientAsync(Users["PartnerContributor"]);
        var wrong = new List<string>();
        foreach (var (_, url, marker) in other)
        {
            var seen = await council.GetAsync(url);
            var councilBody = await seen.Content.ReadAsStringAsync();
            // The council's own samples of pages for one person (My updates) are checked on the partner's side only.
            if (!url.StartsWith("/my-updates", StringComparison.Ordinal) && (!seen.IsSuccessStatusCode || !councilBody.Contains(marker, StringComparison.OrdinalIgnoreCase)))
                wrong.Add($"{url}: the performance team should see \"{marker}\" (got {(int)seen.StatusCode})");
            var response = await partner.GetAsync(url);
            if (!Refused(response) && (await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.OrdinalIgnoreCase))
                wrong.Add($"{url} as the partner: shows another organisation's draft (\"{marker}\"), {(int)response.StatusCode}");
        }
        foreach (var (_, url, marker) in own)
        {
            var response = await partner.GetAsync(url);
            if (!response.IsSuccessStatusCode || !(await response.Content.ReadAsStringAsync()).Contains(marker, StringComparison.OrdinalIgnoreCase))
                wrong.Add($"{url} as the partner: should show her own organisation's draft (\"{marker}\"), got {(int)response.StatusCode}");
        }

        // The offline workbook is an export too: hers holds her item and nobody else's.
        var q3 = await Q3ItemsAsync();
        var workbook = await partner.GetAsync($"/my-updates?handler=Workbook&round={q3.Round}");
        Assert.Equal(HttpStatusCode.OK, workbook.StatusCode);
        using var stream = new MemoryStream(await workbook.Content.ReadAsByteArrayAsync());
        var refs = stream.Query(useHeaderRow: true, sheetName: "Measures").Cast<IDictionary<string, object?>>().Select(r => r["ref"]?.ToString()).ToList();
        Assert.Equal(["SCS CYP15"], refs);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public async Task A_partner_contributor_cannot_change_another_organisations_items_through_the_page_the_api_or_the_workbook()
    {
        var q3 = await Q3ItemsAsync();
        var partner = await app.SignedInClientAsync(Users["PartnerContributor"]);

        // The update page: Forbid sends the page to the refusal page, and nothing is saved.
        var page = await partner.GetAsync($"/my-updates/{q3.Partners.Id}");
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = await partner.PostAsync($"/my-updates/{q3.Ced047.Id}?handler=Draft", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Version"] = q3.Ced047.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Value"] = "1.0", ["Status"] = "final", ["__RequestVerificationToken"] = token,
        }));
        Assert.True(Refused(post), $"POST to another organisation's item: {(int)post.StatusCode}");

        // The API, with the anti-forgery header a cookie call needs: 403, naming the organisation.
        partner.DefaultRequestHeaders.Add("RequestVerificationToken", token);
        var put = await partner.PutAsJsonAsync(Q3Round + "/items/CED047", new { value = 1.0, status = "final", submit = false, version = q3.Ced047.Version });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
        Assert.Contains("another organisation", (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        // The offline workbook: a row for another organisation's item rejects the file.
        using var file = new MemoryStream();
        file.SaveAs(new Dictionary<string, object>
        {
            ["Measures"] = new[] { new Dictionary<string, object?> { ["item"] = q3.Ced047.Id, ["ref"] = "CED047", ["measure"] = "", ["last period"] = "", ["value"] = 1.0, ["status"] = "final", ["note"] = "", ["commentary"] = "", ["reason"] = "", ["submit"] = "no" } },
            ["Milestones"] = new[] { new Dictionary<string, object?> { ["item"] = null, ["ref"] = null, ["milestone"] = null, ["last period"] = null, ["progress"] = null, ["commentary"] = null, ["submit"] = null } },
            ["Narrative"] = new[] { new Dictionary<string, object?> { ["item"] = null, ["section"] = null, ["commentary"] = null, ["submit"] = null } },
        });
        var upload = new MultipartFormDataContent
        {
            { new StringContent(q3.Round.ToString(System.Globalization.CultureInfo.InvariantCulture)), "round" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file.ToArray()), "file", "updates.xlsx" },
        };
        var uploaded = await partner.PostAsync("/my-updates?handler=Upload", upload);
        Assert.Contains("belongs to another organisation", await uploaded.Content.ReadAsStringAsync());

        // CED047 is as the demo left it: 4.9, the same version.
        var after = (await Q3ItemsAsync()).Ced047;
        Assert.Equal(q3.Ced047.Version, after.Version);
        Assert.Equal(4.9m, after.Value);

        // Her own item she can change.
        var mine = await partner.PutAsJsonAsync(Q3Round + "/items/SCS CYP15", new { value = 31.5, status = "provisional", submit = false, version = q3.Partners.Version });
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
    }

    [Fact]
    public async Task A_council_contributor_sees_the_councils_plan_whole_but_cannot_change_the_partners_item()
    {
        var q3 = await Q3ItemsAsync();
        var ann = await app.SignedInClientAsync(Users["Contributor"]);
        // The plan is the council's directorate's, so its whole draft is Ann's organisation's to read, partner's item included.
        Assert.Equal(HttpStatusCode.OK, (await ann.GetAsync("/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3")).StatusCode);
        Assert.Contains(PartnersMarker, await ann.GetStringAsync($"/rounds/{q3.Round}/items/{q3.Partners.Id}/history"));
        var edit = await ann.GetAsync($"/my-updates/{q3.Partners.Id}");
        Assert.True(Refused(edit), $"Ann opening the partner's item: {(int)edit.StatusCode}");
        ann.DefaultRequestHeaders.Add("RequestVerificationToken", Regex.Match(await ann.GetStringAsync("/my-updates"), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var put = await ann.PutAsJsonAsync(Q3Round + "/items/SCS CYP15", new { value = 1.0, status = "final", submit = false, version = q3.Partners.Version });
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }

    [Fact]
    public async Task The_lead_of_a_partner_sees_its_whole_draft_and_still_not_the_councils()
    {
        const string email = "lead.health@outturn.example";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OutturnUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
                var trust = await db.Set<Outturn.Domain.Organisations.Organisation>().SingleAsync(o => o.Ref == "NHS-BRIDGEWATER");
                var lead = new OutturnUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Lee Lead", OrganisationId = trust.Id };
                Assert.True((await users.CreateAsync(lead, OutturnApp.DemoPassword)).Succeeded);
                await users.AddToRoleAsync(lead, Roles.Contributor);
                await users.AddClaimAsync(lead, new System.Security.Claims.Claim(Roles.LeadClaim, "yes"));
            }
        }
        var q3 = await Q3ItemsAsync();
        var client = await app.SignedInClientAsync(email);
        var updates = await client.GetStringAsync("/my-updates");
        Assert.Contains("Your organisation's other items", updates);
        Assert.Contains("SCS CYP15", updates);
        Assert.DoesNotContain("CED047", updates);
        Assert.Contains(PartnersMarker, await client.GetStringAsync($"/rounds/{q3.Round}/items/{q3.Partners.Id}/history"));
        Assert.True(Refused(await client.GetAsync($"/rounds/{q3.Round}/items/{q3.Ced047.Id}/history")));
        Assert.True(Refused(await client.GetAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3")));
        // Seeing is not changing: the item is Nina's.
        var edit = await client.GetAsync($"/my-updates/{q3.Partners.Id}");
        Assert.True(Refused(edit));
    }

    [Fact]
    public async Task A_partner_is_refused_the_councils_own_pages_as_the_council_is_not()
    {
        var partner = await app.SignedInClientAsync(Users["PartnerContributor"]);
        var council = await app.SignedInClientAsync(Users["Contributor"]);
        foreach (var url in new[] { "/risks", "/dashboard", "/returns", "/api/v1/risks", "/api/v1/returns" })
        {
            Assert.True(Refused(await partner.GetAsync(url)), url);
            Assert.Equal(HttpStatusCode.OK, (await council.GetAsync(url)).StatusCode);
        }
    }
}
