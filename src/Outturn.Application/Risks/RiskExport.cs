using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Organisations;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Application.Risks;

/// <summary>
/// Writes the risk register as a risk register folder (docs/import-formats.md): every file and column import reads,
/// closed risks and every quarter's scores included, so that importing the folder gives the same register back.
/// </summary>
public sealed class RiskExport(OutturnDbContext db)
{
    public async Task<IReadOnlyList<(string File, string Text)>> FilesAsync(CancellationToken ct = default)
    {
        var risks = (await db.Set<Risk>().AsNoTracking().AsSplitQuery()
                .Include(r => r.Controls).ThenInclude(c => c.Updates).Include(r => r.Assessments).ToListAsync(ct))
            .OrderBy(r => r.Order).ThenBy(r => r.Ref, StringComparer.Ordinal).ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Ref, ct);
        static string? F(int? n) => n?.ToString(CultureInfo.InvariantCulture);
        return
        [
            ("risks.csv", RegisterCsv.Table(
                ["ref", "directorate", "service", "plan", "objective", "title", "description", "cause", "event", "consequence", "owner", "category",
                 "organisation", "review_date", "last_reviewed", "initial_likelihood", "initial_impact", "residual_likelihood", "residual_impact",
                 "target_likelihood", "target_impact", "status", "closed_on", "closure_reason"],
                risks.Select(r =>
                {
                    // A register kept without quarters keeps its scores here; a risk scored by quarter has them in scores.csv.
                    var held = r.Assessments.Count == 0;
                    return new[]
                    {
                        r.Ref, r.Directorate, r.Service, r.PlanRef, r.ObjectiveRef, r.Title, r.Description, r.Cause, r.Event, r.Consequence, r.Owner, r.Category,
                        r.OrganisationId is { } o ? organisations.GetValueOrDefault(o) : null, RegisterCsv.Date(r.ReviewDate), RegisterCsv.Date(r.LastReviewed),
                        held ? F(r.InitialLikelihood) : null, held ? F(r.InitialImpact) : null, held ? F(r.ResidualLikelihood) : null, held ? F(r.ResidualImpact) : null,
                        held ? F(r.TargetLikelihood) : null, held ? F(r.TargetImpact) : null,
                        r.State.ToString().ToLowerInvariant(), RegisterCsv.Date(r.ClosedOn), r.ClosureReason,
                    };
                }))),
            ("scores.csv", RegisterCsv.Table(
                ["risk", "period", "initial_likelihood", "initial_impact", "residual_likelihood", "residual_impact", "target_likelihood", "target_impact", "assessed_on"],
                risks.SelectMany(r => r.Assessments.OrderBy(a => a.Period).Select(a => new[]
                {
                    r.Ref, a.Period.ToString(), F(a.InitialLikelihood), F(a.InitialImpact), F(a.ResidualLikelihood), F(a.ResidualImpact),
                    F(a.TargetLikelihood), F(a.TargetImpact), RegisterCsv.Date(a.AssessedOn),
                })))),
            ("controls.csv", RegisterCsv.Table(["risk", "ref", "text", "owner", "due"],
                risks.SelectMany(r => r.Controls.OrderBy(c => c.Order).Select(c => new[] { r.Ref, c.Ref, c.Text, c.Owner, RegisterCsv.Date(c.Due) })))),
            ("control_progress.csv", RegisterCsv.Table(["risk", "control", "period", "progress", "commentary"],
                risks.SelectMany(r => r.Controls.OrderBy(c => c.Order).SelectMany(c => c.Updates.OrderBy(u => u.Period)
                    .Select(u => new[] { r.Ref, c.Ref, u.Period.ToString(), u.Progress?.ToWord(), u.Commentary }))))),
        ];
    }

    public async Task WriteAsync(string folder, CancellationToken ct = default) =>
        await RegisterCsv.WriteAsync(folder, await FilesAsync(ct), ct);
}

/// <summary>The registers' CSV files as import reads them: a header row, fields quoted where they need it, UTF-8 without a byte-order mark.</summary>
public static class RegisterCsv
{
    public static string Table(string[] header, IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }))
        {
            foreach (var h in header) csv.WriteField(h);
            csv.NextRecord();
            foreach (var row in rows)
            {
                foreach (var field in row) csv.WriteField(field ?? "");
                csv.NextRecord();
            }
        }
        return text.ToString();
    }

    public static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task WriteAsync(string folder, IReadOnlyList<(string File, string Text)> files, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        foreach (var (file, text) in files) await File.WriteAllTextAsync(Path.Combine(folder, file), text, new UTF8Encoding(false), ct);
    }
}
