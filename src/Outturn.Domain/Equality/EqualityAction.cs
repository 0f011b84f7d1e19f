using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Domain.Equality;

/// <summary>The impact an equality impact assessment found a strategy, policy or service to have.</summary>
public enum EqualityImpact { High, Low, None }

/// <summary>
/// An action of an equality action plan, arising from an equality impact assessment: the strategy, policy or service
/// assessed, the impact found (High/Low/None), the actions proposed, the years they are timetabled for, the
/// responsible officer, and progress each quarter. The quarter's "Progress against high priority equality actions"
/// is built from the High ones.
/// </summary>
public class EqualityAction
{
    public int Id { get; set; }
    /// <summary>Unique across action plans (e.g. CS-EQ1).</summary>
    public required string Ref { get; set; }
    public required string Directorate { get; set; }
    /// <summary>The service or department whose action plan it is; null for the directorate's own.</summary>
    public string? Service { get; set; }
    /// <summary>The plan the action plan belongs to (a service plan's section 6.3), by ref.</summary>
    public string? PlanRef { get; set; }
    public required string Subject { get; set; }
    public EqualityImpact Impact { get; set; }
    public required string ActionsProposed { get; set; }
    /// <summary>Start years of the financial years the action is timetabled for (2007 for 2007/08).</summary>
    public List<int> TimetableYears { get; set; } = [];
    public required string Officer { get; set; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    public int Order { get; set; }

    public List<EqualityActionUpdate> Updates { get; set; } = [];

    public bool IsHighPriority => Impact == EqualityImpact.High;

    public bool IsTimetabledIn(Period period) =>
        period.Kind is PeriodKind.Quarter or PeriodKind.Month or PeriodKind.FinancialYear &&
        TimetableYears.Contains(period.ContainingFinancialYear().Year);

    public EqualityActionUpdate? For(Period period) => Updates.FirstOrDefault(u => u.Period == period);
}

/// <summary>An equality action's progress and commentary for one quarter.</summary>
public class EqualityActionUpdate
{
    public int Id { get; set; }
    public int ActionId { get; set; }
    public Period Period { get; set; }
    public MilestoneProgress? Progress { get; set; }
    public string? Commentary { get; set; }
}

public static class EqualityWords
{
    public static bool TryParseImpact(string? s, out EqualityImpact impact)
    {
        impact = (s ?? "").Trim().ToLowerInvariant() switch
        {
            "high" => EqualityImpact.High, "low" => EqualityImpact.Low, "none" => EqualityImpact.None, _ => (EqualityImpact)(-1),
        };
        return Enum.IsDefined(impact);
    }
}
