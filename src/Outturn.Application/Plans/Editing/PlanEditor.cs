using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>A problem with what was typed in one field of a form, for the error summary and the field's own message.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>The outcome of an editing command: done (with the ref of what it made or changed), or what to correct in the form.</summary>
public sealed record EditResult(bool Done, string? Ref, IReadOnlyList<FieldError> Errors)
{
    public static EditResult Saved(string? reference = null) => new(true, reference, []);
    public static EditResult Invalid(IReadOnlyList<FieldError> errors) => new(false, null, errors);
}

/// <summary>
/// What every plan-editing handler shares: the plan loaded for change with all its items, and one way to save it —
/// checked against the version the page was opened at, audited with the reason given, and with the plan's versions
/// brought up to date — in one transaction.
/// </summary>
public sealed class PlanEditor(OutturnDbContext db, PlanVersioning versions, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public OutturnDbContext Db => db;

    /// <summary>The plan with everything its rules look at, tracked for change; null when no plan has the ref.</summary>
    public Task<Plan?> LoadAsync(string planRef, CancellationToken ct) =>
        db.Plans.AsSplitQuery()
            .Include(p => p.Priorities)
            .Include(p => p.Objectives).ThenInclude(o => o.Officer)
            .Include(p => p.Milestones).ThenInclude(m => m.Officer)
            .Include(p => p.Indicators).ThenInclude(i => i.Targets)
            .Include(p => p.Indicators).ThenInclude(i => i.Officer)
            .SingleOrDefaultAsync(p => p.Ref == planRef, ct);

    /// <summary>
    /// Saves the change made to <paramref name="plan"/>, refusing it when the plan has changed since the page was
    /// opened at <paramref name="seenRevision"/>. The reason, if any, is kept with every audit entry of the change.
    /// </summary>
    public async Task SaveAsync(Plan plan, int seenRevision, PlanSnapshot before, string? reason, CancellationToken ct, bool approving = false)
    {
        plan.EnsureRevision(seenRevision);
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        try
        {
            await db.Because(reason).SaveChangesAsync(ct);
            await versions.RecordAsync(plan, before, approving, ct);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException($"{plan.Ref} was changed by someone else while you were saving. Open the page again to see their change, then make yours.", DomainRefusal.Conflict);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>An officer by name, or a new one with just the name (as an import does); null for a blank name.</summary>
    public async Task<Officer?> OfficerNamedAsync(string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) return null;
        var n = name.Trim();
        return db.Officers.Local.FirstOrDefault(o => o.Name == n)
               ?? await db.Officers.SingleOrDefaultAsync(o => o.Name == n, ct)
               ?? db.Officers.Add(new Officer { Name = n }).Entity;
    }

    /// <summary>Reads "2015/16" as the start year of a financial year, or adds a field error.</summary>
    public static int? Year(string? text, string field, string label, List<FieldError> errors)
    {
        if (Domain.Periods.Period.TryParse(text, out var p) && p.Kind == Domain.Periods.PeriodKind.FinancialYear) return p.Year;
        errors.Add(new(field, string.IsNullOrWhiteSpace(text) ? $"Enter the {label}, such as 2015/16." : $"The {label} must be a financial year such as 2015/16; \"{text}\" is not."));
        return null;
    }

    /// <summary>Reads an optional number ("95", "4.5", "-2"), or adds a field error.</summary>
    public static decimal? Number(string? text, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var t = text.Trim().Replace(",", "");
        if (decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) return v;
        errors.Add(new(field, $"The {label} must be a number{(t.Contains('%') ? " without the % (the unit belongs to the measure)" : "")}; \"{text}\" is not."));
        return null;
    }

    /// <summary>Reads an optional date given as day, month and year fields (the GOV.UK date input), or adds a field error.</summary>
    public static DateOnly? Date(string? day, string? month, string? year, string field, string label, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year)) return null;
        if (int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && int.TryParse(month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1990 and <= 2100 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            return new DateOnly(y, m, d);
        errors.Add(new(field, $"The {label} must be a real date, such as 31 3 2016."));
        return null;
    }
}
