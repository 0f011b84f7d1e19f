using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Application.Risks;

/// <summary>A score as the report prints it: likelihood, impact, their product and its band (low, medium, high).</summary>
public sealed record RiskScoreLine(int Likelihood, int Impact, int Score, string Band)
{
    public static RiskScoreLine Of(RiskScore s) => new(s.Likelihood, s.Impact, s.Score, s.Band.ToWord());

    public RiskScore ToScore() => new(Likelihood, Impact);

    /// <summary>"16 (high)".</summary>
    public override string ToString() => $"{Score} ({Band})";
}

/// <summary>A control measure in the report: its owner and due date, and the progress that stood at the quarter (with the quarter it was recorded for when earlier).</summary>
public sealed record ControlLine(string Ref, string Text, string? Owner, DateOnly? Due, string? Progress, string? Commentary, string? ProgressRecordedFor);

/// <summary>A risk in section 4.0: its scores at the quarter, the quarter they were given in, and the direction of travel into it.</summary>
public sealed record RiskLine(
    string Ref, string Title, string Owner, string? ObjectiveRef, string? ScoredIn,
    RiskScoreLine Initial, RiskScoreLine Residual, RiskScoreLine? Target, string Direction, string? DirectionWords,
    IReadOnlyList<ControlLine> Controls);

/// <summary>A row of the service plan's "Risk Assessment for Key Service Objectives initially assessed as High" table.</summary>
public sealed record KeyObjectiveLine(string ObjectiveRef, string? ObjectiveTitle, IReadOnlyList<string> RisksIdentified, IReadOnlyList<string> TreatmentMeasures);

/// <summary>
/// The quarter's section 4.0 "Risk Control Measures" of a plan's report, as plain data: built from the register as it
/// stood at the quarter, and frozen with the published report so that later scores and progress do not change it.
/// </summary>
public sealed record RiskControlSection(string Period, bool IsReportingQuarter, IReadOnlyList<RiskLine> HighRisks, IReadOnlyList<KeyObjectiveLine> KeyObjectives)
{
    public static RiskControlSection Of(Plan plan, Period period, IEnumerable<RiskAt> risks)
    {
        var high = risks.Where(r => r.Initial.Band == RiskBand.High)
            .OrderBy(r => r.Risk.Order).ThenBy(r => r.Ref, StringComparer.Ordinal).ToList();
        var lines = high.Select(r => Line(r, period)).ToList();
        var objectives = high.Where(r => r.Risk.PlanRef == plan.Ref && r.Risk.ObjectiveRef is not null)
            .GroupBy(r => r.Risk.ObjectiveRef!, StringComparer.OrdinalIgnoreCase)
            .Select(g =>
            {
                var objective = plan.Objectives.FirstOrDefault(o => string.Equals(o.Ref, g.Key, StringComparison.OrdinalIgnoreCase));
                return (Order: objective?.Order ?? int.MaxValue, Row: new KeyObjectiveLine(objective?.Ref ?? g.Key, objective?.Title,
                    g.Select(r => $"{r.Risk.Title} (initial {r.Initial.Score}, {r.Initial.Band.ToWord()})").ToList(),
                    g.SelectMany(r => r.Risk.Controls.OrderBy(c => c.Order)).Select(c => c.Text).ToList()));
            })
            .OrderBy(x => x.Order).ThenBy(x => x.Row.ObjectiveRef, StringComparer.Ordinal).Select(x => x.Row).ToList();
        return new RiskControlSection(period.ToString(), period.Kind == PeriodKind.Quarter && period.Number is 2 or 4, lines, objectives);
    }

    private static RiskLine Line(RiskAt r, Period period)
    {
        var history = r.ScoredIn is { } scored ? r.Risk.HistoryAt(scored) : null;
        return new RiskLine(
            r.Ref, r.Risk.Title, r.Risk.Owner, r.Risk.ObjectiveRef, r.ScoredIn?.ToString(),
            RiskScoreLine.Of(r.Initial), RiskScoreLine.Of(r.Residual), r.Target is { } t ? RiskScoreLine.Of(t) : null,
            r.Direction.ToWord(), history?.Words,
            r.Risk.Controls.OrderBy(c => c.Order).Select(c =>
            {
                var u = c.LatestAt(period);
                return new ControlLine(c.Ref, c.Text, c.Owner ?? r.Risk.Owner, c.Due, u?.Progress?.ToWord(), u?.Commentary,
                    u is not null && u.Period != period ? u.Period.ToString() : null);
            }).ToList());
    }
}
