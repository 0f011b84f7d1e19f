using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Governance;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

[Authorize(Policy = Policies.Public)]
public sealed class BoardsModel(GovernanceQuery query) : PageModel
{
    public IReadOnlyList<BoardSummary> Boards { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Boards = await query.BoardsAsync(await query.ViewerAsync(User, ct), ct);
}
