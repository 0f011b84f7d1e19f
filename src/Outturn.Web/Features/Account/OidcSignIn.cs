using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Outturn.Application.Accounts;

namespace Outturn.Web.Features.Account;

/// <summary>
/// Optional sign-in with a council's OpenID Connect provider (e.g. Microsoft Entra ID), switched on by
/// <c>Outturn:Oidc:Authority</c>, <c>ClientId</c> and <c>ClientSecret</c>. The provider proves who someone is; their
/// roles still come from their Outturn account, matched by e-mail address (an administrator creates it first).
/// </summary>
public static class OidcSignIn
{
    public const string Scheme = "oidc";

    public static bool IsConfigured(IConfiguration c) => !string.IsNullOrWhiteSpace(c["Outturn:Oidc:Authority"]);

    public static void AddIfConfigured(AuthenticationBuilder auth, IConfiguration configuration)
    {
        if (!IsConfigured(configuration)) return;
        auth.AddOpenIdConnect(Scheme, "Your organisation", o =>
        {
            o.Authority = configuration["Outturn:Oidc:Authority"];
            o.ClientId = configuration["Outturn:Oidc:ClientId"];
            o.ClientSecret = configuration["Outturn:Oidc:ClientSecret"];
            o.ResponseType = "code";
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Add("email");
            o.CallbackPath = "/sign-in/organisation/callback";
        });
    }

    public static void MapOidcSignIn(this WebApplication app)
    {
        if (!IsConfigured(app.Configuration)) return;
        app.MapGet("/sign-in/organisation", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = "/sign-in/organisation/complete?returnUrl=" + Uri.EscapeDataString(returnUrl ?? "/") }, [Scheme]))
            .RequireAuthorization(Security.Policies.Public);
        app.MapGet("/sign-in/organisation/complete", async (string? returnUrl, HttpContext http, SignInManager<OutturnUser> signIn, UserManager<OutturnUser> users) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            var email = external.Principal?.FindFirstValue(ClaimTypes.Email) ?? external.Principal?.FindFirstValue("preferred_username");
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var user = email is null ? null : await users.FindByEmailAsync(email);
            // SignInAsync itself does not ask whether the account may sign in: a disabled account is refused here.
            if (user is null || !await signIn.CanSignInAsync(user)) return Results.Redirect("/errors/403");
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Scheme);
            user.LastSignInAt = DateTimeOffset.UtcNow;
            await users.UpdateAsync(user);
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") ? returnUrl : "/");
        }).RequireAuthorization(Security.Policies.Public);
    }
}
