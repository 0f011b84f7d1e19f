using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>The kinds of item a plan holds, as the editing pages name them in their addresses.</summary>
public enum PlanItemKind { Priority, Objective, Milestone, Measure }

public static class PlanItems
{
    public static bool TryParse(string? word, out PlanItemKind kind) => Enum.TryParse(word, ignoreCase: true, out kind) && Enum.IsDefined(kind);

    /// <summary>An item by kind and key: a priority by its number, the others by their ref.</summary>
    public static IRetirable? Find(Plan plan, PlanItemKind kind, string key) => kind switch
    {
        PlanItemKind.Priority => int.TryParse(key, out var id) ? plan.Priorities.FirstOrDefault(p => p.Id == id) : null,
        PlanItemKind.Objective => plan.Objectives.FirstOrDefault(o => o.Ref == key),
        PlanItemKind.Milestone => plan.Milestones.FirstOrDefault(m => m.Ref == key),
        _ => plan.Indicators.FirstOrDefault(i => i.Ref == key),
    };

    public static string Word(this PlanItemKind kind) => kind.ToString().ToLowerInvariant();
}
