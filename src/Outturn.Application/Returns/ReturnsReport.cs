using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using Outturn.Domain.Returns.Validation;

namespace Outturn.Application.Returns;

public sealed record IndicatorLine(StatutoryIndicator Definition, IndicatorImpact Impact, IReadOnlyList<string> Measures);

public sealed record RuleLine(ValidationRule Rule, int Records, int Children);

public sealed record ReturnsOverview(Period Period, ReportingWindow Window, IReadOnlyList<ReturnImport> Imports, IReadOnlyList<IndicatorLine> Indicators, IReadOnlyList<RuleLine> Rules);

/// <summary>A child behind a figure, as child-level viewers see it: a pseudonym, month and year of birth, and why counted.</summary>
public sealed record ChildLine(string Pseudonym, string? BirthMonth, bool InNumerator, string Detail);

/// <summary>A failing record as child-level viewers see it: the rule, where it is in the return, the child's pseudonym.</summary>
public sealed record FailureLine(string Rule, string Return, string Table, int Line, string Pseudonym, string Detail);

public sealed record ChildList(StatutoryIndicator Definition, Period Period, IndicatorResult Result, IReadOnlyList<ChildLine> Children);

/// <summary>The returns page and API: indicators for a period with their validation impact, and the audited child lists behind them.</summary>
public sealed class ReturnsReport(OutturnDbContext db, ReturnsQuery query, ReturnsSettings settings, ICurrentUser user, TimeProvider clock)
{
    public async Task<ReturnsOverview> OverviewAsync(Period period, CancellationToken ct = default)
    {
        var (data, imports) = await query.LoadAsync(null, ct);
        var window = ReportingWindow.YearTo(period.End);
        var failures = RuleCatalogue.Run(data, window);
        var impacts = ImpactAnalysis.For(data, window, failures).ToDictionary(i => i.Code);
        var links = await (from m in db.Set<MeasureSource>()
                           join i in db.Indicators on m.IndicatorId equals i.Id
                           join p in db.Plans on i.PlanId equals p.Id
                           select new { m.Definition, Measure = p.Ref + " " + i.Ref }).AsNoTracking().ToListAsync(ct);
        var lines = IndicatorCatalogue.All.Select(d => new IndicatorLine(d, impacts[d.Code],
            links.Where(l => l.Definition == d.Code).Select(l => l.Measure).Order(StringComparer.Ordinal).ToList())).ToList();
        var rules = RuleCatalogue.All.Select(r =>
        {
            var mine = failures.Where(f => f.Rule == r.Code).ToList();
            return new RuleLine(r, mine.Count, mine.Select(f => f.ChildId).Distinct().Count());
        }).ToList();
        return new(period, window, imports, lines, rules);
    }

    /// <summary>Every record failing a validation rule, by table and line of its return, the child by pseudonym. Audited.</summary>
    /// <remarks><paramref name="viewer"/> names the account for the audit trail when it is not the current user (the command line's <c>--as</c>).</remarks>
    public async Task<IReadOnlyList<FailureLine>> FailuresAsync(Period period, CancellationToken ct = default, string? viewer = null)
    {
        var (data, _) = await query.LoadAsync(null, ct);
        var rules = RuleCatalogue.All.ToDictionary(r => r.Code);
        var lines = RuleCatalogue.Run(data, ReportingWindow.YearTo(period.End))
            .Select(f => new FailureLine(f.Rule, $"{ReturnImport.KindName(rules[f.Rule].Source)} {f.Year}/{(f.Year + 1) % 100:D2}", f.Table, f.Line,
                settings.Pseudonym(f.ChildId), f.Detail))
            .OrderBy(f => f.Rule, StringComparer.Ordinal).ThenBy(f => f.Return, StringComparer.Ordinal).ThenBy(f => f.Table, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), By = viewer ?? user.Name, Entity = "ChildLevelView", EntityKey = $"validation:{period}",
            Action = "Viewed", Field = "failures", NewValue = lines.Count.ToString(CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(ct);
        return lines;
    }

    /// <summary>The children in an indicator's denominator (and whether in its numerator). Every call is written to the audit trail.</summary>
    /// <remarks><paramref name="viewer"/> names the account for the audit trail when it is not the current user (the command line's <c>--as</c>).</remarks>
    public async Task<ChildList?> ChildrenAsync(string code, Period period, CancellationToken ct = default, string? viewer = null)
    {
        if (IndicatorCatalogue.Find(code) is not { } definition) return null;
        var (data, _) = await query.LoadAsync(null, ct);
        var result = definition.Compute(data, ReportingWindow.YearTo(period.End));
        var births = new Dictionary<string, DateOnly>();
        foreach (var c in data.Cin.SelectMany(r => r.Children)) if (c.Dob is { } d) births[c.ChildId] = d;
        foreach (var (id, c) in data.LacChildren) births[id] = c.Dob;
        var children = result.Members
            .Select(m => new ChildLine(settings.Pseudonym(m.ChildId),
                births.TryGetValue(m.ChildId, out var dob) ? dob.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) : null, m.InNumerator, m.Detail))
            .OrderByDescending(c => c.InNumerator).ThenBy(c => c.Pseudonym, StringComparer.Ordinal).ToList();
        db.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), By = viewer ?? user.Name, Entity = "ChildLevelView", EntityKey = $"{definition.Code}:{period}",
            Action = "Viewed", Field = "children", NewValue = children.Count.ToString(CultureInfo.InvariantCulture),
        });
        await db.SaveChangesAsync(ct);
        return new(definition, period, result, children);
    }
}
