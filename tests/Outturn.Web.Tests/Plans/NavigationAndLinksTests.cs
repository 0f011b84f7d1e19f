using System.Net;
using System.Text.RegularExpressions;

namespace Outturn.Web.Tests.Plans;

/// <summary>What each person is offered: the service navigation for their role, and links only to what they can open.</summary>
public sealed partial class NavigationAndLinksTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private static IReadOnlyList<string> Menu(string html) =>
        MenuItem().Matches(html).Select(m => WebUtility.HtmlDecode(Regex.Replace(m.Groups[1].Value, "<[^>]+>", "")).Trim()).ToList();

    [GeneratedRegex(@"<li class=""govuk-service-navigation__item[^""]*""><a class=""govuk-service-navigation__link""[^>]*>(.*?)</a></li>", RegexOptions.Singleline)]
    private static partial Regex MenuItem();

    [Fact]
    public async Task The_public_menu_leads_to_what_the_public_can_read_and_staff_menus_add_what_each_role_can_use()
    {
        string[] published = ["Plans", "Reports", "Boards", "Inspections", "Budgets", "Equality", "You said, we did"];
        Assert.Equal([.. published, "Sign in"], Menu(await app.CreateClient().GetStringAsync("/boards")));

        var contributor = await app.SignedInClientAsync("ann.mcintyre@outturn.example");
        Assert.Equal([.. published, "My updates", "Reporting rounds", "Dashboard", "Risks", "Statutory returns", "Your account", "Sign out"],
            Menu(await contributor.GetStringAsync("/boards")));
        var councillor = await app.SignedInClientAsync("councillor@outturn.example");
        Assert.DoesNotContain("My updates", Menu(await councillor.GetStringAsync("/boards")));
        // A partner's officer (the NHS trust) is not offered the council's own dashboard, risk register or returns.
        var partner = await app.SignedInClientAsync("nina.health@outturn.example");
        Assert.Equal([.. published, "My updates", "Reporting rounds", "Your account", "Sign out"], Menu(await partner.GetStringAsync("/boards")));
        var admin = await app.SignedInClientAsync("admin@outturn.example");
        Assert.Contains("Accounts", Menu(await admin.GetStringAsync("/boards")));

        // Every item of every menu opens for the person it is shown to.
        foreach (var (client, html) in new[] { (contributor, await contributor.GetStringAsync("/")), (councillor, await councillor.GetStringAsync("/")), (partner, await partner.GetStringAsync("/")) })
            foreach (Match m in Regex.Matches(html, @"class=""govuk-service-navigation__link"" href=""([^""]+)"""))
            {
                var response = await client.GetAsync(m.Groups[1].Value);
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{m.Groups[1].Value}: {(int)response.StatusCode}");
            }
    }

    [Fact]
    public async Task Links_are_shown_only_to_those_who_can_follow_them()
    {
        var anonymous = app.CreateClient();
        // Quarter 3's round is open in the demo: its monitoring and report card are drafts, not for the public.
        var plan = await anonymous.GetStringAsync("/plans/HBC-CYP-2015-16");
        Assert.Contains("/monitoring/2015-16-Q2", plan);
        Assert.DoesNotContain("/monitoring/2015-16-Q3", plan);
        Assert.DoesNotContain("/report-card/2015-16-Q3", plan);
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        Assert.Contains("/monitoring/2015-16-Q3", await officer.GetStringAsync("/plans/HBC-CYP-2015-16"));

        Assert.DoesNotContain("/finance/import", await anonymous.GetStringAsync("/finance"));
        Assert.Contains("/finance/import", await officer.GetStringAsync("/finance"));

        var contributor = await app.SignedInClientAsync("ann.mcintyre@outturn.example");
        var returns = await contributor.GetStringAsync("/returns");
        Assert.DoesNotContain("/returns/upload", returns);
        Assert.DoesNotContain("/returns/fill", returns);
        Assert.Contains("/returns/upload", await officer.GetStringAsync("/returns"));
    }

    [Fact]
    public async Task The_monitoring_page_has_a_contents_list_and_can_show_its_reds_and_ambers_only()
    {
        var anonymous = app.CreateClient();
        var whole = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2"));
        Assert.Contains("<a class=\"govuk-link\" href=\"#priority-1\">Priority: Integrated Commissioning", whole);
        Assert.Contains("href=\"#financial-summaries\">Financial Summaries</a>", whole);
        Assert.Contains("href=\"#symbols\">Explanation of symbols</a>", whole);

        var exceptions = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2?show=exceptions"));
        // The Q2 report (docs/sources.md §2.5): CED033 is published amber (an officer's judgement over a computed red);
        // SCS CYP05 (6%, target 8.5%, lower is better) and CED047 are green.
        Assert.Contains(">CED033</a>", exceptions);
        Assert.DoesNotContain(">SCS CYP05</a>", exceptions);
        Assert.DoesNotContain(">CED047</a>", exceptions);
        Assert.Contains(">SCS CYP05</a>", whole);
        Assert.Contains("Showing exceptions only", exceptions);
    }
}
