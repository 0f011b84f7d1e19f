using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Web.Security;

/// <summary>Personal access tokens (<c>Authorization: Bearer ott_…</c>) for API clients; revoked tokens fail.</summary>
public sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    OutturnDbContext db, IUserClaimsPrincipalFactory<OutturnUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var hash = ApiToken.HashOf(header["Bearer ".Length..].Trim());
        var token = await db.Set<ApiToken>().Include(t => t.User).SingleOrDefaultAsync(t => t.Hash == hash);
        if (token?.User is null || token.RevokedAt is not null || token.User.IsDisabled || token.User.LockoutEnd > clock.GetUtcNow())
            return AuthenticateResult.Fail("The token is unknown or has been revoked.");
        token.LastUsedAt = clock.GetUtcNow();
        await db.SaveChangesAsync();
        var principal = await principals.CreateAsync(token.User);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(principal.Claims, SchemeName)), SchemeName));
    }
}
