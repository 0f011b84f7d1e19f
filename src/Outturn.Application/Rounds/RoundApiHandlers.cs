using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Rounds;

/// <summary>An item's kind as systems pushing figures name it: a measure, a milestone, or a report section.</summary>
public enum PushedItemKind { Measure, Milestone, Section }

/// <summary>One item of a round as the push API lists it.</summary>
public sealed record RoundItemSummary(string Ref, PushedItemKind Kind, string Title, string? Assignee, ItemState State, int Version);

/// <summary>One item after a push: what it holds now, and what the checks found unusual.</summary>
public sealed record RoundItemDetail(
    string Ref, PushedItemKind Kind, string Title, string? Assignee, ItemState State, int Version,
    decimal? Value, ValueStatus? Status, string? Note, string? Commentary, MilestoneProgress? Progress, string? Reason,
    string? UnusualChange, string? OnBehalfOf, IReadOnlyList<EntryWarning> Warnings,
    decimal? Numerator = null, decimal? Denominator = null, string? InternalNote = null);

/// <summary>A round's stage as the API answers each step.</summary>
public sealed record RoundStage(string Plan, string Period, RoundState State, DateOnly Deadline, int Items, int Submitted, int Outstanding, bool CanSignOff);

public sealed record SaveItemRequest(
    string PlanRef, Period Period, string ItemRef, decimal? Value, ValueStatus? Status, string? Note, string? Commentary,
    MilestoneProgress? Progress, string? Reason, bool Submit, int Version, decimal? Numerator = null, decimal? Denominator = null, string? InternalNote = null);


/// <summary>
/// The round as a council's own systems drive it: list the items, push each one's figure, move the round through
/// its stages. Items are named by their refs (a measure's or milestone's ref; a section by its name, a priority's
/// supporting commentary by its place in the plan).
/// </summary>
public sealed class RoundApiHandlers(OutturnDbContext db, RoundViews rounds, OpenRound open, SaveItem save, ChangeStage stage)
{
    public static string SectionRef(NarrativeSection section, int? priorityOrder) => section switch
    {
        NarrativeSection.KeyDevelopments => "key-developments",
        NarrativeSection.EmergingIssues => "emerging-issues",
        NarrativeSection.RiskControlMeasures => "risk-control-measures",
        NarrativeSection.EqualityActions => "equality-actions",
        _ => $"supporting-commentary-{priorityOrder}",
    };

    private sealed record Named(RoundItem Item, string Ref, string Title, string? Assignee);

