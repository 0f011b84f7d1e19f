using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Domain.Risks;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Dashboard;

/// <summary>The performance officer's dashboard: for now, the risks overdue for review (others add their panels).</summary>
[Authorize(Policy = Policies.Council)]
public sealed class IndexModel(RiskQuery risks, TimeProvider clock) : PageModel
{
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Risk> OverdueRisks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        OverdueRisks = await risks.OverdueForReviewAsync(Today, ct);
    }
}
