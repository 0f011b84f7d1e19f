using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Participation;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Participation;

/// <summary>The public "you said, we did" page: only responses marked published.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class YouSaidWeDidModel(ParticipationQuery query) : PageModel
{
    public IReadOnlyList<YouSaidWeDid> Responses { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Responses = await query.PublishedAsync(ct);
}
