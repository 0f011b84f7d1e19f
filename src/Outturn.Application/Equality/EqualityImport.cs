using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Application.Risks;
using Outturn.Domain;
using Outturn.Domain.Equality;
using Outturn.Domain.Organisations;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Application.Equality;

/// <summary>An equality action as an action plan folder gives it, with the line it came from.</summary>
public sealed record EqualityRow(string Where, string Ref, EqualityActionDetails Details, string? OrganisationRef, DateOnly? CompletedOn)
{
    public List<(string Where, Period Period, MilestoneProgress? Progress, string? Commentary)> Progress { get; } = [];
}

/// <summary>
/// Loads an equality action plan folder (docs/import-formats.md): actions.csv and optionally progress.csv. All of it
/// in one transaction, or, on any error, nothing. An action whose ref is held is merged: its details take the
/// folder's, the quarters' progress in the folder is added or changed, and nothing the folder leaves out is removed.
/// </summary>
public sealed class EqualityImport(OutturnDbContext db, EqualityStore store)
{
    public static readonly string[] KnownFiles = ["actions.csv", "progress.csv"];

    public async Task<RegisterImportResult> ImportAsync(string folder, CancellationToken ct = default)
    {
        var (rows, errors) = Read(folder);
        if (errors.Count > 0) return new RegisterImportResult(false, Data.ImportErrors.Capped(errors), 0, 0);
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Ref, o => o.Id, StringComparer.OrdinalIgnoreCase, ct);
        var (added, updated) = (0, 0);
        var order = await store.NextOrderAsync(ct);
        var reason = $"Imported from the equality action plan folder {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}";
        foreach (var row in rows)
        {
            int? organisationId = null;
            if (row.OrganisationRef is { } orgRef)
            {
                if (organisations.TryGetValue(orgRef, out var id)) organisationId = id;
                else { errors.Add($"{row.Where}: column \"organisation\": no organisation has the ref \"{orgRef}\"."); continue; }
            }
            var details = row.Details with { OrganisationId = organisationId };
            try
            {
                var action = await store.FindAsync(row.Ref, ct);
                if (action is null)
                {
                    store.Add(action = EqualityAction.Create(row.Ref, details, order++));
                    added++;
                }
                else
                {
                    action.Edit(details);
                    updated++;
                }
                // Progress first: a completed action takes its last quarters' progress before it is marked complete.
                if (action.IsComplete && row.CompletedOn is null) action.Reopen(reason);
                foreach (var p in row.Progress.OrderBy(p => p.Period))
                {
                    var have = action.For(p.Period);
                    if (have is not null && have.Progress == p.Progress && have.Commentary == p.Commentary) continue;
                    try { action.RecordProgress(p.Period, p.Progress, p.Commentary, row.CompletedOn ?? p.Period.End); }
                    catch (DomainException refused) { errors.Add($"{p.Where}: {refused.Message}"); }
                }
                if (row.CompletedOn is { } done && action.CompletedOn != done)
                {
                    if (action.IsComplete) action.Reopen(reason);
                    action.Complete(done);
                }
            }
            catch (DomainException refused)
            {
                errors.Add($"{row.Where}: {refused.Message}");
            }
        }
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            return new RegisterImportResult(false, Data.ImportErrors.Capped(errors), 0, 0);
        }
        await db.Because(reason).SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RegisterImportResult(true, [], added, updated);
    }

    public static (List<EqualityRow> Actions, List<string> Errors) Read(string folder)
    {
        var e = new List<string>();
        if (!Directory.Exists(folder)) return ([], [$"{folder}: no such folder."]);
        foreach (var extra in Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Where(f => !KnownFiles.Contains(f)))
            e.Add($"{extra}: not a file of the equality action plan format; the files are {string.Join(", ", KnownFiles)}.");
        var actionRows = CsvTable.Read(folder, "actions.csv", ["ref", "directorate", "subject", "impact", "actions", "timetable", "officer"],
            ["service", "plan", "strands", "organisation", "completed_on"], true, e);
        var progressRows = CsvTable.Read(folder, "progress.csv", ["action", "period", "progress"], ["commentary"], false, e);
        if (actionRows is null || progressRows is null) return ([], e);

        var actions = new Dictionary<string, EqualityRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in actionRows)
        {
            var refProblems = EqualityAction.RefProblems(row["ref"]);
            if (refProblems.Count > 0) { e.Add($"{row.Where}: column \"ref\": {refProblems[0].Message}"); continue; }
            if (actions.ContainsKey(row["ref"])) { e.Add($"{row.Where}: column \"ref\": duplicate action ref \"{row["ref"]}\"."); continue; }
            EqualityImpact? impact = null;
            if (EqualityWords.TryParseImpact(row["impact"], out var i)) impact = i;
            else if (row["impact"].Length > 0) e.Add($"{row.Where}: column \"impact\": \"{row["impact"]}\" is not an impact assessment; expected High, Medium, Low or None.");
            var years = new List<int>();
            foreach (var part in row["timetable"].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (Period.TryParseFinancialYear(part, out var y)) years.Add(y.Year);
                else e.Add($"{row.Where}: column \"timetable\": \"{part}\" is not a financial year; expected years such as 2007/08; 2008/09.");
            }
            var timetableBad = years.Count == 0 && row["timetable"].Length > 0;
            var strands = new List<EqualityStrand>();
            foreach (var part in (row.Optional("strands") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (EqualityWords.TryParseStrand(part, out var s)) strands.Add(s);
                else e.Add($"{row.Where}: column \"strands\": \"{part}\" is not a protected characteristic; expected {string.Join(", ", Enum.GetValues<EqualityStrand>().Select(x => x.ToWords()))}, separated by ;.");
            }
            var details = new EqualityActionDetails(row["subject"], strands, impact, row["actions"], years, row["officer"], row["directorate"],
                row.Optional("service"), row.Optional("plan"));
            foreach (var p in details.Problems().Where(p => !(timetableBad && p.Field == "timetable") && !(p.Field == "impact" && row["impact"].Length > 0)))
                e.Add($"{row.Where}: column \"{(p.Field == "actions" ? "actions" : p.Field)}\": {p.Message}");
            actions[row["ref"]] = new EqualityRow(row.Where, row["ref"], details, row.Optional("organisation"), RiskImport.Date(row, "completed_on", false, e));
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
            if (action.Progress.Any(u => u.Period == period)) { e.Add($"{row.Where}: column \"period\": a second update of {action.Ref} for {period}."); continue; }
            action.Progress.Add((row.Where, period, progress, row.Optional("commentary")));
        }
        if (actions.Count == 0 && e.Count == 0) e.Add("actions.csv: no actions.");
        return (actions.Values.ToList(), e);
    }
}
