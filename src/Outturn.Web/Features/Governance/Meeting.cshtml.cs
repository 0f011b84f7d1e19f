using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>A meeting: agenda with page ranges, attendance, minutes and decisions, actions raised and carried forward.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class MeetingModel(GovernanceQuery query, GovernanceService service) : PageModel
{
    public MeetingView View { get; private set; } = null!;
    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (visibility, view) = await query.MeetingAsync(id, await query.ViewerAsync(User, ct), ct);
        if (visibility == Visibility.NotPublished && User.Identity?.IsAuthenticated != true) return Challenge();
        if (view is null) return this.NotFoundWith($"No published meeting has the number {id}.");
        View = view;
        CanEdit = User.IsInRole("PerformanceOfficer") || User.IsInRole("Administrator");
        return Page();
    }

    /// <summary>Performance officers publish the agenda, then the minutes.</summary>
    public async Task<IActionResult> OnPostPublishAsync(int id, string what, CancellationToken ct)
    {
        if (!(User.IsInRole("PerformanceOfficer") || User.IsInRole("Administrator"))) return Forbid();
        try
        {
            if (what == "minutes") await service.PublishMinutesAsync(id, ct); else await service.PublishAgendaAsync(id, ct);
        }
        catch (Outturn.Domain.DomainException e) { Error = e.Message; }
        return await OnGetAsync(id, ct);
    }

    public string? Error { get; private set; }
}
