using System.Security.Claims;
using Outturn.Application.Accounts;
using Outturn.Application.Governance;

namespace Outturn.Web.Features.Governance;

/// <summary>
/// Turns the signed-in user into a governance <see cref="Viewer"/>: administrators, the performance team and approvers
/// are officers; a board member sees a board's drafts and Part II items only through a seat linked to their account.
/// </summary>
public static class GovernanceAccess
{
    public static bool IsOfficer(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.PerformanceOfficer) || user.IsInRole(Roles.Approver);

    public static async Task<Viewer> ViewerAsync(this GovernanceQuery query, ClaimsPrincipal user, CancellationToken ct = default)
    {
        if (user.Identity?.IsAuthenticated != true) return Viewer.Anonymous;
        var seats = await query.SeatsAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return new Viewer(IsOfficer(user), seats);
    }

    public static string En(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
