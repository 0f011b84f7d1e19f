using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Data;

/// <summary>Who is making changes: the signed-in user on the web, the operating-system user at the command line.</summary>
public interface ICurrentUser
{
    string Name { get; }
}

public sealed class SystemUser(string name) : ICurrentUser
{
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
         typeof(Plan), typeof(Priority), typeof(Objective), typeof(Milestone), typeof(Indicator)];

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

    private void Record(DbContext? context)
    {
        if (context is null) return;
        var now = clock.GetUtcNow();
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
                && p.Metadata.Name is not ("IndicatorId" or "MilestoneId" or "PriorityId" or "RoundId" or "PlanId" or "Version" or "PublishedSnapshot" or "Revisions")
                // An item's place in the list follows the folder's rows; moving is not a change to its content.
                && !(p.Metadata.Name == "Order" && e.Entity is Priority or Objective or Milestone or Indicator));
            foreach (var p in props)
            {
                var (oldValue, newValue) = e.State switch
                {
                    EntityState.Added => (null, p.CurrentValue),
                    EntityState.Deleted => (p.OriginalValue, null),
                    _ => (p.OriginalValue, p.CurrentValue),
                };
                if (e.State == EntityState.Modified && Equals(oldValue, newValue)) continue;
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
        _ => "",
    };
}
