using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Domain.Rounds;

/// <summary>The stages of a quarter's reporting round, in order.</summary>
public enum RoundState { Open, InReview, SignedOff, Published }

public enum RoundAction { Opened, MovedToReview, ReopenedForUpdates, SignedOff, Published, ItemReturned, ReminderSent, SentBack, CommentaryEdited, Revised }

/// <summary>
/// A quarter's reporting round for one plan: officers update their items, the performance team reviews, a director
/// signs off, and publishing freezes the report. The round guards its own stages and says why it refuses a step.
/// </summary>
public class MonitoringRound
{
    public int Id { get; set; }
    public int PlanId { get; private set; }
    public Period Period { get; private set; }
    public DateOnly Deadline { get; private set; }
    /// <summary>The day contributors are asked to start; reminders count towards the deadline from it.</summary>
    public DateOnly? OpensOn { get; private set; }
    public RoundState State { get; private set; } = RoundState.Open;
    public List<RoundItem> Items { get; set; } = [];
    public List<RoundEvent> Events { get; set; } = [];
    /// <summary>The report as published, as JSON; never changed once written.</summary>
    public string? PublishedSnapshot { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    /// <summary>
    /// The corrections made since publication, as JSON (each measure whose figure now differs: as published and as it
    /// now stands), worked out when a correction is recorded rather than each time the report is read; null for a
    /// round not published, or published before corrections were kept this way and not yet worked out.
    /// </summary>
    public string? Revisions { get; private set; }
    /// <summary>How many times the corrections have changed since publication: with the snapshot, it names the version of the report readers see.</summary>
    public int RevisionCount { get; private set; }
    /// <summary>
    /// How many items were still outstanding when the performance officer moved the round to review anyway, naming
    /// the count; those items go to the board with no update, so sign-off does not wait for them.
    /// </summary>
    public int? ConfirmedOutstanding { get; private set; }

    public static MonitoringRound Open(int planId, Period period, DateOnly deadline, string by, DateTimeOffset at, DateOnly? opensOn = null)
    {
        if (period.Kind != PeriodKind.Quarter)
            throw new DomainException($"A reporting round is for a quarter; {period} is not one.");
        if (opensOn is { } opens && opens > deadline)
            throw new DomainException($"The round cannot open on {opens:d MMMM yyyy}, after its deadline of {deadline:d MMMM yyyy}.");
        var round = new MonitoringRound { PlanId = planId, Period = period, Deadline = deadline, OpensOn = opensOn };
        round.Record(RoundAction.Opened, by, at, opensOn is { } o ? $"Opens {o:d MMMM yyyy}; deadline {deadline:d MMMM yyyy}" : $"Deadline {deadline:d MMMM yyyy}");
        return round;
    }

    /// <summary>Past the deadline and still taking updates: what is not in yet is overdue.</summary>
    public bool IsOverdue(DateOnly today) => State == RoundState.Open && today > Deadline;

    /// <summary>Items not yet submitted.</summary>
    public int Outstanding => Items.Count(i => i.State != ItemState.Submitted);

    /// <summary>
    /// Review begins when every item is in, or when the performance officer confirms going ahead without the ones
    /// still out by naming how many there are, so nobody moves a round on by mistake with most of it missing.
    /// </summary>
    public void MoveToReview(string by, DateTimeOffset at, int? confirmOutstanding = null)
    {
        Require(RoundState.Open, "move to review");
        var outstanding = Outstanding;
        if (outstanding > 0 && confirmOutstanding != outstanding)
            throw new DomainException(confirmOutstanding is null
                ? $"{ItemsAre(outstanding)} not submitted. To move to review without {(outstanding == 1 ? "it" : "them")}, confirm the {outstanding} outstanding."
                : $"{ItemsAre(outstanding)} not submitted, not {confirmOutstanding}: confirm the number outstanding as it is now.", DomainRefusal.Conflict);
        ConfirmedOutstanding = outstanding > 0 ? outstanding : null;
        State = RoundState.InReview;
        Record(RoundAction.MovedToReview, by, at, outstanding > 0 ? $"{ItemsAre(outstanding)} not submitted; confirmed" : null);
    }

    private static string ItemsAre(int n) => n == 1 ? "1 item is" : $"{n} items are";

    /// <summary>Why sign-off is not possible now, or null when it is: the page shows the action only then.</summary>
    public string? SignOffRefusal()
    {
        if (State != RoundState.InReview)
            return $"The round cannot sign off: it is {Describe(State)}, and this step needs it {Describe(RoundState.InReview)}.";
        var outstanding = Outstanding;
        if (outstanding > 0 && ConfirmedOutstanding is null)
            return $"The round cannot be signed off: {ItemsAre(outstanding)} not submitted.";
        return null;
    }

    public void ReopenForUpdates(string by, DateTimeOffset at, string reason)
    {
        if (State is not (RoundState.InReview or RoundState.SignedOff))
            throw new DomainException($"Only a round in review or signed off can be reopened for updates; this one is {Describe(State)}.");
        RequireReason(reason, "Reopening a round");
        State = RoundState.Open;
        ConfirmedOutstanding = null;
        Record(RoundAction.ReopenedForUpdates, by, at, reason);
    }

    public void SignOff(string by, DateTimeOffset at, string? comment = null)
    {
        if (SignOffRefusal() is { } refusal) throw new DomainException(refusal, DomainRefusal.Conflict);
        State = RoundState.SignedOff;
        Record(RoundAction.SignedOff, by, at, string.IsNullOrWhiteSpace(comment) ? null : comment.Trim());
    }

    /// <summary>The approver sends the round back to the performance team with a reason, instead of signing it off.</summary>
    public void SendBack(string by, DateTimeOffset at, string reason)
    {
        if (State != RoundState.InReview)
            throw new DomainException($"Only a round in review can be sent back; this one is {Describe(State)}.", DomainRefusal.Conflict);
        // Refused as a conflict: the round stays in review until the approver says why it goes back.
        RequireReason(reason, "Sending a round back", DomainRefusal.Conflict);
        State = RoundState.Open;
        ConfirmedOutstanding = null;
        Record(RoundAction.SentBack, by, at, reason.Trim());
    }

    public void Publish(string snapshot, string by, DateTimeOffset at)
    {
        if (State != RoundState.SignedOff)
            throw new DomainException($"The round cannot be published before it is signed off; it is {Describe(State)}.", DomainRefusal.Conflict);
        PublishedSnapshot = snapshot;
        PublishedAt = at;
        // At publication the report and the record agree: nothing is revised yet.
        Revisions = NoRevisions;
        State = RoundState.Published;
        Record(RoundAction.Published, by, at, null);
    }

    /// <summary>The <see cref="Revisions"/> of a report that nothing has corrected.</summary>
    public const string NoRevisions = "{}";

    /// <summary>
    /// Records the corrections as they now stand (worked out by comparing the published report with the record);
    /// returns false when they are as already recorded. A change counts as a revision, and the round's history says
    /// which measures it names.
    /// </summary>
    public bool RecordRevisions(string revisions, IReadOnlyCollection<string> measures, string by, DateTimeOffset at)
    {
        if (State != RoundState.Published)
            throw new DomainException($"Only a published report has revisions; this round is {Describe(State)}.", DomainRefusal.Conflict);
        if (Revisions == revisions) return false;
        var workedOutFirstTime = Revisions is null;
        Revisions = revisions;
        if (workedOutFirstTime && revisions == NoRevisions) return true;
        RevisionCount++;
        Record(RoundAction.Revised, by, at, measures.Count == 0 ? "No figure now differs from the published report" : "Differs from the published report: " + string.Join(", ", measures));
        return true;
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

    /// <summary>The performance officer changed a priority's compiled supporting commentary by hand before sign-off.</summary>
    public void RecordCommentaryEdit(RoundItem item, string by, DateTimeOffset at) => Record(RoundAction.CommentaryEdited, by, at, item.Label);

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
            throw new DomainException($"The round cannot {step}: it is {Describe(State)}, and this step needs it {Describe(expected)}.", DomainRefusal.Conflict);
    }

    private static void RequireReason(string reason, string what, DomainRefusal kind = DomainRefusal.Invalid)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException($"{what} needs a reason.", kind);
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
        RoundAction.SentBack => "Sent back",
        RoundAction.CommentaryEdited => "Supporting commentary edited",
        RoundAction.Revised => "Revised since publication",
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

public static class ItemStates
{
    /// <summary>An item's state as the round page and e-mails say it.</summary>
    public static string ToWords(this ItemState s) => s switch
    {
        ItemState.NotStarted => "not started",
        ItemState.Draft => "draft saved",
        ItemState.Submitted => "submitted",
        _ => "returned for changes",
    };
}

/// <summary>Who wants to change an item: the officer they are, and whether they run rounds (the performance team).</summary>
public sealed record Editor(string Name, int? OfficerId, bool RunsRounds);

/// <summary>Why someone may not change an item: it is not theirs, it belongs to an organisation they do not work for, or the round is not taking changes.</summary>
public enum EditRefusalKind { NotAssigned, OtherOrganisation, Closed }

public sealed record EditRefusal(EditRefusalKind Kind, string Message);

/// <summary>One thing an officer must update in a round: a measure's figure, a milestone's progress, or a narrative section.</summary>
public class RoundItem
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public ItemKind Kind { get; init; }
    public int? IndicatorId { get; init; }
    public int? MilestoneId { get; init; }
    public NarrativeSection? Section { get; init; }
    /// <summary>For supporting commentary: the priority it is about.</summary>
    public int? PriorityId { get; init; }
    public required string Label { get; init; }
    public int? AssigneeId { get; private set; }
    public ItemState State { get; private set; } = ItemState.NotStarted;

    public decimal? Value { get; private set; }
    /// <summary>For a ratio measure: the count the value is worked out from, and what it is a share or rate of.</summary>
    public decimal? Numerator { get; private set; }
    public decimal? Denominator { get; private set; }
    public ValueStatus? ValueStatus { get; private set; }
    /// <summary>The public note: why a figure is not available, or a note printed beside it.</summary>
    public string? Note { get; private set; }
    /// <summary>The internal note: for the performance team and colleagues only (where the figure came from); never published.</summary>
    public string? InternalNote { get; private set; }
    /// <summary>A milestone's progress, or for a measure the officer's judgement replacing the computed status.</summary>
    public MilestoneProgress? Progress { get; private set; }
    public string? Commentary { get; private set; }
    /// <summary>
    /// The commentary began as the paragraph Outturn drafted from the figures. Such text goes into the report only once
    /// an officer has read and approved it; who approved it is kept.
    /// </summary>
    public bool CommentaryFromDraft { get; private set; }
    public string? CommentaryApprovedBy { get; private set; }
    public int? CommentaryApprovedByOfficerId { get; private set; }
    /// <summary>The officer's reason: for a judgement, or explaining a figure that the checks found unusual.</summary>
    public string? Reason { get; private set; }
    /// <summary>What the checks found unusual about the figure when it was accepted with a reason; shown to the reviewer.</summary>
    public string? UnusualChange { get; private set; }
    /// <summary>The assignee's name when a performance officer entered the item for them.</summary>
    public string? OnBehalfOf { get; private set; }
    /// <summary>For supporting commentary: the performance officer has written or changed the text, so it is no longer compiled.</summary>
    public bool EditedByHand { get; private set; }
    public string? ReturnComment { get; private set; }
    /// <summary>
    /// Where the figure in the draft came from when it was filled from the statutory returns ("Filled from the 2015/16
    /// CIN census, definition v1"); kept while the figure stays as filled, so the reviewer knows its source.
    /// </summary>
    public string? FilledFrom { get; private set; }
    /// <summary>Optimistic concurrency: raised by every save, so a stale form is detected.</summary>
    public int Version { get; private set; }
    public string? UpdatedBy { get; private set; }
    public DateTimeOffset? UpdatedAt { get; private set; }

    public RoundItem() { }

    public RoundItem(int? assigneeId) => AssigneeId = assigneeId;

    /// <summary>A priority's supporting commentary is compiled from its measures and milestones by the performance team.</summary>
    public bool IsSupportingCommentary => Kind == ItemKind.Narrative && Section == NarrativeSection.SupportingCommentary;

    /// <summary>
    /// The one rule for who may change an item and when: its assignee, or anyone who runs rounds (recorded as on the
    /// assignee's behalf), while the round is open for updates; the performance team may also edit a priority's
    /// compiled supporting commentary while the round is in review.
    /// </summary>
    public EditRefusal? RefusalFor(Editor editor, RoundState roundState)
    {
        if (!editor.RunsRounds && (AssigneeId is null || AssigneeId != editor.OfficerId))
            return new EditRefusal(EditRefusalKind.NotAssigned, $"{Label} is assigned to someone else.");
        var open = roundState == RoundState.Open || (roundState == RoundState.InReview && IsSupportingCommentary && editor.RunsRounds);
        return open ? null : new EditRefusal(EditRefusalKind.Closed, $"The round is {MonitoringRound.Describe(roundState)}: updates are closed.");
    }

    public void EnsureEditableBy(Editor editor, RoundState roundState)
    {
        if (RefusalFor(editor, roundState) is { } refusal) throw new DomainException(refusal.Message, DomainRefusal.Conflict);
    }

    public void Reassign(int? officerId)
    {
        if (officerId == AssigneeId) return;
        AssigneeId = officerId;
        Version++;
    }

    public void SaveDraft(ItemUpdate update, string by, DateTimeOffset at) => Apply(update, ItemState.Draft, by, at);

    public void Submit(ItemUpdate update, string by, DateTimeOffset at)
    {
        var problems = update.ProblemsFor(Kind);
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems));
        Apply(update, ItemState.Submitted, by, at);
    }

    /// <summary>Saves what an editor entered, recording a performance officer's entry as made on the assignee's behalf.</summary>
    public void Save(ItemUpdate update, bool submit, Editor editor, string? assigneeName, DateTimeOffset at)
    {
        if (submit) Submit(update, editor.Name, at); else SaveDraft(update, editor.Name, at);
        CommentaryFromDraft = update.CommentaryFromDraft && Commentary is not null;
        var approved = CommentaryFromDraft && update.CommentaryApproved;
        CommentaryApprovedBy = approved ? editor.Name : null;
        CommentaryApprovedByOfficerId = approved ? editor.OfficerId : null;
        OnBehalfOf = editor.RunsRounds && AssigneeId is not null && AssigneeId != editor.OfficerId ? assigneeName : null;
        if (IsSupportingCommentary && editor.RunsRounds) EditedByHand = true;
    }

    /// <summary>Keeps what the checks found unusual, accepted because the officer explained it.</summary>
    public void AcceptUnusual(string? warning) => UnusualChange = warning;

    /// <summary>
    /// Writes a priority's supporting commentary as compiled from its measures and milestones. Text the performance
    /// officer wrote or changed is kept instead.
    /// </summary>
    public bool Compile(string text, string by, DateTimeOffset at)
    {
        if (!IsSupportingCommentary) throw new DomainException($"{Label} is not a priority's supporting commentary.");
        if (EditedByHand || (State == ItemState.Submitted && Commentary == text)) return false;
        Apply(new ItemUpdate(null, null, null, null, text), ItemState.Submitted, by, at);
        return true;
    }

    /// <summary>
    /// Loads an item of a round that was reported before Outturn (from a published document): it is taken as
    /// submitted as it stands, without the checks a live submission gets, because the record is what was published.
    /// </summary>
    public void RecordAsReported(ItemUpdate update, string by, DateTimeOffset at)
    {
        Apply(update, ItemState.Submitted, by, at);
        if (IsSupportingCommentary) EditedByHand = true;
    }

    /// <summary>
    /// Puts a figure computed from the statutory returns into the item as a draft, saying where it came from. The
    /// officer checks it and submits it like any other; a submitted item is not overwritten.
    /// </summary>
    public void FillFromReturns(decimal? value, decimal? numerator, decimal? denominator, string? note, string source, string by, DateTimeOffset at)
    {
        if (Kind != ItemKind.Measure) throw new DomainException($"{Label} is not a measure: only a measure's figure is filled from the returns.");
        if (State == ItemState.Submitted) throw new DomainException($"{Label} is already submitted; return it to its officer before filling it again.", DomainRefusal.Conflict);
        Apply(new ItemUpdate(value, value is null ? Status.ValueStatus.Unavailable : Status.ValueStatus.Provisional, note ?? Note, Progress, Commentary, Reason, numerator, denominator), ItemState.Draft, by, at);
        FilledFrom = source;
    }

    internal void Return(string comment)
    {
        if (State != ItemState.Submitted) throw new DomainException($"Only a submitted item can be returned; {Label} is {State.ToWords()}.");
        if (string.IsNullOrWhiteSpace(comment)) throw new DomainException("Returning an item needs a comment saying what to change.");
        State = ItemState.Returned;
        ReturnComment = comment.Trim();
        Version++;
    }

    private void Apply(ItemUpdate u, ItemState state, string by, DateTimeOffset at)
    {
        // A figure changed from what the returns gave is the officer's own, no longer "filled from" them.
        if (u.Value != Value || u.Numerator != Numerator || u.Denominator != Denominator) FilledFrom = null;
        Value = u.Value;
        Numerator = u.Numerator;
        Denominator = u.Denominator;
        ValueStatus = u.ValueStatus;
        Note = Clean(u.Note);
        InternalNote = Clean(u.InternalNote);
        Progress = u.Progress;
        Commentary = Clean(u.Commentary);
        Reason = Clean(u.Reason);
        UnusualChange = null;
        CommentaryFromDraft = false;
        CommentaryApprovedBy = null;
        CommentaryApprovedByOfficerId = null;
        State = state;
        UpdatedBy = by;
        UpdatedAt = at;
        Version++;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// What an officer enters for an item. <paramref name="Note"/> is published with the figure;
/// <paramref name="InternalNote"/> is kept for staff and never published.
/// </summary>
public sealed record ItemUpdate(decimal? Value, ValueStatus? ValueStatus, string? Note, MilestoneProgress? Progress, string? Commentary, string? Reason = null,
    decimal? Numerator = null, decimal? Denominator = null, bool CommentaryFromDraft = false, bool CommentaryApproved = false, string? InternalNote = null)
{
    /// <summary>The field a drafted commentary's approval is given in, as the API and the form name it.</summary>
    public const string ApprovalField = "commentary_approved";

    /// <summary>What stops the update being submitted, in words for the form.</summary>
    public IReadOnlyList<string> ProblemsFor(ItemKind kind) => FieldProblemsFor(kind).Select(p => p.Message).ToList();

    /// <summary>What stops the update being submitted, each with the field it is about.</summary>
    public IReadOnlyList<FieldProblem> FieldProblemsFor(ItemKind kind)
    {
        var problems = new List<FieldProblem>();
        switch (kind)
        {
            case ItemKind.Measure:
                if (ValueStatus is null) problems.Add(new("status", "Say whether the figure is final, provisional or not yet available."));
                else if (ValueStatus == Status.ValueStatus.Unavailable)
                {
                    if (Value is not null) problems.Add(new("value", "A figure that is not yet available has no value: clear the value."));
                    if (string.IsNullOrWhiteSpace(Note)) problems.Add(new("note", "Say why the figure is not yet available, for example \"Available at end of Quarter 3\"."));
                }
                else if (Value is null) problems.Add(new("value", "Enter the value, or mark it not yet available with the reason."));
                if (Progress == MilestoneProgress.Complete) problems.Add(new("progress", "A measure's judgement is green, amber or red; complete is for milestones."));
                else if (Progress is not null && string.IsNullOrWhiteSpace(Reason)) problems.Add(new("reason", "Give the reason for your judgement of the measure's progress."));
                break;
            case ItemKind.Milestone:
                if (Progress is null) problems.Add(new("progress", "Choose the milestone's progress."));
                break;
            case ItemKind.Narrative:
                if (string.IsNullOrWhiteSpace(Commentary)) problems.Add(new("commentary", "Write the commentary."));
                break;
        }
        // Nothing drafted by Outturn reaches the report unless an officer has read it and said so.
        if (CommentaryFromDraft && !CommentaryApproved && !string.IsNullOrWhiteSpace(Commentary))
            problems.Add(new(ApprovalField, "The commentary began as the draft written from the figures: read it, change what needs changing, and confirm you approve it."));
        return problems;
    }
}

/// <summary>A problem with one field of what was entered: the field's name as the API spells it, and the message.</summary>
public sealed record FieldProblem(string Field, string Message);
