using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Documents;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Web.Tests.Hosting;

/// <summary>The app behind a proxy at 198.51.100.254 that it trusts, with the production sign-in limits.</summary>
public sealed class ProxiedApp : OutturnApp
{
    public const string TrustedProxy = "198.51.100.254";

    protected override int SignInAttemptsPerMinute => 10;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outturn:Proxy:KnownProxies", TrustedProxy);
    }
}

public sealed class ProxyTests(ProxiedApp app) : IClassFixture<ProxiedApp>
{
    private HttpClient From(string connection, string? forwardedFor = null, string? forwardedProto = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(OutturnApp.ClientAddressHeader, connection);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        if (forwardedProto is not null) client.DefaultRequestHeaders.Add("X-Forwarded-Proto", forwardedProto);
        return client;
    }

    private static async Task<HttpResponseMessage> FailAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/sign-in");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        return await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = "not-the-password", ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Behind_the_trusted_proxy_the_sign_in_limit_counts_each_client_address_it_forwards()
    {
        var client = From(ProxiedApp.TrustedProxy, forwardedFor: "203.0.113.21");
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await FailAsync(client, $"guess{i}@outturn.example")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await FailAsync(client, "guess10@outturn.example")).StatusCode);
        // Another client behind the same proxy is its own address, not kept out with the first.
        Assert.Equal(HttpStatusCode.OK, (await FailAsync(From(ProxiedApp.TrustedProxy, forwardedFor: "203.0.113.22"), "guess11@outturn.example")).StatusCode);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_address_not_trusted_are_ignored()
    {
        // A client that names another address to escape the limit is counted by its own connection.
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.OK, (await FailAsync(From("192.0.2.41", forwardedFor: $"203.0.113.{100 + i}"), $"try{i}@outturn.example")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await FailAsync(From("192.0.2.41", forwardedFor: "203.0.113.200"), "try10@outturn.example")).StatusCode);
    }

    [Fact]
    public async Task Https_forwarded_by_the_trusted_proxy_makes_cookies_secure_and_from_anyone_else_does_not()
    {
        static string AntiforgeryCookie(HttpResponseMessage r) => r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

        var viaProxy = await From(ProxiedApp.TrustedProxy, forwardedFor: "203.0.113.23", forwardedProto: "https").GetAsync("/sign-in");
        var spoofed = await From("192.0.2.42", forwardedProto: "https").GetAsync("/sign-in");

        Assert.Contains("secure", AntiforgeryCookie(viaProxy), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", AntiforgeryCookie(spoofed), StringComparison.OrdinalIgnoreCase);
    }
}

public sealed class HealthTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    [Fact]
    public async Task Live_and_ready_answer_healthy_when_the_database_answers_and_is_at_the_latest_migration()
    {
        var client = app.CreateClient();
        var live = await client.GetAsync("/health/live");
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("healthy", (await JsonAsync(live)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = (await JsonAsync(ready)).GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("healthy", checks["database"]);
        Assert.Equal("healthy", checks["migrations"]);
        Assert.Equal("no-store", ready.Headers.CacheControl?.ToString());
    }
}

/// <summary>An instance started on a PostgreSQL database nobody has migrated, as before `outturn db migrate` has run.</summary>
public sealed class UnmigratedHealthTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();

    public Task InitializeAsync() => _database.InitializeAsync();
    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task Ready_says_the_migrations_are_missing_while_live_still_answers()
    {
        await using var app = new PostgresOutturnApp(_database.ConnectionString, new Dictionary<string, string>
        {
            ["Outturn:Database:MigrateOnStart"] = "false", ["Outturn:Demo:LoadOnFirstStart"] = "false",
        });
        var client = app.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        var migrations = body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "migrations");
        Assert.Equal("unhealthy", migrations.GetProperty("status").GetString());
        Assert.Contains("outturn db migrate", migrations.GetProperty("description").GetString());
        // The database itself answers: only its schema is behind. Nothing about it beyond that is told.
        Assert.Equal("healthy", body.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "database").GetProperty("status").GetString());
        Assert.DoesNotContain(_database.ConnectionString.Split(';')[0], body.ToString());
    }
}

/// <summary>The app logging as JSON, with a second log provider that keeps what is written for the test to read.</summary>
public sealed class JsonLoggingApp : OutturnApp
{
    public ConcurrentQueue<(string Category, string Message)> Written { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outturn:Logging:Format", "json");
        builder.ConfigureLogging(l => l.AddProvider(new KeepingProvider(Written)));
    }

    private sealed class KeepingProvider(ConcurrentQueue<(string, string)> written) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Keeper(categoryName, written);
        public void Dispose() { }
    }

    private sealed class Keeper(string category, ConcurrentQueue<(string, string)> written) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            written.Enqueue((category, formatter(state, exception)));
    }
}

