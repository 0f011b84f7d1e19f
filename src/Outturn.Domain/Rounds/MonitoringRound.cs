using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Domain.Rounds;

/// <summary>The stages of a quarter's reporting round, in order.</summary>
public enum RoundState { Open, InReview, SignedOff, Published }

public enum RoundAction { Opened, MovedToReview, ReopenedForUpdates, SignedOff, Published, ItemReturned, ReminderSent }

/// <summary>
/// A quarter's reporting round for one plan: officers update their items, the performance team reviews, a director
/// signs off, and publishing freezes the report. The round guards its own stages and says why it refuses a step.
/// </summary>
public class MonitoringRound
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Period Period { get; set; }
    public DateOnly Deadline { get; set; }
    public RoundState State { get; private set; } = RoundState.Open;
    public List<RoundItem> Items { get; set; } = [];
    public List<RoundEvent> Events { get; set; } = [];
    /// <summary>The report as published, as JSON; never changed once written.</summary>
    public string? PublishedSnapshot { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }

    public static MonitoringRound Open(int planId, Period period, DateOnly deadline, string by, DateTimeOffset at)
    {
        if (period.Kind != PeriodKind.Quarter)
            throw new DomainException($"A reporting round is for a quarter; {period} is not one.");
        var round = new MonitoringRound { PlanId = planId, Period = period, Deadline = deadline };
        round.Record(RoundAction.Opened, by, at, $"Deadline {deadline:d MMMM yyyy}");
        return round;
    }

    public void MoveToReview(string by, DateTimeOffset at)
    {
        Require(RoundState.Open, "move to review");
        State = RoundState.InReview;
        Record(RoundAction.MovedToReview, by, at, null);
    }

    public void ReopenForUpdates(string by, DateTimeOffset at, string reason)
    {
        if (State is not (RoundState.InReview or RoundState.SignedOff))
            throw new DomainException($"Only a round in review or signed off can be reopened for updates; this one is {Describe(State)}.");
        RequireReason(reason, "Reopening a round");
        State = RoundState.Open;
        Record(RoundAction.ReopenedForUpdates, by, at, reason);
    }

    public void SignOff(string by, DateTimeOffset at)
    {
        Require(RoundState.InReview, "sign off");
        var outstanding = Items.Count(i => i.State != ItemState.Submitted);
        if (outstanding > 0)
            throw new DomainException($"The round cannot be signed off: {outstanding} item{(outstanding == 1 ? " is" : "s are")} not submitted.");
        State = RoundState.SignedOff;
        Record(RoundAction.SignedOff, by, at, null);
    }

    public void Publish(string snapshot, string by, DateTimeOffset at)
    {
        if (State != RoundState.SignedOff)
            throw new DomainException($"The round cannot be published before it is signed off; it is {Describe(State)}.");
        PublishedSnapshot = snapshot;
        PublishedAt = at;
        State = RoundState.Published;
        Record(RoundAction.Published, by, at, null);
    }

    /// <summary>Contributors may change their items only while the round is open for updates.</summary>
    public bool AcceptsUpdates => State == RoundState.Open;

    public void Return(RoundItem item, string comment, string by, DateTimeOffset at)
    {
        if (State is not (RoundState.Open or RoundState.InReview))
            throw new DomainException($"Items cannot be returned once the round is {Describe(State)}.");
        item.Return(comment);
        if (State == RoundState.InReview) State = RoundState.Open;
        Record(RoundAction.ItemReturned, by, at, $"{item.Label}: {comment}");
    }

    public void RecordReminder(string by, DateTimeOffset at, string to) => Record(RoundAction.ReminderSent, by, at, to);

    public static string Describe(RoundState s) => s switch
    {
        RoundState.Open => "open for updates",
        RoundState.InReview => "in review",
        RoundState.SignedOff => "signed off",
        _ => "published",
    };

    private void Require(RoundState expected, string step)
    {
        if (State != expected)
            throw new DomainException($"The round cannot {step}: it is {Describe(State)}, and this step needs it {Describe(expected)}.");
    }

    private static void RequireReason(string reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException($"{what} needs a reason.");
    }

    private void Record(RoundAction action, string by, DateTimeOffset at, string? note) =>
        Events.Add(new RoundEvent { Action = action, By = by, At = at, Note = note });
}

