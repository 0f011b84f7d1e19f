using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

public sealed record ComputedFromReturnsView(IReadOnlyList<(Period Period, ComputedValue Computed)> Values, bool CanSeeChildren);

/// <summary>
/// On a measure's page: for each value filled from the statutory returns, its numerator, denominator, definition and
/// version and the returns it came from; for child-level users, a link to the children behind it.
/// </summary>
public sealed class ComputedFromReturnsViewComponent(OutturnDbContext db, IAuthorizationService authorization) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(int indicatorId, IReadOnlyCollection<Period> periods)
    {
        var rows = await (from v in db.IndicatorValues
                          join c in db.Set<ComputedValue>() on v.Id equals c.IndicatorValueId
                          where v.IndicatorId == indicatorId
                          select new { v.Period, c }).AsNoTracking().ToListAsync();
        var visible = rows.Where(r => periods.Contains(r.Period)).OrderBy(r => r.Period).Select(r => (r.Period, r.c)).ToList();
        var canSee = (await authorization.AuthorizeAsync(HttpContext.User, Policies.ChildLevel)).Succeeded;
        return View("~/Features/Returns/ComputedFromReturns.cshtml", new ComputedFromReturnsView(visible, canSee));
    }
}
