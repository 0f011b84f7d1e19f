using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Participation;
using Outturn.Domain.Participation;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Participation;

/// <summary>The register of engagement activities, published or not, with where each is in the "you said, we did" cycle.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EngagementModel(ParticipationQuery query) : PageModel
{
    public IReadOnlyList<EngagementActivity> Activities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Activities = await query.ActivitiesAsync(ct);
}
