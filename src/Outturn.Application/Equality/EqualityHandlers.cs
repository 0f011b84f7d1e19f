using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Equality;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Application.Equality;

/// <summary>
/// Loads an equality action with its progress for a change, and saves the change with its reason. A form loaded
/// before someone else's change meets a conflict, never overwrites it.
/// </summary>
public sealed class EqualityStore(OutturnDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<EqualityAction?> FindAsync(string actionRef, CancellationToken ct) =>
        db.Set<EqualityAction>().Include(a => a.Updates).SingleOrDefaultAsync(a => a.Ref == actionRef, ct);

    public async Task<EqualityAction> LoadAsync(string actionRef, int loadedVersion, CancellationToken ct)
    {
        var action = await FindAsync(actionRef, ct) ?? throw new DomainException($"No equality action has the reference \"{actionRef}\".");
        action.EnsureVersion(loadedVersion);
        return action;
    }

    public void Add(EqualityAction action) => db.Add(action);

    public async Task<int> NextOrderAsync(CancellationToken ct) => (await db.Set<EqualityAction>().MaxAsync(a => (int?)a.Order, ct) ?? -1) + 1;

    public Task<bool> ExistsAsync(string actionRef, CancellationToken ct) => db.Set<EqualityAction>().AnyAsync(a => a.Ref == actionRef.Trim(), ct);

    public async Task SaveAsync(EqualityAction action, string? reason, CancellationToken ct)
    {
        try
        {
            await db.Because(reason).SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException($"{action.Ref} was changed by someone else while you were saving, so your change was not saved. The page now shows the action as it is: check it and make your change again.", DomainRefusal.Conflict);
        }
        catch (DbUpdateException) when (db.Entry(action).State == EntityState.Added)
        {
            db.ChangeTracker.Clear();
            throw new DomainException($"An equality action with the reference {action.Ref} is already held.", DomainRefusal.Conflict);
        }
    }
}

// One small handler per thing people do to an equality action.

public sealed record CreateEqualityActionCommand(string Ref, EqualityActionDetails Details);

/// <summary>Adds an action to an equality action plan.</summary>
public sealed class CreateEqualityAction(EqualityStore store)
{
    public async Task<EqualityAction> HandleAsync(CreateEqualityActionCommand c, CancellationToken ct = default)
    {
        if (await store.ExistsAsync(c.Ref, ct)) throw new DomainException($"An equality action with the reference {c.Ref.Trim()} is already held.", DomainRefusal.Conflict);
        var action = EqualityAction.Create(c.Ref, c.Details, await store.NextOrderAsync(ct));
        store.Add(action);
        await store.SaveAsync(action, null, ct);
        return action;
    }
}

public sealed record EditEqualityActionCommand(string Ref, int Version, EqualityActionDetails Details, string? Reason);

/// <summary>Changes what an equality action says: the subject, characteristics, impact, actions, timetable, officer.</summary>
public sealed class EditEqualityAction(EqualityStore store)
{
    public async Task<EqualityAction> HandleAsync(EditEqualityActionCommand c, CancellationToken ct = default)
    {
        var action = await store.LoadAsync(c.Ref, c.Version, ct);
        action.Edit(c.Details);
        await store.SaveAsync(action, c.Reason, ct);
        return action;
    }
}

public sealed record EqualityProgressCommand(string Ref, int Version, Period Period, MilestoneProgress? Progress, string? Commentary);

/// <summary>Records an action's progress and commentary for a quarter; "complete" completes it today.</summary>
public sealed class RecordEqualityProgress(EqualityStore store)
{
    public async Task<EqualityAction> HandleAsync(EqualityProgressCommand c, CancellationToken ct = default)
    {
        var action = await store.LoadAsync(c.Ref, c.Version, ct);
        action.RecordProgress(c.Period, c.Progress, c.Commentary, store.Today);
        await store.SaveAsync(action, null, ct);
        return action;
    }
}

public sealed record CompletionCommand(string Ref, int Version, string? Reason);

/// <summary>Marks an action complete today.</summary>
public sealed class CompleteEqualityAction(EqualityStore store)
{
    public async Task<EqualityAction> HandleAsync(CompletionCommand c, CancellationToken ct = default)
    {
        var action = await store.LoadAsync(c.Ref, c.Version, ct);
        action.Complete(store.Today);
        await store.SaveAsync(action, c.Reason, ct);
        return action;
    }
}

/// <summary>Takes a completed action back to be done, with the reason.</summary>
public sealed class ReopenEqualityAction(EqualityStore store)
{
    public async Task<EqualityAction> HandleAsync(CompletionCommand c, CancellationToken ct = default)
    {
        var action = await store.LoadAsync(c.Ref, c.Version, ct);
        action.Reopen(c.Reason);
        await store.SaveAsync(action, c.Reason, ct);
        return action;
    }
}
