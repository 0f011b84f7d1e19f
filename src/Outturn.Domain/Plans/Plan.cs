using Outturn.Domain.Periods;

namespace Outturn.Domain.Plans;

public enum PlanKind { Cypp, BusinessPlan, ServicePlan, Strategy }

public enum PlanStatus { Draft, Approved }

public static class PlanKinds
{
    public static readonly IReadOnlyDictionary<string, PlanKind> ByWord = new Dictionary<string, PlanKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["cypp"] = PlanKind.Cypp,
        ["business-plan"] = PlanKind.BusinessPlan,
        ["service-plan"] = PlanKind.ServicePlan,
        ["strategy"] = PlanKind.Strategy,
    };

    public static string ToWords(this PlanKind kind) => kind switch
    {
        PlanKind.Cypp => "Children and Young People's Plan",
        PlanKind.BusinessPlan => "Directorate business plan",
        PlanKind.ServicePlan => "Service plan",
        _ => "Strategy",
    };
}

/// <summary>
/// A priority, objective, milestone or measure. Items are never deleted (their figures, round items and history must
/// survive); an item that leaves the plan is retired on a date and can be reinstated.
/// </summary>
public interface IRetirable
{
    DateOnly? RetiredOn { get; }
    bool IsRetired { get; }
    void Retire(DateOnly on);
    void Reinstate();
}

/// <summary>A plan and its performance framework: priorities, service objectives, milestones and measures.</summary>
public class Plan
{
    public int Id { get; set; }
    public required string Ref { get; set; }
    public required string Title { get; set; }
    public PlanKind Kind { get; set; }
    /// <summary>Start year of the first financial year covered (2015 for 2015/16).</summary>
    public int FirstYear { get; set; }
    public int LastYear { get; set; }
    public string? Organisation { get; set; }
    public string? Directorate { get; set; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    public PlanStatus Status { get; set; } = PlanStatus.Approved;
    public string? Description { get; set; }

    public List<Priority> Priorities { get; set; } = [];
    public List<Objective> Objectives { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];

    public string Span => FirstYear == LastYear
        ? Period.FinancialYear(FirstYear).ToString()
        : $"{Period.FinancialYear(FirstYear)} to {Period.FinancialYear(LastYear)}";

    public bool Covers(Period period) =>
        period.Start >= Period.FinancialYear(FirstYear).Start && period.End <= Period.FinancialYear(LastYear).End;
}

/// <summary>A theme a plan's objectives, milestones and measures are reported under (a plan priority or an ECM outcome).</summary>
public class Priority : IRetirable
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }

    /// <summary>Set when the item left the plan; a retired item keeps its figures and history but joins no new round.</summary>
    public DateOnly? RetiredOn { get; private set; }
    public bool IsRetired => RetiredOn is not null;
    public void Retire(DateOnly on) => RetiredOn ??= on;
    public void Reinstate() => RetiredOn = null;
}

/// <summary>A named person responsible for objectives, milestones, measures and commentary.</summary>
public class Officer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Initials { get; set; }
    public string? JobTitle { get; set; }
    public string? Organisation { get; set; }
    /// <summary>The organisation the officer works for, within the partnership's hierarchy.</summary>
    public int? OrganisationId { get; set; }
}

public class Objective : IRetirable
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Ref { get; set; }
    public required string Title { get; set; }
    public int PriorityId { get; set; }
    public Priority? Priority { get; set; }
    public int? OfficerId { get; set; }
    public Officer? Officer { get; set; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    /// <summary>The council's corporate priority the objective serves, as a theme tag.</summary>
    public string? CorporatePriority { get; set; }
    public bool IsKey { get; set; }
    public int Order { get; set; }

    /// <summary>Set when the item left the plan; a retired item keeps its figures and history but joins no new round.</summary>
    public DateOnly? RetiredOn { get; private set; }
    public bool IsRetired => RetiredOn is not null;
    public void Retire(DateOnly on) => RetiredOn ??= on;
    public void Reinstate() => RetiredOn = null;
}

public class Milestone : IRetirable
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Ref { get; set; }
    public int ObjectiveId { get; set; }
    public Objective? Objective { get; set; }
    public required string Text { get; set; }
    /// <summary>Start year of the plan year the milestone belongs to.</summary>
    public int Year { get; set; }
    public DateOnly? Due { get; set; }
    public int? OfficerId { get; set; }
    public Officer? Officer { get; set; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    public int PriorityId { get; set; }
    public Priority? Priority { get; set; }
    public int Order { get; set; }

    /// <summary>Set when the item left the plan; a retired item keeps its figures and history but joins no new round.</summary>
    public DateOnly? RetiredOn { get; private set; }
    public bool IsRetired => RetiredOn is not null;
    public void Retire(DateOnly on) => RetiredOn ??= on;
    public void Reinstate() => RetiredOn = null;

    public List<MilestoneUpdate> Updates { get; set; } = [];
}

/// <summary>A milestone's progress and commentary for one period.</summary>
public class MilestoneUpdate
{
    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public Period Period { get; set; }
    public Status.MilestoneProgress? Progress { get; set; }
    public string? Commentary { get; set; }
}

/// <summary>A priority's supporting commentary for a period, one paragraph a row.</summary>
public class Commentary
{
    public int Id { get; set; }
    public int PriorityId { get; set; }
    public Priority? Priority { get; set; }
    public Period Period { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}
