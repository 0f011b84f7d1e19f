using Outturn.Domain.Periods;

namespace Outturn.Domain.Status;

/// <summary>The facts about a measure that its status depends on.</summary>
public sealed record MeasureRules(Polarity Polarity, int Precision, ValueType ValueType, Frequency Frequency, Tolerance? Tolerance);

/// <summary>
/// The status rules of docs/spec.md §2 Status rules and §3 Milestone progress. They suggest; an officer may override with a reason (see <see cref="StatusJudgement{T}"/>).
/// </summary>
public static class StatusRules
{
    /// <summary>
    /// The target a period's value is compared with: the annual target, or for a cumulative measure the target
    /// profiled to the period — the explicit profile if set, else annual × quarters (or months) elapsed.
    /// </summary>
    public static decimal? ComparisonTarget(MeasureRules measure, Period period, decimal? annualTarget, decimal? profiledTarget)
    {
        // Rule 1: with no numeric target for the year there is nothing to profile, whatever a quarter says.
        if (annualTarget is null) return null;
        if (measure.ValueType != ValueType.Cumulative) return annualTarget;
        if (profiledTarget is not null) return profiledTarget;
        // Multiply before dividing: 120 × 1 ÷ 12 is exactly 10, where 120 × (1 ÷ 12) is not.
        return period.Kind switch
        {
            PeriodKind.Quarter => annualTarget * period.Number / 4m,
            PeriodKind.Month => annualTarget * MonthsElapsed(period) / 12m,
            _ => annualTarget,
        };
    }

    private static int MonthsElapsed(Period month) => (month.Number + 8) % 12 + 1;

    public static Progress Progress(MeasureRules measure, decimal? current, decimal? comparisonTarget)
    {
        if (measure.Polarity == Polarity.None || current is null || comparisonTarget is null) return Status.Progress.NotApplicable;
        var target = comparisonTarget.Value;
        var shortfall = measure.Polarity == Polarity.Higher ? target - current.Value : current.Value - target;
        if (shortfall <= 0) return Status.Progress.Green;
        var allowance = (measure.Tolerance ?? Tolerance.Default).AllowanceFor(target);
        return shortfall <= allowance ? Status.Progress.Amber : Status.Progress.Red;
    }

    public static Direction Direction(Polarity polarity, int precision, decimal? current, decimal? sameperiodLastYear)
    {
        if (polarity == Polarity.None || current is null || sameperiodLastYear is null) return Status.Direction.NotApplicable;
        var now = Math.Round(current.Value, precision, MidpointRounding.AwayFromZero);
        var then = Math.Round(sameperiodLastYear.Value, precision, MidpointRounding.AwayFromZero);
        if (now == then) return Status.Direction.Same;
        var wentUp = now > then;
        return wentUp == (polarity == Polarity.Higher) ? Status.Direction.Better : Status.Direction.Worse;
    }

    /// <summary>
    /// The system's suggestion for a milestone: red once past its due date and not complete; otherwise no suggestion
    /// (progress is the officer's judgement).
    /// </summary>
    public static MilestoneProgress? SuggestMilestone(DateOnly? due, DateOnly asAt, MilestoneProgress? reported)
    {
        if (reported == MilestoneProgress.Complete) return MilestoneProgress.Complete;
        if (due is not null && asAt > due.Value) return MilestoneProgress.Red;
        return null;
    }
}

/// <summary>A computed status and, when an officer disagreed, their override and its reason. Both are kept.</summary>
public sealed record StatusJudgement<T>(T Computed, T? Override, string? Reason) where T : struct, Enum
{
    public T Final => Override ?? Computed;
    public bool IsOverridden => Override is not null && !EqualityComparer<T>.Default.Equals(Override.Value, Computed);

    public static StatusJudgement<T> Of(T computed) => new(computed, null, null);

    public StatusJudgement<T> WithOverride(T value, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new DomainException("An override of a computed status needs a reason.");
        return this with { Override = value, Reason = reason.Trim() };
    }
}
