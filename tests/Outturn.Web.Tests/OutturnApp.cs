using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Outturn.Web.Tests;

/// <summary>The real app on its default store (SQLite) in a temporary data folder, demo data loaded on first start.</summary>
public class OutturnApp : WebApplicationFactory<Program>
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "outturn-web-tests", Guid.NewGuid().ToString("N"));

    protected virtual int SignInAttemptsPerMinute => 100_000;

    public const string DemoPassword = "Outturn-demo-2015";

    /// <summary>A client signed in through the real sign-in form (anti-forgery token and all), not following redirects.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync("/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email, ["Password"] = DemoPassword, ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
            throw new InvalidOperationException($"Signing in as {email} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A client calling the API with a personal access token, as a data warehouse or script does.</summary>
    public async Task<HttpClient> TokenClientAsync(string email)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Outturn.Application.Data.OutturnDbContext>();
        var secret = Outturn.Application.Accounts.ApiToken.NewSecret();
        var userId = db.Users.Single(u => u.Email == email).Id;
        db.Add(new Outturn.Application.Accounts.ApiToken
        {
            UserId = userId, Name = "Tests " + Guid.NewGuid().ToString("N")[..6], Hash = Outturn.Application.Accounts.ApiToken.HashOf(secret),
            Prefix = secret[..8], CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "tests",
        });
        await db.SaveChangesAsync();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>
    /// Whether this app starts from a copy of a data folder in which the app itself loaded the demo once for the whole
    /// test run, instead of loading it again (some ten seconds of work for each of the thirty-odd apps the tests
    /// start). Apps that change how the app starts (another environment, provider or sign-in) load their own.
    /// </summary>
    protected virtual bool StartsFromLoadedDemo => GetType() == typeof(OutturnApp) || GetType() == typeof(OutturnServer);

    private bool _keepDataDirectory;

    private static readonly Lazy<string> LoadedDemo = new(() =>
    {
        var first = new OutturnApp { _keepDataDirectory = true };
        _ = first.Services; // the app migrates and loads the demo before it serves
        first.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { Directory.Delete(first.DataDirectory, true); } catch (IOException) { } };
        return first.DataDirectory;
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        foreach (var folder in Directory.GetDirectories(from)) CopyFolder(folder, Path.Combine(to, Path.GetFileName(folder)));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (StartsFromLoadedDemo && !_keepDataDirectory) CopyFolder(LoadedDemo.Value, DataDirectory);
        builder.UseEnvironment("Development");
        builder.UseSetting("Outturn:DataDirectory", DataDirectory);
        // The demo is loaded before the first request, so that every test starts with it whole.
        builder.UseSetting("Outturn:Demo:LoadInBackground", "false");
        // Tests sign in many times a minute from one address; the limiter's own test sets a low limit.
        builder.UseSetting("Outturn:SignIn:AttemptsPerMinute", SignInAttemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Reminders on the schedule are tested with a fake clock; here they would go by today's date to the demo's rounds.
        builder.UseSetting("Outturn:Reminders:Automatic", "false");
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    /// <summary>The test server has no network peer; a test names the client's address with this header.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    private sealed class TestClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (System.Net.IPAddress.TryParse(context.Request.Headers[ClientAddressHeader].ToString(), out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (_keepDataDirectory) return;
        try { Directory.Delete(DataDirectory, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The same app served by Kestrel on a free port, for a real browser.</summary>
public sealed class OutturnServer : OutturnApp
{
    public OutturnServer() => UseKestrel(0);

    public string BaseUrl
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return addresses.First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1");
        }
    }
}