public sealed class RequestLogTests(JsonLoggingApp app) : IClassFixture<JsonLoggingApp>
{
    [Fact]
    public async Task Each_request_is_logged_by_its_route_without_the_address_typed_or_who_made_it()
    {
        var client = await app.SignedInClientAsync("tracey.coffey@outturn.example");
        await client.GetAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2?from=tracey.coffey@outturn.example");

        var requests = app.Written.Where(w => w.Category == "Outturn.Requests").Select(w => w.Message).ToList();
        Assert.Contains("GET /plans/{planRef}/monitoring/{period} answered 200", string.Join("\n", requests));
        Assert.Contains(requests, r => r.StartsWith("POST /sign-in answered 302 in ", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Written, w => w.Message.Contains("tracey", StringComparison.OrdinalIgnoreCase));
        // A refusal answered by the exception handler (the demo's Quarter 3 round is open already) keeps its route.
        var officer = await app.TokenClientAsync("performance@outturn.example");
        Assert.Equal(HttpStatusCode.Conflict, (await officer.PostAsJsonAsync("/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3/open", new { deadline = "2016-01-15" })).StatusCode);
        Assert.Contains("POST /api/v1/plans/{planRef}/monitoring/{period}/open answered 409", string.Join("\n", app.Written.Where(w => w.Category == "Outturn.Requests").Select(w => w.Message)));
        // The console writes JSON lines.
        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }
}

public sealed class PublishedReportCacheTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private const string Q2 = "/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2";
    private const string Q2Api = "/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2";

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    private async Task<string> TokenAsync(string email)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        var secret = ApiToken.NewSecret();
        db.Add(new ApiToken { UserId = user.Id, Name = "Cache tests", Hash = ApiToken.HashOf(secret), Prefix = secret[..8], CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "tests" });
        await db.SaveChangesAsync();
        return secret;
    }

    [Fact]
    public async Task The_published_page_and_its_api_content_are_made_once_and_then_served_from_the_cache()
    {
        foreach (var address in new[] { Q2, Q2Api })
        {
            var first = await Anonymous().GetAsync(address);
            var second = await Anonymous().GetAsync(address);

            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.True(FromCache(second), $"{address} was made again");
            Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        }
        // A draft (the open Quarter 3) is never kept.
        var staff = await app.SignedInClientAsync("performance@outturn.example");
        await staff.GetAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3");
        Assert.False(FromCache(await staff.GetAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3")));
    }

    [Fact]
    public async Task Staff_are_never_served_the_public_copy_nor_the_public_a_staff_copy()
    {
        await Anonymous().GetAsync(Q2);
        var staff = await app.SignedInClientAsync("performance@outturn.example");

        var staffPage = await staff.GetAsync(Q2);
        var publicPage = await Anonymous().GetAsync(Q2);

        Assert.False(FromCache(staffPage));
        Assert.Contains("Sign out", await staffPage.Content.ReadAsStringAsync());
        Assert.True(FromCache(publicPage));
        Assert.DoesNotContain("Sign out", await publicPage.Content.ReadAsStringAsync());
        // An API client with a token is made its own answer too.
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync("performance@outturn.example"));
        await Anonymous().GetAsync(Q2Api);
        Assert.False(FromCache(await api.GetAsync(Q2Api)));
    }

    [Fact]
    public async Task A_published_documents_file_is_made_once_kept_in_the_database_and_the_same_for_everyone()
    {
        const string docx = "/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q2/docx";
        var first = await (await Anonymous().GetAsync(docx)).Content.ReadAsByteArrayAsync();
        var staff = await (await (await app.SignedInClientAsync("councillor@outturn.example")).GetAsync(docx)).Content.ReadAsByteArrayAsync();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var q2 = await db.Set<MonitoringRound>().SingleAsync(r => r.Period == Period.Quarter(2015, 2));
        var kept = await db.Set<PublishedDocument>().Where(d => d.RoundId == q2.Id && d.Kind == "ppb" && d.Format == "docx").ToListAsync();
        // A Word file made twice differs (its parts carry the time they were written): one record, the same bytes each time.
        Assert.Equal(first, Assert.Single(kept).Content);
        Assert.Equal(first, staff);
        Assert.StartsWith("PK", System.Text.Encoding.ASCII.GetString(first, 0, 2));
    }
}

/// <summary>An app of its own: the correction changes Quarter 2's published page for the tests after it.</summary>
public sealed class CorrectedReportApp : OutturnApp;

public sealed class PublishedReportCorrectionTests(CorrectedReportApp app) : IClassFixture<CorrectedReportApp>
{
    [Fact]
    public async Task A_correction_recorded_anywhere_is_on_the_published_page_at_the_next_request()
    {
        const string q2 = "/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2";
        var anonymous = app.CreateClient();
        await anonymous.GetAsync(q2);
        var cached = await anonymous.GetAsync(q2);
        Assert.NotNull(cached.Headers.Age);
        Assert.DoesNotContain("Revised since publication", await cached.Content.ReadAsStringAsync());

        // Recorded through the application's service, as another instance would: this instance evicts nothing, so
        // only the report's version tells its cache that the copy is stale.
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReviseFigure>().HandleAsync(
                new ReviseFigure.Request("HBC-CYP-2015-16", "CED033", Period.Quarter(2015, 2), 79m, ValueStatus.Final, null, "The census return was corrected."));

        var after = await anonymous.GetAsync(q2);
        Assert.Null(after.Headers.Age);
        // The demo's published Quarter 2 printed CED033 at 75% (its plan folder's values.csv).
        Assert.Contains("Published: 75%. Now: 79%. Why: The census return was corrected.", await after.Content.ReadAsStringAsync());
    }
}
