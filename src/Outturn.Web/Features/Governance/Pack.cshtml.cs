using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>
/// The agenda pack as one printable page: front sheet, then each report in order, Part II only for those allowed.
/// Word and PDF output will come from the documents feature's generator through <see cref="IAgendaPackWriter"/>.
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class PackModel(GovernanceQuery query) : PageModel
{
    public AgendaPack Pack { get; private set; } = null!;
    public int MeetingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var (visibility, pack) = await query.PackAsync(id, await query.ViewerAsync(User, ct), ct);
        if (visibility == Visibility.NotPublished && User.Identity?.IsAuthenticated != true) return Challenge();
        if (pack is null) return this.NotFoundWith($"No published meeting has the number {id}.");
        Pack = pack;
        MeetingId = id;
        return Page();
    }
}