public class RoundEvent
{
    public string ActionWords => Action switch
    {
        RoundAction.Opened => "Opened",
        RoundAction.MovedToReview => "Moved to review",
        RoundAction.ReopenedForUpdates => "Reopened for updates",
        RoundAction.SignedOff => "Signed off",
        RoundAction.Published => "Published",
        RoundAction.ItemReturned => "Item returned",
        _ => "Reminder sent",
    };

    public int Id { get; set; }
    public int RoundId { get; set; }
    public RoundAction Action { get; set; }
    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
    public string? Note { get; set; }
}

public enum ItemKind { Measure, Milestone, Narrative }

/// <summary>The narrative sections of the quarterly report that an officer writes.</summary>
public enum NarrativeSection { KeyDevelopments, EmergingIssues, RiskControlMeasures, EqualityActions, SupportingCommentary }

public enum ItemState { NotStarted, Draft, Submitted, Returned }

/// <summary>One thing an officer must update in a round: a measure's figure, a milestone's progress, or a narrative section.</summary>
public class RoundItem
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public ItemKind Kind { get; set; }
    public int? IndicatorId { get; set; }
    public int? MilestoneId { get; set; }
    public NarrativeSection? Section { get; set; }
    /// <summary>For supporting commentary: the priority it is about.</summary>
    public int? PriorityId { get; set; }
    public required string Label { get; set; }
    public int? AssigneeId { get; set; }
    public ItemState State { get; private set; } = ItemState.NotStarted;

    public decimal? Value { get; private set; }
    public ValueStatus? ValueStatus { get; private set; }
    /// <summary>Why a figure is not available, or a note printed beside it.</summary>
    public string? Note { get; private set; }
    public MilestoneProgress? Progress { get; private set; }
    public string? Commentary { get; private set; }
    public string? ReturnComment { get; private set; }
    /// <summary>Optimistic concurrency: raised by every save, so a stale form is detected.</summary>
    public int Version { get; set; }
    public string? UpdatedBy { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    public void SaveDraft(ItemUpdate update, string by, DateTimeOffset at) => Apply(update, ItemState.Draft, by, at);

    public void Submit(ItemUpdate update, string by, DateTimeOffset at)
    {
        var problems = update.ProblemsFor(Kind);
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
        Apply(update, ItemState.Submitted, by, at);
    }

    /// <summary>
    /// Loads an item of a round that was reported before Outturn (from a published document): it is taken as
    /// submitted as it stands, without the checks a live submission gets, because the record is what was published.
    /// </summary>
    public void RecordAsReported(ItemUpdate update, string by, DateTimeOffset at) => Apply(update, ItemState.Submitted, by, at);

    internal void Return(string comment)
    {
        if (State != ItemState.Submitted) throw new DomainException($"Only a submitted item can be returned; {Label} is {State.ToString().ToLowerInvariant()}.");
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("Returning an item needs a comment saying what to change.");
        State = ItemState.Returned;
        ReturnComment = comment.Trim();
        Version++;
    }

    private void Apply(ItemUpdate u, ItemState state, string by, DateTimeOffset at)
    {
        Value = u.Value;
        ValueStatus = u.ValueStatus;
        Note = Clean(u.Note);
        Progress = u.Progress;
        Commentary = Clean(u.Commentary);
        State = state;
        UpdatedBy = by;
        UpdatedAt = at;
        Version++;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>What an officer enters for an item.</summary>
public sealed record ItemUpdate(decimal? Value, ValueStatus? ValueStatus, string? Note, MilestoneProgress? Progress, string? Commentary)
{
    /// <summary>What stops the update being submitted, in words for the form.</summary>
    public IReadOnlyList<string> ProblemsFor(ItemKind kind)
    {
        var problems = new List<string>();
        switch (kind)
        {
            case ItemKind.Measure:
                if (ValueStatus is null) problems.Add("Say whether the figure is final, provisional or not yet available.");
                else if (ValueStatus == Status.ValueStatus.Unavailable)
                {
                    if (Value is not null) problems.Add("A figure that is not yet available has no value: clear the value.");
                    if (string.IsNullOrWhiteSpace(Note)) problems.Add("Say why the figure is not yet available, for example \"Available at end of Quarter 3\".");
                }
                else if (Value is null) problems.Add("Enter the value, or mark it not yet available with the reason.");
                break;
            case ItemKind.Milestone:
                if (Progress is null) problems.Add("Choose the milestone's progress.");
                break;
            case ItemKind.Narrative:
                if (string.IsNullOrWhiteSpace(Commentary)) problems.Add("Write the commentary.");
                break;
        }
        return problems;
    }
}
