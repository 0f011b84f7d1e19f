using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Application.Risks;

public sealed record RegisterImportResult(bool Imported, IReadOnlyList<string> Errors, int Added, int Replaced);

/// <summary>
/// Loads a risk register folder (docs/import-formats.md, "Risk register folders"): risks.csv, controls.csv and
/// optionally control_progress.csv. All of it in one transaction, or, on any error, nothing. A risk whose ref is
/// already held is replaced with its control measures and their progress.
/// </summary>
public sealed class RiskImport(OutturnDbContext db)
{
    public static readonly string[] KnownFiles = ["risks.csv", "controls.csv", "control_progress.csv"];

    public async Task<RegisterImportResult> ImportAsync(string folder, CancellationToken ct = default)
    {
        var (risks, errors) = Read(folder);
        if (errors.Count > 0) return new RegisterImportResult(false, Data.ImportErrors.Capped(errors), 0, 0);
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var refs = risks.Select(r => r.Ref).ToList();
        var existing = await db.Set<Risk>().Where(r => refs.Contains(r.Ref)).ToListAsync(ct);
        db.RemoveRange(existing);
        await db.SaveChangesAsync(ct);
        db.AddRange(risks);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new RegisterImportResult(true, [], risks.Count - existing.Count, existing.Count);
    }

    public static (List<Risk> Risks, List<string> Errors) Read(string folder)
    {
        var e = new List<string>();
        if (!Directory.Exists(folder)) return ([], [$"{folder}: no such folder."]);
        foreach (var extra in Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Where(f => !KnownFiles.Contains(f)))
            e.Add($"{extra}: not a file of the risk register format; the files are {string.Join(", ", KnownFiles)}.");
        var riskRows = CsvTable.Read(folder, "risks.csv",
            ["ref", "directorate", "title", "owner", "category", "initial_likelihood", "initial_impact", "residual_likelihood", "residual_impact", "review_date"],
            ["service", "plan", "objective", "cause", "event", "consequence", "last_reviewed"], true, e);
        var controlRows = CsvTable.Read(folder, "controls.csv", ["risk", "ref", "text", "owner", "due"], [], true, e);
        var progressRows = CsvTable.Read(folder, "control_progress.csv", ["risk", "control", "period", "progress", "commentary"], [], false, e);
        if (riskRows is null || controlRows is null || progressRows is null) return ([], e);

        var risks = new Dictionary<string, Risk>(StringComparer.OrdinalIgnoreCase);
        var order = 0;
        foreach (var row in riskRows)
        {
            if (row["ref"].Length == 0) { e.Add($"{row.Where}: column \"ref\": blank; expected the risk's reference."); continue; }
            if (risks.ContainsKey(row["ref"])) { e.Add($"{row.Where}: column \"ref\": duplicate risk ref \"{row["ref"]}\"."); continue; }
            foreach (var c in new[] { "directorate", "title", "owner", "category" })
                if (row[c].Length == 0) e.Add($"{row.Where}: column \"{c}\": blank; a risk needs its {c}.");
            if (row.Optional("objective") is not null && row.Optional("plan") is null)
                e.Add($"{row.Where}: column \"plan\": blank; a risk linked to an objective names the objective's plan.");
            var il = Factor(row, "initial_likelihood", e);
            var ii = Factor(row, "initial_impact", e);
            var rl = Factor(row, "residual_likelihood", e);
            var ri = Factor(row, "residual_impact", e);
            var review = Date(row, "review_date", true, e);
            var last = Date(row, "last_reviewed", false, e);
            risks[row["ref"]] = new Risk
            {
                Ref = row["ref"], Directorate = row["directorate"], Service = row.Optional("service"),
                PlanRef = row.Optional("plan"), ObjectiveRef = row.Optional("objective"),
                Title = row["title"], Cause = row.Optional("cause"), Event = row.Optional("event"), Consequence = row.Optional("consequence"),
                Owner = row["owner"], Category = row["category"],
                InitialLikelihood = il, InitialImpact = ii, ResidualLikelihood = rl, ResidualImpact = ri,
                ReviewDate = review ?? default, LastReviewed = last, Order = order++,
            };
        }
        foreach (var row in controlRows)
        {
            if (!risks.TryGetValue(row["risk"], out var risk)) { e.Add($"{row.Where}: column \"risk\": no risk \"{row["risk"]}\" in risks.csv."); continue; }
            if (row["ref"].Length == 0) { e.Add($"{row.Where}: column \"ref\": blank; expected the measure's ref within its risk (a, b, c…)."); continue; }
            if (risk.Controls.Any(c => string.Equals(c.Ref, row["ref"], StringComparison.OrdinalIgnoreCase)))
            { e.Add($"{row.Where}: column \"ref\": duplicate control measure \"{row["ref"]}\" of risk {risk.Ref}."); continue; }
            if (row["text"].Length == 0) e.Add($"{row.Where}: column \"text\": blank; expected the risk control measure.");
            var due = Date(row, "due", false, e);
            risk.Controls.Add(new RiskControlMeasure { Ref = row["ref"], Text = row["text"], Owner = row.Optional("owner"), Due = due, Order = risk.Controls.Count });
        }
        foreach (var row in progressRows)
        {
            if (!risks.TryGetValue(row["risk"], out var risk)) { e.Add($"{row.Where}: column \"risk\": no risk \"{row["risk"]}\" in risks.csv."); continue; }
            var control = risk.Controls.FirstOrDefault(c => string.Equals(c.Ref, row["control"], StringComparison.OrdinalIgnoreCase));
            if (control is null) { e.Add($"{row.Where}: column \"control\": risk {risk.Ref} has no control measure \"{row["control"]}\" in controls.csv."); continue; }
            if (!Period.TryParse(row["period"], out var period) || period.Kind != PeriodKind.Quarter)
            { e.Add($"{row.Where}: column \"period\": \"{row["period"]}\" is not a quarter; expected e.g. 2015/16 Q2."); continue; }
            MilestoneProgress? progress = null;
            if (row.Optional("progress") is { } p)
            {
                if (StatusWords.TryParseMilestoneProgress(p, out var mp)) progress = mp;
                else e.Add($"{row.Where}: column \"progress\": \"{p}\" is not a progress status; expected green, amber, red, complete or blank.");
            }
            if (control.Updates.Any(u => u.Period == period)) { e.Add($"{row.Where}: column \"period\": a second update of {risk.Ref}{control.Ref} for {period}."); continue; }
            control.Updates.Add(new RiskControlUpdate { Period = period, Progress = progress, Commentary = row.Optional("commentary") });
        }
        if (risks.Count == 0 && e.Count == 0) e.Add("risks.csv: no risks.");
        return (risks.Values.ToList(), e);
    }

    private static int Factor(CsvRow row, string column, List<string> e)
    {
        if (int.TryParse(row[column], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && RiskScore.IsValidFactor(v)) return v;
        e.Add($"{row.Where}: column \"{column}\": \"{row[column]}\" is not 1, 2, 3 or 4.");
        return 1;
    }

    private static DateOnly? Date(CsvRow row, string column, bool required, List<string> e)
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
