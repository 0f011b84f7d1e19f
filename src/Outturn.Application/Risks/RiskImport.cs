using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain;
using Outturn.Domain.Organisations;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Application.Risks;

/// <summary>What an import did: whether it was applied, every error (file, line, column, what was expected), and how many records it added and updated.</summary>
public sealed record RegisterImportResult(bool Imported, IReadOnlyList<string> Errors, int Added, int Updated);

/// <summary>A risk as a register folder gives it, with the line it came from.</summary>
public sealed record RiskRow(
    string Where, string Ref, RiskDetails Details, string? OrganisationRef, DateOnly ReviewDate, DateOnly? LastReviewed,
    RiskScores? HeldScores, bool Closed, DateOnly? ClosedOn, string? ClosureReason)
{
    public List<(string Where, Period Period, RiskScores Scores, DateOnly? On)> Quarters { get; } = [];
    public List<(string Where, string Ref, string Text, string? Owner, DateOnly? Due)> Controls { get; } = [];
    public List<(string Where, string Control, Period Period, MilestoneProgress? Progress, string? Commentary)> Progress { get; } = [];
}

/// <summary>
/// Loads a risk register folder (docs/import-formats.md, "Risk register folders"): risks.csv, and optionally
/// scores.csv, controls.csv and control_progress.csv. All of it in one transaction, or, on any error, nothing. A risk
/// whose ref is held is merged: its details, review dates and status take the folder's, the quarters, control
/// measures and progress in the folder are added or changed, and nothing the folder leaves out is removed.
/// </summary>
public sealed class RiskImport(OutturnDbContext db, RiskStore store)
{
    public static readonly string[] KnownFiles = ["risks.csv", "scores.csv", "controls.csv", "control_progress.csv"];

    private static readonly string[] ScoreColumns = ["initial_likelihood", "initial_impact", "residual_likelihood", "residual_impact", "target_likelihood", "target_impact"];

