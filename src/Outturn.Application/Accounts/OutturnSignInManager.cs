using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Outturn.Application.Accounts;

/// <summary>
/// Identity's sign-in with one addition: a disabled account cannot sign in, and its existing sessions fail their next
/// security-stamp check (disabling also changes the stamp, so this holds even for a cookie validated moments before).
/// </summary>
public sealed class OutturnSignInManager(
    UserManager<OutturnUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<OutturnUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<OutturnUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<OutturnUser> confirmation)
    : SignInManager<OutturnUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(OutturnUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    public override async Task<OutturnUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: true } ? null : user;
    }
}
