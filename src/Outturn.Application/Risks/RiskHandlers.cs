using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Application.Risks;

// One small handler per thing people do to a risk. Each loads the risk as the form saw it (refusing a stale form),
// lets the risk apply the change (the risk refuses what its rules forbid), and saves with the reason given.

/// <summary>A quarter's scores as a form gives them: initial and residual, and the target if the owner has set one.</summary>
public sealed record RiskScores(RiskScore Initial, RiskScore Residual, RiskScore? Target);

public sealed record CreateRiskCommand(string Ref, RiskDetails Details, DateOnly ReviewDate, Period Period, RiskScores Scores);

/// <summary>Puts a new risk on the register, scored for the quarter it is entered in.</summary>
public sealed class CreateRisk(RiskStore store)
{
    public async Task<Risk> HandleAsync(CreateRiskCommand c, CancellationToken ct = default)
    {
        if (await store.ExistsAsync(c.Ref, ct)) throw new DomainException($"A risk with the reference {c.Ref.Trim()} is already held.", DomainRefusal.Conflict);
        var risk = Risk.Create(c.Ref, c.Details, c.ReviewDate, c.Period, c.Scores.Initial, c.Scores.Residual, c.Scores.Target, store.Today, await store.NextOrderAsync(ct));
        store.Add(risk);
        await store.SaveAsync(risk, null, ct);
        return risk;
    }
}

public sealed record EditRiskCommand(string Ref, int Version, RiskDetails Details, DateOnly? NextReview, string? Reason);

/// <summary>
/// Changes what a risk says about itself (title, description, category, owner, register, organisation, objective)
/// and when it is next reviewed.
/// </summary>
public sealed class EditRisk(RiskStore store)
{
    public async Task<Risk> HandleAsync(EditRiskCommand c, CancellationToken ct = default)
    {
        var risk = await store.LoadAsync(c.Ref, c.Version, ct);
        risk.Edit(c.Details);
        if (c.NextReview is { } next) risk.ScheduleReview(next);
        await store.SaveAsync(risk, c.Reason, ct);
        return risk;
    }
}

public sealed record ScoreRiskCommand(string Ref, int Version, Period Period, RiskScores Scores, DateOnly? NextReview, string? Reason);

/// <summary>Scores a risk for a quarter (a review), and sets when it is next reviewed.</summary>
public sealed class ScoreRisk(RiskStore store)
{
    public async Task<Risk> HandleAsync(ScoreRiskCommand c, CancellationToken ct = default)
    {
        var risk = await store.LoadAsync(c.Ref, c.Version, ct);
        var today = store.Today;
        risk.Assess(c.Period, c.Scores.Initial, c.Scores.Residual, c.Scores.Target, today);
        if (c.NextReview is { } next)
        {
            if (next <= today) throw new DomainException($"The next review must be after today ({today:d MMMM yyyy}).");
            risk.ScheduleReview(next);
        }
        await store.SaveAsync(risk, c.Reason, ct);
        return risk;
    }
}

public sealed record ControlMeasureCommand(string RiskRef, int Version, string? ControlRef, string? Text, string? Owner, DateOnly? Due, string? Reason);

/// <summary>Adds a risk control measure, with its owner and due date.</summary>
public sealed class AddControlMeasure(RiskStore store)
{
    public async Task<RiskControlMeasure> HandleAsync(ControlMeasureCommand c, CancellationToken ct = default)
    {
        var risk = await store.LoadAsync(c.RiskRef, c.Version, ct);
        var control = risk.AddControl(c.ControlRef, c.Text, c.Owner, c.Due);
        await store.SaveAsync(risk, c.Reason, ct);
        return control;
    }
}

/// <summary>Changes a risk control measure's wording, owner or due date.</summary>
public sealed class EditControlMeasure(RiskStore store)
{
    public async Task<Risk> HandleAsync(ControlMeasureCommand c, CancellationToken ct = default)
    {
        var risk = await store.LoadAsync(c.RiskRef, c.Version, ct);
        risk.EditControl(c.ControlRef ?? throw new DomainException("Say which control measure to change."), c.Text, c.Owner, c.Due);
        await store.SaveAsync(risk, c.Reason, ct);
        return risk;
    }
}

public sealed record ControlProgressCommand(string RiskRef, int Version, string ControlRef, Period Period, MilestoneProgress? Progress, string? Commentary);

/// <summary>Records a control measure's progress and commentary for a quarter.</summary>
public sealed class RecordControlProgress(RiskStore store)
{
    public async Task<Risk> HandleAsync(ControlProgressCommand c, CancellationToken ct = default)
    {
        var risk = await store.LoadAsync(c.RiskRef, c.Version, ct);
        risk.RecordProgress(c.ControlRef, c.Period, c.Progress, c.Commentary);
        await store.SaveAsync(risk, null, ct);
        return risk;
    }
}

public sealed record CloseRiskCommand(string Ref, int Version, string? Reason);

/// <summary>Closes a risk, with the reason; it stays on the register with its history.</summary>
public sealed class CloseRisk(RiskStore store)
{
    public async Task<Risk> HandleAsync(CloseRiskCommand c, CancellationToken ct = default)
    {
        var risk = await store.LoadAsync(c.Ref, c.Version, ct);
        risk.Close(store.Today, c.Reason);
        await store.SaveAsync(risk, c.Reason, ct);
        return risk;
    }
}

/// <summary>Reopens a closed risk, with the reason.</summary>
public sealed class ReopenRisk(RiskStore store)
{
    public async Task<Risk> HandleAsync(CloseRiskCommand c, CancellationToken ct = default)
    {
        var risk = await store.LoadAsync(c.Ref, c.Version, ct);
        risk.Reopen(c.Reason);
        await store.SaveAsync(risk, c.Reason, ct);
        return risk;
    }
}
