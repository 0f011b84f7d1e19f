using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Returns;

namespace Outturn.Web.Tests.Hosting;

/// <summary>
/// Two instances of the app on one PostgreSQL database, as behind a load balancer: whatever one hands a browser,
/// the other accepts, because the keys and secrets behind it are in the database and not in either's folder.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private PostgresOutturnApp _a = null!;
    private PostgresOutturnApp _b = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _a = new PostgresOutturnApp(_database.ConnectionString);
        _b = new PostgresOutturnApp(_database.ConnectionString);
        _ = _a.Server; // migrates and loads the demo
        _ = _b.Server;
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _database.DisposeAsync();
    }

    /// <summary>A browser's cookies, carried by hand from one instance to the other.</summary>
    private sealed class Jar
    {
        private readonly Dictionary<string, string> _cookies = [];

        public async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpRequestMessage request)
        {
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
            return response;
        }
    }

    private static HttpClient Client(OutturnApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    [Fact]
    public async Task A_form_from_one_instance_posted_to_the_other_signs_in_and_the_cookie_is_good_at_both()
    {
        var jar = new Jar();
        var a = Client(_a);
        var b = Client(_b);

        var form = await (await jar.SendAsync(a, new HttpRequestMessage(HttpMethod.Get, "/sign-in"))).Content.ReadAsStringAsync();
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await jar.SendAsync(b, new HttpRequestMessage(HttpMethod.Post, "/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "admin@outturn.example", ["Password"] = OutturnApp.DemoPassword, ["__RequestVerificationToken"] = token,
            }),
        });

        // The anti-forgery token made by A was accepted by B, which signed the user in (a redirect, not a 400).
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("sign-in", signIn.Headers.Location?.ToString() ?? "");
        // B's sign-in cookie opens an administrators' page at A, and at B.
        Assert.Equal(HttpStatusCode.OK, (await jar.SendAsync(a, new HttpRequestMessage(HttpMethod.Get, "/admin/tokens"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jar.SendAsync(b, new HttpRequestMessage(HttpMethod.Get, "/admin/tokens"))).StatusCode);
        // Without it, the page sends to sign in: the test would not tell otherwise.
        Assert.Equal(HttpStatusCode.Redirect, (await a.GetAsync("/admin/tokens")).StatusCode);
    }

    [Fact]
    public void A_child_has_the_same_pseudonym_at_both_instances()
    {
        var atA = _a.Services.GetRequiredService<ReturnsSettings>().Pseudonym("CHILD-0001");
        var atB = _b.Services.GetRequiredService<ReturnsSettings>().Pseudonym("CHILD-0001");

        Assert.Equal(atA, atB);
        Assert.Matches("^C-[0-9A-F]{10}$", atA);
    }
}
