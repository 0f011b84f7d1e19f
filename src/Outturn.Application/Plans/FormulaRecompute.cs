using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans;

/// <summary>
/// After a measure's figure changes, the plan's formula measures are computed again from the figures now held, in
/// the same unit of work (so the change and what follows from it are saved and audited together).
/// </summary>
public static class FormulaRecompute
{
    public static async Task AfterChangeAsync(OutturnDbContext db, int indicatorId, CancellationToken ct)
    {
        var planId = await db.Indicators.Where(i => i.Id == indicatorId).Select(i => i.PlanId).SingleAsync(ct);
        if (!await db.Indicators.AnyAsync(i => i.PlanId == planId && i.Formula != null, ct)) return;
        // Tracked, so the figure just changed (or added) is the one the formulas read.
        var indicators = await db.Indicators.Include(i => i.Values).Where(i => i.PlanId == planId).ToListAsync(ct);
        foreach (var added in FormulaMeasures.Recompute(indicators)) db.IndicatorValues.Add(added);
    }
}
