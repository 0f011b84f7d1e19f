using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Web.Tests.Security;

public sealed class AccountTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private static string Token(string html, string name) =>
        Regex.Match(html, $"name=\"{name}\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    [Fact]
    public async Task A_personal_access_token_issued_by_an_administrator_works_until_revoked()
    {
        var admin = await app.SignedInClientAsync("admin@outturn.example");
        var page = await admin.GetStringAsync("/admin/tokens");
        string directorId;
        using (var scope = app.Services.CreateScope())
            directorId = (await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Users.SingleAsync(u => u.Email == "director@outturn.example")).Id;
        var issued = await admin.PostAsync("/admin/tokens?handler=Issue", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userId"] = directorId, ["name"] = "Committee system", ["__RequestVerificationToken"] = Token(page, "__RequestVerificationToken"),
        }));
        var secret = Regex.Match(await issued.Content.ReadAsStringAsync(), "<code id=\"new-token\">([^<]+)</code>").Groups[1].Value;
        Assert.StartsWith("ott_", secret);

        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        // The Q3 round is open: a draft, which the approver may read.
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3")).StatusCode);

        int tokenId;
        using (var scope = app.Services.CreateScope())
            tokenId = (await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<ApiToken>().SingleAsync(t => t.Name == "Committee system")).Id;
        page = await admin.GetStringAsync("/admin/tokens");
        await admin.PostAsync("/admin/tokens?handler=Revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["tokenId"] = tokenId.ToString(), ["__RequestVerificationToken"] = Token(page, "__RequestVerificationToken"),
        }));

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3")).StatusCode);
        var bogus = app.CreateClient();
        bogus.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "ott_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bogus.GetAsync("/api/v1/rounds")).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_form_post_without_the_anti_forgery_token_is_refused()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "admin@outturn.example", ["Password"] = OutturnApp.DemoPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Commentary_is_shown_as_text_never_as_markup()
    {
        using (var scope = app.Services.CreateScope())
        {
            var rounds = scope.ServiceProvider.GetRequiredService<RoundViews>();
            var round = (await rounds.FindAsync("HBC-CYP-2015-16", Period.Quarter(2015, 3)))!;
            var item = round.Items.First(i => i.Section == NarrativeSection.SupportingCommentary);
            var result = await scope.ServiceProvider.GetRequiredService<SaveItem>().HandleAsync(new SaveItem.Request(round.Id, item.Id, item.Version, new ItemUpdate(null, null, null, null, "<script>alert('x')</script> & more"), true), new Actor("performance@outturn.example", null, true));
            Assert.IsType<SaveResult.Saved>(result);
        }
        var staff = await app.SignedInClientAsync("performance@outturn.example");
        var html = await staff.GetStringAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more", html);
        Assert.DoesNotContain("<script>alert(", html);
    }
}

public sealed class ProductionApp : OutturnApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        // Outside Development the demo loads only when asked; a council trying Outturn out on a server asks.
        builder.UseSetting("Outturn:Demo:LoadOnFirstStart", "true");
    }
}

public sealed class DemoPasswordTests
{
    [Fact]
    public void Outside_development_the_app_refuses_to_start_while_a_demo_password_is_unchanged()
    {
        using var app = new ProductionApp();
        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        var message = error is AggregateException a ? a.InnerException!.Message : error.Message;
        Assert.Contains("demo accounts keep the published demo password", message);
        Assert.Contains("admin@outturn.example", message);
    }
}
