using System.Net;
using Microsoft.Data.Sqlite;

namespace Outturn.Web.Tests.Hosting;

/// <summary>
/// The first start of a new checkout (Development, SQLite, an empty data folder), as `dotnet run` makes it: the app
/// serves at once and loads the demonstration data behind its pages, in one transaction.
/// </summary>
public sealed class FirstStartTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-first-start", Guid.NewGuid().ToString("N"));

    private Dictionary<string, string> Environment() => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Outturn__DataDirectory"] = _folder,
    };

    /// <summary>What a whole demo holds, as README.md describes it: four plans, the Quarter 2 and 3 rounds, seven accounts (six in its table and the NHS partner).</summary>
    private static readonly (long Plans, long Rounds, long Accounts) Whole = (4, 2, 7);

    private (long Plans, long Rounds, long Accounts) Held()
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "outturn.db"), Pooling = false }.ConnectionString);
        conn.Open();
        long Count(string table)
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT count(*) FROM \"{table}\"";
            return (long)cmd.ExecuteScalar()!;
        }
        return (Count("Plans"), Count("MonitoringRound"), Count("AspNetUsers"));
    }

    [Fact]
    public async Task Killed_while_the_demo_loads_the_app_keeps_none_of_it_and_the_next_start_loads_it_whole()
    {
        await using (var first = AppProcess.Start("first start", Environment()))
        {
            // The first page is served while the demo is still loading, and says so.
            var page = await first.WaitUntilAsync("/", (r, _) => r.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(240));
            var body = await page.Content.ReadAsStringAsync();
            if (page.StatusCode == HttpStatusCode.ServiceUnavailable)
                Assert.Contains("The demonstration data is still loading", body);
            // Killed part way through the load (a moment after it began writing).
            await first.WaitUntilAsync("/health/ready", (r, b) => b.Contains("still loading", StringComparison.Ordinal) || AppProcess.Healthy(r, b), TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(1));
            await first.KillAsync();
        }

        // All of it or none of it: a crash never leaves a demo that is half there.
        var afterKill = Held();
        Assert.True(afterKill == (0, 0, 0) || afterKill == Whole, $"half a demo: {afterKill}");

        await using var second = AppProcess.Start("second start", Environment());
        await second.WaitUntilAsync("/health/ready", AppProcess.Healthy, TimeSpan.FromSeconds(180));
        Assert.Equal(Whole, Held());
        Assert.Equal(HttpStatusCode.OK, (await new HttpClient().GetAsync(second.BaseUrl + "/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2")).StatusCode);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
