using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Outturn.Domain.Equality;
using Outturn.Domain.Governance;
using Outturn.Domain.Inspections;
using Outturn.Domain.Participation;
using Outturn.Domain.Plans;
using Outturn.Domain.Risks;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Data;

/// <summary>Who is making changes: the signed-in account on the web, the account named at the command line.</summary>
public interface ICurrentUser
{
    string Name { get; }
}

public sealed class SystemUser(string name) : ICurrentUser
{
    /// <summary>Changes made by the system itself (loading the demo at start-up), with no account behind them.</summary>
    public const string Unnamed = "Outturn (system)";

    public string Name { get; } = name;
}

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every added, changed or removed figure and judgement, in the same
/// SaveChanges, so that a change cannot land without its record.
/// </summary>
public sealed class AuditInterceptor(ICurrentUser user, TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<Type> Audited =
        [typeof(IndicatorValue), typeof(Target), typeof(StatusOverride), typeof(MilestoneUpdate), typeof(Commentary), typeof(RoundItem), typeof(MonitoringRound),
         typeof(Plan), typeof(Priority), typeof(Objective), typeof(Milestone), typeof(Indicator),
         typeof(Risk), typeof(RiskAssessment), typeof(RiskControlMeasure), typeof(RiskControlUpdate), typeof(EqualityAction), typeof(EqualityActionUpdate)];

    /// <summary>
    /// Records kept in the browser (boards, meetings, inspections, promises, engagement): a record added or removed is
    /// one line ("Agenda item added: 6(A) …"), written after the save so that its key holds the number the store gave
    /// it; changes to it are recorded field by field like any other.
    /// </summary>
    private static readonly HashSet<Type> Summarised =
        [typeof(Board), typeof(BoardMember), typeof(Meeting), typeof(AgendaItem), typeof(Outturn.Domain.Governance.CoverReport), typeof(Attendance), typeof(Decision),
         typeof(ActionItem), typeof(ActionUpdate), typeof(Inspection), typeof(JudgementGrade), typeof(KeyJudgement), typeof(Recommendation),
         typeof(ImprovementAction), typeof(ImprovementLink), typeof(ImprovementQuarter), typeof(Promise), typeof(PromiseReview), typeof(EngagementActivity)];

    /// <summary>Fields of those records that only say where a row belongs or keep its place in a list.</summary>
    private static readonly HashSet<string> Placement =
        ["BoardId", "MeetingId", "AgendaItemId", "InspectionId", "RecommendationId", "ImprovementActionId", "PromiseId", "ActionItemId"];

    /// <summary>Round items and rounds are created with the round (its events say so); their changes are what matter.</summary>
    private static readonly HashSet<Type> ChangesOnly = [typeof(RoundItem), typeof(MonitoringRound), typeof(Plan)];

    /// <summary>
    /// A plan's items are recorded when added to a plan already held (a merge), not when the plan itself is new: its
    /// first import is the plan's beginning, not a change to it.
    /// </summary>
    private static bool IsNewPlansItem(EntityEntry e) =>
        e.State == EntityState.Added && e.Entity is Priority or Objective or Milestone or Indicator && e.Property("PlanId").IsTemporary;

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is OutturnDbContext db)
        {
            if (RecordAdded(db))
            {
                db.SaveChanges();
                db.AuditTransaction?.Commit();
                db.EndAuditTransaction();
            }
            db.ForgetReason();
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OutturnDbContext db)
        {
            if (RecordAdded(db))
            {
                await db.SaveChangesAsync(cancellationToken);
                if (db.AuditTransaction is { } tx) await tx.CommitAsync(cancellationToken);
                db.EndAuditTransaction();
            }
            db.ForgetReason();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is OutturnDbContext db) { db.PendingAdded.Clear(); db.AuditTransaction?.Rollback(); db.EndAuditTransaction(); }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is OutturnDbContext db)
        {
            db.PendingAdded.Clear();
            if (db.AuditTransaction is { } tx) await tx.RollbackAsync(cancellationToken);
            db.EndAuditTransaction();
        }
    }

    /// <summary>Writes the one-line records of the rows just added, now that they have their numbers; true when there were any.</summary>
    private bool RecordAdded(OutturnDbContext db)
    {
        if (db.PendingAdded.Count == 0) return false;
        var pending = db.PendingAdded.ToList();
        db.PendingAdded.Clear();
        foreach (var (e, at, reason) in pending)
            db.Add(new AuditEntry
            {
                At = at, By = user.Name, Entity = EntityName(e.Entity), EntityKey = Describe(e), Action = "Added", Field = null,
                NewValue = Summary(db, e.Entity), Reason = reason,
            });
        return true;
    }

    private void Record(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        var reason = (context as OutturnDbContext)?.ChangeReason;
        if (context is OutturnDbContext db)
        {
            foreach (var e in context.ChangeTracker.Entries().Where(e => Summarised.Contains(e.Entity.GetType()) && e.State is EntityState.Added or EntityState.Deleted).ToList())
            {
                if (e.State == EntityState.Added) db.PendingAdded.Add((e, now, reason));
                else
                    context.Add(new AuditEntry
                    {
                        At = now, By = user.Name, Entity = EntityName(e.Entity), EntityKey = Describe(e), Action = "Deleted", Field = null,
                        OldValue = Summary(db, e.Entity), Reason = reason,
                    });
            }
            // The added rows' records are written once the store has numbered them; the transaction holds both saves together.
            if (db.PendingAdded.Count > 0 && context.Database.CurrentTransaction is null) db.BeginAuditTransaction();
            foreach (var e in context.ChangeTracker.Entries().Where(e => Summarised.Contains(e.Entity.GetType()) && e.State == EntityState.Modified).ToList())
                foreach (var p in e.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !Placement.Contains(p.Metadata.Name) && p.Metadata.Name != "Version"
                                                          && !(p.Metadata.Name == "Order" && e.Entity is not AgendaItem)))
                {
                    if (Equals(p.OriginalValue, p.CurrentValue)) continue;
                    context.Add(new AuditEntry
                    {
                        At = now, By = user.Name, Entity = EntityName(e.Entity), EntityKey = Describe(e), Action = "Modified", Field = p.Metadata.Name,
                        OldValue = Format(p.OriginalValue), NewValue = Format(p.CurrentValue), Reason = reason,
                    });
                }
        }
        var entries = context.ChangeTracker.Entries()
            .Where(e => Audited.Contains(e.Entity.GetType()) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.State == EntityState.Modified || !ChangesOnly.Contains(e.Entity.GetType()))
            .Where(e => !IsNewPlansItem(e))
            .ToList();
        foreach (var e in entries)
        {
            var key = Describe(e);
            // The owner's key is in the entry's key already; an assignee (a foreign key too) is a change worth recording.
            var props = e.Properties.Where(p => !p.Metadata.IsPrimaryKey()
                && p.Metadata.Name is not ("IndicatorId" or "MilestoneId" or "RoundId" or "PlanId" or "Version" or "Revision" or "PublishedSnapshot" or "Revisions")
                // A plan item's priority is where it is reported, a change worth recording; elsewhere it is the owner.
                && !(p.Metadata.Name == "PriorityId" && e.Entity is not (Objective or Milestone or Indicator))
                // An item's place in the list follows the folder's rows; moving is not a change to its content.
                && !(p.Metadata.Name == "Order" && e.Entity is Priority or Objective or Milestone or Indicator or Risk or RiskControlMeasure or EqualityAction)
                // A register's row keys its owner by ref in the entry's key.
                && !(p.Metadata.Name is "RiskId" or "ControlId" or "ActionId" && e.Entity is RiskAssessment or RiskControlMeasure or RiskControlUpdate or EqualityActionUpdate));
            foreach (var p in props)
            {
                var (oldValue, newValue) = e.State switch
                {
                    EntityState.Added => (null, p.CurrentValue),
                    EntityState.Deleted => (p.OriginalValue, null),
                    _ => (p.OriginalValue, p.CurrentValue),
                };
                if (e.State == EntityState.Modified && Equals(oldValue, newValue)) continue;
                // Lists (a timetable's years) are snapshots: equal when their items are.
                if (e.State == EntityState.Modified && Format(oldValue) == Format(newValue)) continue;
                if (e.State != EntityState.Modified && oldValue is null && newValue is null) continue;
                context.Add(new AuditEntry
                {
                    At = now,
                    By = user.Name,
                    Entity = e.Entity.GetType().Name,
                    EntityKey = key,
                    Action = e.State.ToString(),
                    Field = p.Metadata.Name,
                    OldValue = Format(oldValue),
                    NewValue = Format(newValue),
                    Reason = reason,
                });
            }
        }
    }

    /// <summary>Figures are written the same whichever store read them (PostgreSQL returns 75 as 75.000000).</summary>
    private static string? Format(object? value) => value switch
    {
        null => null,
        decimal d => (d / 1.000000000000000000000000000000000m).ToString(System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        string text => text,
        System.Collections.IEnumerable list => string.Join("; ", list.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };

    /// <summary>A key that stays readable after the row is gone: the owner's id and the period.</summary>
    private static string Describe(EntityEntry e) => e.Entity switch
    {
        IndicatorValue v => $"indicator:{v.IndicatorId}:{v.Period}",
        Target t => $"indicator:{t.IndicatorId}:{t.Period}",
        StatusOverride o => $"indicator:{o.IndicatorId}:{o.Period}:{o.Kind}",
        MilestoneUpdate u => $"milestone:{u.MilestoneId}:{u.Period}",
        Commentary c => $"priority:{c.PriorityId}:{c.Period}",
        RoundItem i => $"round-item:{i.Id}",
        MonitoringRound r => $"round:{r.Id}",
        Plan p => $"plan:{p.Ref}",
        Priority p => $"plan:{p.PlanId}:priority:{p.Name}",
        Objective o => $"plan:{o.PlanId}:objective:{o.Ref}",
        Milestone m => $"plan:{m.PlanId}:milestone:{m.Ref}",
        Indicator i => $"plan:{i.PlanId}:indicator:{i.Ref}",
        Board b => $"board:{b.Id}",
        BoardMember m => $"board:{m.BoardId}:member:{m.Id}",
        Meeting m => $"meeting:{m.Id}",
        AgendaItem i => $"meeting:{i.MeetingId}:item:{i.Id}",
        Outturn.Domain.Governance.CoverReport => $"agenda-item:{e.Property("AgendaItemId").CurrentValue}:cover",
        Attendance a => $"meeting:{a.MeetingId}:attendance:{a.Id}",
        Decision d => $"agenda-item:{d.AgendaItemId}:decision:{d.Id}",
        ActionItem a => $"meeting:{a.MeetingId}:action:{a.Id}",
        ActionUpdate u => $"action:{u.ActionItemId}:update:{u.Id}",
        Inspection i => $"inspection:{i.Id}",
        JudgementGrade g => $"inspection:{g.InspectionId}:grade:{g.Id}",
        KeyJudgement k => $"inspection:{k.InspectionId}:judgement:{k.Id}",
        Recommendation r => $"inspection:{r.InspectionId}:recommendation:{r.Id}",
        ImprovementAction a => $"improvement-action:{a.Id}",
        ImprovementLink l => $"improvement-action:{l.ImprovementActionId}:link:{l.Id}",
        ImprovementQuarter q => $"improvement-action:{q.ImprovementActionId}:{q.Period}",
        Promise p => $"promise:{p.Id}",
        PromiseReview r => $"promise:{r.PromiseId}:{r.Year}",
        EngagementActivity a => $"engagement:{a.Id}",
        Risk r => RiskKeys.Risk(r.Ref),
        RiskAssessment a => RiskKeys.Assessment(RiskOf(e, r => r.Assessments.Contains(a)), a.Period),
        RiskControlMeasure c => RiskKeys.Control(RiskOf(e, r => r.Controls.Contains(c)), c.Ref),
        RiskControlUpdate u => RiskKeys.ControlProgress(RiskOf(e, r => r.Controls.Any(c => c.Updates.Contains(u))),
            RiskOwning(e, r => r.Controls.Any(c => c.Updates.Contains(u)))?.Controls.First(c => c.Updates.Contains(u)).Ref ?? "?", u.Period),
        EqualityAction a => RiskKeys.EqualityAction(a.Ref),
        EqualityActionUpdate u => RiskKeys.EqualityProgress(e.Context.ChangeTracker.Entries<EqualityAction>().Select(x => x.Entity).FirstOrDefault(a => a.Updates.Contains(u))?.Ref ?? "?", u.Period),
        _ => "",
    };

    /// <summary>The owned cover sheet is stored as part of its agenda item; its records are named "CoverSheet".</summary>
    private static string EntityName(object entity) => entity is Outturn.Domain.Governance.CoverReport ? "CoverSheet" : entity.GetType().Name;

    /// <summary>A record added or removed in one phrase: what a reader recognises it by.</summary>
    private static string Summary(OutturnDbContext db, object entity) => entity switch
    {
        Board b => b.Name,
        BoardMember m => m.Display,
        Meeting m => m.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        AgendaItem i => $"{i.Number} {i.Title}",
        Outturn.Domain.Governance.CoverReport c => c.Subject ?? "cover sheet",
        Attendance a => $"{a.Name}: {a.Kind.ToWords().ToLowerInvariant()}",
        Decision d => $"{d.MinuteNumber} {d.Title}".Trim(),
        ActionItem a => $"{a.Text} ({a.Owner}{(a.DeadlineText is null ? "" : ", " + a.DeadlineText)})",
        ActionUpdate u => u.Text,
        Inspection i => i.Title,
        JudgementGrade g => $"{g.Area}: {g.Grade}",
        KeyJudgement k => k.Text,
        Recommendation r => $"{r.Ref}: {r.Text}",
        ImprovementAction a => $"{a.Text ?? "the recommendation itself"} ({a.Owner}, due {a.Due:d MMMM yyyy})",
        ImprovementLink l => LinkName(db, l),
        ImprovementQuarter q => $"{q.Delivery.ToWords()}; {q.Impact.ToWords().ToLowerInvariant()}",
        Promise p => p.Text,
        PromiseReview r => $"{r.Year.ToDisplayString()}, {r.Progress.ToWords().ToLowerInvariant()}: {r.WhatWeAchieved}",
        EngagementActivity a => a.Title,
        _ => entity.ToString() ?? "",
    };

    private static string LinkName(OutturnDbContext db, ImprovementLink l)
    {
        string? Plan(int planId) => db.Plans.Local.FirstOrDefault(p => p.Id == planId)?.Ref ?? db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Ref).FirstOrDefault();
        if (l.MilestoneId is { } m && (db.Milestones.Local.FirstOrDefault(x => x.Id == m) ?? db.Milestones.AsNoTracking().FirstOrDefault(x => x.Id == m)) is { } milestone)
            return $"milestone {Plan(milestone.PlanId)} {milestone.Ref}";
        if (l.IndicatorId is { } i && (db.Indicators.Local.FirstOrDefault(x => x.Id == i) ?? db.Indicators.AsNoTracking().FirstOrDefault(x => x.Id == i)) is { } indicator)
            return $"measure {Plan(indicator.PlanId)} {indicator.Ref}";
        return "a milestone or measure";
    }

    // A register's rows are changed through their risk or action, which is tracked with them: the key names it by ref,
    // readable even for rows added with a new risk (whose id is not yet known).
    private static Risk? RiskOwning(EntityEntry e, Func<Risk, bool> owns) =>
        e.Context.ChangeTracker.Entries<Risk>().Select(x => x.Entity).FirstOrDefault(owns);

    private static string RiskOf(EntityEntry e, Func<Risk, bool> owns) => RiskOwning(e, owns)?.Ref ?? "?";
}

