using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Web.Tests.Accounts;

public sealed class InvitationTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private static string Antiforgery(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = Antiforgery(await client.GetStringAsync(url));
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>The invitation link in the last e-mail to this address in the pickup folder.</summary>
    private string LinkSentTo(string email)
    {
        var texts = Directory.GetFiles(Path.Combine(app.DataDirectory, "mail"), "*.eml")
            .Select(f => (File.GetLastWriteTimeUtc(f), Decode(File.ReadAllText(f)))).Where(m => m.Item2.Contains(email)).OrderBy(m => m.Item1).ToList();
        Assert.NotEmpty(texts);
        return new Uri(Regex.Match(texts[^1].Item2, @"https?://\S+/invitation/[A-Za-z0-9_-]+").Value).PathAndQuery;
    }

    private static string Decode(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..split];
        var body = eml[(split + 4)..];
        if (headers.Contains("Content-Transfer-Encoding: base64")) body = Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", "")));
        else if (headers.Contains("quoted-printable")) body = Regex.Replace(body.Replace("=\r\n", ""), "=([0-9A-F]{2})", m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());
        return headers + "\n" + body;
    }

    [Fact]
    public async Task An_invited_person_sets_a_password_from_the_emailed_link_and_signs_in()
    {
        var admin = await app.SignedInClientAsync("admin@outturn.example");
        var invited = await PostFormAsync(admin, "/admin/users", new()
        {
            ["Name"] = "Sam Okafor", ["Email"] = "sam.okafor@outturn.example", ["Role"] = Roles.Contributor, ["OrganisationRef"] = "NHS-5BP-CAMHS",
        });
        Assert.Contains("Invitation sent to sam.okafor@outturn.example", await invited.Content.ReadAsStringAsync());
        var link = LinkSentTo("sam.okafor@outturn.example");

        var visitor = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Contains("Choose your password", await visitor.GetStringAsync(link));
        var common = await PostFormAsync(visitor, link, new() { ["Password"] = "password1234", ["Confirm"] = "password1234" });
        Assert.Contains("100,000 most common passwords", await common.Content.ReadAsStringAsync());
        var set = await PostFormAsync(visitor, link, new() { ["Password"] = "river kettle lantern", ["Confirm"] = "river kettle lantern" });
        Assert.Contains("Your password is set", await set.Content.ReadAsStringAsync());
        Assert.Contains("does not work", await visitor.GetStringAsync(link)); // a link works once

        var form = await visitor.GetStringAsync("/sign-in");
        var signedIn = await visitor.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "sam.okafor@outturn.example", ["Password"] = "river kettle lantern", ["__RequestVerificationToken"] = Antiforgery(form),
        }));
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        var list = await admin.GetStringAsync("/admin/users");
        var row = Regex.Match(list, "Sam Okafor</a></th>(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value;
        Assert.Contains("Child and Adolescent Mental Health Service", row);
        Assert.Contains("Active", row);
        Assert.DoesNotContain("Never", row); // the sign-in just made is shown
    }

    [Fact]
    public async Task A_resent_invitation_replaces_the_first_and_an_expired_one_no_longer_works()
    {
        var admin = await app.SignedInClientAsync("admin@outturn.example");
        await PostFormAsync(admin, "/admin/users", new() { ["Name"] = "Jo Lee", ["Email"] = "jo.lee@outturn.example", ["Role"] = Roles.Contributor, ["OrganisationRef"] = "" });
        var first = LinkSentTo("jo.lee@outturn.example");
        string id;
        using (var scope = app.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Users.SingleAsync(u => u.Email == "jo.lee@outturn.example")).Id;

        var resent = await PostFormAsync(admin, $"/admin/users/{id}?handler=Resend", new());
        Assert.Contains("earlier link no longer works", await resent.Content.ReadAsStringAsync());
        var second = LinkSentTo("jo.lee@outturn.example");
        Assert.NotEqual(first, second);
        var visitor = app.CreateClient();
        Assert.Contains("does not work", await visitor.GetStringAsync(first));
        Assert.Contains("Choose your password", await visitor.GetStringAsync(second));

        await PostFormAsync(admin, $"/admin/users/{id}?handler=Expire", new());
        Assert.Contains("does not work", await visitor.GetStringAsync(second));
    }

    [Fact]
    public async Task An_invitation_is_valid_for_seven_days()
    {
        using var scope = app.Services.CreateScope();
        var invitations = scope.ServiceProvider.GetRequiredService<AccountInvitations>();
        Assert.True((await invitations.InviteAsync("kim.ward@outturn.example", "Kim Ward", Roles.Approver, null, "test", "http://localhost")).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        var invitation = await db.Set<Invitation>().Include(i => i.User).SingleAsync(i => i.User!.Email == "kim.ward@outturn.example");
        Assert.Equal(TimeSpan.FromDays(7), invitation.ExpiresAt - invitation.SentAt);
        Assert.True(invitation.IsOpen(invitation.SentAt.AddDays(7).AddSeconds(-1)));
        Assert.False(invitation.IsOpen(invitation.SentAt.AddDays(7)));
    }

    [Fact]
    public async Task An_administrator_disables_an_account_from_its_page_and_sign_in_is_refused()
    {
        var admin = await app.SignedInClientAsync("admin@outturn.example");
        string id;
        using (var scope = app.Services.CreateScope())
            id = (await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Users.SingleAsync(u => u.Email == "director@outturn.example")).Id;

        var disabled = await PostFormAsync(admin, $"/admin/users/{id}?handler=Disable", new());
        Assert.Contains("director@outturn.example disabled", await disabled.Content.ReadAsStringAsync());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.SignedInClientAsync("director@outturn.example"));
        Assert.Contains("failed: 200", error.Message);
        var list = await admin.GetStringAsync("/admin/users");
        Assert.Matches("Dana Director</a></th>.*?Disabled", Regex.Replace(list, @"\s+", " "));
    }
}
