using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Domain.Risks;

/// <summary>
/// An entry of a directorate's or service's risk register: what could happen (cause, event, consequence), how likely
/// and how severe before controls (initial) and after them (residual), and the risk control measures that treat it.
/// </summary>
public class Risk
{
    public int Id { get; set; }
    /// <summary>The register's reference, unique across registers (e.g. CYP-R01).</summary>
    public required string Ref { get; set; }
    public required string Directorate { get; set; }
    /// <summary>The service or department within the directorate whose register holds the risk, or null for the directorate's own register.</summary>
    public string? Service { get; set; }
    /// <summary>The plan and service objective the risk threatens, held by ref so that replacing a plan keeps the link.</summary>
    public string? PlanRef { get; set; }
    public string? ObjectiveRef { get; set; }
    public required string Title { get; set; }
    public string? Cause { get; set; }
    public string? Event { get; set; }
    public string? Consequence { get; set; }
    public required string Owner { get; set; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    public required string Category { get; set; }
    public int InitialLikelihood { get; set; }
    public int InitialImpact { get; set; }
    public int ResidualLikelihood { get; set; }
    public int ResidualImpact { get; set; }
    /// <summary>When the risk is next due for review; past it, the risk is overdue.</summary>
    public DateOnly ReviewDate { get; set; }
    public DateOnly? LastReviewed { get; set; }
    public int Order { get; set; }

    public List<RiskControlMeasure> Controls { get; set; } = [];

    public RiskScore Initial => new(InitialLikelihood, InitialImpact);
    public RiskScore Residual => new(ResidualLikelihood, ResidualImpact);

    /// <summary>Overdue for review: the review date has passed (a review due today is not yet overdue).</summary>
    public bool IsOverdueForReview(DateOnly today) => ReviewDate < today;

    /// <summary>Days past the review date, 0 when not overdue.</summary>
    public int DaysOverdue(DateOnly today) => IsOverdueForReview(today) ? today.DayNumber - ReviewDate.DayNumber : 0;

    /// <summary>The description in the register's words: cause, event and consequence.</summary>
    public string Description => string.Join(" ", new[]
    {
        Cause is null ? null : $"Cause: {Cause}",
        Event is null ? null : $"Event: {Event}",
        Consequence is null ? null : $"Consequence: {Consequence}",
    }.OfType<string>());
}

/// <summary>A measure that treats a risk, with its owner, due date and progress per quarter.</summary>
public class RiskControlMeasure
{
    public int Id { get; set; }
    public int RiskId { get; set; }
    /// <summary>Unique within the risk: a, b, c…</summary>
    public required string Ref { get; set; }
    public required string Text { get; set; }
    public string? Owner { get; set; }
    public DateOnly? Due { get; set; }
    public int Order { get; set; }

    public List<RiskControlUpdate> Updates { get; set; } = [];

    public RiskControlUpdate? For(Period period) => Updates.FirstOrDefault(u => u.Period == period);
}

/// <summary>A control measure's progress status and commentary for one quarter (reported at Q2 and Q4).</summary>
public class RiskControlUpdate
{
    public int Id { get; set; }
    public int ControlId { get; set; }
    public Period Period { get; set; }
    public MilestoneProgress? Progress { get; set; }
    public string? Commentary { get; set; }
}
