using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Risks;
using Outturn.Domain.Equality;
using Outturn.Domain.Organisations;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;

namespace Outturn.Application.Equality;

/// <summary>An equality action in section 5.0: what it is about, the officer, and its progress for the quarter.</summary>
public sealed record EqualityLine(
    string Ref, string Subject, IReadOnlyList<string> Strands, string Impact, string ActionsProposed, IReadOnlyList<string> Timetable,
    string Officer, string? Service, string? Progress, string? Commentary, DateOnly? CompletedOn);

/// <summary>
/// The quarter's section 5.0 "Progress against high priority equality actions" of a plan's report, as plain data:
/// frozen with the published report so that later progress does not change it.
/// </summary>
public sealed record EqualitySection(string Period, IReadOnlyList<EqualityLine> HighPriority)
{
    public static EqualityLine Line(EqualityAction a, Period period)
    {
        var update = a.For(period);
        return new EqualityLine(a.Ref, a.Subject, a.Strands.Select(s => s.ToWords()).ToList(), a.Impact.ToWord(), a.ActionsProposed,
            a.TimetableYears.Select(y => Domain.Periods.Period.FinancialYear(y).ToString()).ToList(), a.Officer, a.Service,
            update?.Progress?.ToWord(), update?.Commentary, a.CompletedOn is { } done && done <= period.End ? done : null);
    }
}

public sealed class EqualityQuery(OutturnDbContext db)
{
    public Task<EqualityAction?> ActionAsync(string actionRef, CancellationToken ct = default) =>
        db.Set<EqualityAction>().AsNoTracking().Include(a => a.Updates).SingleOrDefaultAsync(a => a.Ref == actionRef, ct);

    public async Task<List<EqualityAction>> ActionPlanAsync(string? directorate, EqualityImpact? impact, CancellationToken ct = default, EqualityStrand? strand = null) =>
        (await db.Set<EqualityAction>().AsNoTracking().Include(a => a.Updates).ToListAsync(ct))
            .Where(a => directorate is null || string.Equals(a.Directorate, directorate, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Service, directorate, StringComparison.OrdinalIgnoreCase))
            .Where(a => impact is null || a.Impact == impact)
            .Where(a => strand is null || a.Strands.Contains(strand.Value))
            .OrderBy(a => a.Directorate, StringComparer.Ordinal).ThenBy(a => a.Service ?? "", StringComparer.Ordinal).ThenBy(a => a.Order)
            .ToList();

    /// <summary>The organisations by id, for naming an action's or a risk's owner organisation.</summary>
    public Task<Dictionary<int, string>> OrganisationNamesAsync(CancellationToken ct = default) =>
        db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>
    /// The plan's High actions (its own, or its directorate's not tied to another plan) with their progress for the
    /// period; an action completed before the period began is no longer reported.
    /// </summary>
    public async Task<EqualitySection> ForPlanAsync(Plan plan, Period period, CancellationToken ct = default)
    {
        var directorate = plan.Directorate?.ToLower();
        var actions = await db.Set<EqualityAction>().AsNoTracking().Include(a => a.Updates)
            .Where(a => a.PlanRef == plan.Ref || (a.PlanRef == null && directorate != null && a.Directorate.ToLower() == directorate))
            .ToListAsync(ct);
        return new EqualitySection(period.ToString(), actions
            .Where(a => a.IsHighPriority && !(a.CompletedOn is { } done && done < period.Start))
            .OrderBy(a => a.Order).ThenBy(a => a.Ref, StringComparer.Ordinal)
            .Select(a => EqualitySection.Line(a, period)).ToList());
    }
}

/// <summary>Writes the equality action plans as a folder (docs/import-formats.md) that import reads back as they are.</summary>
public sealed class EqualityExport(OutturnDbContext db)
{
    public async Task<IReadOnlyList<(string File, string Text)>> FilesAsync(CancellationToken ct = default)
    {
        var actions = (await db.Set<EqualityAction>().AsNoTracking().Include(a => a.Updates).ToListAsync(ct))
            .OrderBy(a => a.Order).ThenBy(a => a.Ref, StringComparer.Ordinal).ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Ref, ct);
        return
        [
            ("actions.csv", RegisterCsv.Table(
                ["ref", "directorate", "service", "plan", "subject", "strands", "impact", "actions", "timetable", "officer", "organisation", "completed_on"],
                actions.Select(a => new[]
                {
                    a.Ref, a.Directorate, a.Service, a.PlanRef, a.Subject, string.Join("; ", a.Strands.Select(s => s.ToWords())),
                    a.Impact.ToString(), a.ActionsProposed, string.Join("; ", a.TimetableYears.Select(y => Period.FinancialYear(y).ToString())), a.Officer,
                    a.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, RegisterCsv.Date(a.CompletedOn),
                }))),
            ("progress.csv", RegisterCsv.Table(["action", "period", "progress", "commentary"],
                actions.SelectMany(a => a.Updates.OrderBy(u => u.Period).Select(u => new[] { a.Ref, u.Period.ToString(), u.Progress?.ToWord(), u.Commentary })))),
        ];
    }

    public async Task WriteAsync(string folder, CancellationToken ct = default) => await RegisterCsv.WriteAsync(folder, await FilesAsync(ct), ct);
}

public static class EqualityRegistration
{
    public static IServiceCollection AddEquality(this IServiceCollection services) =>
        services.AddScoped<EqualityImport>().AddScoped<EqualityExport>().AddScoped<EqualityQuery>().AddScoped<EqualityStore>()
            .AddScoped<CreateEqualityAction>().AddScoped<EditEqualityAction>().AddScoped<RecordEqualityProgress>()
            .AddScoped<CompleteEqualityAction>().AddScoped<ReopenEqualityAction>();
}
