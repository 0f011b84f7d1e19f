using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

public sealed record ComputedFromReturnsView(IReadOnlyList<(Period Period, ComputedValue Computed)> Values, bool CanSeeChildren)
{
    /// <summary>Each value's numerator and denominator as the viewer may read them (<c>c</c> for counts of fewer than five children).</summary>
    public Func<ComputedValue, (string Numerator, string Denominator)> Counts { get; init; } = c =>
        (c.Numerator.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")), c.Denominator.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-GB")));
}

/// <summary>
/// On a measure's page: for each value filled from the statutory returns, its numerator, denominator, definition and
/// version and the returns it came from; for child-level users, a link to the children behind it.
/// </summary>
public sealed class ComputedFromReturnsViewComponent(OutturnDbContext db, IAuthorizationService authorization, ChildCounts counts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int indicatorId, IReadOnlyCollection<Period> periods)
    {
        var rows = await (from v in db.IndicatorValues
                          join c in db.Set<ComputedValue>() on v.Id equals c.IndicatorValueId
                          where v.IndicatorId == indicatorId
                          select new { v.Period, c }).AsNoTracking().ToListAsync();
        var visible = rows.Where(r => periods.Contains(r.Period)).OrderBy(r => r.Period).Select(r => (r.Period, r.c)).ToList();
        var canSee = (await authorization.AuthorizeAsync(HttpContext.User, Policies.ChildLevel)).Succeeded;
        var viewer = HttpContext.User.AsViewer();
        return View("~/Features/Returns/ComputedFromReturns.cshtml", new ComputedFromReturnsView(visible, canSee)
        {
            Counts = c => counts.WithholdsCounts(c.Numerator, c.Denominator, viewer)
                ? (Domain.Statistics.SmallNumberRules.Suppressed, Domain.Statistics.SmallNumberRules.Suppressed)
                : (counts.Text(c.Numerator, viewer), counts.Text(c.Denominator, viewer)),
        });
    }
}
