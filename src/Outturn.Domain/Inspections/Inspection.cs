using System.Text.RegularExpressions;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Inspections;

/// <summary>
/// The kinds of inspection children's services have had: the joint area review and annual performance assessment
/// (to 2009), the single inspection framework (2013–2017), inspection of local authority children's services (ILACS,
/// from 2018) and its focused visits. Stored by name, so new kinds go at the end.
/// </summary>
public enum InspectionType { JointAreaReview, AnnualPerformanceAssessment, SingleInspection, Other, Ilacs, FocusedVisit }

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

    /// <summary>
    /// The grade words of the inspection's own scale: the joint area review and annual performance assessment called
    /// grade 2 "adequate"; the single inspection and ILACS call it "requires improvement to be good".
    /// </summary>
    public static string GradeWord(int grade, InspectionType type) =>
        grade == 2 && type is InspectionType.SingleInspection or InspectionType.Ilacs ? "requires improvement to be good" : GradeWord(grade);

    /// <summary>The kinds in the order a form offers them.</summary>
    public static readonly IReadOnlyList<InspectionType> Kinds =
        [InspectionType.Ilacs, InspectionType.FocusedVisit, InspectionType.SingleInspection, InspectionType.JointAreaReview, InspectionType.AnnualPerformanceAssessment, InspectionType.Other];

    public static string ToWords(this InspectionType t) => t switch
    {
        InspectionType.JointAreaReview => "Joint area review",
        InspectionType.AnnualPerformanceAssessment => "Annual performance assessment",
        InspectionType.SingleInspection => "Single inspection",
        InspectionType.Ilacs => "Inspection of local authority children's services (ILACS)",
        InspectionType.FocusedVisit => "Focused visit",
        _ => "Inspection",
    };

    /// <summary>Key judgements in the words of the inspection's kind: the joint area review's "major strengths" and "important weaknesses", otherwise strengths and areas for development.</summary>
    public static string ToWords(this KeyJudgementKind k, InspectionType type, bool plural = true) => (k, type) switch
    {
        (KeyJudgementKind.MajorStrength, InspectionType.JointAreaReview) => plural ? "Major strengths" : "Major strength",
        (KeyJudgementKind.ImportantWeakness, InspectionType.JointAreaReview) => plural ? "Important weaknesses" : "Important weakness",
        (KeyJudgementKind.MajorStrength, _) => plural ? "Strengths" : "Strength",
        _ => plural ? "Areas for development" : "Area for development",
    };

    /// <summary>Words accepted in files and forms for a kind: its name (Ilacs, focused_visit) or its words.</summary>
    public static bool TryParseKind(string? text, out InspectionType type)
    {
        var t = (text ?? "").Trim().Replace("_", "").Replace(" ", "").Replace("-", "");
        foreach (var k in Enum.GetValues<InspectionType>())
            if (string.Equals(t, k.ToString(), StringComparison.OrdinalIgnoreCase)
                || string.Equals((text ?? "").Trim(), k.ToWords(), StringComparison.OrdinalIgnoreCase)
                || (k == InspectionType.Ilacs && string.Equals(t, "ILACS", StringComparison.OrdinalIgnoreCase)))
            { type = k; return true; }
        type = default;
        return false;
    }

    /// <summary>Timescales in files: the enum name (Immediate, WithinSixMonths, LongerTerm), snake case, or the report's words.</summary>
    public static bool TryParseTimescale(string? text, out RecommendationTimescale timescale)
    {
        var t = (text ?? "").Trim();
        var squashed = t.Replace("_", "").Replace(" ", "");
        foreach (var k in Enum.GetValues<RecommendationTimescale>())
            if (string.Equals(squashed, k.ToString(), StringComparison.OrdinalIgnoreCase) || string.Equals(t, k.ToWords(), StringComparison.OrdinalIgnoreCase))
            { timescale = k; return true; }
        timescale = default;
        return false;
    }

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

/// <summary>What an inspection's record holds, as the form or an import gives it.</summary>
public sealed record InspectionDetails(InspectionType Type, string Title, string Inspectorates, DateOnly PublishedOn, string? Reference, string? ReportAddress, bool IsPublished);

