using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Risks;

namespace Outturn.Application.Risks;

/// <summary>
/// Loads a risk with everything it guards (scores, control measures and their progress) for a change, and saves the
/// change with its reason. A form loaded before someone else's change meets a conflict, never overwrites it.
/// </summary>
public sealed class RiskStore(OutturnDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<Risk?> FindAsync(string riskRef, CancellationToken ct) =>
        db.Set<Risk>().AsSplitQuery()
            .Include(r => r.Controls).ThenInclude(c => c.Updates)
            .Include(r => r.Assessments)
            .SingleOrDefaultAsync(r => r.Ref == riskRef, ct);

    /// <summary>The risk as the form that changes it was loaded with; refused when it has changed since.</summary>
    public async Task<Risk> LoadAsync(string riskRef, int loadedVersion, CancellationToken ct)
    {
        var risk = await FindAsync(riskRef, ct) ?? throw new DomainException($"No risk has the reference \"{riskRef}\".");
        risk.EnsureVersion(loadedVersion);
        return risk;
    }

    public void Add(Risk risk) => db.Add(risk);

    public async Task<int> NextOrderAsync(CancellationToken ct) => (await db.Set<Risk>().MaxAsync(r => (int?)r.Order, ct) ?? -1) + 1;

    public Task<bool> ExistsAsync(string riskRef, CancellationToken ct) => db.Set<Risk>().AnyAsync(r => r.Ref == riskRef.Trim(), ct);

    public async Task SaveAsync(Risk risk, string? reason, CancellationToken ct)
    {
        try
        {
            await db.Because(reason).SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another change landed between our read and our write.
            db.ChangeTracker.Clear();
            throw new DomainException($"{risk.Ref} was changed by someone else while you were saving, so your change was not saved. The page now shows the risk as it is: check it and make your change again.", DomainRefusal.Conflict);
        }
        catch (DbUpdateException) when (db.Entry(risk).State == EntityState.Added)
        {
            // Two people created the same ref at once: the unique index kept the first.
            db.ChangeTracker.Clear();
            throw new DomainException($"A risk with the reference {risk.Ref} is already held.", DomainRefusal.Conflict);
        }
    }
}
