using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Domain.Plans;

/// <summary>A measure's figures and statuses for one period, as the monitoring report and the status command show them.</summary>
public sealed record MeasureAssessment(
    Indicator Indicator,
    Period Period,
    Target? AnnualTarget,
    decimal? ComparisonTarget,
    IndicatorValue? Current,
    IndicatorValue? Previous,
    IndicatorValue? PreviousYearActual,
    StatusJudgement<Progress> Progress,
    StatusJudgement<Direction> Direction)
{
    public static MeasureAssessment For(Indicator indicator, Period period)
    {
        var year = period.Kind is PeriodKind.Quarter or PeriodKind.Month or PeriodKind.FinancialYear
            ? period.ContainingFinancialYear()
            : period;
        var annual = indicator.Targets.FirstOrDefault(t => t.Period == year);
        var profile = period == year ? null : indicator.Targets.FirstOrDefault(t => t.Period == period && t.State == TargetState.Set);
        var annualValue = annual?.State == TargetState.Set ? annual.Value : null;
        var comparison = StatusRules.ComparisonTarget(indicator.Rules, period, annualValue, profile?.Value);

        var current = indicator.Values.FirstOrDefault(v => v.Period == period);
        var previous = indicator.Values.FirstOrDefault(v => v.Period == period.SamePeriodLastYear());
        var previousYear = year.Kind == PeriodKind.FinancialYear
            ? indicator.Values.FirstOrDefault(v => v.Period == year.SamePeriodLastYear())
            : null;

        var progress = StatusJudgement<Progress>.Of(StatusRules.Progress(indicator.Rules, current?.Value, comparison));
        var direction = StatusJudgement<Direction>.Of(
            StatusRules.Direction(indicator.Polarity, indicator.Precision, current?.Value, previous?.Value));

        foreach (var o in indicator.Overrides.Where(o => o.Period == period))
        {
            if (o.Kind == OverrideKind.Progress && StatusWords.TryParseProgress(o.Status, out var p))
                progress = progress.WithOverride(p, o.Reason);
            else if (o.Kind == OverrideKind.Direction && StatusWords.TryParseDirection(o.Status, out var d))
                direction = direction.WithOverride(d, o.Reason);
        }

        return new MeasureAssessment(indicator, period, annual, comparison, current, previous, previousYear, progress, direction);
    }

    /// <summary>Text for the "Current" cell: the figure with its note, or why there is none.</summary>
    public string CurrentText => Describe(Current);

    public string PreviousYearActualText => PreviousYearActual is null ? "N/A" : Describe(PreviousYearActual);

    public string TargetText => AnnualTarget?.Describe(Indicator) ?? "";

    private string Describe(IndicatorValue? v)
    {
        if (v is null) return "";
        if (v.Value is null) return v.Note ?? "Not available";
        var text = Indicator.Format(v.Value);
        if (v.Status == ValueStatus.Provisional) text += " (provisional)";
        if (!string.IsNullOrWhiteSpace(v.Note)) text += " " + v.Note;
        return text;
    }
}
