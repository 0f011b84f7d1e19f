using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Outturn.Application.Accounts;

namespace Outturn.Web.Features.Account;

/// <summary>
/// Optional sign-in with a council's OpenID Connect provider (e.g. Microsoft Entra ID), switched on by
/// <c>Outturn:Oidc:Authority</c>, <c>ClientId</c> and <c>ClientSecret</c>. The provider proves who someone is; their
/// account is matched by e-mail address, created on first sign-in for the listed domains, and given the role and
/// organisation their group or role claims map to (<see cref="SingleSignOn"/>; docs/operations.md).
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
            // Only for a provider on a private test address; a council's provider is always HTTPS.
            o.RequireHttpsMetadata = configuration.GetValue("Outturn:Oidc:RequireHttpsMetadata", true);
            o.ResponseType = "code";
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.Scope.Add("email");
            o.CallbackPath = "/sign-in/organisation/callback";
            // The claims as the provider names them (email, groups, roles), which is how the settings name them too.
            o.MapInboundClaims = false;
        });
    }

    public static void MapOidcSignIn(this WebApplication app)
    {
        if (!IsConfigured(app.Configuration)) return;
        app.MapGet("/sign-in/organisation", (string? returnUrl) =>
                Results.Challenge(new AuthenticationProperties { RedirectUri = "/sign-in/organisation/complete?returnUrl=" + Uri.EscapeDataString(Local(returnUrl)) }, [Scheme]))
            .RequireAuthorization(Security.Policies.Public);
        app.MapGet("/sign-in/organisation/complete", async (string? returnUrl, HttpContext http, SignInManager<OutturnUser> signIn,
            UserManager<OutturnUser> users, SingleSignOn accounts, SingleSignOnSettings settings, ILoggerFactory logs, CancellationToken ct) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            if (!external.Succeeded) return Results.Redirect("/sign-in");
            var outcome = await accounts.AccountForAsync(ProviderIdentity.From(external.Principal, settings), ct);
            // SignInAsync itself does not ask whether the account may sign in: a disabled or locked account is refused here.
            if (outcome is not SingleSignOnOutcome.SignIn { User: var user } || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                logs.CreateLogger("Outturn.SignIn").LogWarning("Single sign-on refused: {Reason}", (outcome as SingleSignOnOutcome.Refused)?.Reason ?? "the account may not sign in");
                return Results.Redirect("/errors/403");
            }
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Scheme);
            user.LastSignInAt = DateTimeOffset.UtcNow;
            await users.UpdateAsync(user);
            return Results.LocalRedirect(Local(returnUrl));
        }).RequireAuthorization(Security.Policies.Public);
    }

    private static string Local(string? returnUrl) => returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
}
