using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Accounts;
using Outturn.Application.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>A meeting: agenda with page ranges, attendance, minutes and decisions, actions raised and carried forward.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class MeetingModel(GovernanceQuery query, MeetingHandlers meetings) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    /// <summary>The reader holds the chair's seat for this meeting: they approve its minutes.</summary>
    public bool IsChair { get; private set; }

    private bool Officer => User.IsInRole(Roles.PerformanceOfficer) || User.IsInRole(Roles.Administrator);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (visibility, view) = await query.MeetingAsync(id, await query.ViewerAsync(User, ct), ct);
        if (visibility == Visibility.NotPublished && User.Identity?.IsAuthenticated != true) return Challenge();
        if (view is null) return this.NotFoundWith($"No published meeting has the number {id}.");
        View = view;
        CanEdit = Officer;
        IsChair = await meetings.IsChairAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        return Page();
    }

    /// <summary>Performance officers publish the agenda, then (once the chair has approved them) the minutes.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, string what, CancellationToken ct)
    {
        if (!Officer) return Forbid();
        if (what == "minutes") await meetings.PublishMinutesAsync(id, ct); else await meetings.PublishAgendaAsync(id, ct);
        TempData["Done"] = what == "minutes" ? "The minutes are published." : "The agenda is published.";
        return Redirect($"/meetings/{id}");
    }

    /// <summary>The chair approves the minutes as a true record.</summary>
    public async Task<IActionResult> OnPostApproveAsync(int id, CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated != true) return Challenge();
        await meetings.ApproveMinutesAsync(id, User.FindFirstValue(ClaimTypes.NameIdentifier)!, ct);
        TempData["Done"] = "You have approved the minutes as a true record. The performance team can now publish them.";
        return Redirect($"/meetings/{id}");
    }
}