/// <summary>An inspection or assessment of children's services: its grades, key judgements and recommendations.</summary>
public partial class Inspection : IVersioned
{
    public int Id { get; set; }
    public int Version { get; private set; }
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
    /// <summary>Where the inspectorate publishes the report (an https address).</summary>
    public string? ReportAddress { get; set; }
    public List<JudgementGrade> Grades { get; set; } = [];
    public List<KeyJudgement> KeyJudgements { get; set; } = [];
    public List<Recommendation> Recommendations { get; set; } = [];

    public static Inspection Record(string reference, InspectionDetails details)
    {
        var r = (reference ?? "").Trim();
        if (!RefPattern().IsMatch(r))
            throw new DomainException($"An inspection's reference is 2 to 64 letters, digits and hyphens, such as ILACS-2019; \"{r}\" is not.");
        var i = new Inspection { Ref = r, Title = "", Inspectorates = "" };
        i.Edit(details);
        i.Version = 0;
        return i;
    }

    public void Edit(InspectionDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainException("Enter the inspection's title, as on the report.");
        var inspectorates = string.Join("; ", (d.Inspectorates ?? "").Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (inspectorates.Length == 0) throw new DomainException("Enter the inspectorate (Ofsted, or each of a joint inspection's, separated by semicolons).");
        var address = string.IsNullOrWhiteSpace(d.ReportAddress) ? null : d.ReportAddress.Trim();
        if (address is not null && !(Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            throw new DomainException($"The report's address is a web address starting https://; \"{address}\" is not one.");
        Type = d.Type;
        Title = d.Title.Trim();
        Inspectorates = inspectorates;
        PublishedOn = d.PublishedOn;
        Reference = string.IsNullOrWhiteSpace(d.Reference) ? null : d.Reference.Trim();
        ReportAddress = address;
        IsPublished = d.IsPublished;
        Version++;
    }

    /// <summary>Grades a judgement area (1 inadequate to 4 outstanding); grading an area already graded changes its grade.</summary>
    public JudgementGrade Grade(string area, int grade)
    {
        if (string.IsNullOrWhiteSpace(area)) throw new DomainException("Enter the judgement area.");
        _ = InspectionWords.GradeWord(grade);
        var a = area.Trim();
        var g = Grades.FirstOrDefault(x => string.Equals(x.Area, a, StringComparison.OrdinalIgnoreCase));
        if (g is null) Grades.Add(g = new JudgementGrade { InspectionId = Id, Area = a, Order = Grades.Count == 0 ? 1 : Grades.Max(x => x.Order) + 1 });
        g.Area = a;
        g.Grade = grade;
        Version++;
        return g;
    }

    /// <summary>Adds a strength or an area for development under a judgement area.</summary>
    public KeyJudgement AddJudgement(string area, KeyJudgementKind kind, string text, string? paragraph)
    {
        if (string.IsNullOrWhiteSpace(area)) throw new DomainException("Enter the judgement area the finding is about.");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException($"Enter the {kind.ToWords(Type, false).ToLowerInvariant()} as the report words it.");
        var k = new KeyJudgement
        {
            InspectionId = Id, Area = area.Trim(), Kind = kind, Text = text.Trim(), Paragraph = string.IsNullOrWhiteSpace(paragraph) ? null : paragraph.Trim(),
            Order = KeyJudgements.Count == 0 ? 1 : KeyJudgements.Max(x => x.Order) + 1,
        };
        KeyJudgements.Add(k);
        Version++;
        return k;
    }

    public Recommendation AddRecommendation(string reference, RecommendationTimescale timescale, string responsibleBody, string text, string? area)
    {
        var r = new Recommendation { InspectionId = Id, Ref = "", ResponsibleBody = "", Text = "", Order = Recommendations.Count == 0 ? 1 : Recommendations.Max(x => x.Order) + 1 };
        EditRecommendation(r, reference, timescale, responsibleBody, text, area, adding: true);
        Recommendations.Add(r);
        Version++;
        return r;
    }

    public void EditRecommendation(Recommendation r, string reference, RecommendationTimescale timescale, string responsibleBody, string text, string? area) =>
        EditRecommendation(r, reference, timescale, responsibleBody, text, area, adding: false);

    private void EditRecommendation(Recommendation r, string reference, RecommendationTimescale timescale, string responsibleBody, string text, string? area, bool adding)
    {
        if (!adding && !Recommendations.Contains(r)) throw new DomainException($"Recommendation {r.Ref} is not one of {Ref}'s.");
        var reff = (reference ?? "").Trim();
        if (reff.Length == 0) throw new DomainException("Enter the recommendation's reference, such as R1.");
        if (Recommendations.Any(x => x != r && string.Equals(x.Ref, reff, StringComparison.OrdinalIgnoreCase)))
            throw new DomainException($"{Ref} already has a recommendation {reff}.");
        if (string.IsNullOrWhiteSpace(responsibleBody)) throw new DomainException("Enter who the recommendation is addressed to (\"The local authority\", \"The local partnership\").");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Enter the recommendation as the report words it.");
        var moved = !adding && r.Timescale != timescale;
        r.Ref = reff;
        r.Timescale = timescale;
        r.ResponsibleBody = responsibleBody.Trim();
        r.Text = text.Trim();
        r.Area = string.IsNullOrWhiteSpace(area) ? null : area.Trim();
        r.Touch();
        // A due date that follows the timescale moves with it; one someone set stays.
        if (moved) foreach (var a in r.Actions.Where(a => !a.DueSet)) a.FollowTimescale(timescale, PublishedOn);
    }

    /// <summary>
    /// Turns a recommendation into an improvement action (one of several it may have): what will be done, by whom,
    /// and by when (by default, the date its timescale implies from publication, ADR 0401).
    /// </summary>
    public ImprovementAction AddAction(Recommendation r, string? text, string owner, int? officerId, DateOnly? due)
    {
        if (!Recommendations.Contains(r)) throw new DomainException($"Recommendation {r.Ref} is not one of {Ref}'s.");
        var a = new ImprovementAction { RecommendationId = r.Id, Recommendation = r, Owner = "" };
        a.Assign(text, owner, officerId, due, PublishedOn);
        r.Actions.Add(a);
        r.Touch();
        return a;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{1,63}$")]
    private static partial Regex RefPattern();
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

public class Recommendation : IVersioned
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public int Version { get; private set; }
    public required string Ref { get; set; }
    public RecommendationTimescale Timescale { get; set; }
    /// <summary>Who the report addresses ("The local partnership", "The PCT, the council and partners").</summary>
    public required string ResponsibleBody { get; set; }
    public required string Text { get; set; }
    public string? Area { get; set; }
    public int Order { get; set; }
    /// <summary>What the partnership does about it: one or more improvement actions.</summary>
    public List<ImprovementAction> Actions { get; set; } = [];

    internal void Touch() => Version++;
}

/// <summary>
/// What the partnership does about one recommendation: an owner, a due date, links to the plans' milestones and
/// measures, and each quarter two separate judgements — delivery and impact — with evidence.
/// </summary>
public class ImprovementAction : IVersioned
{
    public int Id { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }
    public int Version { get; private set; }
    /// <summary>What will be done; null for an action that is the recommendation itself (one action, the recommendation's words).</summary>
    public string? Text { get; set; }
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

    /// <summary>Sets what will be done, the owner and the due date (null: the date the recommendation's timescale implies).</summary>
    public void Assign(string? text, string owner, int? officerId, DateOnly? due, DateOnly publishedOn)
    {
        if (string.IsNullOrWhiteSpace(owner)) throw new DomainException("An improvement action needs an owner: the officer or body responsible.");
        if (due is { } d && d < publishedOn)
            throw new DomainException($"The due date ({d:d MMMM yyyy}) is before the inspection was published ({publishedOn:d MMMM yyyy}).");
        Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        Owner = owner.Trim();
        OfficerId = officerId;
        DueSet = due is not null;
        Due = due ?? DefaultDue(Recommendation?.Timescale ?? RecommendationTimescale.LongerTerm, publishedOn);
        Version++;
    }

    internal void FollowTimescale(RecommendationTimescale timescale, DateOnly publishedOn)
    {
        Due = DefaultDue(timescale, publishedOn);
        Version++;
    }

    /// <summary>Links the action to a plan's milestone or measure (once each).</summary>
    public void Link(int? milestoneId, int? indicatorId)
    {
        if ((milestoneId is null) == (indicatorId is null)) throw new DomainException("A link is to one milestone or one measure.");
        if (Links.Any(l => l.MilestoneId == milestoneId && l.IndicatorId == indicatorId)) return;
        Links.Add(new ImprovementLink { ImprovementActionId = Id, MilestoneId = milestoneId, IndicatorId = indicatorId });
        Version++;
    }

    public void Unlink(ImprovementLink link)
    {
        if (!Links.Remove(link)) throw new DomainException("The action has no such link.");
        Version++;
    }

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
