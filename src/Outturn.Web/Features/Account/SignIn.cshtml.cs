using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Accounts;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Account;

[Authorize(Policy = Policies.Public)]
public sealed class SignInModel(SignInManager<OutturnUser> signIn, SignInThrottle throttle, IConfiguration configuration, TimeProvider clock) : PageModel
{
    /// <summary>The one answer to a wrong password, an unknown address and a disabled account alike.</summary>
    public const string WrongDetails = "The email address or password is not right.";

    [BindProperty, Required(ErrorMessage = "Enter your email address"), EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }
    /// <summary>Set when attempts are paused: the page then says so, and when to try again.</summary>
    public string? TryAgainAt { get; private set; }
    public string? TryAgainIn { get; private set; }
    public bool OidcEnabled => OidcSignIn.IsConfigured(configuration);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var account = Email.Trim();
        // Checked before the password, so a paused attempt tells nothing about it.
        if (await throttle.RefusedUntilAsync(address, account, HttpContext.RequestAborted) is { } until) return Paused(until);

        // Identity's own lockout is not used: it locks for a fixed time, only real accounts, which both keeps
        // people out and shows which addresses have accounts. The throttle does that work instead.
        var result = await signIn.PasswordSignInAsync(account, Password, isPersistent: false, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(account);
            var user = await signIn.UserManager.FindByEmailAsync(account);
            if (user is not null)
            {
                user.LastSignInAt = clock.GetUtcNow();
                await signIn.UserManager.UpdateAsync(user);
            }
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        await throttle.FailedAsync(address, account);
        Error = WrongDetails;
        // Only someone who knows the password learns that the account is disabled.
        if (result.IsNotAllowed && await signIn.UserManager.FindByEmailAsync(account) is { IsDisabled: true } disabled
                                && await signIn.UserManager.CheckPasswordAsync(disabled, Password))
            Error = "This account has been disabled. Ask your administrator if you need it again.";
        return Page();
    }

    private PageResult Paused(DateTimeOffset until)
    {
        var wait = until - clock.GetUtcNow();
        var seconds = (int)Math.Ceiling(Math.Max(1, wait.TotalSeconds));
        Response.StatusCode = StatusCodes.Status429TooManyRequests;
        Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        TryAgainAt = TimeZoneInfo.ConvertTime(until, UkTime).ToString("HH:mm", CultureInfo.GetCultureInfo("en-GB"));
        var minutes = (int)Math.Ceiling(seconds / 60.0);
        TryAgainIn = minutes == 1 ? "1 minute" : $"{minutes} minutes";
        ViewData["Title"] = "Too many attempts to sign in";
        return Page();
    }

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
