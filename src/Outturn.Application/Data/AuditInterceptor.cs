using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Outturn.Domain.Equality;
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
        (eventData.Context as OutturnDbContext)?.ForgetReason();
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        (eventData.Context as OutturnDbContext)?.ForgetReason();
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
        var reason = (context as OutturnDbContext)?.ChangeReason;
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
                && p.Metadata.Name is not ("IndicatorId" or "MilestoneId" or "PriorityId" or "RoundId" or "PlanId" or "Version" or "PublishedSnapshot")
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
        Risk r => RiskKeys.Risk(r.Ref),
        RiskAssessment a => RiskKeys.Assessment(RiskOf(e, r => r.Assessments.Contains(a)), a.Period),
        RiskControlMeasure c => RiskKeys.Control(RiskOf(e, r => r.Controls.Contains(c)), c.Ref),
        RiskControlUpdate u => RiskKeys.ControlProgress(RiskOf(e, r => r.Controls.Any(c => c.Updates.Contains(u))),
            RiskOwning(e, r => r.Controls.Any(c => c.Updates.Contains(u)))?.Controls.First(c => c.Updates.Contains(u)).Ref ?? "?", u.Period),
        EqualityAction a => RiskKeys.EqualityAction(a.Ref),
        EqualityActionUpdate u => RiskKeys.EqualityProgress(e.Context.ChangeTracker.Entries<EqualityAction>().Select(x => x.Entity).FirstOrDefault(a => a.Updates.Contains(u))?.Ref ?? "?", u.Period),
        _ => "",
    };

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