/// <summary>The audit keys of the registers' rows, named by the risk's or action's ref, so their history can be gathered.</summary>
public static class RiskKeys
{
    public static string Risk(string riskRef) => $"risk:{riskRef}";
    public static string Assessment(string riskRef, Outturn.Domain.Periods.Period period) => $"risk:{riskRef}:{period}";
    public static string Control(string riskRef, string controlRef) => $"risk:{riskRef}:control:{controlRef}";
    public static string ControlProgress(string riskRef, string controlRef, Outturn.Domain.Periods.Period period) => $"risk:{riskRef}:control:{controlRef}:{period}";
    public static string EqualityAction(string actionRef) => $"equality-action:{actionRef}";
    public static string EqualityProgress(string actionRef, Outturn.Domain.Periods.Period period) => $"equality-action:{actionRef}:{period}";

    /// <summary>Every key a risk's history is recorded under.</summary>
    public static IReadOnlyList<string> Of(Risk risk) =>
        [Risk(risk.Ref), .. risk.Assessments.Select(a => Assessment(risk.Ref, a.Period)),
         .. risk.Controls.SelectMany(c => new[] { Control(risk.Ref, c.Ref) }.Concat(c.Updates.Select(u => ControlProgress(risk.Ref, c.Ref, u.Period))))];

    /// <summary>Every key an equality action's history is recorded under.</summary>
    public static IReadOnlyList<string> Of(EqualityAction action) =>
        [EqualityAction(action.Ref), .. action.Updates.Select(u => EqualityProgress(action.Ref, u.Period))];
}
