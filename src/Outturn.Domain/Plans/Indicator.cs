using System.Globalization;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Plans;

/// <summary>
/// Everything that defines a measure apart from where it sits in the plan: what it is called, how its values read,
/// how its status and direction are computed, and what it holds (a number, a ratio of counts or a formula).
/// </summary>
public sealed record MeasureDefinition(
    string Title, Polarity Polarity, string? Unit, int Precision, Frequency Frequency, ValueType ValueType, Tolerance? Tolerance, bool IsKey,
    string? Source = null, string? Type = null, string? Definition = null, string? Availability = null,
    decimal? Multiplier = null, string? Formula = null, Aggregation? Aggregation = null, DirectionBasis? DirectionBasis = null,
    decimal? Minimum = null, decimal? Maximum = null);

/// <summary>
/// A performance indicator (a "measure" in the reports) with its definition, targets and values. It guards its own
/// definition and targets: changes go through <see cref="Redefine"/> and <see cref="SetTarget"/>, which refuse what
/// cannot be right whatever the plan (see <see cref="Plan"/> for the rules across a plan's items).
/// </summary>
public class Indicator : IRetirable
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Ref { get; init; }
    private string _title = "";
    public required string Title { get => _title; init => _title = value; }
    public int? ObjectiveId { get; set; }
    private Objective? _objective;
    public Objective? Objective { get => _objective; init => _objective = value; }
    public int PriorityId { get; set; }
    private Priority? _priority;
    public Priority? Priority { get => _priority; init => _priority = value; }
    private Polarity _polarity;
    public Polarity Polarity { get => _polarity; init => _polarity = value; }
    private string? _unit;
    /// <summary>Printed with values: "%" after, "£" before, a word after a space, or nothing.</summary>
    public string? Unit { get => _unit; init => _unit = value; }
    private int _precision;
    public int Precision { get => _precision; init => _precision = value; }
    private Frequency _frequency;
    public Frequency Frequency { get => _frequency; init => _frequency = value; }
    private ValueType _valueType;
    public ValueType ValueType { get => _valueType; init => _valueType = value; }
    private Tolerance? _tolerance;
    /// <summary>Null means the default: 5% of the target.</summary>
    public Tolerance? Tolerance { get => _tolerance; init => _tolerance = value; }
    private bool _isKey;
    public bool IsKey { get => _isKey; init => _isKey = value; }
    public int? OfficerId { get; set; }
    private Officer? _officer;
    public Officer? Officer { get => _officer; init => _officer = value; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    private string? _source;
    public string? Source { get => _source; init => _source = value; }
    private string? _type;
    public string? Type { get => _type; init => _type = value; }
    private string? _definition;
    public string? Definition { get => _definition; init => _definition = value; }
    private string? _availability;
    public string? Availability { get => _availability; init => _availability = value; }
    public int Order { get; set; }
    private decimal? _minimum;
    /// <summary>The lowest and highest figures the measure can take, when the plan sets them; entry refuses anything past them.</summary>
    public decimal? Minimum { get => _minimum; init => _minimum = value; }
    private decimal? _maximum;
    public decimal? Maximum { get => _maximum; init => _maximum = value; }

    /// <summary>Set when the item left the plan; a retired item keeps its figures and history but joins no new round.</summary>
    public DateOnly? RetiredOn { get; private set; }
    public bool IsRetired => RetiredOn is not null;
    public string Label => $"measure {Ref}";
    public void Retire(DateOnly on) => RetiredOn = Retirement.Retire(this, on);
    public void Reinstate() { Retirement.Reinstate(this); RetiredOn = null; }

    private decimal? _multiplier;
    /// <summary>
    /// Set for a ratio measure: its values are numerator ÷ denominator × this (100 for a percentage, 1,000 or
    /// 10,000 for a rate). Null for a measure that holds one number a period.
    /// </summary>
    public decimal? Multiplier { get => _multiplier; init => _multiplier = value; }
    private string? _formula;
    /// <summary>An expression over other measures of the plan by ref (see <see cref="Formulas.Formula"/>); null when entered.</summary>
    public string? Formula { get => _formula; init => _formula = value; }
    private Aggregation? _aggregation;
    /// <summary>How finer values roll up to a quarter or the year; null means the default for its kind (see <see cref="RollUpAggregation"/>).</summary>
    public Aggregation? Aggregation { get => _aggregation; init => _aggregation = value; }
    private DirectionBasis? _directionBasis;
    /// <summary>What direction of travel compares with; null means the same period last year.</summary>
    public DirectionBasis? DirectionBasis { get => _directionBasis; init => _directionBasis = value; }

    public bool IsRatio => Multiplier is not null;

    public DirectionBasis Basis => DirectionBasis ?? Plans.DirectionBasis.SamePeriodLastYear;

    /// <summary>A ratio measure recomputes from summed counts; any other measure takes its latest figure.</summary>
    public Aggregation RollUpAggregation => Aggregation ?? (IsRatio ? Plans.Aggregation.Ratio : Plans.Aggregation.Last);

    public List<Target> Targets { get; set; } = [];
    public List<IndicatorValue> Values { get; set; } = [];
    public List<StatusOverride> Overrides { get; set; } = [];
    public List<ComparatorValue> Comparators { get; set; } = [];

    public MeasureRules Rules => new(Polarity, Precision, ValueType, Frequency, Tolerance);

    /// <summary>The measure's definition as it stands, to change with <c>with</c> and give back to <see cref="Redefine"/>.</summary>
    public MeasureDefinition DefinitionFields => new(
        Title, Polarity, Unit, Precision, Frequency, ValueType, Tolerance, IsKey, Source, Type, Definition, Availability,
        Multiplier, Formula, Aggregation, DirectionBasis, Minimum, Maximum);

    /// <summary>
    /// Changes the definition as a whole, refusing one that cannot work: a blank title, precision outside 0–4, a
    /// multiplier that is not a power of ten, a ratio roll-up without counts, a ratio that is a formula too, a
    /// formula that does not parse, a minimum above the maximum.
    /// </summary>
    public void Redefine(MeasureDefinition d)
    {
        var problem = Problem(d);
        if (problem is not null) throw new DomainException($"Measure {Ref}: {problem}");
        _title = d.Title.Trim();
        _polarity = d.Polarity;
        _unit = Plan.Tidy(d.Unit);
        _precision = d.Precision;
        _frequency = d.Frequency;
        _valueType = d.ValueType;
        _tolerance = d.Tolerance;
        _isKey = d.IsKey;
        _source = Plan.Tidy(d.Source);
        _type = Plan.Tidy(d.Type);
        _definition = Plan.Tidy(d.Definition);
        _availability = Plan.Tidy(d.Availability);
        _multiplier = d.Multiplier;
        _formula = Plan.Tidy(d.Formula);
        _aggregation = d.Aggregation;
        _directionBasis = d.DirectionBasis;
        _minimum = d.Minimum;
        _maximum = d.Maximum;
    }

    private static string? Problem(MeasureDefinition d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) return "enter its title.";
        if (d.Precision is < 0 or > 4) return $"precision is the number of decimal places, from 0 to 4; {d.Precision} is not.";
        if (d.Multiplier is { } m && !Statistics.RatioMeasures.Multipliers.Contains(m))
            return $"the multiplier is one of 1, 100, 1000, 10000 or 100000 (100 for a percentage, 1000 or more for a rate); {m.ToString(CultureInfo.InvariantCulture)} is not.";
        if (d.Multiplier is not null && !string.IsNullOrWhiteSpace(d.Formula))
            return "a measure is a ratio of counts or a formula over other measures, not both.";
        if (d.Aggregation == Plans.Aggregation.Ratio && d.Multiplier is null)
            return "only a ratio measure (one with a multiplier) can roll up as a ratio of its summed counts.";
        if (!string.IsNullOrWhiteSpace(d.Formula) && !Formulas.Formula.TryParse(d.Formula, out _, out var error))
            return $"formula \"{d.Formula.Trim()}\": {error}.";
        if (d.Minimum is { } min && d.Maximum is { } max && min > max)
            return $"the minimum, {min.ToString(CultureInfo.InvariantCulture)}, is above the maximum, {max.ToString(CultureInfo.InvariantCulture)}.";
        if (d.Tolerance is { Amount: < 0 }) return "a tolerance cannot be negative.";
        return null;
    }

    /// <summary>Where the measure is reported: under an objective (and so its priority, unless another is named), or a priority alone.</summary>
    public void Place(Objective? objective, Priority priority)
    {
        _objective = objective;
        _priority = priority;
        if (objective is null) ObjectiveId = null;
    }

    public void AssignTo(Officer? officer)
    {
        _officer = officer;
        if (officer is null) OfficerId = null;
    }

    /// <summary>
    /// Sets the target for a year or a quarter: a figure, to be confirmed, or not applicable (with a note saying why).
    /// A target is never removed; one no longer wanted is marked not applicable.
    /// </summary>
    public Target SetTarget(Period period, TargetState state, decimal? value, string? note)
    {
        if (state == TargetState.Set && value is null) throw new DomainException($"Enter the target for {Ref} in {period}, or say it is to be confirmed or not applicable.");
        if (state != TargetState.Set) value = null;
        var target = Targets.FirstOrDefault(t => t.Period == period);
        if (target is null)
        {
            target = new Target { Period = period };
            Targets.Add(target);
        }
        target.Set(state, value, Plan.Tidy(note));
        return target;
    }

    public string Format(decimal? value) => Format(value, Unit, Precision);

    /// <summary>A figure in a measure's unit and precision; a published report keeps these to print its figures as they were.</summary>
    public static string Format(decimal? value, string? unit, int precision)
    {
        if (value is null) return "";
        var number = value.Value.ToString("N" + precision, CultureInfo.GetCultureInfo("en-GB"));
        return unit switch
        {
            null or "" => number,
            "%" => number + "%",
            "£" => "£" + number,
            _ => number + " " + unit,
        };
    }
}

public enum TargetState { Set, ToBeConfirmed, NotApplicable }

/// <summary>A target for a year, or a quarter's profiled target for a cumulative measure.</summary>
public class Target
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public Period Period { get; init; }
    private decimal? _value;
    public decimal? Value { get => _value; init => _value = value; }
    private TargetState _state;
    public TargetState State { get => _state; init => _state = value; }
    private string? _note;
    public string? Note { get => _note; init => _note = value; }

    /// <summary>Whether the target already says this, so that saving it again is no change.</summary>
    public bool Is(TargetState state, decimal? value, string? note) =>
        State == state && (state != TargetState.Set || Value == value) && (Note ?? "") == (note?.Trim() ?? "");

    internal void Set(TargetState state, decimal? value, string? note)
    {
        _state = state;
        _value = value;
        _note = note;
    }

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