    private async Task<List<Named>> NameAsync(MonitoringRound round, CancellationToken ct)
    {
        var indicators = await db.Indicators.AsNoTracking().Where(i => i.PlanId == round.PlanId).ToDictionaryAsync(i => i.Id, ct);
        var milestones = await db.Milestones.AsNoTracking().Where(m => m.PlanId == round.PlanId).ToDictionaryAsync(m => m.Id, ct);
        var priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == round.PlanId).ToDictionaryAsync(p => p.Id, ct);
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return round.Items.OrderBy(i => i.Kind).ThenBy(i => i.Id).Select(i =>
        {
            var assignee = i.AssigneeId is { } id ? officers.GetValueOrDefault(id) : null;
            return i.Kind switch
            {
                ItemKind.Measure => new Named(i, indicators[i.IndicatorId!.Value].Ref, indicators[i.IndicatorId!.Value].Title, assignee),
                ItemKind.Milestone => new Named(i, milestones[i.MilestoneId!.Value].Ref, milestones[i.MilestoneId!.Value].Text, assignee),
                _ => new Named(i, SectionRef(i.Section!.Value, i.PriorityId is { } p ? priorities.GetValueOrDefault(p)?.Order : null), i.Label, assignee),
            };
        }).ToList();
    }

    private static PushedItemKind KindOf(RoundItem i) => i.Kind switch { ItemKind.Measure => PushedItemKind.Measure, ItemKind.Milestone => PushedItemKind.Milestone, _ => PushedItemKind.Section };

    /// <summary>
    /// Every item of the round, or null when the plan has no round for the period. For someone limited to an
    /// organisation (<paramref name="actor"/>'s viewer), only the items they may see (<see cref="Organisations.RoundOwners.MaySee"/>).
    /// </summary>
    public async Task<IReadOnlyList<RoundItemSummary>?> ItemsAsync(string planRef, Period period, CancellationToken ct = default, Actor? actor = null)
    {
        if (await rounds.FindAsync(planRef, period, ct) is not { } round) return null;
        var owners = actor?.Viewer is null ? null : await new Organisations.OrganisationService(db).OwnersAsync(round, ct);
        return (await NameAsync(round, ct))
            .Where(n => owners is null || owners.MaySee(actor!.Viewer!, round, n.Item, actor.OfficerId))
            .Select(n => new RoundItemSummary(n.Ref, KindOf(n.Item), n.Title, n.Assignee, n.Item.State, n.Item.Version)).ToList();
    }

    public abstract record PushResult
    {
        public sealed record NotFound(string Detail) : PushResult;
        public sealed record Done(SaveResult Result, RoundItemDetail? Item) : PushResult;
    }

    public async Task<PushResult> SaveItemAsync(SaveItemRequest request, Actor actor, CancellationToken ct = default)
    {
        if (await rounds.FindAsync(request.PlanRef, request.Period, ct) is not { } round)
            return new PushResult.NotFound($"{request.PlanRef} has no round for {request.Period.ToDisplayString()}.");
        var named = (await NameAsync(round, ct)).FirstOrDefault(n => string.Equals(n.Ref, request.ItemRef, StringComparison.OrdinalIgnoreCase));
        if (named is null) return new PushResult.NotFound($"The {request.Period.ToDisplayString()} round of {request.PlanRef} has no item \"{request.ItemRef}\".");
        // An internal note left out of the request keeps the one held (a client that does not know the field loses nothing); "" clears it.
        var update = new ItemUpdate(request.Value, request.Status, request.Note, request.Progress, request.Commentary, request.Reason, request.Numerator, request.Denominator,
            InternalNote: request.InternalNote ?? named.Item.InternalNote);
        db.ChangeTracker.Clear();
        var result = await save.HandleAsync(new SaveItem.Request(round.Id, named.Item.Id, request.Version, update, request.Submit), actor, ct);
        var item = result switch { SaveResult.Saved s => s.Item, SaveResult.Conflict c => c.Theirs, _ => named.Item };
        var warnings = result switch { SaveResult.Saved s => s.Warnings, SaveResult.Invalid i => i.Warnings, _ => [] };
        return new PushResult.Done(result, new RoundItemDetail(named.Ref, KindOf(item), named.Title, named.Assignee, item.State, item.Version,
            Monitoring.MonitoringQuery.Normal(item.Value), item.ValueStatus, item.Note, item.Commentary, item.Progress, item.Reason, item.UnusualChange, item.OnBehalfOf, warnings,
            Monitoring.MonitoringQuery.Normal(item.Numerator), Monitoring.MonitoringQuery.Normal(item.Denominator), item.InternalNote));
    }

    public async Task<RoundStage> OpenAsync(OpenRound.Request request, Actor actor, CancellationToken ct = default)
    {
        var round = await open.HandleAsync(request, actor, ct);
        return Stage(round, request.PlanRef);
    }

    /// <summary>
    /// Takes one step of the round named by its plan and quarter (<paramref name="reason"/> and
    /// <paramref name="confirmOutstanding"/> as <see cref="ChangeStage.Request"/> has them); null when there is no
    /// such round. A step the round refuses throws, as a conflict.
    /// </summary>
    public async Task<RoundStage?> StepAsync(string planRef, Period period, RoundStep step, Actor actor, string? reason = null, int? confirmOutstanding = null, CancellationToken ct = default)
    {
        if (await rounds.FindAsync(planRef, period, ct) is not { } round) return null;
        await stage.HandleAsync(new ChangeStage.Request(round.Id, step, reason, confirmOutstanding), actor, ct);
        return Stage((await rounds.FindAsync(round.Id, ct))!, planRef);
    }

    public static RoundStage Stage(MonitoringRound round, string planRef) => new(
        planRef, round.Period.ToString(), round.State, round.Deadline, round.Items.Count,
        round.Items.Count(i => i.State == ItemState.Submitted), round.Outstanding, round.SignOffRefusal() is null);
}
