using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Application.Benchmarks;

/// <summary>One report-card line: the latest value, the period's statuses, and the latest rank and band held.</summary>
public sealed record ReportCardLine(Indicator Indicator, IndicatorValue? Latest, MeasureAssessment Assessment, TrendPoint? Benchmark);

public sealed record ReportCardSection(LifeStage LifeStage, IReadOnlyList<ReportCardLine> Lines);

public sealed record ReportCardView(Plan Plan, Period Period, IReadOnlyList<ReportCardSection> Sections);

/// <summary>The Children's Trust report card: the plan's report-card indicators grouped by life stage.</summary>
public sealed class ReportCardQuery(OutturnDbContext db, MonitoringQuery monitoring, BenchmarkQuery benchmarks)
{
    public async Task<ReportCardView?> ForAsync(string planRef, Period period, CancellationToken ct = default)
    {
        var plan = await monitoring.LoadPlanAsync(planRef, ct);
        if (plan is null) return null;
        var entries = await db.Set<ReportCardEntry>().AsNoTracking().ToListAsync(ct);
        var sections = new List<ReportCardSection>();
        foreach (var stage in Enum.GetValues<LifeStage>())
        {
            var lines = new List<ReportCardLine>();
            foreach (var entry in entries.Where(e => e.LifeStage == stage).OrderBy(e => e.Order))
            {
                if (plan.Indicators.FirstOrDefault(i => i.Ref == entry.IndicatorRef) is not { } indicator) continue;
                var latest = indicator.Values.Where(v => v.Value is not null && v.Period.End <= period.End).MaxBy(v => v.Period);
                var trend = await benchmarks.TrendAsync(indicator, null, ct);
                var ranked = trend.Points.LastOrDefault(t => t.Position.Place is not null && t.Period.Start <= period.End);
                lines.Add(new ReportCardLine(indicator, latest, MeasureAssessment.For(indicator, period), ranked));
            }
            sections.Add(new ReportCardSection(stage, lines));
        }
        return new ReportCardView(plan, period, sections);
    }

    /// <summary>Loads the report card's indicators from <c>indicator,life_stage</c> (order as in the file), replacing the list held.</summary>
    public async Task<IReadOnlyList<string>> ImportAsync(string path, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var rows = Plans.CsvTable.Read(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileName(path), ["indicator", "life_stage"], [], true, errors);
        if (rows is null) return errors;
        foreach (var r in rows.Where(r => !LifeStages.ByWord.ContainsKey(r["life_stage"])))
            errors.Add($"{r.Where}: column \"life_stage\": \"{r["life_stage"]}\"; expected {string.Join(", ", LifeStages.ByWord.Keys)}.");
        foreach (var d in rows.GroupBy(r => r["indicator"]).Where(g => g.Count() > 1))
            errors.Add($"{d.Last().Where}: column \"indicator\": {d.Key} is listed twice.");
        if (errors.Count > 0) return errors;
        var set = db.Set<ReportCardEntry>();
        set.RemoveRange(await set.ToListAsync(ct));
        set.AddRange(rows.Select((r, i) => new ReportCardEntry { IndicatorRef = r["indicator"], LifeStage = LifeStages.ByWord[r["life_stage"]], Order = i + 1 }));
        await db.SaveChangesAsync(ct);
        return [];
    }
}
