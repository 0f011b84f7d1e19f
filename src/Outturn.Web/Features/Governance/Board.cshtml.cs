using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>A board: its members, its meetings, and its action log with the overdue actions listed for the chair.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class BoardModel(GovernanceQuery query) : PageModel
{
    public BoardView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(string boardRef, CancellationToken ct)
    {
        var view = await query.BoardAsync(boardRef, await query.ViewerAsync(User, ct), ct);
        if (view is null) return this.NotFoundWith($"No board has the reference \"{boardRef}\".");
        View = view;
        CanEdit = User.IsInRole("PerformanceOfficer") || User.IsInRole("Administrator");
        return Page();
    }
}
