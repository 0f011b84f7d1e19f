using System.Globalization;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Plans;

/// <summary>A performance indicator (a "measure" in the reports) with its definition, targets and values.</summary>
public class Indicator
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
    public string? Source { get; set; }
    public string? Type { get; set; }
    public string? Definition { get; set; }
    public string? Availability { get; set; }
    public int Order { get; set; }
    /// <summary>The lowest and highest figures the measure can take, when the plan sets them; entry refuses anything past them.</summary>
    public decimal? Minimum { get; set; }
    public decimal? Maximum { get; set; }

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
    public string? Note { get; set; }
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
    public string? Note { get; set; }
}
