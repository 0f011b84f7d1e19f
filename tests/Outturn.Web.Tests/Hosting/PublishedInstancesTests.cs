using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outturn.Application;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Web.Tests.Hosting;

/// <summary>
/// Two instances of the built app, each a process of its own run as deploy/outturn.service runs it (its settings:
/// Production, JSON logs, nginx on loopback trusted), started at the same instant on one new, empty PostgreSQL
/// database, both told to migrate; nginx in front of them with the proxy settings of deploy/nginx when nginx is
/// installed (test.sh installs it). What the tests need is then put in as a council would: an account, a department,
/// a small synthetic SSDA903 return.
/// </summary>
public sealed class TwoPublishedInstances : IAsyncLifetime
{
    private static readonly TimeSpan Start = TimeSpan.FromSeconds(150);
    public const string Officer = "performance@council.example";
    public const string Password = "a long enough passphrase for the tests";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-instances", Guid.NewGuid().ToString("N"));
    private Process? _nginx;

    public PostgresDatabase Database { get; } = new();
    public AppProcess A { get; private set; } = null!;
    public AppProcess B { get; private set; } = null!;
    /// <summary>nginx's address in front of both, or null when nginx is not installed here.</summary>
    public string? Proxy { get; private set; }

    public Dictionary<string, string> Environment(string instance)
    {
        var settings = AppProcess.ServiceUnitEnvironment();
        // The unit's settings, with each instance's own data folder; both are told to migrate as they start, so
        // that they race for it.
        settings["Outturn__DataDirectory"] = Path.Combine(_folder, instance);
        settings["ConnectionStrings__Outturn"] = Database.ConnectionString;
        settings["Outturn__Database__MigrateOnStart"] = "true";
        // The reminder schedulers look every second rather than every half hour, so that both find a reminder due
        // within the test (there is none until the test opens a round).
        settings["Outturn__Reminders__CheckEvery"] = "00:00:01";
        return settings;
    }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        var a = Environment("a");
        var b = Environment("b");
        A = AppProcess.Start("instance A", a);
        B = AppProcess.Start("instance B", b);
        await Task.WhenAll(A.WaitUntilAsync("/health/ready", AppProcess.Healthy, Start), B.WaitUntilAsync("/health/ready", AppProcess.Healthy, Start));
        await SeedAsync();
        if (DatabaseBackupTools.Nginx is { } nginx) (_nginx, Proxy) = await StartNginxAsync(nginx);
    }

    /// <summary>Every instance's data folder (a, b, and any started by a test) under one.</summary>
    public string Folder => _folder;

    /// <summary>The application's services on the instances' database, as the command line has them, to put data in.</summary>
    public ServiceProvider Services()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Outturn:DataDirectory"] = Path.Combine(_folder, "seed"),
            ["Outturn:Database:Provider"] = "postgres",
            ["ConnectionStrings:Outturn"] = Database.ConnectionString,
        }).Build();
        return new ServiceCollection().AddOutturn(configuration).BuildServiceProvider();
    }

    /// <summary>A performance officer with child-level access, the department a ledger is for, and a return.</summary>
    private async Task SeedAsync()
    {
        await using var services = Services();
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var roles = sp.GetRequiredService<Microsoft.AspNetCore.Identity.RoleManager<Microsoft.AspNetCore.Identity.IdentityRole>>();
        await roles.CreateAsync(new Microsoft.AspNetCore.Identity.IdentityRole(Roles.PerformanceOfficer));
        var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OutturnUser>>();
        var user = new OutturnUser { UserName = Officer, Email = Officer, EmailConfirmed = true, DisplayName = "Pat Performance" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.PerformanceOfficer);
        await users.AddClaimAsync(user, new System.Security.Claims.Claim(Roles.ChildLevelClaim, "yes"));
        var db = sp.GetRequiredService<OutturnDbContext>();
        db.Add(new Outturn.Domain.Finance.Department { Name = "Children and Families", Directorate = "Children and Enterprise" });
        await db.SaveChangesAsync();
        var returns = Path.Combine(_folder, "returns");
        Outturn.Application.Returns.Synthetic.WriteSsda903(new Outturn.Application.Returns.SynthOptions(60, 1, 7), returns);
        var imported = await sp.GetRequiredService<Outturn.Application.Returns.ReturnsImport>()
            .ImportAsync(Outturn.Domain.Returns.ReturnKind.Ssda903, Directory.GetDirectories(returns).Single());
        Assert.True(imported.Ok, string.Join("\n", imported.Errors));
    }

    /// <summary>nginx as a load balancer over the two instances, with the location settings deploy/nginx ships.</summary>
    private async Task<(Process, string)> StartNginxAsync(string nginx)
    {
        var prefix = Path.Combine(_folder, "nginx");
        Directory.CreateDirectory(prefix);
        var port = AppProcess.FreePort();
        var proxySettings = Path.Combine(AppProcess.RepositoryRoot, "deploy", "nginx", "outturn-proxy.conf");
        // TLS at nginx, as deploy/nginx/outturn.conf has it, with a certificate made for the test.
        using (var key = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", key,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(prefix, "test.crt"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(prefix, "test.key"), key.ExportPkcs8PrivateKeyPem());
        }
        var temp = string.Join("\n", new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }.Select(t => $"    {t}_temp_path {prefix}/{t};"));
        await File.WriteAllTextAsync(Path.Combine(prefix, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            pid {{prefix}}/nginx.pid;
            error_log {{prefix}}/error.log warn;
            events { worker_connections 128; }
            http {
                access_log off;
            {{temp}}
                upstream outturn {
                    server 127.0.0.1:{{A.Port}};
                    server 127.0.0.1:{{B.Port}};
                    keepalive 8;
                }
                server {
                    listen 127.0.0.1:{{port}} ssl;
                    ssl_certificate {{prefix}}/test.crt;
                    ssl_certificate_key {{prefix}}/test.key;
                    include {{proxySettings}};
                }
            }
            """);
        var start = new ProcessStartInfo(nginx) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-p", prefix, "-c", Path.Combine(prefix, "nginx.conf") }) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        var url = $"https://127.0.0.1:{port}";
        using var client = new HttpClient(new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator });
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await client.GetAsync(url + "/health/live")).IsSuccessStatusCode) return (process, url);
            }
            catch (HttpRequestException) when (i < 50) { }
            if (process.HasExited) throw new InvalidOperationException("nginx did not start: " + await process.StandardError.ReadToEndAsync());
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_nginx is { HasExited: false }) _nginx.Kill();
        _nginx?.Dispose();
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
        try { Directory.Delete(_folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Where the tools the tests may use are, when they are installed.</summary>
public static class DatabaseBackupTools
{
    public static string? Nginx => new[] { "/usr/sbin/nginx", "/usr/bin/nginx" }.FirstOrDefault(File.Exists);
}

public sealed class PublishedInstancesTests(TwoPublishedInstances instances) : IClassFixture<TwoPublishedInstances>
{
    /// <summary>A browser's cookies, carried by hand so that each request can go to either instance.</summary>
    private sealed class Browser
    {
        private readonly Dictionary<string, string> _cookies = [];
        private readonly HttpClient _client = new(new HttpClientHandler
        {
            AllowAutoRedirect = false, UseCookies = false,
            // nginx in the test has a certificate made for the test.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        });

        public async Task<HttpResponseMessage> SendAsync(string baseUrl, HttpMethod method, string path, HttpContent? content = null)
        {
            var request = new HttpRequestMessage(method, baseUrl + path) { Content = content };
            // Straight to an instance, the test stands in for the TLS-terminating proxy on loopback that the unit's
            // settings trust (outside Development the app refuses forms over plain HTTP).
            if (baseUrl.StartsWith("http://", StringComparison.Ordinal)) request.Headers.Add("X-Forwarded-Proto", "https");
            if (_cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            var response = await _client.SendAsync(request);
            foreach (var header in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
            {
                var pair = header.Split(';')[0].Split('=', 2);
                _cookies[pair[0]] = pair[1];
            }
            return response;
        }

        public async Task<HttpResponseMessage> SignInAsync(string formFrom, string postTo, string email, string password)
        {
            var form = await (await SendAsync(formFrom, HttpMethod.Get, "/sign-in")).Content.ReadAsStringAsync();
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            return await SendAsync(postTo, HttpMethod.Post, "/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = email, ["Password"] = password, ["__RequestVerificationToken"] = token,
            }));
        }
    }

    private static IEnumerable<JsonElement> JsonLines(AppProcess app) =>
        app.Output.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement);

    private async Task<string> TokenAsync(string email)
    {
        var secret = Outturn.Application.Accounts.ApiToken.NewSecret();
        await using var conn = new NpgsqlConnection(instances.Database.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO "ApiToken" ("UserId", "Name", "Hash", "Prefix", "CreatedAt", "CreatedBy")
            SELECT "Id", 'Two instances test', @hash, @prefix, now(), 'tests' FROM "AspNetUsers" WHERE "Email" = @email
            """, conn);
        cmd.Parameters.AddWithValue("hash", Outturn.Application.Accounts.ApiToken.HashOf(secret));
        cmd.Parameters.AddWithValue("prefix", secret[..8]);
        cmd.Parameters.AddWithValue("email", email);
        Assert.Equal(1, await cmd.ExecuteNonQueryAsync());
        return secret;
    }

    [Fact]
    public void Started_together_on_an_empty_database_one_migrates_and_neither_crashes()
    {
        Assert.False(instances.A.HasExited);
        Assert.False(instances.B.HasExited);
        string[] Said(AppProcess app) => JsonLines(app).Where(l => l.GetProperty("Category").GetString() == "Outturn.Application.Data.DatabaseSetup")
            .Select(l => l.GetProperty("Message").GetString()!).ToArray();
        var said = Said(instances.A).Concat(Said(instances.B)).ToList();
        Assert.Single(said, m => m.StartsWith("Applied ", StringComparison.Ordinal));
        Assert.Single(said, m => m == "The database was already at the latest migration.");
    }

    [Fact]
    public async Task A_form_and_a_cookie_from_one_instance_are_accepted_by_the_other()
    {
        var browser = new Browser();
        var signIn = await browser.SignInAsync(instances.A.BaseUrl, instances.B.BaseUrl, TwoPublishedInstances.Officer, TwoPublishedInstances.Password);

        // A's anti-forgery token was good at B, which signed in (a redirect home, not a 400 or the form again).
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(instances.A.BaseUrl, HttpMethod.Get, "/returns")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(instances.B.BaseUrl, HttpMethod.Get, "/returns")).StatusCode);
        // Without the cookie the page sends to sign in, so the test would tell.
        Assert.Equal(HttpStatusCode.Redirect, (await new Browser().SendAsync(instances.A.BaseUrl, HttpMethod.Get, "/returns")).StatusCode);
    }

    [Fact]
    public async Task Through_nginx_in_front_of_both_a_user_signs_in_and_works_as_requests_alternate_between_them()
    {
        if (instances.Proxy is not { } proxy) return; // nginx is not installed here (test.sh installs it)
        var before = (instances.A.Output.Count, instances.B.Output.Count);
        var browser = new Browser();

        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(proxy, proxy, TwoPublishedInstances.Officer, TwoPublishedInstances.Password)).StatusCode);
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await browser.SendAsync(proxy, HttpMethod.Get, "/returns")).StatusCode);

        // nginx sent requests to both instances.
        bool Served(AppProcess app, int from) => app.Output.Skip(from).Any(l => l.Contains("Outturn.Requests", StringComparison.Ordinal));
        Assert.True(Served(instances.A, before.Item1) && Served(instances.B, before.Item2), "nginx did not spread the requests over both instances");
    }

    [Fact]
    public async Task A_child_has_the_same_pseudonym_at_both_instances()
    {
        var token = await TokenAsync(TwoPublishedInstances.Officer);
        async Task<string> ChildrenAt(AppProcess app)
        {
            using var client = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.GetAsync("/api/v1/returns/indicators/2015-16-Q4/lac-3plus-placements/children");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var atA = await ChildrenAt(instances.A);
        var atB = await ChildrenAt(instances.B);

        Assert.Matches("C-[0-9A-F]{10}", atA);
        Assert.Equal(atA, atB);
    }

    [Fact]
    public async Task Logs_are_json_lines_and_requests_are_logged_by_route_without_the_address_typed()
    {
        var browser = new Browser();
        await browser.SendAsync(instances.A.BaseUrl, HttpMethod.Get, "/returns/2015-16-Q4/failures?who=" + TwoPublishedInstances.Officer);
        // The console logger writes from a queue: give it a moment.
        for (var i = 0; i < 50 && !instances.A.Output.Any(l => l.Contains("/returns/{period}/failures", StringComparison.Ordinal)); i++) await Task.Delay(100);
        var lines = JsonLines(instances.A).Concat(JsonLines(instances.B)).ToList();
        var nonJson = instances.A.Output.Concat(instances.B.Output).Where(l => !l.StartsWith('{')).ToList();
        Assert.True(nonJson.Count == 0, "Lines not in JSON: " + string.Join("\n", nonJson.Take(5)));
        Assert.All(lines, l => Assert.True(l.TryGetProperty("Timestamp", out _) && l.TryGetProperty("LogLevel", out _)));
        var requests = lines.Where(l => l.GetProperty("Category").GetString() == "Outturn.Requests").ToList();
        Assert.Contains(requests, r => r.GetProperty("State").GetProperty("Route").GetString() == "/returns/{period}/failures"
                                       && r.GetProperty("State").GetProperty("Method").GetString() == "GET");
        Assert.DoesNotContain(lines, l => l.ToString().Contains(TwoPublishedInstances.Officer, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reminder_due_is_sent_once_by_the_two_instances()
    {
        // A round due today with one item outstanding, assigned to an officer who has an account: the schedule calls
        // for a "due today" reminder to her and a copy to the performance officer. Both instances' schedulers look
        // every second.
        const string robin = "robin.reminded@council.example";
        int roundId;
        await using (var services = instances.Services())
        await using (var scope = services.CreateAsyncScope())
        {
            var sp = scope.ServiceProvider;
            var db = sp.GetRequiredService<OutturnDbContext>();
            var officer = new Outturn.Domain.Plans.Officer { Name = "Robin Reminded" };
            var plan = new Outturn.Domain.Plans.Plan { Ref = "REMIND-1", Title = "A plan with a round due today", FirstYear = 2015, LastYear = 2015 };
            db.AddRange(officer, plan);
            await db.SaveChangesAsync();
            var users = sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OutturnUser>>();
            Assert.True((await users.CreateAsync(new OutturnUser { UserName = robin, Email = robin, EmailConfirmed = true, DisplayName = "Robin Reminded", OfficerId = officer.Id })).Succeeded);
            var round = Outturn.Domain.Rounds.MonitoringRound.Open(plan.Id, Outturn.Domain.Periods.Period.Quarter(2015, 3),
                Outturn.Application.Rounds.UkDates.Today(TimeProvider.System), TwoPublishedInstances.Officer, DateTimeOffset.UtcNow);
            round.Items.Add(new Outturn.Domain.Rounds.RoundItem(officer.Id)
            {
                Kind = Outturn.Domain.Rounds.ItemKind.Narrative, Section = Outturn.Domain.Rounds.NarrativeSection.KeyDevelopments, Label = "Key developments",
            });
            db.Add(round);
            await db.SaveChangesAsync();
            roundId = round.Id;
        }

        // Each e-mail is a file in the pickup folder of the instance that sent it.
        string[] Mail() => Directory.Exists(instances.Folder) ? Directory.GetFiles(instances.Folder, "*.eml", SearchOption.AllDirectories) : [];
        async Task<List<(string Recipient, string Occasion)>> SentAsync()
        {
            await using var conn = new NpgsqlConnection(instances.Database.ConnectionString);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT \"Recipient\", \"Occasion\" FROM \"ReminderSent\" WHERE \"RoundId\" = @round ORDER BY 1", conn);
            cmd.Parameters.AddWithValue("round", roundId);
            var rows = new List<(string, string)>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetString(1)));
            return rows;
        }
        for (var i = 0; (await SentAsync()).Count < 2 || Mail().Length < 2; i++)
        {
            Assert.True(i < 600, $"the reminders were not sent within a minute: {(await SentAsync()).Count} recorded, {Mail().Length} e-mails");
            await Task.Delay(100);
        }
        // Both schedulers go on looking, several times each, and find the reminders sent.
        await Task.Delay(TimeSpan.FromSeconds(4));

        Assert.Equal([(TwoPublishedInstances.Officer, "due-today"), (robin, "due-today")], await SentAsync());
        var mail = Mail().Select(File.ReadAllText).ToList();
        Assert.Equal(2, mail.Count);
        Assert.Single(mail, m => m.Contains("To: " + robin, StringComparison.OrdinalIgnoreCase) || m.Contains("<" + robin + ">", StringComparison.OrdinalIgnoreCase));
        // The round's history records each reminder once.
        await using var history = new NpgsqlConnection(instances.Database.ConnectionString);
        await history.OpenAsync();
        await using var events = new NpgsqlCommand($"SELECT count(*) FROM \"RoundEvent\" WHERE \"RoundId\" = {roundId} AND \"Action\" = '{Outturn.Domain.Rounds.RoundAction.ReminderSent}'", history);
        Assert.Equal(2L, (long)(await events.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task An_instance_killed_mid_import_leaves_nothing_half_written_and_the_other_serves_on()
    {
        // A third instance, to be killed, on the same database.
        await using var c = AppProcess.Start("instance C", instances.Environment("c"));
        await c.WaitUntilAsync("/health/ready", (r, _) => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(90));
        var browser = new Browser();
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(c.BaseUrl, c.BaseUrl, TwoPublishedInstances.Officer, TwoPublishedInstances.Password)).StatusCode);
        var form = await (await browser.SendAsync(c.BaseUrl, HttpMethod.Get, "/finance/import")).Content.ReadAsStringAsync();
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        // A ledger for a quarter nobody holds, long enough that its one transaction is open for a while.
        var ledger = new StringBuilder("department,period,section,line,annual_budget,budget_to_date,expenditure_to_date,variance_to_date\n");
        for (var i = 0; i < 40_000; i++) ledger.Append($"Children and Families,2015/16 Q4,Expenditure,Line {i:D5},100,50,40,10\n");
        var upload = new MultipartFormDataContent
        {
            { new StringContent("ledger"), "Kind" },
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(ledger.ToString())), "file", "ledger-q4.csv" },
        };
        var posting = browser.SendAsync(c.BaseUrl, HttpMethod.Post, "/finance/import", upload);

        // Killed once its transaction has begun writing the lines.
        await using (var watch = new NpgsqlConnection(instances.Database.ConnectionString))
        {
            await watch.OpenAsync();
            var until = DateTime.UtcNow.AddSeconds(90);
            while (true)
            {
                await using var cmd = new NpgsqlCommand("""
                    SELECT count(*) FROM pg_stat_activity
                    WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND query LIKE '%BudgetLines%'
                    """, watch);
                if ((long)(await cmd.ExecuteScalarAsync())! > 0) break;
                Assert.False(posting.IsCompleted, "the import finished before it could be killed");
                Assert.True(DateTime.UtcNow < until, "the import's transaction was never seen");
                await Task.Delay(20);
            }
        }
        await c.KillAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => posting);

        // PostgreSQL rolls the dead session's transaction back: no line of the quarter is held, once the session is gone.
        await using var conn = new NpgsqlConnection(instances.Database.ConnectionString);
        await conn.OpenAsync();
        for (var i = 0; ; i++)
        {
            await using var open = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE '%BudgetLines%' AND state <> 'idle'", conn);
            if ((long)(await open.ExecuteScalarAsync())! == 0) break;
            Assert.True(i < 300, "the killed instance's session did not end");
            await Task.Delay(100);
        }
        await using (var lines = new NpgsqlCommand("SELECT count(*) FROM \"BudgetLines\" WHERE \"Period\" = '2015/16 Q4'", conn))
            Assert.Equal(0L, (long)(await lines.ExecuteScalarAsync())!);
        // The others serve on.
        using var client = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(instances.A.BaseUrl + "/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(instances.B.BaseUrl + "/")).StatusCode);
    }
}
