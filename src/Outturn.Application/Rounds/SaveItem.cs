using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Organisations;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Rounds;

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

/// <summary>
/// Saves a draft of an item or submits it, refusing a stale form (optimistic concurrency), anyone who may not change
/// the item (<see cref="Actor.EditRuleAsync"/>), and figures the checks find impossible, or unusual without a reason.
/// A performance officer's entry is recorded as made on the assignee's behalf. A submitted figure goes into the
/// plan's record at once; the public sees it only when the round is published.
/// </summary>
public sealed class SaveItem(OutturnDbContext db, OrganisationService organisations, TimeProvider clock)
{
    /// <summary><paramref name="LoadedVersion"/> is the item's version when the form (or workbook, or push) was prepared.</summary>
    public sealed record Request(int RoundId, int ItemId, int LoadedVersion, ItemUpdate Update, bool Submit);

    public async Task<SaveResult> HandleAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var (update, submit) = (request.Update, request.Submit);
        // One item and its round's stage, not the whole round.
        var item = await db.Set<RoundItem>().SingleOrDefaultAsync(i => i.Id == request.ItemId && i.RoundId == request.RoundId, ct);
        var round = item is null ? null : await db.Set<MonitoringRound>().SingleAsync(r => r.Id == request.RoundId, ct);
        if (round is null || item is null) return new SaveResult.Forbidden("No such item.");
        if ((await actor.EditRuleAsync(round, organisations, ct))(item) is { } refusal)
            return refusal.Kind == EditRefusalKind.Closed ? new SaveResult.Closed(refusal.Message) : new SaveResult.Forbidden(refusal.Message);
        if (item.Version != request.LoadedVersion) return new SaveResult.Conflict(item, update);

        var problems = new List<FieldProblem>();
        var warnings = new List<EntryWarning>();
        var indicator = item.Kind == ItemKind.Measure ? await db.Indicators.AsNoTracking().SingleAsync(i => i.Id == item.IndicatorId, ct) : null;
        if (indicator is not null)
        {
            // A ratio measure's value is worked out from what was counted, with the measure's multiplier.
            problems.AddRange(EntryChecks.Ratio(update.Numerator, update.Denominator, indicator.Multiplier, out var worked, update.Value));
            if (worked is not null) update = update with { Value = worked };
        }
        if (submit) problems.AddRange(update.FieldProblemsFor(item.Kind).Where(p => problems.All(q => q.Field != p.Field)).ToList());
        if (indicator is not null && update.Value is { } value && problems.All(p => p.Field is not ("numerator" or "denominator")))
        {
            problems.AddRange(EntryChecks.Impossible(value, new MeasureShape(indicator.Unit, indicator.Precision, indicator.Minimum, indicator.Maximum)));
            if (problems.All(p => p.Field != "value") && EntryChecks.Unusual(value, await PastFiguresAsync(indicator, round.Period, ct)) is { } unusual)
            {
                warnings.Add(unusual);
                if (submit && string.IsNullOrWhiteSpace(update.Reason)) problems.Add(new FieldProblem("reason", unusual.Message));
            }
        }
        if (problems.Count > 0) return new SaveResult.Invalid(problems, warnings);

        db.Entry(item).Property(i => i.Version).OriginalValue = request.LoadedVersion;
        var assignee = item.AssigneeId is { } aid ? await db.Officers.Where(o => o.Id == aid).Select(o => o.Name).SingleOrDefaultAsync(ct) : null;
        // Compiled text not yet touched by hand: submitted by the compilation, not written by the performance officer.
        var wasCompiled = item.IsSupportingCommentary && !item.EditedByHand && item.State == ItemState.Submitted && item.Commentary is not null;
        var editor = actor.AsEditor();
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
            var theirs = await db.Set<RoundItem>().AsNoTracking().SingleAsync(i => i.Id == request.ItemId, ct);
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
                await ReportCommentary.WriteAsync(db, round.Period, priorityId, item.Commentary, ct);
                break;
        }
    }
}
