using Microsoft.AspNetCore.Authorization;
using Outturn.Application.Monitoring;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Benchmarks;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Benchmarks;

/// <summary>The Children's Trust report card: key indicators by life stage with latest value, status, direction, rank and band.</summary>
[Authorize(Policy = Policies.Public)]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Outturn.Web.Hosting.PublishedReportCache.PolicyName)]
public sealed class ReportCardModel(ReportCardQuery query, ReportVisibility access) : PageModel
{
    public ReportCardView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string planRef, Period period, CancellationToken ct)
    {
        var p = period;
        // A period whose round is not yet published is a draft.
        if ((await access.HiddenPeriodsAsync(planRef, User.AsViewer(), ct)).Contains(p))
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();
        var view = await query.ForAsync(planRef, p, ct);
        if (view is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        View = view;
        return Page();
    }
}
