using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;

namespace Outturn.Web.Tests.Accounts;

/// <summary>
/// The administrators' audit search: the partner's change to her draft of the under-18 conception rate (from the
/// demo's 31.9 to 30.2, by Nina Patel through the API) and the demo's own Quarter 3 figures are found by person,
/// item, date and kind of change, read as sentences, and download as CSV with their exact values.
/// </summary>
public sealed class AuditSearchTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private static readonly TimeZoneInfo Uk = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static string Today(int days = 0) => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Uk).AddDays(days).ToString("d/M/yyyy");

    [Fact]
    public async Task Changes_are_found_by_person_item_dates_and_kind_and_read_as_sentences()
    {
        var partner = await app.SignedInClientAsync("nina.health@outturn.example");
        partner.DefaultRequestHeaders.Add("RequestVerificationToken", System.Text.RegularExpressions.Regex.Match(await partner.GetStringAsync("/my-updates"),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        const string round = "/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3/items";
        var items = System.Text.Json.JsonDocument.Parse(await partner.GetStringAsync(round)).RootElement;
        var version = items.EnumerateArray().Single(i => i.GetProperty("ref").GetString() == "SCS CYP15").GetProperty("version").GetInt32();
        var put = await partner.PutAsync(round + "/SCS CYP15", new StringContent(
            $$"""{"value": 30.2, "status": "provisional", "submit": false, "version": {{version}}}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var admin = await app.SignedInClientAsync("admin@outturn.example");

        var nina = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?Person=Nina+Patel&Kind=Round+updates"));
        Assert.Contains("Value changed from 31.9 to 30.2 by Nina Patel (NP)", nina);
        Assert.DoesNotContain("recorded as 78", nina);
        var byItem = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?Item=SCS+CYP15"));
        Assert.Contains("Value changed from 31.9 to 30.2 by Nina Patel (NP)", byItem);
        Assert.DoesNotContain("recorded as 78", byItem); // CED033's figure is another item
        var someoneElse = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?Person=tracey"));
        Assert.DoesNotContain("Nina Patel", someoneElse);

        // The demo's submitted CED033 figure was recorded by the system at start-up.
        Assert.Contains("Value for Quarter 3 2015/16 recorded as 78 by Outturn (system)", WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?Item=CED033")));

        // The demo was loaded today: a range in the past finds nothing, one around today finds the same change.
        Assert.Contains("0 changes", await admin.GetStringAsync($"/admin/audit?Item=CED033&From=1/1/2000&To=31/12/2000"));
        Assert.Contains("recorded as 78", await admin.GetStringAsync($"/admin/audit?Item=CED033&From={Today(-1)}&To={Today(1)}"));
        // A figure is not a target: the kind of change narrows the search.
        Assert.DoesNotContain("Value for Quarter 3 2015/16 recorded as 78", await admin.GetStringAsync("/admin/audit?Item=CED033&Kind=Targets"));
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_is_an_error_linked_to_its_field()
    {
        var admin = await app.SignedInClientAsync("admin@outturn.example");
        var page = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?From=yesterday&To=1/1/2016"));
        Assert.Contains("<a href=\"#from\">The start date must be a date, like 12/1/2016 or 2016-01-12; \"yesterday\" is not.</a>", page);
        Assert.Contains("govuk-form-group--error", page);
        var backwards = WebUtility.HtmlDecode(await admin.GetStringAsync("/admin/audit?From=2/1/2016&To=1/1/2016"));
        Assert.Contains("The end date must be the same as or after the start date.", backwards);
    }

    [Fact]
    public async Task The_CSV_keeps_the_exact_values_beside_the_sentence_and_cannot_run_as_a_formula()
    {
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
            db.AuditEntries.Add(new AuditEntry
            {
                At = DateTimeOffset.UtcNow, By = "ann.mcintyre@outturn.example", Entity = "RoundItem", EntityKey = "round-item:999999",
                Action = "Modified", Field = "Commentary", OldValue = "All fine", NewValue = "=HYPERLINK(\"http://attacker.example\",\"x\")", Reason = "+cmd",
            });
            await db.SaveChangesAsync();
        }
        var admin = await app.SignedInClientAsync("admin@outturn.example");
        var response = await admin.GetAsync("/admin/audit?handler=Csv&Item=round-item:999999");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/csv", response.Content.Headers.ContentType!.ToString());
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at_utc,at_uk,account,person,kind,item,field,action,old_value,new_value,reason,sentence", lines[0]);
        var row = Assert.Single(lines[1..]);
        Assert.Contains(",ann.mcintyre@outturn.example,Ann McIntyre (AMc),Round updates,round-item:999999,Commentary,Modified,All fine,", row);
        // The formula and the reason are quoted as text with a leading apostrophe, the sentence beside them.
        Assert.Contains("\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"x\"\")\"", row);
        Assert.Contains(",'+cmd,", row);
        Assert.Contains("Commentary changed from “All fine” to “=HYPERLINK", row);
    }
}
