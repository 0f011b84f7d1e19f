using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Web.Tests.Accounts;

/// <summary>
/// Outturn configured as a council would configure it for Entra ID, pointed at a real OpenID Connect provider
/// started for the test run (<see cref="TestOpenIdProvider"/>): halton.gov.example people get an account on first
/// sign-in, the "outturn-performance" group makes someone a performance officer and "outturn-eip" places them in the
/// Education, Inclusion and Provision Service.
/// </summary>
public sealed class SingleSignOnApp : OutturnApp, IAsyncLifetime
{
    public const string Callback = "http://localhost/sign-in/organisation/callback";

    public TestOpenIdProvider Provider { get; private set; } = null!;

    public async Task InitializeAsync() => Provider = await TestOpenIdProvider.StartAsync(Callback);

    async Task IAsyncLifetime.DisposeAsync() => await Provider.DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outturn:Oidc:Authority", Provider.BaseUrl);
        builder.UseSetting("Outturn:Oidc:ClientId", TestOpenIdProvider.ClientId);
        builder.UseSetting("Outturn:Oidc:ClientSecret", TestOpenIdProvider.ClientSecret);
        builder.UseSetting("Outturn:Oidc:RequireHttpsMetadata", "false");
        builder.UseSetting("Outturn:Oidc:JustInTime:Domains", "halton.gov.example");
        builder.UseSetting("Outturn:Oidc:JustInTime:Role", "Contributor");
        builder.UseSetting("Outturn:Oidc:JustInTime:Organisation", "HBC-CYP");
        builder.UseSetting("Outturn:Oidc:Roles:outturn-performance", "PerformanceOfficer");
        builder.UseSetting("Outturn:Oidc:Organisations:outturn-eip", "HBC-CYP-EIP");
    }
}

public sealed class SingleSignOnTests(SingleSignOnApp app) : IClassFixture<SingleSignOnApp>
{
    /// <summary>
    /// A browser's cookie jar for two sites, kept by hand: the sign-in's correlation cookies are marked Secure, which
    /// a real browser sends to a loopback address and .NET's own cookie container, on plain HTTP, would not.
    /// </summary>
    private sealed class CookieJar : DelegatingHandler
    {
        private readonly Dictionary<string, Dictionary<string, string>> _byHost = [];

        public CookieJar(HttpMessageHandler? inner = null) { if (inner is not null) InnerHandler = inner; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var host = request.RequestUri!.Authority;
            if (_byHost.TryGetValue(host, out var cookies) && cookies.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await base.SendAsync(request, ct);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                var jar = _byHost.TryGetValue(host, out var j) ? j : _byHost[host] = [];
                foreach (var header in set)
                {
                    var pair = header.Split(';')[0];
                    var (name, value) = (pair[..pair.IndexOf('=')], pair[(pair.IndexOf('=') + 1)..]);
                    var expired = Regex.IsMatch(header, "expires=Thu, 01 Jan 1970", RegexOptions.IgnoreCase) || Regex.IsMatch(header, "max-age=0", RegexOptions.IgnoreCase);
                    if (expired || value.Length == 0) jar.Remove(name); else jar[name] = value;
                }
            }
            return response;
        }
    }

    private sealed record Browser(HttpClient Outturn, HttpClient Provider);

