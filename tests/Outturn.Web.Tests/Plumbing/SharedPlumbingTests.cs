using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Web.Tests.Plumbing;

/// <summary>
/// The plumbing every feature shares: a period read in one place with one message wherever it is written, a refused
/// change answered in one place, and enum words written by one converter.
/// </summary>
public sealed class SharedPlumbingTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    // Worked from Period.AcceptedForms: the message names the text and every form accepted.
    private static string Expected(string text) => $"\"{text}\" is not a period. Accepted forms: \"2015/16\" (financial year)";

    private HttpClient Anonymous() => app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    [Theory]
    [InlineData("/api/v1/plans/HBC-CYP-2015-16/status/second-quarter", "second-quarter")]
    [InlineData("/api/v1/plans/HBC-CYP-2015-16/monitoring/Q9", "Q9")]
    [InlineData("/api/v1/benchmarks/CED033/2015-16-Q5", "2015-16-Q5")]
    [InlineData("/api/v1/finance/Children%20and%20Families/Q9", "Q9")]
    public async Task A_bad_period_in_an_api_address_is_a_400_problem_with_the_one_message(string address, string text)
    {
        var response = await Anonymous().GetAsync(address);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.StartsWith(Expected(text), json.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/plans/HBC-CYP-2015-16/monitoring/next-tuesday", "next-tuesday", HttpStatusCode.BadRequest)]
    [InlineData("/plans/HBC-CYP-2015-16/report-card/2015-16-Q7", "2015-16-Q7", HttpStatusCode.BadRequest)]
    [InlineData("/returns/2015-Q9/failures", "2015-Q9", HttpStatusCode.NotFound)]
    public async Task A_bad_period_in_a_page_address_gets_the_same_message_and_status_as_before(string address, string text, HttpStatusCode status)
    {
        var client = await app.SignedInClientAsync("performance@outturn.example");
        var response = await client.GetAsync(address);
        Assert.Equal(status, response.StatusCode);
        Assert.Contains(WebUtility.HtmlEncode(Expected(text)), await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_bad_period_typed_into_a_form_is_shown_in_the_page_with_the_same_message()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var form = await officer.GetStringAsync("/rounds");
        var response = await officer.PostAsync("/rounds", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["PlanRef"] = "HBC-CYP-2015-16", ["Period"] = "the third quarter", ["Deadline"] = "2016-01-15", ["__RequestVerificationToken"] = Token(form),
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(Expected("the third quarter")), page);
        Assert.Contains("value=\"the third quarter\"", page); // what was typed stays in the field
    }

    [Fact]
    public async Task A_refused_change_through_the_api_is_problem_json_with_the_rules_message()
    {
        int id;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            var meeting = new Outturn.Domain.Governance.Meeting { BoardId = await db.Set<Outturn.Domain.Governance.Board>().Select(b => b.Id).FirstAsync(), Date = new DateOnly(2016, 6, 1) };
            db.Add(meeting);
            await db.SaveChangesAsync();
            id = meeting.Id;
        }
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        // A cookie-authenticated API call carries the anti-forgery token in its header (docs/security.md).
        officer.DefaultRequestHeaders.Add("RequestVerificationToken", Token(await officer.GetStringAsync("/rounds")));
        var response = await officer.PostAsync($"/api/v1/meetings/{id}/publish?what=minutes", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("agenda", json.RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Malformed_json_sent_to_the_api_is_a_400_problem_not_a_fault()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var response = await officer.PostAsync("/api/v1/actions/1/updates", new StringContent("{\"note\": \"half", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_refused_change_from_a_page_comes_back_to_the_page_with_the_message_in_the_error_summary()
    {
        int roundId;
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            roundId = await db.Set<MonitoringRound>().Where(r => r.State == RoundState.Open).Select(r => r.Id).FirstAsync();
        }
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var page = await officer.GetStringAsync($"/rounds/{roundId}");
        // Publishing an open round is refused by MonitoringRound: it must be signed off first.
        var response = await officer.PostAsync($"/rounds/{roundId}?handler=Step", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["step"] = "Publish", ["__RequestVerificationToken"] = Token(page),
        }));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/rounds/{roundId}", response.Headers.Location?.OriginalString);
        var shown = await officer.GetStringAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("govuk-error-summary", shown);
        Assert.Contains("cannot be published before it is signed off", shown);
        // The message is shown once, not carried to the next page.
        Assert.DoesNotContain("cannot be published before it is signed off", await officer.GetStringAsync($"/rounds/{roundId}"));
    }

    [Fact]
    public async Task Enum_values_are_written_as_snake_case_words()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        using var rounds = JsonDocument.Parse(await officer.GetStringAsync("/api/v1/rounds"));
        var states = rounds.RootElement.EnumerateArray().Select(r => r.GetProperty("state").GetString()).ToHashSet();
        Assert.Contains("published", states); // Quarter 2 2015/16
        Assert.Contains("open", states);      // Quarter 3
        using var board = JsonDocument.Parse(await Anonymous().GetStringAsync("/api/v1/boards"));
        Assert.Contains(board.RootElement.EnumerateArray(), b => b.GetProperty("kind").GetString() == "policy_and_performance_board");
    }

    [Fact]
    public void No_page_model_or_endpoint_catches_domain_exceptions_itself()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Outturn.slnx"))) root = Path.GetDirectoryName(root)!;
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "src", "Outturn.Web"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && CatchesDomainException(File.ReadAllText(f)))
            .ToList();
        Assert.Empty(offenders);
    }

    /// <summary>A catch of the refusal by its short name or fully qualified ("catch (Outturn.Domain.DomainException e)").</summary>
    private static bool CatchesDomainException(string source) =>
        Regex.IsMatch(source, @"catch\s*\(\s*(global::)?(Outturn\.Domain\.)?DomainException\b");

    [Theory]
    [InlineData("catch (DomainException e) { }", true)]
    [InlineData("catch (Outturn.Domain.DomainException e) { }", true)]
    [InlineData("catch(global::Outturn.Domain.DomainException) { }", true)]
    [InlineData("catch (InvalidOperationException e) { }", false)]
    public void The_guard_recognises_a_catch_of_domain_exceptions_however_it_is_written(string source, bool caught) =>
        Assert.Equal(caught, CatchesDomainException(source));

    private static string Token(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
}
