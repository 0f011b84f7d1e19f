using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Outturn.Application.Organisations;

namespace Outturn.Application.Accounts;

/// <summary>
/// The claims of a signed-in account: Identity's (id, e-mail, roles, granted claims such as child-level and lead)
/// and the account's organisation with every organisation beneath it, and whether it is a partner. They are made
/// again at each security-stamp check (every minute), so a move to another organisation, or a change to the
/// hierarchy, reaches existing sessions within a minute.
/// </summary>
public sealed class OutturnClaims(
    UserManager<OutturnUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, OrganisationService organisations)
    : UserClaimsPrincipalFactory<OutturnUser, IdentityRole>(users, roles, options)
{
    private static readonly HashSet<string> Computed = [Roles.OrganisationClaim, Roles.OrganisationsClaim, Roles.PartnerClaim];

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(OutturnUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        // Only this factory says which organisations an account covers; a stored claim of the same name counts for nothing.
        foreach (var stale in identity.Claims.Where(c => Computed.Contains(c.Type)).ToList()) identity.RemoveClaim(stale);
        if (user.OrganisationId is { } id)
        {
            var (scope, partner) = await organisations.ScopeAsync(id);
            identity.AddClaim(new Claim(Roles.OrganisationClaim, id.ToString(CultureInfo.InvariantCulture)));
            identity.AddClaim(new Claim(Roles.OrganisationsClaim, string.Join(",", scope.Order().Select(o => o.ToString(CultureInfo.InvariantCulture)))));
            if (partner) identity.AddClaim(new Claim(Roles.PartnerClaim, "yes"));
        }
        return identity;
    }

    /// <summary>The organisations named by <see cref="Roles.OrganisationsClaim"/>.</summary>
    public static IReadOnlySet<int> OrganisationsOf(ClaimsPrincipal user) =>
        (user.FindFirst(Roles.OrganisationsClaim)?.Value ?? "")
        .Split(',', StringSplitOptions.RemoveEmptyEntries)
        .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
        .OfType<int>().ToHashSet();
}
