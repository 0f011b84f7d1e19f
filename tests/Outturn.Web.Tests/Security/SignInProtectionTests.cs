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

/// <summary>
/// The throttle's arithmetic, on a clock the test moves, with its counts in a database of each provider; a second
/// instance on the same database sees the same counts.
/// </summary>
public abstract class SignInThrottleTests(Outturn.Application.Data.DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2016, 1, 12, 14, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly Outturn.Web.Tests.Hosting.ThrottleStore _store = new(provider);
    private SignInThrottle _throttle = null!;

    public async Task InitializeAsync()
    {
        await _store.InitializeAsync();
        _throttle = Instance();
    }

    public Task DisposeAsync() => _store.DisposeAsync();

    /// <summary>A throttle as another instance of the app would have it: its own services, the same database.</summary>
    private SignInThrottle Instance() =>
        new(_store.NewInstance().GetRequiredService<IServiceScopeFactory>(), Options.Create(new SignInThrottleOptions()), _clock);

    [Fact]
    public async Task An_address_may_fail_ten_times_a_minute_then_waits_until_its_first_failure_is_a_minute_old()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(await _throttle.RefusedUntilAsync("192.0.2.1", $"person{i}@example.org"));
            await _throttle.FailedAsync("192.0.2.1", $"person{i}@example.org");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        // 14:00:10: ten failures since 14:00:00, so the eleventh waits until 14:01:00.
        Assert.Equal(Start.AddMinutes(1), await _throttle.RefusedUntilAsync("192.0.2.1", "someone.else@example.org"));
        Assert.Null(await _throttle.RefusedUntilAsync("192.0.2.2", "someone.else@example.org")); // another address is not affected
        _clock.SetUtcNow(Start.AddMinutes(1));
        Assert.Null(await _throttle.RefusedUntilAsync("192.0.2.1", "someone.else@example.org"));
    }

    [Fact]
    public async Task An_account_waits_one_minute_after_five_failures_in_a_row_then_twice_as_long_after_each_further_failure_up_to_fifteen()
    {
        Task Fail() => _throttle.FailedAsync($"198.51.100.{Random.Shared.Next(1, 250)}", "Tracey.Coffey@outturn.example");
        for (var i = 0; i < 4; i++) await Fail();
        Assert.Null(await _throttle.RefusedUntilAsync("203.0.113.9", "tracey.coffey@outturn.example"));
        await Fail();
        Assert.Equal(Start.AddMinutes(1), await _throttle.RefusedUntilAsync("203.0.113.9", "tracey.coffey@outturn.example"));

        // The waits after each further failure: 2, 4, 8, then 15 (not 16) and 15 again.
        foreach (var minutes in new[] { 2, 4, 8, 15, 15 })
        {
            _clock.SetUtcNow((await _throttle.RefusedUntilAsync("203.0.113.9", "tracey.coffey@outturn.example"))!.Value);
            Assert.Null(await _throttle.RefusedUntilAsync("203.0.113.9", "tracey.coffey@outturn.example"));
            await Fail();
            Assert.Equal(_clock.GetUtcNow().AddMinutes(minutes), await _throttle.RefusedUntilAsync("203.0.113.9", "tracey.coffey@outturn.example"));
        }
    }

    [Fact]
    public async Task A_right_password_ends_the_run_of_failures()
    {
        for (var i = 0; i < 4; i++) await _throttle.FailedAsync("192.0.2.1", "ann.mcintyre@outturn.example");
        await _throttle.SucceededAsync("ann.mcintyre@outturn.example");
        for (var i = 0; i < 4; i++) await _throttle.FailedAsync("192.0.2.3", "ann.mcintyre@outturn.example");
        Assert.Null(await _throttle.RefusedUntilAsync("192.0.2.4", "ann.mcintyre@outturn.example"));
    }

    [Fact]
    public async Task Failures_at_two_instances_count_together_for_the_address_and_the_account()
    {
        var other = Instance();
        // Five failures at each instance, at once: the address has had ten, the account ten in a row.
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => (i % 2 == 0 ? _throttle : other).FailedAsync("192.0.2.7", "director@outturn.example")));

        Assert.Equal(Start.AddMinutes(1), await other.RefusedUntilAsync("192.0.2.7", "someone.else@example.org"));
        Assert.Equal(Start.AddMinutes(1), await _throttle.RefusedUntilAsync("192.0.2.7", "someone.else@example.org"));
        // Ten in a row: five to the first wait, five doublings since (2, 4, 8, 16 → 15, 15).
        Assert.Equal(Start.AddMinutes(15), await _throttle.RefusedUntilAsync("203.0.113.1", "director@outturn.example"));
        Assert.Equal(Start.AddMinutes(15), await other.RefusedUntilAsync("203.0.113.1", "Director@Outturn.example "));
    }

    [Fact]
    public async Task The_account_name_is_not_stored_and_what_has_stopped_counting_is_swept()
    {
        await _throttle.FailedAsync("192.0.2.8", "nobody.here@outturn.example");
        Assert.DoesNotContain(await _store.AccountKeysAsync(), k => k.Contains("nobody", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(1, await _store.CountAsync<Outturn.Application.Accounts.SignInFailure>());

        // A day and a minute on, another failure sweeps the first address's failure and the quiet run of the first name.
        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await _throttle.FailedAsync("192.0.2.9", "someone.else@example.org");
        Assert.Equal(1, await _store.CountAsync<Outturn.Application.Accounts.SignInFailure>());
        Assert.Equal(1, await _store.CountAsync<Outturn.Application.Accounts.SignInWait>());
    }
}

public sealed class SignInThrottleTestsOnSqlite() : SignInThrottleTests(Outturn.Application.Data.DatabaseProvider.Sqlite);

public sealed class SignInThrottleTestsOnPostgres() : SignInThrottleTests(Outturn.Application.Data.DatabaseProvider.Postgres);

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
