using Outturn.Domain.Periods;

namespace Outturn.Domain.Inspections;

public enum InspectionType { JointAreaReview, AnnualPerformanceAssessment, SingleInspection, Other }

public enum KeyJudgementKind { MajorStrength, ImportantWeakness }

/// <summary>The three timescales inspection reports set recommendations in.</summary>
public enum RecommendationTimescale { Immediate, WithinSixMonths, LongerTerm }

/// <summary>Delivery of an improvement action in a quarter.</summary>
public enum DeliveryStatus { NotStarted, InProgress, Done }

/// <summary>Impact of an improvement action in a quarter, judged apart from delivery: done is not the same as working.</summary>
public enum ImpactStatus { NotYetEvident, Some, Clear }

public static class InspectionWords
{
    /// <summary>The grade scale printed in inspection reports: "4: outstanding; 3: good; 2: adequate; 1: inadequate".</summary>
    public static string GradeWord(int grade) => grade switch
    {
        4 => "outstanding",
        3 => "good",
        2 => "adequate",
        1 => "inadequate",
        _ => throw new DomainException($"A grade is 1 to 4 (4 outstanding, 3 good, 2 adequate, 1 inadequate); {grade} is not one."),
    };

    public static string ToWords(this InspectionType t) => t switch
    {
        InspectionType.JointAreaReview => "Joint area review",
        InspectionType.AnnualPerformanceAssessment => "Annual performance assessment",
        InspectionType.SingleInspection => "Single inspection",
        _ => "Inspection",
    };

    public static string ToWords(this RecommendationTimescale t) => t switch
    {
        RecommendationTimescale.Immediate => "For immediate action",
        RecommendationTimescale.WithinSixMonths => "For action over the next six months",
        _ => "For action in the longer term",
    };

    public static string ToWords(this DeliveryStatus s) => s switch
    {
        DeliveryStatus.NotStarted => "Not started",
        DeliveryStatus.InProgress => "In progress",
        _ => "Done",
    };

    public static string ToWords(this ImpactStatus s) => s switch
    {
        ImpactStatus.NotYetEvident => "Not yet evident",
        ImpactStatus.Some => "Some impact",
        _ => "Clear impact",
    };
}

/// <summary>An inspection or assessment of children's services: its grades, key judgements and recommendations.</summary>
public class Inspection
{
    public int Id { get; set; }
    /// <summary>Outturn's reference for addresses ("JAR-2008").</summary>
    public required string Ref { get; set; }
    public InspectionType Type { get; set; }
    public required string Title { get; set; }
    /// <summary>The inspectorates, "; "-separated as listed on the cover.</summary>
    public required string Inspectorates { get; set; }
    public DateOnly PublishedOn { get; set; }
    /// <summary>The inspectorate's reference number ("876").</summary>
    public string? Reference { get; set; }
    /// <summary>Findings are public once the inspectorate publishes them; a record being entered is kept back until marked published.</summary>
    public bool IsPublished { get; set; }
    public List<JudgementGrade> Grades { get; set; } = [];
    public List<KeyJudgement> KeyJudgements { get; set; } = [];
    public List<Recommendation> Recommendations { get; set; } = [];
}

public class JudgementGrade
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public required string Area { get; set; }
    public int Grade { get; set; }
    public int Order { get; set; }
    public string Words => InspectionWords.GradeWord(Grade);
}

public class KeyJudgement
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public required string Area { get; set; }
    public KeyJudgementKind Kind { get; set; }
    public required string Text { get; set; }
    public string? Paragraph { get; set; }
    public int Order { get; set; }
}

public class Recommendation
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public required string Ref { get; set; }
    public RecommendationTimescale Timescale { get; set; }
    /// <summary>Who the report addresses ("The local partnership", "The PCT, the council and partners").</summary>
    public required string ResponsibleBody { get; set; }
    public required string Text { get; set; }
    public string? Area { get; set; }
    public int Order { get; set; }
    public ImprovementAction? Action { get; set; }
}

/// <summary>
/// What the partnership does about one recommendation: an owner, a due date, links to the plans' milestones and
/// measures, and each quarter two separate judgements — delivery and impact — with evidence.
/// </summary>
public class ImprovementAction
{
    public int Id { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }
    public required string Owner { get; set; }
    public int? OfficerId { get; set; }
    public DateOnly Due { get; set; }
    /// <summary>True when someone set the due date; false when it follows from the timescale.</summary>
    public bool DueSet { get; set; }
    public List<ImprovementLink> Links { get; set; } = [];
    public List<ImprovementQuarter> Quarters { get; set; } = [];

    /// <summary>
    /// The due date a recommendation's timescale implies, counted from publication: one month for immediate action,
    /// six months for "within six months", twelve for the longer term (the report itself dates only the six months).
    /// </summary>
    public static DateOnly DefaultDue(RecommendationTimescale timescale, DateOnly published) => timescale switch
    {
        RecommendationTimescale.Immediate => published.AddMonths(1),
        RecommendationTimescale.WithinSixMonths => published.AddMonths(6),
        _ => published.AddMonths(12),
    };

    /// <summary>The latest quarter's statuses up to and including the period (statuses carry forward until updated).</summary>
    public ImprovementQuarter? StatusAt(Period period) =>
        Quarters.Where(q => q.Period.End <= period.End).OrderByDescending(q => q.Period.End).FirstOrDefault();

    /// <summary>Overdue at the end of a period: due before it ends and not delivered by then.</summary>
    public bool IsOverdueAt(Period period) => Due < period.End && StatusAt(period)?.Delivery != DeliveryStatus.Done;

    public ImprovementQuarter Record(Period period, DeliveryStatus delivery, ImpactStatus impact, string? evidence, string by, DateTimeOffset at)
    {
        if (period.Kind != PeriodKind.Quarter) throw new DomainException($"Improvement actions are reviewed by quarter; {period} is not one.");
        if (impact != ImpactStatus.NotYetEvident && string.IsNullOrWhiteSpace(evidence))
            throw new DomainException("Say what evidence shows the impact: an impact judgement other than \"not yet evident\" needs an evidence note.");
        var q = Quarters.SingleOrDefault(x => x.Period == period);
        if (q is null) Quarters.Add(q = new ImprovementQuarter { Period = period });
        q.Delivery = delivery;
        q.Impact = impact;
        q.Evidence = string.IsNullOrWhiteSpace(evidence) ? null : evidence.Trim();
        q.UpdatedBy = by;
        q.UpdatedAt = at;
        return q;
    }
}

/// <summary>A link from an improvement action to a milestone or a measure of a plan.</summary>
public class ImprovementLink
{
    public int Id { get; set; }
    public int ImprovementActionId { get; set; }
    public int? MilestoneId { get; set; }
    public int? IndicatorId { get; set; }
}

public class ImprovementQuarter
{
    public int Id { get; set; }
    public int ImprovementActionId { get; set; }
    public Period Period { get; set; }
    public DeliveryStatus Delivery { get; set; }
    public ImpactStatus Impact { get; set; }
    public string? Evidence { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }
}
