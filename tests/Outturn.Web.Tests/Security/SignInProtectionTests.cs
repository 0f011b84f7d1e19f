using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Outturn.Application.Accounts;
using Outturn.Web.Features.Account;
using Outturn.Web.Security;

namespace Outturn.Web.Tests.Security;

/// <summary>The throttle's arithmetic, on a clock the test moves.</summary>
public sealed class SignInThrottleTests
{
    private static readonly DateTimeOffset Start = new(2016, 1, 12, 14, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly SignInThrottle _throttle;

    public SignInThrottleTests() => _throttle = new SignInThrottle(Options.Create(new SignInThrottleOptions()), _clock);

    [Fact]
    public void An_address_may_fail_ten_times_a_minute_then_waits_until_its_first_failure_is_a_minute_old()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(_throttle.RefusedUntil("192.0.2.1", $"person{i}@example.org"));
            _throttle.Failed("192.0.2.1", $"person{i}@example.org");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        // 14:00:10: ten failures since 14:00:00, so the eleventh waits until 14:01:00.
        Assert.Equal(Start.AddMinutes(1), _throttle.RefusedUntil("192.0.2.1", "someone.else@example.org"));
        Assert.Null(_throttle.RefusedUntil("192.0.2.2", "someone.else@example.org")); // another address is not affected
        _clock.SetUtcNow(Start.AddMinutes(1));
        Assert.Null(_throttle.RefusedUntil("192.0.2.1", "someone.else@example.org"));
    }

    [Fact]
    public void An_account_waits_one_minute_after_five_failures_in_a_row_then_twice_as_long_after_each_further_failure_up_to_fifteen()
    {
        void Fail() => _throttle.Failed($"198.51.100.{Random.Shared.Next(1, 250)}", "Tracey.Coffey@outturn.example");
        for (var i = 0; i < 4; i++) Fail();
        Assert.Null(_throttle.RefusedUntil("203.0.113.9", "tracey.coffey@outturn.example"));
        Fail();
        Assert.Equal(Start.AddMinutes(1), _throttle.RefusedUntil("203.0.113.9", "tracey.coffey@outturn.example"));

        // The waits after each further failure: 2, 4, 8, then 15 (not 16) and 15 again.
        foreach (var minutes in new[] { 2, 4, 8, 15, 15 })
        {
            _clock.SetUtcNow(_throttle.RefusedUntil("203.0.113.9", "tracey.coffey@outturn.example")!.Value);
            Assert.Null(_throttle.RefusedUntil("203.0.113.9", "tracey.coffey@outturn.example"));
            Fail();
            Assert.Equal(_clock.GetUtcNow().AddMinutes(minutes), _throttle.RefusedUntil("203.0.113.9", "tracey.coffey@outturn.example"));
        }
    }

    [Fact]
    public void A_right_password_ends_the_run_of_failures()
    {
        for (var i = 0; i < 4; i++) _throttle.Failed("192.0.2.1", "ann.mcintyre@outturn.example");
        _throttle.Succeeded("ann.mcintyre@outturn.example");
        for (var i = 0; i < 4; i++) _throttle.Failed("192.0.2.3", "ann.mcintyre@outturn.example");
        Assert.Null(_throttle.RefusedUntil("192.0.2.4", "ann.mcintyre@outturn.example"));
    }
}

/// <summary>The production limits: ten failed attempts a minute per address.</summary>
public sealed class StrictSignInApp : OutturnApp
{
    protected override int SignInAttemptsPerMinute => 10;
}

public sealed class SignInProtectionTests(StrictSignInApp app) : IClassFixture<StrictSignInApp>
{
    private HttpClient From(string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(OutturnApp.ClientAddressHeader, address);
        return client;
    }

    private static async Task<HttpResponseMessage> AttemptAsync(HttpClient client, string email, string password)
    {
        var form = await client.GetStringAsync("/sign-in");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Twenty_views_of_the_sign_in_page_from_one_address_in_a_minute_all_answer()
    {
        var client = From("192.0.2.10");
        for (var i = 0; i < 20; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/sign-in")).StatusCode);
    }

    [Fact]
    public async Task The_eleventh_failed_attempt_from_one_address_in_a_minute_is_refused_saying_when_to_try_again()
    {
        var client = From("192.0.2.11");
        for (var i = 0; i < 10; i++)
        {
            var failed = await AttemptAsync(client, $"guess{i}@outturn.example", "not-the-password");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains(SignInModel.WrongDetails, await failed.Content.ReadAsStringAsync());
        }

        // Even the right password is not checked now.
        var refused = await AttemptAsync(client, "admin@outturn.example", OutturnApp.DemoPassword);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 60);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts to sign in", html);
        Assert.Matches(@"Try again after <strong>\d\d:\d\d</strong> \(in 1 minute\)", html);
        Assert.DoesNotContain("has been recorded", html);
        // Another address in the same council is not kept out.
        Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync(From("192.0.2.12"), "admin@outturn.example", OutturnApp.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task An_account_that_exists_and_one_that_does_not_are_paused_alike_after_five_failures()
    {
        async Task<string> PausedPageAsync(string email)
        {
            for (var i = 0; i < 5; i++)
                Assert.Contains(SignInModel.WrongDetails, await (await AttemptAsync(From($"198.51.100.{i + 1}"), email, "wrong-password")).Content.ReadAsStringAsync());
            var sixth = await AttemptAsync(From("198.51.100.99"), email, OutturnApp.DemoPassword);
            Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
            var html = await sixth.Content.ReadAsStringAsync();
            // The page repeats the address typed; compare the rest.
            return Regex.Replace(html.Replace(email, "EMAIL"), @"name=""__RequestVerificationToken"" type=""hidden"" value=""[^""]+""", "");
        }

        var real = await PausedPageAsync("tracey.coffey@outturn.example");
        var unknown = await PausedPageAsync("nobody.here@outturn.example");

        Assert.Equal(real, unknown);
        Assert.DoesNotContain("locked", real);
    }

    [Fact]
    public void Sessions_are_checked_against_the_account_at_least_once_a_minute()
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(1), options.ValidationInterval);
    }
}

/// <summary>Sessions checked on every request, so a test need not wait the minute.</summary>
public sealed class SessionCheckApp : OutturnApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outturn:SignIn:SessionCheckInterval", "00:00:00");
    }
}

public sealed class SessionEndTests(SessionCheckApp app) : IClassFixture<SessionCheckApp>
{
    [Fact]
    public async Task Disabling_an_account_ends_its_session_and_refuses_its_sign_in()
    {
        var session = await app.SignedInClientAsync("tracey.coffey@outturn.example");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/my-updates")).StatusCode);

        using (var scope = app.Services.CreateScope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<AccountAdministration>().DisableAsync("tracey.coffey@outturn.example", "admin@outturn.example")).Succeeded);

        var after = await session.GetAsync("/my-updates");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/sign-in", after.Headers.Location!.ToString());
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync("tracey.coffey@outturn.example"));
        Assert.Contains("failed: 200", error.Message);
    }

    [Fact]
    public async Task Changing_the_password_ends_other_sessions()
    {
        var session = await app.SignedInClientAsync("ann.mcintyre@outturn.example");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/my-updates")).StatusCode);

        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<OutturnUser>>();
            var ann = (await users.FindByEmailAsync("ann.mcintyre@outturn.example"))!;
            Assert.True((await users.ChangePasswordAsync(ann, OutturnApp.DemoPassword, "a much longer passphrase 2016")).Succeeded);
        }

        var after = await session.GetAsync("/my-updates");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/sign-in", after.Headers.Location!.ToString());
    }
}
