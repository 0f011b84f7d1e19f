using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using Outturn.Domain.Status;

namespace Outturn.Application.Returns;

public sealed record FilledValue(string Measure, string Definition, int Version, int Numerator, int Denominator, decimal? Value, string Source);

public sealed record FillResult(string? Error, IReadOnlyList<FilledValue> Filled, IReadOnlyList<string> Skipped);

/// <summary>
/// Fills a plan's measures for a period from the returns held, through each measure's link to a statutory
/// definition, recording how every value was computed (<see cref="ComputedValue"/>).
/// </summary>
public sealed class ReturnsFill(OutturnDbContext db, ReturnsQuery query, ICurrentUser user, TimeProvider clock, Rounds.PublishedRevisions revisions)
{
    /// <summary>The usual links for a Halton-style plan: the measure refs of the 2015/16 Children and Young People plan.</summary>
    public static readonly IReadOnlyDictionary<string, string> DefaultLinks = new Dictionary<string, string>
    {
        ["CED033"] = "cin-assessments-45wd",
        ["CED035"] = "cp-plans-2yrs-ended",
        ["CED036"] = "cp-second-plan",
        ["CED037"] = "cp-reviews-in-timescale",
        ["CED038"] = "lac-reviews-in-timescale",
        ["CED044"] = "cin-referral-rate",
        ["CED047"] = "lac-3plus-placements",
        ["CED048"] = "lac-long-term-stability",
        ["CED049"] = "cl-suitable-accommodation",
        ["CED050"] = "cl-eet",
    };

    /// <summary>Links a measure to a definition (replacing any link it had). Returns an error message, or null.</summary>
    public async Task<string?> LinkAsync(string planRef, string measureRef, string definition, CancellationToken ct = default)
    {
        if (IndicatorCatalogue.Find(definition) is not { } d)
            return $"No statutory definition has the code \"{definition}\". Codes: {string.Join(", ", IndicatorCatalogue.All.Select(i => i.Code))}.";
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Ref == planRef, ct);
        if (plan is null) return $"No plan has the ref \"{planRef}\".";
        var indicator = await db.Indicators.FirstOrDefaultAsync(i => i.PlanId == plan.Id && i.Ref == measureRef, ct);
        if (indicator is null) return $"{planRef} has no measure with the ref \"{measureRef}\".";
        var link = await db.Set<MeasureSource>().FirstOrDefaultAsync(m => m.IndicatorId == indicator.Id, ct);
        if (link is null) db.Add(new MeasureSource { IndicatorId = indicator.Id, Definition = d.Code });
        else link.Definition = d.Code;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Links each of the plan's measures that has one of the <see cref="DefaultLinks"/> refs; returns the links made.</summary>
    public async Task<IReadOnlyList<string>> LinkDefaultsAsync(string planRef, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Ref == planRef, ct);
        if (plan is null) return [];
        var made = new List<string>();
        foreach (var (measure, definition) in DefaultLinks)
            if (await db.Indicators.AnyAsync(i => i.PlanId == plan.Id && i.Ref == measure, ct) && await LinkAsync(planRef, measure, definition, ct) is null)
                made.Add($"{measure} ← {definition}");
        return made;
    }

    public async Task<List<(Indicator Indicator, string Definition)>> LinksAsync(string planRef, CancellationToken ct = default)
    {
        var rows = await (from m in db.Set<MeasureSource>()
                          join i in db.Indicators on m.IndicatorId equals i.Id
                          join p in db.Plans on i.PlanId equals p.Id
                          where p.Ref == planRef
                          select new { i, m.Definition }).AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(r => r.i.Order).Select(r => (r.i, r.Definition)).ToList();
    }

    public async Task<FillResult> FillAsync(string planRef, Period period, int? population = null, IReadOnlyCollection<string>? only = null, CancellationToken ct = default)
    {
        if (!await db.Plans.AnyAsync(p => p.Ref == planRef, ct)) return new($"No plan has the ref \"{planRef}\".", [], []);
        var links = await LinksAsync(planRef, ct);
        if (only is { Count: > 0 }) links = links.Where(l => only.Contains(l.Indicator.Ref)).ToList();
        if (links.Count == 0) return new($"No measure of {planRef} is linked to a statutory definition (outturn returns link).", [], []);
        var (data, imports) = await query.LoadAsync(population, ct);
        var window = ReportingWindow.YearTo(period.End);
        var filled = new List<FilledValue>();
        var skipped = new List<string>();
        foreach (var (indicator, code) in links)
        {
            var definition = IndicatorCatalogue.Find(code)!;
            var sources = imports.Where(i => i.Kind == definition.Source && i.Year <= window.CollectionYear && i.Year >= window.CollectionYear - 1).ToList();
            if (!sources.Any(i => i.Year == window.CollectionYear))
            {
                skipped.Add($"{indicator.Ref}: no {ReturnImport.KindName(definition.Source)} is held for {window.CollectionYear}/{(window.CollectionYear + 1) % 100:D2}.");
                continue;
            }
            var result = definition.Compute(data, window);
            var source = string.Join("; ", sources.Select(s => s.Describe()));
            var value = await db.IndicatorValues.FirstOrDefaultAsync(v => v.IndicatorId == indicator.Id && v.Period == period, ct);
            if (value is null)
            {
                value = new IndicatorValue { IndicatorId = indicator.Id, Period = period };
                db.Add(value);
            }
            value.Value = result.Value is { } v ? Math.Round(v, Math.Max(indicator.Precision, 1) + 1) : null;
            value.Status = result.Value is null ? ValueStatus.Unavailable : ValueStatus.Provisional;
            // The counts travel with the value too, so a ratio measure filled from a return has its interval.
            value.Numerator = result.Numerator;
            value.Denominator = result.Denominator;
            value.Note = result.Value is null
                ? (definition is ReferralRate ? "No child population is set for the rate." : "No children in the denominator for this period.")
                : value.Note;
            await db.SaveChangesAsync(ct);
            var computed = await db.Set<ComputedValue>().FirstOrDefaultAsync(c => c.IndicatorValueId == value.Id, ct);
            if (computed is null)
            {
                computed = new ComputedValue { IndicatorValueId = value.Id, Definition = code, Source = source, ComputedBy = user.Name };
                db.Add(computed);
            }
            computed.Definition = definition.Code;
            computed.Version = result.Version;
            computed.Numerator = result.Numerator;
            computed.Denominator = result.Denominator;
            computed.WindowStart = window.Start;
            computed.WindowEnd = window.End;
            computed.Source = source;
            computed.ComputedAt = clock.GetUtcNow();
            computed.ComputedBy = user.Name;
            await db.SaveChangesAsync(ct);
            filled.Add(new(indicator.Ref, definition.Code, result.Version, result.Numerator, result.Denominator, value.Value, source));
        }
        // Filling may change a figure a published report printed: its corrections are recorded.
        if (filled.Count > 0) await revisions.RefreshAsync(planRef, ct);
        return new(null, filled, skipped);
    }
}
