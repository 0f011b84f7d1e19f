using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Application.Notifications;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Rounds;

/// <summary>
/// Who is acting: their name for the record, the officer they are, and whether they run rounds; and, when they act
/// through the web or the API, who they are as the visibility rules see them (their organisation).
/// </summary>
public sealed record Actor(string Name, int? OfficerId, bool RunsRounds, Accounts.Viewer? Viewer = null)
{
    public Editor AsEditor() => new(Name, OfficerId, RunsRounds);
}

public abstract record SaveResult
{
    /// <summary>Saved; <paramref name="Warnings"/> are what the checks found unusual (accepted with the reason given, or kept on a draft).</summary>
    public sealed record Saved(RoundItem Item, IReadOnlyList<EntryWarning> Warnings) : SaveResult;
    /// <summary>Someone else saved the item since the form was loaded; both versions go to the conflict page.</summary>
    public sealed record Conflict(RoundItem Theirs, ItemUpdate Mine) : SaveResult;
    /// <summary>Refused: each problem names its field; an unusual figure without a reason is among them, with its warning.</summary>
    public sealed record Invalid(IReadOnlyList<FieldProblem> Fields, IReadOnlyList<EntryWarning> Warnings) : SaveResult
    {
        public IReadOnlyList<string> Problems => Fields.Select(f => f.Message).ToList();
    }
    /// <summary>The item is not the actor's to change.</summary>
    public sealed record Forbidden(string Reason) : SaveResult;
    /// <summary>The round is not taking changes to the item at its stage.</summary>
    public sealed record Closed(string Reason) : SaveResult;
}

/// <summary>An item with what its officer needs beside it: last period's figure and commentary, and the status the rules give.</summary>
public sealed record ItemView(RoundItem Item, string Title, string? Ref, Indicator? Indicator, string? LastPeriodText, string? LastCommentary, string? AssigneeName, string? Organisation);

public sealed record CompletenessRow(string Officer, string? Organisation, int NotStarted, int Draft, int Submitted, int Returned);

public static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

