using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Application.Rounds;
using Outturn.Domain.Risks;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Dashboard;

/// <summary>
/// The dashboard for directors and the performance team, as at its configured date (the demonstration's is the
/// board's, 4 January 2016): each plan's current round (red and amber measures, measures getting worse, overdue
/// milestones, completeness by organisation) and the risks overdue for review.
/// </summary>
[Authorize(Policy = Policies.Council)]
public sealed class IndexModel(RiskQuery risks, RoundDashboard rounds) : PageModel
{
    public DateOnly Today { get; private set; }
    public IReadOnlyList<Risk> OverdueRisks { get; private set; } = [];
    public IReadOnlyList<DashboardRound> Rounds { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Today = rounds.AsAt;
        Rounds = await rounds.CurrentAsync(User.AsViewer(), ct);
        OverdueRisks = await risks.OverdueForReviewAsync(Today, ct);
    }
}
