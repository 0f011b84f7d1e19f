using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

/// <summary>The statutory indicators computed from the returns held, for a period, with what the validation rules found.</summary>
[Authorize(Policy = Policies.Council)]
[UnreadablePeriodIsNotFound]
public sealed class IndexModel(ReturnsReport report, ReturnsQuery query, IAuthorizationService authorization) : PageModel
{
    public ReturnsOverview Overview { get; private set; } = null!;
    public IReadOnlyList<Period> Periods { get; private set; } = [];
    public bool CanSeeChildren { get; private set; }

    public async Task<IActionResult> OnGetAsync(Period? period, CancellationToken ct)
    {
        // Without a period: the last quarter of the latest collection year held.
        var latest = (await query.ImportsAsync(ct)).Select(i => (int?)i.Year).Max();
        var chosen = period ?? Period.Quarter(latest ?? DateTime.UtcNow.Year - 1, 4);
        Overview = await report.OverviewAsync(chosen, ct);
        var years = Overview.Imports.Select(i => i.Year).Distinct().Order().ToList();
        if (years.Count == 0) years = [chosen.ContainingFinancialYear().Year];
        Periods = years.SelectMany(y => Enumerable.Range(1, 4).Select(q => Period.Quarter(y, q))).ToList();
        CanSeeChildren = (await authorization.AuthorizeAsync(User, Policies.ChildLevel)).Succeeded;
        return Page();
    }
}