    public async Task<RegisterImportResult> ImportAsync(string folder, CancellationToken ct = default)
    {
        var (rows, errors) = Read(folder);
        if (errors.Count > 0) return new RegisterImportResult(false, Data.ImportErrors.Capped(errors), 0, 0);
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Ref, o => o.Id, StringComparer.OrdinalIgnoreCase, ct);
        var (added, updated) = (0, 0);
        var today = store.Today;
        var order = await store.NextOrderAsync(ct);
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
                var risk = await store.FindAsync(row.Ref, ct);
                if (risk is null)
                {
                    if (row.Quarters.Count == 0 && row.HeldScores is null)
                    {
                        errors.Add($"{row.Where}: a new risk needs its scores: the score columns of risks.csv, or its quarters in scores.csv.");
                        continue;
                    }
                    var first = row.Quarters.OrderBy(q => q.Period).FirstOrDefault();
                    risk = row.Quarters.Count > 0
                        ? Risk.Create(row.Ref, details, row.ReviewDate, first.Period, first.Scores.Initial, first.Scores.Residual, first.Scores.Target, first.On ?? first.Period.End, order++)
                        : Risk.CreateUnquartered(row.Ref, details, row.ReviewDate, row.HeldScores!.Initial, row.HeldScores.Residual, row.HeldScores.Target, order++);
                    store.Add(risk);
                    added++;
                }
                else
                {
                    if (risk.IsClosed && !row.Closed) risk.Reopen($"Imported from {Path.GetFileName(folder)}");
                    risk.Edit(details);
                    updated++;
                }
                Merge(risk, row, errors);
                if (row.Closed && !risk.IsClosed) risk.Close(row.ClosedOn ?? today, row.ClosureReason);
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
        await db.Because($"Imported from the risk register folder {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}").SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RegisterImportResult(true, [], added, updated);
    }

    /// <summary>The folder's quarters, control measures and progress into the risk: added or changed, never removed.</summary>
    private static void Merge(Risk risk, RiskRow row, List<string> errors)
    {
        void Try(string where, Action change)
        {
            try { change(); }
            catch (DomainException refused) { errors.Add($"{where}: {refused.Message}"); }
        }
        Try(row.Where, () => risk.ScheduleReview(row.ReviewDate, row.LastReviewed));
        if (row.HeldScores is { } held) Try(row.Where, () => risk.HoldScores(held.Initial, held.Residual, held.Target));
        foreach (var q in row.Quarters.OrderBy(q => q.Period))
        {
            var have = risk.Assessments.FirstOrDefault(a => a.Period == q.Period);
            if (have is not null && have.Initial == q.Scores.Initial && have.Residual == q.Scores.Residual && have.Target == q.Scores.Target) continue;
            Try(q.Where, () => risk.Assess(q.Period, q.Scores.Initial, q.Scores.Residual, q.Scores.Target, q.On ?? q.Period.End));
        }
        if (row.LastReviewed is { } last) Try(row.Where, () => risk.ScheduleReview(row.ReviewDate, last));
        foreach (var c in row.Controls)
        {
            if (risk.ControlFor(c.Ref) is null) Try(c.Where, () => risk.AddControl(c.Ref, c.Text, c.Owner, c.Due));
            else Try(c.Where, () => risk.EditControl(c.Ref, c.Text, c.Owner, c.Due));
        }
        foreach (var p in row.Progress)
        {
            var have = risk.ControlFor(p.Control)?.For(p.Period);
            if (have is not null && have.Progress == p.Progress && have.Commentary == p.Commentary) continue;
            Try(p.Where, () => risk.RecordProgress(p.Control, p.Period, p.Progress, p.Commentary));
        }
    }

    public static (List<RiskRow> Risks, List<string> Errors) Read(string folder)
    {
        var e = new List<string>();
        if (!Directory.Exists(folder)) return ([], [$"{folder}: no such folder."]);
        foreach (var extra in Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Where(f => !KnownFiles.Contains(f)))
            e.Add($"{extra}: not a file of the risk register format; the files are {string.Join(", ", KnownFiles)}.");
        var riskRows = CsvTable.Read(folder, "risks.csv",
            ["ref", "directorate", "title", "owner", "category", "review_date"],
            ["service", "plan", "objective", "description", "cause", "event", "consequence", "organisation", "last_reviewed",
             .. ScoreColumns, "status", "closed_on", "closure_reason"], true, e);
        var scoreRows = CsvTable.Read(folder, "scores.csv", ["risk", "period", .. ScoreColumns.Take(4)], [.. ScoreColumns.Skip(4), "assessed_on"], false, e);
        var controlRows = CsvTable.Read(folder, "controls.csv", ["risk", "ref", "text"], ["owner", "due"], false, e);
        var progressRows = CsvTable.Read(folder, "control_progress.csv", ["risk", "control", "period", "progress"], ["commentary"], false, e);
        if (riskRows is null || scoreRows is null || controlRows is null || progressRows is null) return ([], e);

        var risks = new Dictionary<string, RiskRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in riskRows)
        {
            var problems = Risk.RefProblems(row["ref"]);
            if (problems.Count > 0) { e.Add($"{row.Where}: column \"ref\": {problems[0].Message}"); continue; }
            if (risks.ContainsKey(row["ref"])) { e.Add($"{row.Where}: column \"ref\": duplicate risk ref \"{row["ref"]}\"."); continue; }
            var details = new RiskDetails(row["title"], row.Optional("description"), row.Optional("cause"), row.Optional("event"), row.Optional("consequence"),
                row["category"], row["owner"], row["directorate"], row.Optional("service"), null, row.Optional("plan"), row.Optional("objective"));
            foreach (var p in details.Problems()) e.Add($"{row.Where}: column \"{p.Field}\": {p.Message}");
            var review = Date(row, "review_date", true, e);
            var last = Date(row, "last_reviewed", false, e);
            var held = ScoreColumns.Any(c => row.Optional(c) is not null) ? Scores(row, e) : null;
            var status = row.Optional("status")?.ToLowerInvariant();
            if (status is not (null or "open" or "closed")) e.Add($"{row.Where}: column \"status\": \"{row["status"]}\" is not open or closed.");
            var closedOn = Date(row, "closed_on", false, e);
            if (status == "closed" && row.Optional("closure_reason") is null) e.Add($"{row.Where}: column \"closure_reason\": blank; a closed risk needs the reason it was closed.");
            if (status != "closed" && (closedOn is not null || row.Optional("closure_reason") is not null))
                e.Add($"{row.Where}: column \"status\": a risk with a closing date or reason is closed; set status to closed, or clear them.");
            risks[row["ref"]] = new RiskRow(row.Where, row["ref"], details, row.Optional("organisation"), review ?? default, last, held,
                status == "closed", closedOn, row.Optional("closure_reason"));
        }
        foreach (var row in scoreRows)
        {
            if (!risks.TryGetValue(row["risk"], out var risk)) { e.Add($"{row.Where}: column \"risk\": no risk \"{row["risk"]}\" in risks.csv."); continue; }
            if (Quarter(row, e) is not { } period) continue;
            if (risk.HeldScores is not null)
            {
                e.Add($"{row.Where}: risk {risk.Ref} has scores in risks.csv too; give a register's scores by quarter in scores.csv, or without quarters in risks.csv, not both.");
                continue;
            }
            if (risk.Quarters.Any(q => q.Period == period)) { e.Add($"{row.Where}: column \"period\": a second score of {risk.Ref} for {period}."); continue; }
            var scores = Scores(row, e);
            if (scores is not null) risk.Quarters.Add((row.Where, period, scores, Date(row, "assessed_on", false, e)));
        }
        foreach (var row in controlRows)
        {
            if (!risks.TryGetValue(row["risk"], out var risk)) { e.Add($"{row.Where}: column \"risk\": no risk \"{row["risk"]}\" in risks.csv."); continue; }
            if (row["ref"].Length == 0) { e.Add($"{row.Where}: column \"ref\": blank; expected the measure's ref within its risk (a, b, c…)."); continue; }
            if (risk.Controls.Any(c => string.Equals(c.Ref, row["ref"], StringComparison.OrdinalIgnoreCase)))
            { e.Add($"{row.Where}: column \"ref\": duplicate control measure \"{row["ref"]}\" of risk {risk.Ref}."); continue; }
            if (row["text"].Length == 0) e.Add($"{row.Where}: column \"text\": blank; expected the risk control measure.");
            risk.Controls.Add((row.Where, row["ref"], row["text"], row.Optional("owner"), Date(row, "due", false, e)));
        }
        foreach (var row in progressRows)
        {
            if (!risks.TryGetValue(row["risk"], out var risk)) { e.Add($"{row.Where}: column \"risk\": no risk \"{row["risk"]}\" in risks.csv."); continue; }
            if (Quarter(row, e) is not { } period) continue;
            MilestoneProgress? progress = null;
            if (row.Optional("progress") is { } p)
            {
                if (StatusWords.TryParseMilestoneProgress(p, out var mp)) progress = mp;
                else e.Add($"{row.Where}: column \"progress\": \"{p}\" is not a progress status; expected green, amber, red, complete or blank.");
            }
            if (risk.Progress.Any(u => u.Period == period && string.Equals(u.Control, row["control"], StringComparison.OrdinalIgnoreCase)))
            { e.Add($"{row.Where}: column \"period\": a second update of {risk.Ref}{row["control"]} for {period}."); continue; }
            risk.Progress.Add((row.Where, row["control"], period, progress, row.Optional("commentary")));
        }
        if (risks.Count == 0 && e.Count == 0) e.Add("risks.csv: no risks.");
        return (risks.Values.ToList(), e);
    }

    private static Period? Quarter(CsvRow row, List<string> e)
    {
        if (Period.TryParse(row["period"], out var period) && period.Kind == PeriodKind.Quarter) return period;
        e.Add($"{row.Where}: column \"period\": \"{row["period"]}\" is not a quarter; expected e.g. 2015/16 Q2.");
        return null;
    }

    private static RiskScores? Scores(CsvRow row, List<string> e)
    {
        var count = e.Count;
        var il = Factor(row, "initial_likelihood", true, e);
        var ii = Factor(row, "initial_impact", true, e);
        var rl = Factor(row, "residual_likelihood", true, e);
        var ri = Factor(row, "residual_impact", true, e);
        var tl = Factor(row, "target_likelihood", false, e);
        var ti = Factor(row, "target_impact", false, e);
        if ((tl is null) != (ti is null)) e.Add($"{row.Where}: column \"{(tl is null ? "target_likelihood" : "target_impact")}\": blank; a target needs both its likelihood and its impact.");
        if (e.Count > count) return null;
        return new RiskScores(new RiskScore(il!.Value, ii!.Value), new RiskScore(rl!.Value, ri!.Value), tl is { } l && ti is { } i ? new RiskScore(l, i) : null);
    }

    private static int? Factor(CsvRow row, string column, bool required, List<string> e)
    {
        var text = row[column];
        if (text.Length == 0 && !required) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && RiskScore.IsValidFactor(v)) return v;
        e.Add($"{row.Where}: column \"{column}\": \"{text}\" is not 1, 2, 3 or 4.");
        return null;
    }

    internal static DateOnly? Date(CsvRow row, string column, bool required, List<string> e)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            if (required) e.Add($"{row.Where}: column \"{column}\": blank; expected an ISO date such as 2016-03-31.");
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        e.Add($"{row.Where}: column \"{column}\": \"{text}\" is not a date; expected an ISO date such as 2016-03-31.");
        return null;
    }
}
