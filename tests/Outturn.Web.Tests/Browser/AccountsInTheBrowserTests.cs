using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Outturn.Web.Tests.Browser;

/// <summary>
/// An administrator invites a partner's contributor and makes her the lead of her team, she sets a password, signs
/// in and sees her organisation's items and no one else's; then the account is disabled.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AccountsInTheBrowserTests(BrowserFixture browser)
{
    private string LinkSentTo(string email)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(browser.Server.DataDirectory, "mail"), "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
        {
            var eml = File.ReadAllText(file);
            if (!eml.Contains(email)) continue;
            var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var body = eml[(split + 4)..];
            if (eml[..split].Contains("base64")) body = Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", "")));
            return new Uri(Regex.Match(body, @"https?://\S+/invitation/[A-Za-z0-9_-]+").Value).PathAndQuery;
        }
        throw new InvalidOperationException($"No e-mail to {email}");
    }

    private async Task<IPage> SignInAsync(string email, string password)
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl });
        await page.GotoAsync("/sign-in");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]:has-text('Sign in')");
        return page;
    }

    [Fact]
    public async Task Invite_accept_sign_in_then_disable_and_be_refused()
    {
        var admin = await browser.OpenAsync("/admin/organisations", signedInAs: "admin@outturn.example");
        Assert.True(await admin.Locator("th a", new() { HasTextString = "Bridgewater Community Healthcare NHS Trust" }).IsVisibleAsync());
        await admin.AssertNoViolationsAsync();
        await admin.Locator("th a", new() { HasTextString = "Health Visiting and School Nursing" }).ClickAsync();
        Assert.Equal("Bridgewater Community Healthcare NHS Trust", (await admin.Locator("#parent option:checked").InnerTextAsync()).Trim());
        await admin.AssertNoViolationsAsync();

        await admin.GotoAsync("/admin/users");
        await admin.FillAsync("#name", "Priya Shah");
        await admin.FillAsync("#email", "priya.shah@outturn.example");
        await admin.SelectOptionAsync("#role", "Contributor");
        await admin.SelectOptionAsync("#organisation", "NHS-BRIDGEWATER-0-19");
        await admin.ClickAsync("button:has-text('Send invitation')");
        Assert.Contains("Invitation sent to priya.shah@outturn.example", await admin.Locator(".govuk-notification-banner").InnerTextAsync());
        await admin.AssertNoViolationsAsync();
        // She leads the Trust's health visiting and school nursing team: she sees its whole draft.
        await admin.Locator("th a", new() { HasTextString = "Priya Shah" }).ClickAsync();
        await admin.CheckAsync("#lead");
        await admin.ClickAsync("button:has-text('Save')");
        Assert.Contains("saved", await admin.Locator(".govuk-notification-banner").InnerTextAsync());
        Assert.True(await admin.IsCheckedAsync("#lead"));
        await admin.AssertNoViolationsAsync();

        var invited = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl });
        await invited.GotoAsync(LinkSentTo("priya.shah@outturn.example"));
        await invited.AssertNoViolationsAsync();
        await invited.FillAsync("#password", "password1234");
        await invited.FillAsync("#confirm", "password1234");
        await invited.ClickAsync("button:has-text('Set password')");
        Assert.Contains("most common passwords", await invited.Locator(".govuk-error-summary").InnerTextAsync());
        await invited.AssertNoViolationsAsync();
        await invited.FillAsync("#password", "lantern orchard velvet");
        await invited.FillAsync("#confirm", "lantern orchard velvet");
        await invited.ClickAsync("button:has-text('Set password')");
        Assert.Contains("Your password is set", await invited.Locator("h1").InnerTextAsync());

        var priya = await SignInAsync("priya.shah@outturn.example", "lantern orchard velvet");
        await priya.WaitForURLAsync(u => !u.Contains("/sign-in"));
        await priya.GotoAsync("/account");
        Assert.Contains("priya.shah@outturn.example", await priya.Locator("main").InnerTextAsync());
        await priya.AssertNoViolationsAsync();

        // Her organisation's items, and no one else's: the Trust's under-18 conception rate, none of the council's measures.
        await priya.GotoAsync("/my-updates");
        var mine = await priya.Locator("main").InnerTextAsync();
        Assert.Contains("Your organisation's other items", mine);
        Assert.Contains("SCS CYP15", mine);
        Assert.DoesNotContain("CED047", mine);
        Assert.DoesNotContain("CED033", mine);
        await priya.AssertNoViolationsAsync();
        await priya.Locator("a", new() { HasTextString = "SCS CYP15" }).ClickAsync();
        Assert.Contains("School nursing drop-in", await priya.Locator("main").InnerTextAsync());
        await priya.AssertNoViolationsAsync();
        // The council's plan as a whole, and the council's own registers, are not hers.
        await priya.GotoAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q3");
        Assert.Equal("You do not have permission to see this page", (await priya.Locator("h1").InnerTextAsync()).Trim());
        await priya.GotoAsync("/risks");
        Assert.Equal("You do not have permission to see this page", (await priya.Locator("h1").InnerTextAsync()).Trim());

        await admin.GotoAsync("/admin/users");
        await admin.Locator("th a", new() { HasTextString = "Priya Shah" }).ClickAsync();
        await admin.AssertNoViolationsAsync();
        await admin.ClickAsync("button:has-text('Disable account')");
        Assert.Contains("disabled", await admin.Locator(".govuk-notification-banner").InnerTextAsync());

        var refused = await SignInAsync("priya.shah@outturn.example", "lantern orchard velvet");
        Assert.Contains("/sign-in", refused.Url);
        Assert.Contains("This account has been disabled", await refused.Locator(".govuk-error-summary").InnerTextAsync());
    }

    [Fact]
    public async Task The_too_many_attempts_page_has_no_accessibility_failures()
    {
        var page = await browser.Browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = browser.BaseUrl });
        for (var i = 0; i < 6; i++)
        {
            await page.GotoAsync("/sign-in");
            await page.FillAsync("#email", "no.such.person@outturn.example");
            await page.FillAsync("#password", "not the password at all");
            await page.ClickAsync("button[type=submit]:has-text('Sign in')");
        }
        Assert.Equal("Too many attempts to sign in", (await page.Locator("h1").InnerTextAsync()).Trim());
        await page.AssertNoViolationsAsync();
    }
}
