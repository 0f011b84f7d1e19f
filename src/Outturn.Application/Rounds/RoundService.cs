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

/// <summary>Who is acting: their name for the record, the officer they are, and whether they run rounds.</summary>
public sealed record Actor(string Name, int? OfficerId, bool RunsRounds);

public abstract record SaveResult
{
    public sealed record Saved(RoundItem Item) : SaveResult;
    /// <summary>Someone else saved the item since the form was loaded; both versions go to the conflict page.</summary>
    public sealed record Conflict(RoundItem Theirs, ItemUpdate Mine) : SaveResult;
    public sealed record Invalid(IReadOnlyList<string> Problems) : SaveResult;
    public sealed record Forbidden(string Reason) : SaveResult;
}

/// <summary>An item with what its officer needs beside it: last period's figure and commentary, and the status the rules give.</summary>
public sealed record ItemView(RoundItem Item, string Title, string? Ref, Indicator? Indicator, string? LastPeriodText, string? LastCommentary, string? AssigneeName, string? Organisation);

public sealed record CompletenessRow(string Officer, string? Organisation, int NotStarted, int Draft, int Submitted, int Returned);

public static class SnapshotJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}

/// <summary>The reporting round's use cases: open, assign, update, return, remind, review, sign off, publish, revise.</summary>
public sealed class RoundService(OutturnDbContext db, MonitoringQuery monitoring, IEmailSender email, TimeProvider clock)
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
    public async Task<MonitoringRound> OpenAsync(string planRef, Period period, DateOnly deadline, Actor actor, CancellationToken ct = default)
    {
        var plan = await monitoring.LoadPlanAsync(planRef, ct) ?? throw new DomainException($"No plan has the reference \"{planRef}\".");
        if (!plan.Covers(period)) throw new DomainException($"{plan.Ref} covers {plan.Span}; it has no {period.ToDisplayString()}.");
        if (await db.Set<MonitoringRound>().AnyAsync(r => r.PlanId == plan.Id && r.Period == period, ct))
            throw new DomainException($"A round for {plan.Ref} {period.ToDisplayString()} already exists.");

        var round = MonitoringRound.Open(plan.Id, period, deadline, actor.Name, clock.GetUtcNow());
        // Each item goes to the officer responsible for it; failing that, to the lead officer of its priority (the
        // officer of the priority's first objective), and failing that to the plan's lead officer.
        var lead = plan.Objectives.OrderBy(o => o.Order).Select(o => o.OfficerId).FirstOrDefault(id => id is not null);
        int? LeadOf(int priorityId) => plan.Objectives.Where(o => o.PriorityId == priorityId).OrderBy(o => o.Order).Select(o => o.OfficerId).FirstOrDefault(id => id is not null) ?? lead;
        // Retired items keep their earlier rounds' items but join no new round.
        foreach (var i in plan.Indicators.Where(i => !i.IsRetired).OrderBy(i => i.Order))
            round.Items.Add(new RoundItem { Kind = ItemKind.Measure, IndicatorId = i.Id, Label = $"{i.Ref}: {i.Title}", AssigneeId = i.OfficerId ?? i.Objective?.OfficerId ?? LeadOf(i.PriorityId) });
        var year = period.ContainingFinancialYear().Year;
        foreach (var m in plan.Milestones.Where(m => m.Year == year && !m.IsRetired).OrderBy(m => m.Order))
            round.Items.Add(new RoundItem { Kind = ItemKind.Milestone, MilestoneId = m.Id, Label = $"{m.Ref}: {m.Text}", AssigneeId = m.OfficerId ?? LeadOf(m.PriorityId) });
        foreach (var section in new[] { NarrativeSection.KeyDevelopments, NarrativeSection.EmergingIssues, NarrativeSection.RiskControlMeasures, NarrativeSection.EqualityActions })
            round.Items.Add(new RoundItem { Kind = ItemKind.Narrative, Section = section, Label = SectionTitle(section), AssigneeId = lead });
        foreach (var p in plan.Priorities.Where(p => !p.IsRetired).OrderBy(p => p.Order))
            round.Items.Add(new RoundItem { Kind = ItemKind.Narrative, Section = NarrativeSection.SupportingCommentary, PriorityId = p.Id, Label = $"Supporting commentary: {p.Name}", AssigneeId = LeadOf(p.Id) });
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
    public async Task<IReadOnlyList<ItemView>> ItemsAsync(MonitoringRound round, int? officerId, CancellationToken ct = default)
    {
        var plan = (await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, ct)).Ref;
        var full = (await monitoring.LoadPlanAsync(plan, ct))!;
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var last = round.Period with { Number = round.Period.Number == 1 ? 4 : round.Period.Number - 1, Year = round.Period.Number == 1 ? round.Period.Year - 1 : round.Period.Year };
        var lastCommentary = await db.Commentaries.AsNoTracking().Where(c => c.Period == last).ToListAsync(ct);
        var lastRound = await db.Set<MonitoringRound>().AsNoTracking().Include(r => r.Items).SingleOrDefaultAsync(r => r.PlanId == round.PlanId && r.Period == last, ct);

        return round.Items.Where(i => officerId is null || i.AssigneeId == officerId).OrderBy(i => i.Kind).ThenBy(i => i.Id).Select(item =>
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

    /// <summary>Saves a draft or submits, refusing a stale form (optimistic concurrency) and anyone not assigned.</summary>
    public async Task<SaveResult> SaveAsync(int roundId, int itemId, int loadedVersion, ItemUpdate update, bool submit, Actor actor, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct);
        var item = round?.Items.SingleOrDefault(i => i.Id == itemId);
        if (round is null || item is null) return new SaveResult.Forbidden("No such item.");
        if (!actor.RunsRounds && item.AssigneeId != actor.OfficerId) return new SaveResult.Forbidden("This item is assigned to someone else.");
        if (!round.AcceptsUpdates) return new SaveResult.Forbidden($"The round is {MonitoringRound.Describe(round.State)}: updates are closed.");
        if (item.Version != loadedVersion) return new SaveResult.Conflict(item, update);

        var problems = submit ? update.ProblemsFor(item.Kind) : [];
        if (problems.Count > 0) return new SaveResult.Invalid(problems);

        db.Entry(item).Property(i => i.Version).OriginalValue = loadedVersion;
        var now = clock.GetUtcNow();
        if (submit)
        {
            item.Submit(update, actor.Name, now);
            await WriteThroughAsync(round, item, ct);
        }
        else item.SaveDraft(update, actor.Name, now);

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
        return new SaveResult.Saved(item);
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
                value.Status = item.ValueStatus!.Value;
                value.Note = item.Note;
                await Plans.FormulaRecompute.AfterChangeAsync(db, item.IndicatorId!.Value, ct);
                break;
            case ItemKind.Milestone:
                var update = await db.MilestoneUpdates.SingleOrDefaultAsync(u => u.MilestoneId == item.MilestoneId && u.Period == round.Period, ct);
                if (update is null) db.MilestoneUpdates.Add(update = new MilestoneUpdate { MilestoneId = item.MilestoneId!.Value, Period = round.Period });
                update.Progress = item.Progress;
                update.Commentary = item.Commentary;
                break;
            case ItemKind.Narrative when item.Section == NarrativeSection.SupportingCommentary && item.PriorityId is { } priorityId:
                db.Commentaries.RemoveRange(await db.Commentaries.Where(c => c.PriorityId == priorityId && c.Period == round.Period).ToListAsync(ct));
                var paragraphs = (item.Commentary ?? "").Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                for (var n = 0; n < paragraphs.Length; n++)
                    db.Commentaries.Add(new Commentary { PriorityId = priorityId, Period = round.Period, Order = n + 1, Text = paragraphs[n] });
                break;
        }
    }

    public async Task ReturnAsync(int roundId, int itemId, string comment, Actor actor, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct) ?? throw new DomainException("No such round.");
        var item = round.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("No such item.");
        round.Return(item, comment, actor.Name, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    public async Task AssignAsync(int roundId, int itemId, int officerId, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct) ?? throw new DomainException("No such round.");
        var item = round.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException("No such item.");
        if (!await db.Officers.AnyAsync(o => o.Id == officerId, ct)) throw new DomainException("No such officer.");
        item.AssigneeId = officerId;
        item.Version++;
        await db.SaveChangesAsync(ct);
    }

    public enum Step { MoveToReview, SignOff, Publish, Reopen }

    public async Task StepAsync(int roundId, Step step, Actor actor, string? reason = null, CancellationToken ct = default, DateTimeOffset? at = null)
    {
        var round = await FindAsync(roundId, ct) ?? throw new DomainException("No such round.");
        var now = at ?? clock.GetUtcNow();
        switch (step)
        {
            case Step.MoveToReview: round.MoveToReview(actor.Name, now); break;
            case Step.SignOff: round.SignOff(actor.Name, now); break;
            case Step.Reopen: round.ReopenForUpdates(actor.Name, now, reason ?? ""); break;
            case Step.Publish:
                var report = await LiveReportAsync(round, ct);
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

    /// <summary>E-mails every officer with outstanding items who has an account; returns who was reminded.</summary>
    public async Task<IReadOnlyList<string>> RemindAsync(int roundId, Actor actor, string baseUrl, CancellationToken ct = default)
    {
        var round = await FindAsync(roundId, ct) ?? throw new DomainException("No such round.");
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, ct);
        var outstanding = round.Items.Where(i => i.State != ItemState.Submitted && i.AssigneeId is not null).GroupBy(i => i.AssigneeId!.Value).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.OfficerId != null).ToListAsync(ct);
        var reminded = new List<string>();
        foreach (var group in outstanding)
        {
            foreach (var user in users.Where(u => u.OfficerId == group.Key && u.Email is not null))
            {
                var body = $"Dear {user.DisplayName},\n\n{group.Count()} of your updates for {plan.Title}, {round.Period.ToDisplayString()}, " +
                           $"are still to be submitted. The deadline is {round.Deadline:d MMMM yyyy}.\n\n" +
                           string.Join("\n", group.Select(i => "- " + i.Label)) +
                           $"\n\nUpdate them at {baseUrl.TrimEnd('/')}/my-updates\n";
                await email.SendAsync(new EmailMessage(user.Email!, user.DisplayName, $"Reminder: your {round.Period.ToDisplayString()} updates are due {round.Deadline:d MMMM yyyy}", body), ct);
                round.RecordReminder(actor.Name, clock.GetUtcNow(), user.Email!);
                reminded.Add(user.Email!);
            }
        }
        await db.SaveChangesAsync(ct);
        return reminded;
    }

    /// <summary>Corrects a figure after publication: the live record changes (audited); the published snapshot does not.</summary>
    public async Task ReviseAsync(string planRef, string indicatorRef, Period period, decimal? value, ValueStatus status, string? note, CancellationToken ct = default)
    {
        var indicator = await db.Indicators.SingleOrDefaultAsync(i => i.Ref == indicatorRef && db.Plans.Any(p => p.Id == i.PlanId && p.Ref == planRef), ct)
                        ?? throw new DomainException($"{planRef} has no measure {indicatorRef}.");
        var v = await db.IndicatorValues.SingleOrDefaultAsync(x => x.IndicatorId == indicator.Id && x.Period == period, ct);
        if (v is null) db.IndicatorValues.Add(v = new IndicatorValue { IndicatorId = indicator.Id, Period = period });
        v.Value = value;
        v.Status = status;
        v.Note = note;
        await Plans.FormulaRecompute.AfterChangeAsync(db, indicator.Id, ct);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Measures whose current figure has changed since the report was published: ref → (published, now).</summary>
    public static IReadOnlyDictionary<string, (string Published, string Now)> Revisions(MonitoringReport published, MonitoringReport live)
    {
        var now = live.AllMeasures.ToDictionary(m => m.Ref);
        return published.AllMeasures
            .Where(m => now.TryGetValue(m.Ref, out var l) && (l.Current != m.Current || l.CurrentText != m.CurrentText))
            .ToDictionary(m => m.Ref, m => (m.CurrentText, now[m.Ref].CurrentText));
    }
}
