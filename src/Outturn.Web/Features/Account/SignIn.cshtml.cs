using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Outturn.Application.Accounts;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Account;

[Authorize(Policy = Policies.Public)]
[EnableRateLimiting(RateLimit)]
public sealed class SignInModel(SignInManager<OutturnUser> signIn, IConfiguration configuration) : PageModel
{
    public const string RateLimit = "sign-in";

    [BindProperty, Required(ErrorMessage = "Enter your email address"), EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.com")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }
    public bool OidcEnabled => OidcSignIn.IsConfigured(configuration);

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        Error = result.IsLockedOut
            ? "This account is locked after repeated failed attempts. Try again in 15 minutes."
            : "The email address or password is not right.";
        return Page();
    }
}
