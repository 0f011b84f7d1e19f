using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Monitoring;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

/// <summary>The statutory indicators computed from the returns held, for a period, with what the validation rules found.</summary>
[Authorize(Policy = Policies.Council)]
[UnreadablePeriodIsNotFound]
public sealed class IndexModel(ReturnsReport report, ReturnsQuery query, IAuthorizationService authorization, ChildCounts counts) : PageModel
{
    public ReturnsOverview Overview { get; private set; } = null!;
    public IReadOnlyList<Period> Periods { get; private set; } = [];
    public bool CanSeeChildren { get; private set; }

    public int SuppressBelow => counts.Rules.SuppressBelow;

    /// <summary>A count of children as this viewer may read it: <c>c</c> for one to four without the child-level permission.</summary>
    public string Count(int count) => counts.Text(count, User.AsViewer());

    /// <summary>An indicator's numerator and denominator, withheld together when either is a small count.</summary>
    public (string Numerator, string Denominator) Counts(int numerator, int denominator) =>
        counts.WithholdsCounts(numerator, denominator, User.AsViewer())
            ? (Domain.Statistics.SmallNumberRules.Suppressed, Domain.Statistics.SmallNumberRules.Suppressed)
            : (Count(numerator), Count(denominator));

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
