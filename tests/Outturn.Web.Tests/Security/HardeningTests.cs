using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Domain.Governance;
using Outturn.Web.Security;

namespace Outturn.Web.Tests.Security;

/// <summary>
/// Cross-site request forgery on the cookie API, security headers on pages, API responses and static files,
/// and hostile uploads through the pages (a DTD, a corrupt zip, a file named "..").
/// </summary>
public sealed partial class HardeningTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private async Task<int> NewMeetingAsync(DateOnly date)
    {
        _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var meeting = new Meeting { BoardId = await db.Set<Board>().Where(b => b.Ref == "ct-exec").Select(b => b.Id).SingleAsync(), Date = date };
        db.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    private async Task<DateTimeOffset?> AgendaPublishedAtAsync(int id)
    {
        using var scope = app.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<Meeting>().AsNoTracking().SingleAsync(m => m.Id == id)).AgendaPublishedAt;
    }

    /// <summary>A personal access token for the demo performance officer, stored as an administrator would issue it.</summary>
    private async Task<string> TokenForPerformanceOfficerAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var user = await db.Users.SingleAsync(u => u.Email == "performance@outturn.example");
        var secret = ApiToken.NewSecret();
        db.Add(new ApiToken { UserId = user.Id, Name = "Hardening tests", Hash = ApiToken.HashOf(secret), Prefix = secret[..8], CreatedAt = DateTimeOffset.UtcNow, CreatedBy = "tests" });
        await db.SaveChangesAsync();
        return secret;
    }

    [Fact]
    public async Task A_cookie_post_to_the_API_without_the_anti_forgery_token_is_refused_and_changes_nothing()
    {
        var id = await NewMeetingAsync(new DateOnly(2016, 3, 15));
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        officer.DefaultRequestHeaders.Add("Origin", "https://attacker.example");

        var response = await officer.PostAsync($"/api/v1/meetings/{id}/publish?what=agenda", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("anti-forgery", await response.Content.ReadAsStringAsync());
        Assert.Null(await AgendaPublishedAtAsync(id));
    }

    [Fact]
    public async Task A_cookie_post_with_the_pages_anti_forgery_token_in_its_header_is_accepted()
    {
        var id = await NewMeetingAsync(new DateOnly(2016, 3, 16));
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var page = await officer.GetStringAsync("/finance/import");
        var token = FormToken().Match(page).Groups[1].Value;

        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/meetings/{id}/publish?what=agenda");
        request.Headers.Add(Hardening.AntiforgeryHeader, token);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.SendAsync(request)).StatusCode);
        Assert.NotNull(await AgendaPublishedAtAsync(id));
    }

    [Fact]
    public async Task A_bearer_token_needs_no_anti_forgery_token()
    {
        var id = await NewMeetingAsync(new DateOnly(2016, 3, 17));
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForPerformanceOfficerAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await api.PostAsync($"/api/v1/meetings/{id}/publish?what=agenda", null)).StatusCode);
        Assert.NotNull(await AgendaPublishedAtAsync(id));
    }

    [Fact]
    public async Task Malformed_JSON_to_the_API_is_a_400_not_a_500()
    {
        var api = app.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenForPerformanceOfficerAsync());
        using var scope = app.Services.CreateScope();
        var action = await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<ActionItem>().OrderBy(a => a.Id).FirstAsync();

        var response = await api.PostAsync($"/api/v1/actions/{action.Id}/updates", new StringContent("{\"status\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/")] // a page
    [InlineData("/api/v1/plans")] // an API response
    [InlineData("/css/outturn.css")] // a static file
    [InlineData("/no-such-page")] // an error page
    public async Task Every_response_carries_the_security_headers_and_no_server_header(string path)
    {
        var response = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal(Hardening.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", Hardening.ContentSecurityPolicy);
        Assert.DoesNotContain("unsafe-inline", Hardening.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        foreach (var path in new[] { "/", "/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2", "/finance/import", "/meetings/1/pack", "/my-updates" })
        {
            var html = await officer.GetStringAsync(path);
            Assert.DoesNotMatch("<script(?![^>]*\\ssrc=)[^>]*>", html);
            Assert.DoesNotContain("<style", html);
            Assert.DoesNotMatch("\\sstyle=\"", html);
        }
    }

    private async Task<HttpResponseMessage> UploadLedgerAsync(HttpClient officer, string fileName, byte[] bytes)
    {
        var form = await officer.GetStringAsync("/finance/import");
        var content = new MultipartFormDataContent
        {
            { new StringContent("ledger"), "kind" },
            { new ByteArrayContent(bytes), "file", fileName },
            { new StringContent(FormToken().Match(form).Groups[1].Value), "__RequestVerificationToken" },
        };
        return await officer.PostAsync("/finance/import", content);
    }

    [Fact]
    public async Task A_workbook_with_a_DTD_or_a_corrupt_zip_is_a_400_page_with_the_reason()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var folder = Path.Combine(app.DataDirectory, "test-files");
        Directory.CreateDirectory(folder);
        var dtd = Path.Combine(folder, "dtd.xlsx");
        Outturn.Web.Tests.Security.TestWorkbooks.WithDoctype(dtd);

        var withDtd = await UploadLedgerAsync(officer, "ledger.xlsx", await File.ReadAllBytesAsync(dtd));
        Assert.Equal(HttpStatusCode.BadRequest, withDtd.StatusCode);
        Assert.Contains("ledger.xlsx: the workbook contains a DTD", WebUtility.HtmlDecode(await withDtd.Content.ReadAsStringAsync()));

        var corrupt = await UploadLedgerAsync(officer, "ledger.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5]);
        Assert.Equal(HttpStatusCode.BadRequest, corrupt.StatusCode);
        Assert.Contains("ledger.xlsx: not an Excel workbook (.xlsx): the file is not a readable zip archive", WebUtility.HtmlDecode(await corrupt.Content.ReadAsStringAsync()));
    }

    [Theory]
    [InlineData("..")]
    [InlineData("../../ledger.csv")]
    [InlineData(".")]
    public async Task An_upload_with_a_hostile_name_is_a_clear_error_not_a_500(string name)
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var response = await UploadLedgerAsync(officer, name, Encoding.UTF8.GetBytes("department\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The file was rejected and nothing was imported", await response.Content.ReadAsStringAsync());
        Assert.False(File.Exists(Path.Combine(app.DataDirectory, "ledger.csv")));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}

/// <summary>Workbooks made for the hostile-input tests.</summary>
public static class TestWorkbooks
{
    public static void WithDoctype(string path)
    {
        using var zip = System.IO.Compression.ZipFile.Open(path, System.IO.Compression.ZipArchiveMode.Create);
        void Entry(string name, string text)
        {
            using var w = new StreamWriter(zip.CreateEntry(name).Open());
            w.Write(text);
        }
        Entry("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>""");
        Entry("xl/workbook.xml", """<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>""");
    }
}
