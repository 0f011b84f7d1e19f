using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Participation;
using Outturn.Domain.Participation;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Participation;

[Authorize(Policy = Policies.Public)]
public sealed class PromisesModel(ParticipationQuery query) : PageModel
{
    public IReadOnlyList<Promise> Promises { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Outturn.Application.Accounts.Roles.PerformanceOfficer) || User.IsInRole(Outturn.Application.Accounts.Roles.Administrator);

    public async Task OnGetAsync(CancellationToken ct) => Promises = await query.PromisesAsync(ct);
}
