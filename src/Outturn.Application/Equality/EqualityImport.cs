using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Application.Risks;
using Outturn.Domain.Equality;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;

namespace Outturn.Application.Equality;

/// <summary>
/// Loads an equality action plan folder (docs/import-formats.md): actions.csv and optionally progress.csv. All of it
/// in one transaction, or, on any error, nothing; an action whose ref is held is replaced with its progress.
/// </summary>
public sealed class EqualityImport(OutturnDbContext db)
{
    public static readonly string[] KnownFiles = ["actions.csv", "progress.csv"];

    public async Task<RegisterImportResult> ImportAsync(string folder, CancellationToken ct = default)
    {
        var (actions, errors) = Read(folder);
        if (errors.Count > 0) return new RegisterImportResult(false, Data.ImportErrors.Capped(errors), 0, 0);
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var refs = actions.Select(a => a.Ref).ToList();
        var existing = await db.Set<EqualityAction>().Where(a => refs.Contains(a.Ref)).ToListAsync(ct);
        db.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        db.AddRange(actions);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RegisterImportResult(true, [], actions.Count - existing.Count, existing.Count);
    }

    public static (List<EqualityAction> Actions, List<string> Errors) Read(string folder)
    {
        var e = new List<string>();
        if (!Directory.Exists(folder)) return ([], [$"{folder}: no such folder."]);
        foreach (var extra in Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Where(f => !KnownFiles.Contains(f)))
            e.Add($"{extra}: not a file of the equality action plan format; the files are {string.Join(", ", KnownFiles)}.");
        var actionRows = CsvTable.Read(folder, "actions.csv", ["ref", "directorate", "subject", "impact", "actions", "timetable", "officer"], ["service", "plan"], true, e);
        var progressRows = CsvTable.Read(folder, "progress.csv", ["action", "period", "progress", "commentary"], [], false, e);
        if (actionRows is null || progressRows is null) return ([], e);

        var actions = new Dictionary<string, EqualityAction>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in actionRows)
        {
            if (row["ref"].Length == 0) { e.Add($"{row.Where}: column \"ref\": blank; expected the action's reference."); continue; }
            if (actions.ContainsKey(row["ref"])) { e.Add($"{row.Where}: column \"ref\": duplicate action ref \"{row["ref"]}\"."); continue; }
            foreach (var c in new[] { "directorate", "subject", "actions", "officer" })
                if (row[c].Length == 0) e.Add($"{row.Where}: column \"{c}\": blank; an equality action needs it.");
            if (!EqualityWords.TryParseImpact(row["impact"], out var impact))
                e.Add($"{row.Where}: column \"impact\": \"{row["impact"]}\" is not an impact assessment; expected High, Low or None.");
            var years = new List<int>();
            foreach (var part in row["timetable"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Period.TryParse(part, out var y) && y.Kind == PeriodKind.FinancialYear) years.Add(y.Year);
                else e.Add($"{row.Where}: column \"timetable\": \"{part}\" is not a financial year; expected years such as 2007/08; 2008/09.");
            }
            if (years.Count == 0 && row["timetable"].Length == 0) e.Add($"{row.Where}: column \"timetable\": blank; expected the years the action is timetabled for, e.g. 2007/08; 2008/09.");
            actions[row["ref"]] = new EqualityAction
            {
                Ref = row["ref"], Directorate = row["directorate"], Service = row.Optional("service"), PlanRef = row.Optional("plan"),
                Subject = row["subject"], Impact = impact, ActionsProposed = row["actions"], TimetableYears = years.Distinct().Order().ToList(),
                Officer = row["officer"], Order = actions.Count,
            };
        }
        foreach (var row in progressRows)
        {
            if (!actions.TryGetValue(row["action"], out var action)) { e.Add($"{row.Where}: column \"action\": no action \"{row["action"]}\" in actions.csv."); continue; }
            if (!Period.TryParse(row["period"], out var period) || period.Kind != PeriodKind.Quarter)
            { e.Add($"{row.Where}: column \"period\": \"{row["period"]}\" is not a quarter; expected e.g. 2015/16 Q2."); continue; }
            MilestoneProgress? progress = null;
            if (row.Optional("progress") is { } p)
            {
                if (StatusWords.TryParseMilestoneProgress(p, out var mp)) progress = mp;
                else e.Add($"{row.Where}: column \"progress\": \"{p}\" is not a progress status; expected green, amber, red, complete or blank.");
            }
            if (action.Updates.Any(u => u.Period == period)) { e.Add($"{row.Where}: column \"period\": a second update of {action.Ref} for {period}."); continue; }
            action.Updates.Add(new EqualityActionUpdate { Period = period, Progress = progress, Commentary = row.Optional("commentary") });
        }
        if (actions.Count == 0 && e.Count == 0) e.Add("actions.csv: no actions.");
        return (actions.Values.ToList(), e);
    }
}

/// <summary>The quarter's "Progress against high priority equality actions" of a plan's report.</summary>
public sealed record EqualitySection(Period Period, IReadOnlyList<EqualityAction> HighPriority);

public sealed class EqualityQuery(OutturnDbContext db)
{
    public async Task<List<EqualityAction>> ActionPlanAsync(string? directorate, EqualityImpact? impact, CancellationToken ct = default) =>
        (await db.Set<EqualityAction>().AsNoTracking().Include(a => a.Updates).ToListAsync(ct))
            .Where(a => directorate is null || string.Equals(a.Directorate, directorate, StringComparison.OrdinalIgnoreCase) || string.Equals(a.Service, directorate, StringComparison.OrdinalIgnoreCase))
            .Where(a => impact is null || a.Impact == impact)
            .OrderBy(a => a.Directorate, StringComparer.Ordinal).ThenBy(a => a.Service ?? "", StringComparer.Ordinal).ThenBy(a => a.Order)
            .ToList();

    /// <summary>The plan's High actions (its own, or its directorate's not tied to another plan) with their progress for the period.</summary>
    public async Task<EqualitySection> ForPlanAsync(Plan plan, Period period, CancellationToken ct = default)
    {
        var directorate = plan.Directorate?.ToLower();
        var actions = await db.Set<EqualityAction>().AsNoTracking().Include(a => a.Updates)
            .Where(a => a.PlanRef == plan.Ref || (a.PlanRef == null && directorate != null && a.Directorate.ToLower() == directorate))
            .ToListAsync(ct);
        return new EqualitySection(period, actions.Where(a => a.IsHighPriority).OrderBy(a => a.Order).ThenBy(a => a.Ref, StringComparer.Ordinal).ToList());
    }
}

public static class EqualityRegistration
{
    public static IServiceCollection AddEquality(this IServiceCollection services) =>
        services.AddScoped<EqualityImport>().AddScoped<EqualityQuery>();
}
