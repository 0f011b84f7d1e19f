using Outturn.Application.Benchmarks;
using Outturn.Application.Monitoring;

namespace Outturn.Application.Documents;

/// <summary>
/// The trend charts beside a report's key measures: for a published report, the figures frozen with it at
/// publication; otherwise drawn from the plan's targets and the benchmarks as they stand now. Only measures with two
/// or more years of the council's own figures have a line to draw.
/// </summary>
public sealed class ReportCharts(MonitoringQuery monitoring, BenchmarkQuery benchmarks)
{
    public async Task<IReadOnlyList<TrendFigures>> FiguresAsync(MonitoringReport report, CancellationToken ct = default)
    {
        if (report.Charts is { } frozen) return frozen;
        var figures = new List<TrendFigures>();
        if (await monitoring.LoadPlanAsync(report.Plan, ct) is not { } plan) return figures;
        foreach (var m in report.Priorities.SelectMany(p => p.KeyMeasures).DistinctBy(m => m.Ref))
        {
            if (plan.Indicators.FirstOrDefault(i => i.Ref == m.Ref) is not { } indicator) continue;
            var trend = TrendFigures.Of(indicator, await benchmarks.TrendAsync(indicator, null, ct));
            if (TrendChart.HasLine(trend)) figures.Add(trend);
        }
        return figures;
    }
}
