using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>
/// The agenda pack as one printable page: front sheet, then each report in order, Part II only for those allowed.
/// Each item's report among those Outturn holds is printed whole after its cover sheet, as in the Word and PDF packs.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class PackModel(GovernanceQuery query, AgendaPackReports reports) : PageModel
{
    public AgendaPack Pack { get; private set; } = null!;
    public int MeetingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var viewer = await query.ViewerAsync(User, ct);
        var (visibility, pack) = await query.PackAsync(id, viewer, ct);
        if (visibility == Visibility.NotPublished && User.Identity?.IsAuthenticated != true) return Challenge();
        if (pack is null) return this.NotFoundWith($"No published meeting has the number {id}.");
        Pack = await reports.WithReportsAsync(pack, viewer, ct);
        MeetingId = id;
        return Page();
    }
}
