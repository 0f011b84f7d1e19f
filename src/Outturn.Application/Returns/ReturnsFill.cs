using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Returns;

public sealed record FilledValue(string Measure, string Definition, int Version, int Numerator, int Denominator, decimal? Value, string Source);

public sealed record FillResult(string? Error, IReadOnlyList<FilledValue> Filled, IReadOnlyList<string> Skipped);

/// <summary>
/// Fills a plan's measures for a period from the returns held, through each measure's link to a statutory
/// definition, recording how every value was computed (<see cref="ComputedValue"/>).
/// </summary>
public sealed class ReturnsFill(OutturnDbContext db, ReturnsQuery query, ICurrentUser user, TimeProvider clock)
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

    /// <summary>
    /// Fills the drafts of the plan's linked measures in the period's round, which must be open for updates: each
    /// figure goes into its round item, attributed to the return and definition it came from, for the officer to check
    /// and submit like any other. Nothing is written to the plan's record until it is submitted.
    /// </summary>
    public async Task<FillResult> FillAsync(string planRef, Period period, int? population = null, IReadOnlyCollection<string>? only = null, CancellationToken ct = default)
    {
        var planId = await db.Plans.Where(p => p.Ref == planRef).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (planId is null) return new($"No plan has the ref \"{planRef}\".", [], []);
        var round = await db.Set<MonitoringRound>().SingleOrDefaultAsync(r => r.PlanId == planId && r.Period == period, ct);
        if (round is null)
            return new($"{planRef} has no round for {period.ToDisplayString()}: open it first. Figures from the returns go into the round's drafts, for their officers to submit.", [], []);
        if (!round.AcceptsUpdates)
            return new($"The {period.ToDisplayString()} round of {planRef} is {MonitoringRound.Describe(round.State)}: figures from the returns go only into a round open for updates.", [], []);
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
            var year = $"{window.CollectionYear}/{(window.CollectionYear + 1) % 100:D2}";
            if (!sources.Any(i => i.Year == window.CollectionYear))
            {
                skipped.Add($"{indicator.Ref}: no {ReturnImport.KindName(definition.Source)} is held for {year}.");
                continue;
            }
            var item = await db.Set<RoundItem>().SingleOrDefaultAsync(i => i.RoundId == round.Id && i.IndicatorId == indicator.Id, ct);
            if (item is null)
            {
                skipped.Add($"{indicator.Ref}: not in the {period.ToDisplayString()} round.");
                continue;
            }
            if (item.State == ItemState.Submitted)
            {
                skipped.Add($"{indicator.Ref}: already submitted by {item.UpdatedBy}; return it to its officer to fill it again.");
                continue;
            }
            var result = definition.Compute(data, window);
            var source = string.Join("; ", sources.Select(s => s.Describe()));
            var attribution = $"Filled from the {year} {ReturnImport.KindName(definition.Source)}, definition v{result.Version} ({definition.Code})";
            var value = result.Value is { } v ? Math.Round(v, Math.Max(indicator.Precision, 1) + 1) : (decimal?)null;
            var note = result.Value is null
                ? (definition is ReferralRate ? "No child population is set for the rate." : "No children in the denominator for this period.")
                : null;
            item.FillFromReturns(value, result.Numerator, result.Denominator, note, attribution, user.Name, clock.GetUtcNow());
            // How the figure was computed waits with the draft, and joins the recorded figure when the officer submits it unchanged.
            var computed = await db.Set<ComputedValue>().FirstOrDefaultAsync(c => c.RoundItemId == item.Id && c.IndicatorValueId == null, ct);
            if (computed is null)
            {
                computed = new ComputedValue { RoundItemId = item.Id, Definition = code, Source = source, ComputedBy = user.Name };
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
            await db.Because(attribution).SaveChangesAsync(ct);
            filled.Add(new(indicator.Ref, definition.Code, result.Version, result.Numerator, result.Denominator, value, source));
        }
        return new(null, filled, skipped);
    }

    /// <summary>
    /// When an officer submits a figure as it was filled from the returns, how it was computed goes with it onto the
    /// recorded figure (replacing an earlier computation of that figure), so the measure's page can show it.
    /// </summary>
    public static async Task AttachAsync(OutturnDbContext db, RoundItem item, IndicatorValue value, CancellationToken ct)
    {
        var pending = await db.Set<ComputedValue>().FirstOrDefaultAsync(c => c.RoundItemId == item.Id && c.IndicatorValueId == null, ct);
        if (pending is null) return;
        var earlier = await db.Set<ComputedValue>().FirstOrDefaultAsync(c => c.IndicatorValueId == value.Id, ct);
        if (earlier is null) { pending.IndicatorValueId = value.Id; return; }
        (earlier.Definition, earlier.Version, earlier.Numerator, earlier.Denominator) = (pending.Definition, pending.Version, pending.Numerator, pending.Denominator);
        (earlier.WindowStart, earlier.WindowEnd, earlier.Source, earlier.ComputedAt, earlier.ComputedBy, earlier.RoundItemId) =
            (pending.WindowStart, pending.WindowEnd, pending.Source, pending.ComputedAt, pending.ComputedBy, item.Id);
        pending.RoundItemId = null; // kept, as every record is, but no longer waiting
        pending.IndicatorValueId = null;
    }
}
