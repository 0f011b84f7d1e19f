using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;

namespace Outturn.Web.Tests.Security;

/// <summary>The app as a council runs it: Production, its own empty database (no demo), HTTPS on port 443.</summary>
public sealed class ProductionHttpsApp : OutturnApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
        builder.UseSetting("Outturn:Demo:LoadOnFirstStart", "false");
        builder.UseSetting("https_port", "443");
    }
}

/// <summary>Outside Development: plain HTTP is sent to HTTPS, HSTS is set, and every cookie is Secure.</summary>
public sealed class ProductionHardeningTests(ProductionHttpsApp app) : IClassFixture<ProductionHttpsApp>
{
    // HSTS is never sent to localhost (browsers would remember it for every local project), so a council's name is used.
    private HttpClient Client(string scheme) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri($"{scheme}://outturn.council.example"), AllowAutoRedirect = false, HandleCookies = true,
    });

    [Fact]
    public async Task Plain_HTTP_is_redirected_to_HTTPS_and_HTTPS_answers_with_HSTS()
    {
        var plain = await Client("http").GetAsync("/sign-in");
        Assert.True(plain.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect, $"{(int)plain.StatusCode}");
        Assert.Equal("https://outturn.council.example/sign-in", plain.Headers.Location!.ToString());
        Assert.False(plain.Headers.Contains("Strict-Transport-Security")); // HSTS only means something over HTTPS

        var secure = await Client("https").GetAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Equal("max-age=31536000; includeSubDomains", string.Join(",", secure.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task The_anti_forgery_and_sign_in_cookies_are_Secure_and_HttpOnly()
    {
        const string email = "first.admin@council.example";
        const string password = "correct horse battery staple";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OutturnUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
                if (!await roles.RoleExistsAsync(Roles.Administrator)) await roles.CreateAsync(new IdentityRole(Roles.Administrator));
                var user = new OutturnUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "First Admin" };
                Assert.True((await users.CreateAsync(user, password)).Succeeded);
                await users.AddToRoleAsync(user, Roles.Administrator);
            }
        }
        var client = Client("https");
        var form = await client.GetAsync("/sign-in");
        var antiforgery = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);

        var token = Regex.Match(await form.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("outturn=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }
}
