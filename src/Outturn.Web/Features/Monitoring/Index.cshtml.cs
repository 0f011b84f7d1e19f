using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Web.Security;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;

namespace Outturn.Web.Features.Monitoring;

[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(MonitoringQuery query, TimeProvider clock) : PageModel
{
    public MonitoringView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string planRef, string period, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p))
            return this.BadRequestWith($"\"{period}\" is not a period. Accepted forms: {Period.AcceptedForms}.");
        var view = await query.ForPeriodAsync(planRef, p, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct);
        if (view is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        if (!view.Plan.Covers(p)) return this.NotFoundWith($"{view.Plan.Ref} covers {view.Plan.Span}; it has no monitoring for {p.ToDisplayString()}.");
        View = view;
        return Page();
    }
}
