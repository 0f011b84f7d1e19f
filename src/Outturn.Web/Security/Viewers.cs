using System.Security.Claims;
using Outturn.Application.Accounts;

namespace Outturn.Web.Security;

public static class Viewers
{
    /// <summary>
    /// The signed-in user (or nobody) as the visibility rules see them; seats on boards where they matter. A
    /// contributor (who is no officer) is limited to the organisations their sign-in claims name.
    /// </summary>
    public static Viewer AsViewer(this ClaimsPrincipal user, IReadOnlySet<int>? seats = null)
    {
        if (user.Identity?.IsAuthenticated != true) return Viewer.Anonymous;
        var roles = Roles.All.Where(user.IsInRole).ToHashSet();
        var viewer = new Viewer(true, roles, user.HasClaim(c => c.Type == Roles.ChildLevelClaim), seats ?? new HashSet<int>());
        var scoped = !viewer.IsOfficer && !roles.Contains(Roles.BoardMember);
        return viewer with
        {
            Organisations = scoped ? OutturnClaims.OrganisationsOf(user) : null,
            IsPartner = user.HasClaim(c => c.Type == Roles.PartnerClaim),
            LeadsOrganisation = user.HasClaim(c => c.Type == Roles.LeadClaim),
        };
    }
}
