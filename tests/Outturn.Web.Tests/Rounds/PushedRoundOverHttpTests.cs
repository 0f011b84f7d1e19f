using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Plans;
using Outturn.Web.Tests.Hosting;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace Outturn.Web.Tests.Rounds;

/// <summary>
/// The whole quarter as a council's own systems drive it, over HTTP through the push API with personal access tokens,
/// on each store. The app starts without the demo (whose Quarter 3 round of the plan is already open); the plan is
/// imported from its folder and the demo's accounts and organisations are added, so that Quarter 3 can be opened.
/// </summary>
public abstract class PushedRoundOverHttpTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Plan = "HBC-CYP-2015-16";
    private const string Round = "/api/v1/plans/" + Plan + "/monitoring/2015-16-Q3";
    private const string Performance = "performance@outturn.example";
    private const string Director = "director@outturn.example";

    private static readonly IReadOnlyDictionary<string, string> WithoutDemo = new Dictionary<string, string> { ["Outturn:Demo:LoadOnFirstStart"] = "false" };

    private PostgresDatabase? _database;
    private OutturnApp _app = null!;

    public async Task InitializeAsync()
    {
        if (provider == DatabaseProvider.Postgres)
        {
            _database = new PostgresDatabase();
            await _database.InitializeAsync();
            _app = new PostgresOutturnApp(_database.ConnectionString, WithoutDemo);
        }
        else _app = new SqliteAppWithoutDemo();

        await using var scope = _app.Services.CreateAsyncScope();
        var imported = await scope.ServiceProvider.GetRequiredService<PlanImport>().ImportAsync(Path.Combine(DemoData.PlansFolder, Plan));
        Assert.True(imported.Imported, string.Join(Environment.NewLine, imported.Errors));
        await scope.ServiceProvider.GetRequiredService<DemoOrganisations>().EnsureAsync();
        await scope.ServiceProvider.GetRequiredService<DemoAccounts>().EnsureAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }

    private sealed class SqliteAppWithoutDemo : OutturnApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in WithoutDemo) builder.UseSetting(key, value);
        }
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, not {(int)expected}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static Task<HttpResponseMessage> Push(HttpClient client, JsonElement item, object body) =>
        client.PutAsJsonAsync($"{Round}/items/{item.GetProperty("ref").GetString()}", body);

    private static string State(JsonElement stage) => stage.GetProperty("state").GetString()!;

    [Fact]
    public async Task A_quarter_pushed_item_by_item_over_the_api_reaches_the_boards_word_report_with_its_commentary_and_initials()
    {
        var performance = await _app.TokenClientAsync(Performance);
        var director = await _app.TokenClientAsync(Director);

        var opened = await JsonAsync(await performance.PostAsJsonAsync(Round + "/open", new { deadline = "2016-01-15" }), HttpStatusCode.OK);
        Assert.Equal("open", State(opened));
        var items = (await JsonAsync(await performance.GetAsync(Round + "/items"), HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(111, items.Count); // 68 measures, 36 milestones of 2015/16, 4 sections, 3 priorities' commentary
        Assert.Equal((68, 36, 7), (items.Count(i => i.GetProperty("kind").GetString() == "measure"), items.Count(i => i.GetProperty("kind").GetString() == "milestone"),
            items.Count(i => i.GetProperty("kind").GetString() == "section")));
        Assert.All(items, i => Assert.Equal("not_started", i.GetProperty("state").GetString()));

        // CED033 was 75% at Quarter 2, its only earlier quarter: 20% is a fall of 55 points, 73% of 75.
        var ced033 = items.Single(i => i.GetProperty("ref").GetString() == "CED033");
        var ced033Version = ced033.GetProperty("version").GetInt32();
        var refused = await JsonAsync(await Push(performance, ced033, new { value = 20, status = "final", submit = true, version = ced033Version }), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["reason"], refused.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Equal("unusual_change", Assert.Single(refused.GetProperty("warnings").EnumerateArray()).GetProperty("code").GetString());
        const string why = "The case system's new export counts only completed assessments.";
        var accepted = await JsonAsync(await Push(performance, ced033, new { value = 20, status = "final", reason = why, submit = true, version = ced033Version }), HttpStatusCode.OK);
        Assert.Equal(("submitted", why), (accepted.GetProperty("state").GetString(), accepted.GetProperty("reason").GetString()));
        Assert.Equal(JsonValueKind.String, accepted.GetProperty("unusual_change").ValueKind);

        // 612 after 585 is a rise of 4.6%: usual.
        var ced005 = items.Single(i => i.GetProperty("ref").GetString() == "CED005");
        const string take = "Take-up rose to 612 as the promotional campaign reached more families.";
        var ced005Version = ced005.GetProperty("version").GetInt32();
        var saved = await JsonAsync(await Push(performance, ced005, new { value = 612, status = "final", commentary = take, submit = true, version = ced005Version }), HttpStatusCode.OK);
        Assert.Equal(("submitted", take), (saved.GetProperty("state").GetString(), saved.GetProperty("commentary").GetString()));
        Assert.Empty(saved.GetProperty("warnings").EnumerateArray());
        Assert.Equal("Ann McIntyre", saved.GetProperty("on_behalf_of").GetString()); // entered by the performance officer for CED005's officer
        // The version read before that push is stale now.
        await JsonAsync(await Push(performance, ced005, new { value = 613, status = "final", submit = true, version = ced005Version }), HttpStatusCode.Conflict);

        foreach (var item in items)
        {
            var itemRef = item.GetProperty("ref").GetString()!;
            // The supporting commentary is compiled at review from the measures' and milestones' commentary.
            if (itemRef is "CED033" or "CED005" || itemRef.StartsWith("supporting-commentary-", StringComparison.Ordinal)) continue;
            var version = item.GetProperty("version").GetInt32();
            object body = item.GetProperty("kind").GetString() switch
            {
                "measure" => new { status = "unavailable", note = "Available at end of Quarter 4", submit = true, version },
                "milestone" => new { progress = "green", commentary = $"{itemRef} is on course.", submit = true, version },
                _ => new { commentary = "Nothing further to report this quarter.", submit = true, version },
            };
            Assert.Equal("submitted", (await JsonAsync(await Push(performance, item, body), HttpStatusCode.OK)).GetProperty("state").GetString());
        }

        // Nothing is outstanding, so review needs no confirmation.
        var review = await JsonAsync(await performance.PostAsJsonAsync(Round + "/review", new { }), HttpStatusCode.OK);
        Assert.Equal(("in_review", 0, true), (State(review), review.GetProperty("outstanding").GetInt32(), review.GetProperty("can_sign_off").GetBoolean()));
        // Not yet signed off: publishing is refused.
        await JsonAsync(await performance.PostAsync(Round + "/publish", null), HttpStatusCode.Conflict);
        Assert.Equal("signed_off", State(await JsonAsync(await director.PostAsJsonAsync(Round + "/sign-off", new { comment = "Approved for the board." }), HttpStatusCode.OK)));
        Assert.Equal("published", State(await JsonAsync(await performance.PostAsync(Round + "/publish", null), HttpStatusCode.OK)));

        // The published report's Word document, as anyone downloads it.
        var word = await _app.CreateClient().GetAsync($"/plans/{Plan}/reports/ppb/2015-16-Q3/docx");
        Assert.Equal(HttpStatusCode.OK, word.StatusCode);
        using var docx = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(await word.Content.ReadAsByteArrayAsync()), false);
        var paragraphs = docx.MainDocumentPart!.Document!.Body!.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
        var heading = paragraphs.FindIndex(p => p.StartsWith("Supporting Commentary", StringComparison.Ordinal));
        Assert.True(heading >= 0, "No Supporting Commentary in the report");
        // CED005 names no officer and no objective: it goes to the lead of its priority, the officer of its first
        // objective CED02, Ann McIntyre, whose initials the plan's officers.csv gives as AMc.
        Assert.Contains(take + " (AMc)", paragraphs.Skip(heading + 1));
    }
}

public sealed class PushedRoundOverHttpTestsOnSqlite() : PushedRoundOverHttpTests(DatabaseProvider.Sqlite);

public sealed class PushedRoundOverHttpTestsOnPostgres() : PushedRoundOverHttpTests(DatabaseProvider.Postgres);