    private Browser NewBrowser()
    {
        var outturn = app.CreateDefaultClient(new CookieJar());
        var provider = new HttpClient(new CookieJar(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }));
        return new Browser(outturn, provider);
    }

    /// <summary>Follows "Sign in with your organisation's account" to the end, as a browser would; returns where it lands.</summary>
    private async Task<(string Path, HttpResponseMessage Response)> SignInThroughProviderAsync(Browser browser, TestOpenIdProvider.Person person)
    {
        app.Provider.Next = person;
        var response = await browser.Outturn.GetAsync("/sign-in/organisation?returnUrl=%2Faccount");
        var path = "/sign-in/organisation";
        for (var hop = 0; hop < 12; hop++)
        {
            if (response.StatusCode == HttpStatusCode.OK && response.RequestMessage!.RequestUri!.Authority != "localhost")
            {
                // The provider answers with a form that posts the code back to Outturn (response_mode=form_post).
                var html = await response.Content.ReadAsStringAsync();
                var action = WebUtility.HtmlDecode(Regex.Match(html, "<form[^>]*action=\"([^\"]+)\"").Groups[1].Value);
                Assert.StartsWith(SingleSignOnApp.Callback, action);
                var fields = Regex.Matches(html, "<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
                    .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
                response = await browser.Outturn.PostAsync(new Uri(action).PathAndQuery, new FormUrlEncodedContent(fields));
                path = new Uri(action).AbsolutePath;
                continue;
            }
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther)) break;
            var location = response.Headers.Location!;
            if (location.IsAbsoluteUri && location.Authority != "localhost")
                response = await browser.Provider.GetAsync(location);
            else
            {
                path = location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
                if (path.StartsWith("/errors/", StringComparison.Ordinal) || path == "/account" || path == "/sign-in") break;
                response = await browser.Outturn.GetAsync(path);
            }
        }
        return (path, response);
    }

    private async Task<(OutturnUser? User, IList<string> Roles, string? Organisation)> AccountAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OutturnUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null) return (null, [], null);
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var org = await db.Set<Outturn.Domain.Organisations.Organisation>().Where(o => o.Id == user.OrganisationId).Select(o => o.Ref).FirstOrDefaultAsync();
        return (user, await users.GetRolesAsync(user), org);
    }

    [Fact]
    public async Task An_existing_account_signs_in_through_the_provider_matched_by_email()
    {
        var browser = NewBrowser();
        var (path, _) = await SignInThroughProviderAsync(browser, new("performance@outturn.example", "Pat Performance"));
        Assert.Equal("/account", path);
        var account = await browser.Outturn.GetAsync("/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.Contains("performance@outturn.example", await account.Content.ReadAsStringAsync());
        // Still a performance officer: the round's own page is theirs.
        Assert.Equal(HttpStatusCode.OK, (await browser.Outturn.GetAsync("/returns/upload")).StatusCode);
    }

    [Fact]
    public async Task A_person_of_a_listed_domain_gets_an_account_on_first_sign_in_with_the_role_and_organisation_their_groups_map_to()
    {
        var browser = NewBrowser();
        var (path, _) = await SignInThroughProviderAsync(browser, new("sam.jones@halton.gov.example", "Sam Jones", "outturn-performance", "outturn-eip", "all-staff"));
        Assert.Equal("/account", path);
        var (user, roles, organisation) = await AccountAsync("sam.jones@halton.gov.example");
        Assert.NotNull(user);
        Assert.Equal("Sam Jones", user.DisplayName);
        Assert.Equal(["PerformanceOfficer"], roles);
        Assert.Equal("HBC-CYP-EIP", organisation);
        Assert.False(await app.Services.CreateScope().ServiceProvider.GetRequiredService<UserManager<OutturnUser>>().HasPasswordAsync(user));
        // The group made them a performance officer, so a performance officer's page answers.
        Assert.Equal(HttpStatusCode.OK, (await browser.Outturn.GetAsync("/returns/upload")).StatusCode);
    }

    [Fact]
    public async Task Without_a_mapped_group_the_new_account_takes_the_default_role_and_organisation()
    {
        var browser = NewBrowser();
        var (path, _) = await SignInThroughProviderAsync(browser, new("kim.lee@halton.gov.example", "Kim Lee", "all-staff"));
        Assert.Equal("/account", path);
        var (_, roles, organisation) = await AccountAsync("kim.lee@halton.gov.example");
        Assert.Equal(["Contributor"], roles);
        Assert.Equal("HBC-CYP", organisation);
        Assert.Equal(HttpStatusCode.OK, (await browser.Outturn.GetAsync("/my-updates")).StatusCode);
        var refused = await browser.Outturn.GetAsync("/returns/upload");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/errors/403", refused.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Someone_of_another_domain_without_an_account_is_refused_and_no_account_is_made()
    {
        var browser = NewBrowser();
        var (path, _) = await SignInThroughProviderAsync(browser, new("eve@elsewhere.example", "Eve", "outturn-performance"));
        Assert.Equal("/errors/403", path);
        Assert.Null((await AccountAsync("eve@elsewhere.example")).User);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Outturn.GetAsync("/account")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_account_is_refused_at_the_provider_sign_in()
    {
        var first = NewBrowser();
        Assert.Equal("/account", (await SignInThroughProviderAsync(first, new("lou.price@halton.gov.example", "Lou Price"))).Path);
        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountAdministration>().DisableAsync("lou.price@halton.gov.example", "admin@outturn.example")).Succeeded);

        var again = NewBrowser();
        var (path, _) = await SignInThroughProviderAsync(again, new("lou.price@halton.gov.example", "Lou Price"));
        Assert.Equal("/errors/403", path);
        var account = await again.Outturn.GetAsync("/account");
        Assert.Equal(HttpStatusCode.Redirect, account.StatusCode);
        Assert.Contains("/sign-in", account.Headers.Location!.ToString());
    }
}
