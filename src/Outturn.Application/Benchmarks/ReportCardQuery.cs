using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain.Benchmarks;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Statistics;

namespace Outturn.Application.Benchmarks;

/// <summary>One report-card line: the latest value, the period's statuses, and the latest rank and band held.</summary>
public sealed record ReportCardLine(Indicator Indicator, IndicatorValue? Latest, MeasureAssessment Assessment, TrendPoint? Benchmark)
{
    /// <summary>The latest value against England and against the statistical neighbours' average, for the same period.</summary>
    public IReadOnlyList<ComparatorCheck> Against { get; init; } = [];
}

/// <summary>
/// A ratio measure's value against a comparator, as Fingertips judges it: similar when the comparator lies inside the
/// value's 95% interval, else better or worse by the measure's polarity. <see cref="Result"/> is null when there is
/// nothing to compare (no counts, so no interval; no comparator figure for the period), and <see cref="Why"/> says which.
/// </summary>
public sealed record ComparatorCheck(string Comparator, Period Period, decimal? Value, Comparison? Result, string? Why)
{
    /// <summary>"Similar to England (82.0%)", "Worse than the neighbours' average (90.0%)", or why not compared.</summary>
    public string Text(Indicator indicator) => Result switch
    {
        Comparison.Similar => $"Similar to {Comparator} ({indicator.Format(Value)})",
        Comparison.Better => $"Better than {Comparator} ({indicator.Format(Value)})",
        Comparison.Worse => $"Worse than {Comparator} ({indicator.Format(Value)})",
        Comparison.NotCompared => $"Not compared with {Comparator}: no better or worse for this measure",
        _ => $"Not compared with {Comparator}: {Why}",
    };

    /// <summary>
    /// The latest value against each comparator held for its period: England and the neighbours' average as the
    /// benchmark data give them (the national file, else the plan's own published comparators).
    /// </summary>
    public static IReadOnlyList<ComparatorCheck> For(Indicator indicator, IndicatorValue? latest, TrendPoint? samePeriod)
    {
        if (!indicator.IsRatio || latest?.Value is null) return [];
        var interval = RatioMeasures.IntervalOf(latest.Numerator, latest.Denominator, indicator.Multiplier!.Value);
        var period = latest.Period;
        ComparatorCheck Check(string name, decimal? value)
        {
            if (interval is not { } i) return new(name, period, value, null, "no numerator and denominator, so no interval");
            if (value is not { } v) return new(name, period, null, null, $"no figure held for {period.ToDisplayString()}");
            return new(name, period, v, ConfidenceIntervals.Compare(i, (double)v, indicator.Polarity), null);
        }
        var position = samePeriod?.Position;
        return [Check("England", position?.England), Check("the neighbours' average", position?.NeighboursAverage)];
    }
}

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
                lines.Add(new ReportCardLine(indicator, latest, MeasureAssessment.For(indicator, period), ranked)
                {
                    Against = ComparatorCheck.For(indicator, latest, trend.Points.FirstOrDefault(t => t.Period == latest?.Period)),
                });
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
