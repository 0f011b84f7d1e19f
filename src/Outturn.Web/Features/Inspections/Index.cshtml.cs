using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Inspections;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Inspections;

[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(InspectionQuery query) : PageModel
{
    public IReadOnlyList<InspectionSummary> Inspections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Inspections = await query.ListAsync(User.Identity?.IsAuthenticated == true, ct);
}