/// <summary>The reporting round's use cases: open, assign, update, return, remind, review, sign off, publish, revise.</summary>
public sealed class RoundService(OutturnDbContext db, MonitoringQuery monitoring, TimeProvider clock, ReportRegisterQuery registers, Documents.ReportCharts charts)
{
    public Task<MonitoringRound?> FindAsync(int roundId, CancellationToken ct = default) =>
        db.Set<MonitoringRound>().Include(r => r.Items).Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == roundId, ct);

    public async Task<MonitoringRound?> FindByItemAsync(int itemId, CancellationToken ct = default)
    {
        var roundId = await db.Set<RoundItem>().Where(i => i.Id == itemId).Select(i => (int?)i.RoundId).SingleOrDefaultAsync(ct);
        return roundId is null ? null : await FindAsync(roundId.Value, ct);
    }

    public async Task<MonitoringRound?> FindAsync(string planRef, Period period, CancellationToken ct = default)
    {
        var planId = await db.Plans.Where(p => p.Ref == planRef).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
        if (planId is null) return null;
        return await db.Set<MonitoringRound>().Include(r => r.Items).Include(r => r.Events)
            .SingleOrDefaultAsync(r => r.PlanId == planId && r.Period == period, ct);
    }

    public async Task<List<(MonitoringRound Round, Plan Plan)>> ListAsync(CancellationToken ct = default)
    {
        var rounds = await db.Set<MonitoringRound>().AsNoTracking().Include(r => r.Items).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        return rounds.OrderByDescending(r => r.Period).ThenBy(r => plans[r.PlanId].Ref).Select(r => (r, plans[r.PlanId])).ToList();
    }

    /// <summary>Opens a round with every measure, this year's milestones and the narrative sections assigned to their officers.</summary>
    public async Task<MonitoringRound> OpenAsync(string planRef, Period period, DateOnly deadline, Actor actor, CancellationToken ct = default, DateOnly? opensOn = null)
    {
        var plan = await monitoring.LoadPlanAsync(planRef, ct) ?? throw new DomainException($"No plan has the reference \"{planRef}\".");
        if (!plan.Covers(period)) throw new DomainException($"{plan.Ref} covers {plan.Span}; it has no {period.ToDisplayString()}.");
        if (await db.Set<MonitoringRound>().AnyAsync(r => r.PlanId == plan.Id && r.Period == period, ct))
            throw new DomainException($"A round for {plan.Ref} {period.ToDisplayString()} already exists; it cannot be opened twice.", DomainRefusal.Conflict);

        var round = MonitoringRound.Open(plan.Id, period, deadline, actor.Name, clock.GetUtcNow(), opensOn);
        // Each item goes to the officer responsible for it; failing that, to the lead officer of its priority (the
        // officer of the priority's first objective), and failing that to the plan's lead officer.
        var lead = plan.Objectives.OrderBy(o => o.Order).Select(o => o.OfficerId).FirstOrDefault(id => id is not null);
        int? LeadOf(int priorityId) => plan.Objectives.Where(o => o.PriorityId == priorityId).OrderBy(o => o.Order).Select(o => o.OfficerId).FirstOrDefault(id => id is not null) ?? lead;
        // Retired items keep their earlier rounds' items but join no new round.
        foreach (var i in plan.Indicators.Where(i => !i.IsRetired).OrderBy(i => i.Order))
            round.Items.Add(new RoundItem(i.OfficerId ?? i.Objective?.OfficerId ?? LeadOf(i.PriorityId)) { Kind = ItemKind.Measure, IndicatorId = i.Id, Label = $"{i.Ref}: {i.Title}" });
        var year = period.ContainingFinancialYear().Year;
        foreach (var m in plan.Milestones.Where(m => m.Year == year && !m.IsRetired).OrderBy(m => m.Order))
            round.Items.Add(new RoundItem(m.OfficerId ?? LeadOf(m.PriorityId)) { Kind = ItemKind.Milestone, MilestoneId = m.Id, Label = $"{m.Ref}: {m.Text}" });
        foreach (var section in new[] { NarrativeSection.KeyDevelopments, NarrativeSection.EmergingIssues, NarrativeSection.RiskControlMeasures, NarrativeSection.EqualityActions })
            round.Items.Add(new RoundItem(lead) { Kind = ItemKind.Narrative, Section = section, Label = SectionTitle(section) });
        // A priority's supporting commentary is compiled by the performance team from its measures and milestones, so
        // it is assigned to no contributor.
        foreach (var p in plan.Priorities.Where(p => !p.IsRetired).OrderBy(p => p.Order))
            round.Items.Add(new RoundItem(null) { Kind = ItemKind.Narrative, Section = NarrativeSection.SupportingCommentary, PriorityId = p.Id, Label = $"Supporting commentary: {p.Name}" });
        db.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    public static string SectionTitle(NarrativeSection s) => s switch
    {
        NarrativeSection.KeyDevelopments => "Key developments",
        NarrativeSection.EmergingIssues => "Emerging issues",
        NarrativeSection.RiskControlMeasures => "Risk control measures",
        NarrativeSection.EqualityActions => "Progress against high priority equality actions",
        _ => "Supporting commentary",
    };

    /// <summary>The items of a round as their officers see them, optionally only one officer's.</summary>
    public Task<IReadOnlyList<ItemView>> ItemsAsync(MonitoringRound round, int? officerId, CancellationToken ct = default) =>
        ViewsAsync(round, round.Items.Where(i => officerId is null || i.AssigneeId == officerId), ct);

    /// <summary>One item as its officer sees it, with its round (loaded without the round's other items); null when there is no such item.</summary>
    public async Task<(MonitoringRound Round, ItemView View)?> ItemAsync(int itemId, CancellationToken ct = default)
    {
        var item = await db.Set<RoundItem>().AsNoTracking().SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (item is null) return null;
        // The round alone: the item's owner is worked out from the item itself (RoundOwners.Of), not from the round's items.
        var round = await db.Set<MonitoringRound>().AsNoTracking().SingleAsync(r => r.Id == item.RoundId, ct);
        return (round, (await ViewsAsync(round, [item], ct)).Single());
    }

    private async Task<IReadOnlyList<ItemView>> ViewsAsync(MonitoringRound round, IEnumerable<RoundItem> items, CancellationToken ct)
    {
        var plan = (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, ct)).Ref;
        var full = (await monitoring.LoadPlanAsync(plan, ct))!;
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var last = round.Period with { Number = round.Period.Number == 1 ? 4 : round.Period.Number - 1, Year = round.Period.Number == 1 ? round.Period.Year - 1 : round.Period.Year };
        var lastCommentary = await db.Commentaries.AsNoTracking().Where(c => c.Period == last).ToListAsync(ct);
        var lastRound = await db.Set<MonitoringRound>().AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.PlanId == round.PlanId && r.Period == last, ct);

        return items.OrderBy(i => i.Kind).ThenBy(i => i.Id).Select(item =>
        {
            var officer = item.AssigneeId is { } id && officers.TryGetValue(id, out var o) ? o : null;
            var previous = lastRound?.Items.FirstOrDefault(p => p.Kind == item.Kind && p.IndicatorId == item.IndicatorId && p.MilestoneId == item.MilestoneId && p.Section == item.Section && p.PriorityId == item.PriorityId);
            switch (item.Kind)
            {
                case ItemKind.Measure:
                    var indicator = full.Indicators.Single(x => x.Id == item.IndicatorId);
                    var lastValue = indicator.Values.FirstOrDefault(v => v.Period == last);
                    var lastText = lastValue is null ? "Nothing recorded" : MeasureAssessment.For(indicator, last).CurrentText;
                    return new ItemView(item, indicator.Title, indicator.Ref, indicator, $"{last.ToDisplayString()}: {lastText}", previous?.Commentary, officer?.Name, officer?.Organisation);
                case ItemKind.Milestone:
                    var milestone = full.Milestones.Single(x => x.Id == item.MilestoneId);
                    var update = milestone.Updates.FirstOrDefault(u => u.Period == last);
                    return new ItemView(item, milestone.Text, milestone.Ref, null, $"{last.ToDisplayString()}: {update?.Progress?.ToWord() ?? "no update"}", update?.Commentary ?? previous?.Commentary, officer?.Name, officer?.Organisation);
                default:
                    var earlier = item.PriorityId is { } pid ? string.Join("\n\n", lastCommentary.Where(c => c.PriorityId == pid).OrderBy(c => c.Order).Select(c => c.Text)) : null;
                    return new ItemView(item, item.Label, null, null, null, string.IsNullOrEmpty(earlier) ? previous?.Commentary : earlier, officer?.Name, officer?.Organisation);
            }
        }).ToList();
    }

    /// <summary>
    /// Saves a draft or submits, refusing a stale form (optimistic concurrency), anyone the item is not assigned to,
    /// and figures the checks find impossible, or unusual without a reason. A performance officer's entry is recorded
    /// as made on the assignee's behalf.
    /// </summary>
    public async Task<SaveResult> SaveAsync(int roundId, int itemId, int loadedVersion, ItemUpdate update, bool submit, Actor actor, CancellationToken ct = default)
    {
        // One item and its round's stage, not the whole round.
        var item = await db.Set<RoundItem>().SingleOrDefaultAsync(i => i.Id == itemId && i.RoundId == roundId, ct);
        var round = item is null ? null : await db.Set<MonitoringRound>().SingleAsync(r => r.Id == roundId, ct);
        if (round is null || item is null) return new SaveResult.Forbidden("No such item.");
        // Organisation scoping (Viewer.MayWorkOn): a contributor changes only their own organisation's items.
        if (actor.Viewer is { Organisations: not null } viewer && !viewer.MayWorkOn((await new Organisations.OrganisationService(db).OwnersAsync(round, ct)).Of(item)))
            return new SaveResult.Forbidden($"{item.Label} belongs to another organisation.");
        var editor = actor.AsEditor();
        if (item.RefusalFor(editor, round.State) is { } refusal)
            return refusal.Kind == EditRefusalKind.NotAssigned ? new SaveResult.Forbidden(refusal.Message) : new SaveResult.Closed(refusal.Message);
        if (item.Version != loadedVersion) return new SaveResult.Conflict(item, update);

        var problems = new List<FieldProblem>();
        var warnings = new List<EntryWarning>();
        if (item.Kind == ItemKind.Measure)
        {
            var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == item.IndicatorId, ct);
            // A ratio measure's value is worked out from what was counted, with the measure's multiplier.
            problems.AddRange(EntryChecks.Ratio(update.Numerator, update.Denominator, indicator.Multiplier, out var worked, update.Value));
            if (worked is not null) update = update with { Value = worked };
        }
        if (submit) problems.AddRange(update.FieldProblemsFor(item.Kind).Where(p => problems.All(q => q.Field != p.Field)).ToList());
        if (item.Kind == ItemKind.Measure && update.Value is { } value && problems.All(p => p.Field is not ("numerator" or "denominator")))
        {
            var indicator = await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == item.IndicatorId, ct);
            problems.AddRange(EntryChecks.Impossible(value, new MeasureShape(indicator.Unit, indicator.Precision, indicator.Minimum, indicator.Maximum)));
            if (problems.All(p => p.Field != "value") && EntryChecks.Unusual(value, await PastFiguresAsync(indicator, round.Period, ct)) is { } unusual)
            {
                warnings.Add(unusual);
                if (submit && string.IsNullOrWhiteSpace(update.Reason)) problems.Add(new FieldProblem("reason", unusual.Message));
            }
        }
        if (problems.Count > 0) return new SaveResult.Invalid(problems, warnings);

        db.Entry(item).Property(i => i.Version).OriginalValue = loadedVersion;
        var assignee = item.AssigneeId is { } aid ? await db.Officers.Where(o => o.Id == aid).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        // Compiled text not yet touched by hand: submitted by the compilation, not written by the performance officer.
        var wasCompiled = item.IsSupportingCommentary && !item.EditedByHand && item.State == ItemState.Submitted && item.Commentary is not null;
        item.Save(update, submit, editor, assignee, clock.GetUtcNow());
        // The performance officer's hand edit of a compiled commentary is a step of the round, not only a change of text.
        if (item.IsSupportingCommentary && editor.RunsRounds && (wasCompiled || round.State == RoundState.InReview))
            round.RecordCommentaryEdit(item, actor.Name, clock.GetUtcNow());
        if (submit)
        {
            item.AcceptUnusual(warnings.FirstOrDefault()?.Message);
            await WriteThroughAsync(round, item, ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another save landed between our read and our write.
            db.ChangeTracker.Clear();
            var theirs = await db.Set<RoundItem>().AsNoTracking().SingleAsync(i => i.Id == itemId, ct);
            return new SaveResult.Conflict(theirs, update);
        }
        if (submit && item.Kind == ItemKind.Measure && item.FilledFrom is not null)
        {
            var recorded = await db.IndicatorValues.SingleAsync(v => v.IndicatorId == item.IndicatorId && v.Period == round.Period, ct);
            await Returns.ReturnsFill.AttachAsync(db, item, recorded, ct);
            await db.SaveChangesAsync(ct);
        }
        return new SaveResult.Saved(item, warnings);
    }

    /// <summary>
    /// The measure's figures before this period, oldest first, for judging whether a change is unusual: the periods
    /// of the same kind before it; for a cumulative measure the same quarter of earlier years, since a year-to-date
    /// figure falls back at the start of each year.
    /// </summary>
    private async Task<IReadOnlyList<decimal>> PastFiguresAsync(Indicator indicator, Period period, CancellationToken ct)
    {
        var values = await db.IndicatorValues.AsNoTracking().Where(v => v.IndicatorId == indicator.Id && v.Value != null).ToListAsync(ct);
        return values
            .Where(v => v.Period.Kind == period.Kind && v.Period.CompareTo(period) < 0
                        && (indicator.ValueType != Domain.Status.ValueType.Cumulative || v.Period.Number == period.Number))
            .OrderBy(v => v.Period).Select(v => v.Value!.Value).ToList();
    }

    /// <summary>A submitted figure goes into the plan's record at once; the public sees it only when the round is published.</summary>
    private async Task WriteThroughAsync(MonitoringRound round, RoundItem item, CancellationToken ct)
    {
        switch (item.Kind)
        {
            case ItemKind.Measure:
                var value = await db.IndicatorValues.SingleOrDefaultAsync(v => v.IndicatorId == item.IndicatorId && v.Period == round.Period, ct);
                if (value is null) db.IndicatorValues.Add(value = new IndicatorValue { IndicatorId = item.IndicatorId!.Value, Period = round.Period });
                value.Value = item.Value;
                value.Numerator = item.Numerator;
                value.Denominator = item.Denominator;
                value.Status = item.ValueStatus!.Value;
                value.Note = item.Note;
                value.InternalNote = item.InternalNote;
                await Plans.FormulaRecompute.AfterChangeAsync(db, item.IndicatorId!.Value, ct);
                // The officer's judgement replaces the computed progress in the report, with its reason; the
                // computed status is kept beside it.
                var judgement = await db.Set<StatusOverride>().SingleOrDefaultAsync(o => o.IndicatorId == item.IndicatorId && o.Period == round.Period && o.Kind == OverrideKind.Progress, ct);
                if (item.Progress is { } progress)
                {
                    if (judgement is null) db.Add(judgement = new StatusOverride { IndicatorId = item.IndicatorId!.Value, Period = round.Period, Kind = OverrideKind.Progress, Status = "", Reason = "" });
                    judgement.Status = progress.ToWord();
                    judgement.Reason = item.Reason ?? "";
                    judgement.By = item.UpdatedBy;
                    judgement.At = item.UpdatedAt ?? clock.GetUtcNow();
                }
                else if (judgement is not null && judgement.By is not null && judgement.By == item.UpdatedBy)
                {
                    // A judgement this officer made earlier in the round and has now withdrawn.
                    judgement.Status = "";
                }
                break;
            case ItemKind.Milestone:
                var update = await db.MilestoneUpdates.SingleOrDefaultAsync(u => u.MilestoneId == item.MilestoneId && u.Period == round.Period, ct);
                if (update is null) db.MilestoneUpdates.Add(update = new MilestoneUpdate { MilestoneId = item.MilestoneId!.Value, Period = round.Period });
                update.Progress = item.Progress;
                update.Commentary = item.Commentary;
                break;
            case ItemKind.Narrative when item.Section == NarrativeSection.SupportingCommentary && item.PriorityId is { } priorityId:
                await WriteCommentaryAsync(round.Period, priorityId, item.Commentary, ct);
                break;
        }
    }

    /// <summary>
    /// The report's commentary for a priority becomes the text as it now stands. Paragraphs are updated in place
    /// (each change audited); a paragraph no longer in the text is emptied rather than removed, and not printed.
    /// </summary>
    private async Task WriteCommentaryAsync(Period period, int priorityId, string? text, CancellationToken ct)
    {
        var existing = await db.Commentaries.Where(c => c.PriorityId == priorityId && c.Period == period).OrderBy(c => c.Order).ToListAsync(ct);
        var paragraphs = SupportingCommentary.Paragraphs(text);
        for (var n = 0; n < Math.Max(paragraphs.Count, existing.Count); n++)
        {
            var paragraph = n < paragraphs.Count ? paragraphs[n] : "";
            if (n < existing.Count) { if (existing[n].Text != paragraph) existing[n].Text = paragraph; }
            else db.Commentaries.Add(new Commentary { PriorityId = priorityId, Period = period, Order = n + 1, Text = paragraph });
        }
    }

    /// <summary>
    /// Compiles each priority's supporting commentary from the commentary submitted against its measures and
    /// milestones, in the order the report lists them (key measures, milestones, then the other measures), each
    /// paragraph with its officer's initials. Text the performance officer has written or changed is kept.
    /// </summary>
    private async Task CompileCommentaryAsync(MonitoringRound round, Actor actor, CancellationToken ct)
    {
        var planRef = await db.Plans.Where(p => p.Id == round.PlanId).Select(p => p.Ref).SingleAsync(ct);
        var plan = (await monitoring.LoadPlanAsync(planRef, ct))!;
        var initials = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Initials, ct);
        // A paragraph drafted from the figures carries the initials of the officer who approved it.
        string? InitialsOf(RoundItem i) => (i.CommentaryApprovedByOfficerId ?? i.AssigneeId) is { } id ? initials.GetValueOrDefault(id) : null;
        var submitted = round.Items.Where(i => i.State == ItemState.Submitted && !string.IsNullOrWhiteSpace(i.Commentary)).ToList();
        var now = clock.GetUtcNow();
        foreach (var section in round.Items.Where(i => i.IsSupportingCommentary && i.PriorityId is not null))
        {
            var measures = plan.Indicators.Where(i => i.PriorityId == section.PriorityId).OrderBy(i => i.IsKey ? 0 : 1).ThenBy(i => i.Order).ToList();
            var pieces = measures.Where(m => m.IsKey)
                .Select(m => submitted.FirstOrDefault(i => i.IndicatorId == m.Id))
                .Concat(plan.Milestones.Where(m => m.PriorityId == section.PriorityId).OrderBy(m => m.Order).Select(m => submitted.FirstOrDefault(i => i.MilestoneId == m.Id)))
                .Concat(measures.Where(m => !m.IsKey).Select(m => submitted.FirstOrDefault(i => i.IndicatorId == m.Id)))
                .OfType<RoundItem>()
                .Select(i => new CommentaryPiece(i.Commentary, InitialsOf(i)));
            var text = SupportingCommentary.Compile(pieces);
            if (text.Length == 0 || !section.Compile(text, actor.Name, now)) continue;
            await WriteCommentaryAsync(round.Period, section.PriorityId!.Value, section.Commentary, ct);
        }
    }

    public async Task AssignAsync(int roundId, int itemId, int officerId, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct) ?? throw new DomainException("No such round.");
        var item = round.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("No such item.");
        if (!await db.Officers.AnyAsync(o => o.Id == officerId, ct)) throw new DomainException("No such officer.");
        item.Reassign(officerId);
        await db.SaveChangesAsync(ct);
    }

    public enum Step { MoveToReview, SignOff, Publish, Reopen, SendBack }

    public async Task StepAsync(int roundId, Step step, Actor actor, string? reason = null, CancellationToken ct = default, DateTimeOffset? at = null, int? confirmOutstanding = null)
    {
        var round = await FindAsync(roundId, ct) ?? throw new DomainException("No such round.");
        var now = at ?? clock.GetUtcNow();
        switch (step)
        {
            case Step.MoveToReview:
                if (round.State == RoundState.Open) await CompileCommentaryAsync(round, actor, ct);
                try
                {
                    round.MoveToReview(actor.Name, now, confirmOutstanding);
                }
                catch (DomainException) when (round.State == RoundState.Open)
                {
                    // The compiled commentary is kept though the move is refused: the count of items outstanding the
                    // performance officer is then asked to confirm is the count after compiling, which the next
                    // attempt will find again. Discarding it would ask for a number the move can never match.
                    await db.SaveChangesAsync(ct);
                    throw;
                }
                break;
            case Step.SignOff: round.SignOff(actor.Name, now, reason); break;
            case Step.SendBack: round.SendBack(actor.Name, now, reason ?? ""); break;
            case Step.Reopen: round.ReopenForUpdates(actor.Name, now, reason ?? ""); break;
            case Step.Publish:
                var report = await LiveReportAsync(round, ct);
                // Sections 4.0, 5.0 and 7.0 and the key measures' trend charts are frozen with the performance
                // overview, so the published report never changes.
                report = report with { Registers = await registers.ForAsync(report.Plan, round.Period, ct), Charts = await charts.FiguresAsync(report, ct) };
                round.Publish(JsonSerializer.Serialize(report, SnapshotJson.Options), actor.Name, now);
                break;
        }
        await db.SaveChangesAsync(ct);
    }

    public async Task<MonitoringReport> LiveReportAsync(MonitoringRound round, CancellationToken ct = default)
    {
        var planRef = await db.Plans.Where(p => p.Id == round.PlanId).Select(p => p.Ref).SingleAsync(ct);
        var view = await monitoring.ForPeriodAsync(planRef, round.Period, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return MonitoringReport.From(view!);
    }

    public static MonitoringReport? Published(MonitoringRound round) =>
        round.PublishedSnapshot is null ? null : JsonSerializer.Deserialize<MonitoringReport>(round.PublishedSnapshot, SnapshotJson.Options);

    public async Task<IReadOnlyList<CompletenessRow>> CompletenessAsync(MonitoringRound round, CancellationToken ct = default)
    {
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        return round.Items.GroupBy(i => i.AssigneeId).Select(g =>
        {
            var o = g.Key is { } id && officers.TryGetValue(id, out var officer) ? officer : null;
            return new CompletenessRow(o?.Name ?? "Not assigned", o?.Organisation,
                g.Count(i => i.State == ItemState.NotStarted), g.Count(i => i.State == ItemState.Draft),
                g.Count(i => i.State == ItemState.Submitted), g.Count(i => i.State == ItemState.Returned));
        }).OrderBy(r => r.Organisation).ThenBy(r => r.Officer).ToList();
    }

}
