using System.Globalization;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Plans;

/// <summary>A performance indicator (a "measure" in the reports) with its definition, targets and values.</summary>
public class Indicator : IRetirable
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Ref { get; set; }
    public required string Title { get; set; }
    public int? ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public int PriorityId { get; set; }
    public Priority? Priority { get; set; }
    public Polarity Polarity { get; set; }
    /// <summary>Printed with values: "%" after, "£" before, a word after a space, or nothing.</summary>
    public string? Unit { get; set; }
    public int Precision { get; set; }
    public Frequency Frequency { get; set; }
    public ValueType ValueType { get; set; }
    /// <summary>Null means the default: 5% of the target.</summary>
    public Tolerance? Tolerance { get; set; }
    public bool IsKey { get; set; }
    public int? OfficerId { get; set; }
    public Officer? Officer { get; set; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    public string? Source { get; set; }
    public string? Type { get; set; }
    public string? Definition { get; set; }
    public string? Availability { get; set; }
    public int Order { get; set; }
    /// <summary>The lowest and highest figures the measure can take, when the plan sets them; entry refuses anything past them.</summary>
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }

    /// <summary>Set when the item left the plan; a retired item keeps its figures and history but joins no new round.</summary>
    public DateOnly? RetiredOn { get; private set; }
    public bool IsRetired => RetiredOn is not null;
    public void Retire(DateOnly on) => RetiredOn ??= on;
    public void Reinstate() => RetiredOn = null;
    /// <summary>
    /// Set for a ratio measure: its values are numerator ÷ denominator × this (100 for a percentage, 1,000 or
    /// 10,000 for a rate). Null for a measure that holds one number a period.
    /// </summary>
    public decimal? Multiplier { get; set; }
    /// <summary>An expression over other measures of the plan by ref (see <see cref="Formulas.Formula"/>); null when entered.</summary>
    public string? Formula { get; set; }
    /// <summary>How finer values roll up to a quarter or the year; null means the default for its kind (see <see cref="RollUpAggregation"/>).</summary>
    public Aggregation? Aggregation { get; set; }
    /// <summary>What direction of travel compares with; null means the same period last year.</summary>
    public DirectionBasis? DirectionBasis { get; set; }

    public bool IsRatio => Multiplier is not null;

    public DirectionBasis Basis => DirectionBasis ?? Plans.DirectionBasis.SamePeriodLastYear;

    /// <summary>A ratio measure recomputes from summed counts; any other measure takes its latest figure.</summary>
    public Aggregation RollUpAggregation => Aggregation ?? (IsRatio ? Plans.Aggregation.Ratio : Plans.Aggregation.Last);

    public List<Target> Targets { get; set; } = [];
    public List<IndicatorValue> Values { get; set; } = [];
    public List<StatusOverride> Overrides { get; set; } = [];
    public List<ComparatorValue> Comparators { get; set; } = [];

    public MeasureRules Rules => new(Polarity, Precision, ValueType, Frequency, Tolerance);

    public string Format(decimal? value)
    {
        if (value is null) return "";
        var number = value.Value.ToString("N" + Precision, CultureInfo.GetCultureInfo("en-GB"));
        return Unit switch
        {
            null or "" => number,
            "%" => number + "%",
            "£" => "£" + number,
            _ => number + " " + Unit,
        };
    }
}

public enum TargetState { Set, ToBeConfirmed, NotApplicable }

/// <summary>A target for a year, or a quarter's profiled target for a cumulative measure.</summary>
public class Target
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Period Period { get; set; }
    public decimal? Value { get; set; }
    public TargetState State { get; set; }
    public string? Note { get; set; }

    public string Describe(Indicator indicator) => State switch
    {
        TargetState.Set => indicator.Format(Value),
        TargetState.ToBeConfirmed => "tbc",
        _ => string.IsNullOrEmpty(Note) ? "N/A" : Note,
    };
}

/// <summary>A recorded figure for a period: a number, or not yet available with the reason.</summary>
public class IndicatorValue
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Period Period { get; set; }
    public decimal? Value { get; set; }
    public ValueStatus Status { get; set; }
    /// <summary>The public note: published with the figure (a qualifier such as "(to end of Q2)", or why it is not yet available).</summary>
    public string? Note { get; set; }
    /// <summary>The internal note: for staff only (where the figure came from, doubts about it); never published.</summary>
    public string? InternalNote { get; set; }
    /// <summary>For a ratio measure: the count (children, events) the value is built from.</summary>
    public decimal? Numerator { get; set; }
    /// <summary>For a ratio measure: the cohort or population the value is built from.</summary>
    public decimal? Denominator { get; set; }
}

public enum OverrideKind { Progress, Direction }

/// <summary>An officer's judgement replacing a computed status for a period, with the reason. The computed one is kept.</summary>
public class StatusOverride
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Period Period { get; set; }
    public OverrideKind Kind { get; set; }
    public required string Status { get; set; }
    public required string Reason { get; set; }
    public string? By { get; set; }
    public DateTimeOffset At { get; set; }
}

public enum Comparator { England, Region, Neighbours, QuartileTop, QuartileMiddle, QuartileBottom }

public class ComparatorValue
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Period Period { get; set; }
    public Comparator Comparator { get; set; }
    public decimal? Value { get; set; }
    /// <summary>The public note, published with the comparator.</summary>
    public string? Note { get; set; }
    /// <summary>The internal note (where the figure was read from); for staff only, never published.</summary>
    public string? InternalNote { get; set; }
}
