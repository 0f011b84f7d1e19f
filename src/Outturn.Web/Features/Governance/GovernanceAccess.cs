using System.Security.Claims;
using Outturn.Application.Accounts;
using Outturn.Application.Governance;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>
/// The signed-in user as a governance <see cref="Viewer"/>, with the seats on boards linked to their account: a
/// board member sees a board's drafts and Part II items only through such a seat.
/// </summary>
public static class GovernanceAccess
{
    public static async Task<Viewer> ViewerAsync(this GovernanceQuery query, ClaimsPrincipal user, CancellationToken ct = default) =>
        user.Identity?.IsAuthenticated != true ? Viewer.Anonymous
            : user.AsViewer(await query.SeatsAsync(user.FindFirstValue(ClaimTypes.NameIdentifier), ct));

    public static string En(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
}
