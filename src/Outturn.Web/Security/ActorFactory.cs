using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Outturn.Application.Accounts;
using Outturn.Application.Rounds;

namespace Outturn.Web.Security;

public static class ActorFactory
{
    /// <summary>The signed-in user as the round sees them: name, linked officer, whether they run rounds, and their organisation.</summary>
    public static async Task<Actor> ActorAsync(this UserManager<OutturnUser> users, ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        return new Actor(user?.Email ?? principal.Identity?.Name ?? "unknown", user?.OfficerId,
            principal.IsInRole(Roles.PerformanceOfficer) || principal.IsInRole(Roles.Administrator), principal.AsViewer());
    }
}
