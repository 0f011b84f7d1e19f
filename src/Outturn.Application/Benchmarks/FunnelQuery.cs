using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Statistics;

namespace Outturn.Application.Benchmarks;

/// <summary>
/// A funnel plot's figures for one indicator and period: every authority placed by its counts, around
/// <see cref="TargetSource"/>'s figure, with the council whose figures the pages benchmark (<see cref="HomeArea"/>).
/// </summary>
public sealed record FunnelView(Period Period, string TargetSource, FunnelPlot Plot, string HomeArea, int Authorities)
{
    public FunnelPoint? Home => Plot.Points.FirstOrDefault(p => p.Area.Code == HomeArea);
}

/// <summary>The funnel plot on a measure's page, from the benchmark file's numerators and denominators.</summary>
public sealed class FunnelQuery(OutturnDbContext db, BenchmarkSettings settings)
{
    /// <summary>
    /// The funnel for the latest period in which authorities' counts are held; null when none are, or when the measure
    /// is not a proportion (a multiplier of 1 or 100, or a percentage): the limits here are for proportions.
    /// </summary>
    public async Task<FunnelView?> ForAsync(Indicator indicator, CancellationToken ct = default)
    {
        var multiplier = indicator.Multiplier ?? (indicator.Unit == "%" ? 100m : null);
        if (multiplier is not { } m || !RatioMeasures.IsProportion(m)) return null;
        var rows = await db.Set<BenchmarkValue>().AsNoTracking().Where(v => v.IndicatorRef == indicator.Ref).ToListAsync(ct);
        bool Placed(BenchmarkValue v) => v.Suppression is null && v.Numerator is not null && v.Denominator > 0 && v.Numerator <= v.Denominator;
        var period = rows.Where(v => AreaCodes.KindOf(v.AreaCode) == AreaKind.Authority && Placed(v)).Select(v => (Period?)v.Period).Max();
        if (period is not { } p) return null;
        var inPeriod = rows.Where(v => v.Period == p).ToList();
        var authorities = inPeriod.Where(v => AreaCodes.KindOf(v.AreaCode) == AreaKind.Authority && Placed(v)).ToList();
        var codes = authorities.Select(a => a.AreaCode).ToList();
        var names = await db.Set<Area>().AsNoTracking().Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, ct);

        // England's published figure, from its counts where the file gives them; without it, all authorities pooled.
        var england = inPeriod.FirstOrDefault(v => v.AreaCode == AreaCodes.England && v.Suppression is null);
        double target;
        string source;
        if (england is { } e && Placed(e))
            (target, source) = ((double)(e.Numerator!.Value / e.Denominator!.Value), "England");
        else if (england?.Value is { } value && value >= 0 && value <= m)
            (target, source) = ((double)(value / m), "England");
        else
            (target, source) = ((double)(authorities.Sum(a => a.Numerator!.Value) / authorities.Sum(a => a.Denominator!.Value)),
                "all authorities together (England's figure is not held)");

        var plot = FunnelPlot.For(authorities.Select(a => new FunnelArea(a.AreaCode, names.GetValueOrDefault(a.AreaCode, a.AreaCode), a.Numerator!.Value, a.Denominator!.Value)), target, m);
        return new FunnelView(p, source, plot, settings.HomeArea, authorities.Count);
    }
}
