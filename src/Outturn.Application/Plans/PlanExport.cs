using System.Globalization;
using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans;

/// <summary>
/// Writes a held plan as a plan folder (docs/import-formats.md): every file and column that import reads, retired
/// items included and marked with their date, so that importing the folder gives the same plan back.
/// </summary>
public sealed class PlanExport(OutturnDbContext db, MonitoringQuery monitoring)
{
    /// <summary>The folder's files, name to text, in the order the format lists them; null when no plan has the ref.</summary>
    public async Task<IReadOnlyList<(string File, string Text)>?> FilesAsync(string planRef, CancellationToken ct = default)
    {
        var plan = await monitoring.LoadPlanAsync(planRef, ct);
        if (plan is null) return null;
        var priorityIds = plan.Priorities.Select(p => p.Id).ToList();
        var commentary = await db.Commentaries.AsNoTracking().Where(c => priorityIds.Contains(c.PriorityId)).ToListAsync(ct);
        return Files(plan, commentary);
    }

    public async Task<bool> WriteAsync(string planRef, string folder, CancellationToken ct = default)
    {
        var files = await FilesAsync(planRef, ct);
        if (files is null) return false;
        Directory.CreateDirectory(folder);
        foreach (var (file, text) in files) await File.WriteAllTextAsync(Path.Combine(folder, file), text, new UTF8Encoding(false), ct);
        return true;
    }

    /// <summary>
    /// The plan check on a held plan, as on its exported folder: each finding names the file and line of that folder
    /// (the lines of the folder it was imported from, when the rows have not been reordered). Null when no plan has the ref.
    /// </summary>
    public async Task<IReadOnlyList<PlanFinding>?> CheckAsync(string planRef, DateOnly today, CancellationToken ct = default)
    {
        var folder = Path.Combine(Path.GetTempPath(), "outturn-plan-check", Guid.NewGuid().ToString("N"));
        try
        {
            if (!await WriteAsync(planRef, folder, ct)) return null;
            return PlanFolder.Read(folder, today).Findings;
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
    }

    /// <summary>The folder as a zip, one CSV file a plan folder file, for the plan page's download.</summary>
    public static byte[] Zip(IReadOnlyList<(string File, string Text)> files)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (file, text) in files)
            {
                var entry = zip.CreateEntry(file, CompressionLevel.Optimal);
                // A fixed time, so that the same plan gives the same bytes.
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                using var s = entry.Open();
                s.Write(new UTF8Encoding(false).GetBytes(text));
            }
        }
        return buffer.ToArray();
    }

    public static IReadOnlyList<(string File, string Text)> Files(Plan plan, IReadOnlyList<Commentary> commentary)
    {
        var priorities = plan.Priorities.OrderBy(p => p.Order).ThenBy(p => p.Id).ToList();
        var priorityName = plan.Priorities.ToDictionary(p => p.Id, p => p.Name);
        var objectives = plan.Objectives.OrderBy(o => o.Order).ThenBy(o => o.Id).ToList();
        var objectiveRef = plan.Objectives.ToDictionary(o => o.Id, o => o.Ref);
        var milestones = plan.Milestones.OrderBy(m => m.Order).ThenBy(m => m.Id).ToList();
        var indicators = plan.Indicators.OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();
        var officers = objectives.Select(o => o.Officer).Concat(milestones.Select(m => m.Officer)).Concat(indicators.Select(i => i.Officer))
            .OfType<Officer>().DistinctBy(o => o.Name).OrderBy(o => o.Name, StringComparer.Ordinal).ToList();

        var files = new List<(string, string)>
        {
            ("plan.csv", Table(["ref", "title", "kind", "first_year", "last_year", "organisation", "directorate", "status", "description"],
                [[plan.Ref, plan.Title, KindWord(plan.Kind), Fy(plan.FirstYear), Fy(plan.LastYear), plan.Organisation, plan.Directorate, Lower(plan.Status), plan.Description]])),
            ("officers.csv", Table(["name", "initials", "job_title", "organisation"],
                officers.Select(o => new[] { o.Name, o.Initials, o.JobTitle, o.Organisation }))),
            ("priorities.csv", Table(["name", "retired", "ref"], priorities.Select(p => new[] { p.Name, Date(p.RetiredOn), p.Ref }))),
            ("objectives.csv", Table(["ref", "title", "priority", "officer", "corporate_priority", "key", "retired", "key_developments", "emerging_issues"],
                objectives.Select(o => new[] { o.Ref, o.Title, priorityName[o.PriorityId], o.Officer?.Name, o.CorporatePriority, YesNo(o.IsKey), Date(o.RetiredOn), o.KeyDevelopments, o.EmergingIssues }))),
            ("milestones.csv", Table(["ref", "objective", "text", "year", "due", "officer", "priority", "retired"],
                milestones.Select(m => new[] { m.Ref, objectiveRef[m.ObjectiveId], m.Text, Fy(m.Year), Date(m.Due), m.Officer?.Name, priorityName[m.PriorityId], Date(m.RetiredOn) }))),
            ("indicators.csv", Table(
                ["ref", "title", "objective", "polarity", "unit", "precision", "frequency", "value_type", "tolerance", "key",
                 "priority", "officer", "source", "type", "definition", "availability", "retired", "multiplier", "formula", "aggregation", "direction_basis",
                 "minimum", "maximum"],
                indicators.Select(i => new[]
                {
                    i.Ref, i.Title, i.ObjectiveId is { } oid ? objectiveRef[oid] : null, Lower(i.Polarity), i.Unit,
                    i.Precision.ToString(CultureInfo.InvariantCulture), Lower(i.Frequency), Lower(i.ValueType), i.Tolerance?.ToString(), YesNo(i.IsKey),
                    priorityName[i.PriorityId], i.Officer?.Name, i.Source, i.Type, i.Definition, i.Availability, Date(i.RetiredOn),
                    i.Multiplier is { } m ? Number(m) : null, i.Formula, i.Aggregation?.ToWord(), i.DirectionBasis?.ToWord(),
                    i.Minimum is { } min ? Number(min) : null, i.Maximum is { } max ? Number(max) : null,
                }))),
            ("targets.csv", Table(["indicator", "period", "target", "note"],
                indicators.SelectMany(i => i.Targets.OrderBy(t => t.Period).Select(t => new[] { i.Ref, t.Period.ToString(), TargetText(t), t.Note })))),
            ("values.csv", Table(["indicator", "period", "value", "status", "note", "internal_note", "numerator", "denominator"],
                // A formula measure's values are computed, never imported: the folder leaves them out, as import expects.
                indicators.Where(i => i.Formula is null).SelectMany(i => i.Values.OrderBy(v => v.Period).Select(v => new[]
                {
                    i.Ref, v.Period.ToString(), v.Value is { } x ? Number(x) : null, Lower(v.Status), v.Note, v.InternalNote,
                    v.Numerator is { } n ? Number(n) : null, v.Denominator is { } d ? Number(d) : null,
                })))),
            ("milestone_progress.csv", Table(["milestone", "period", "progress", "commentary"],
                milestones.SelectMany(m => m.Updates.OrderBy(u => u.Period).Select(u => new[] { m.Ref, u.Period.ToString(), u.Progress is { } p ? Lower(p) : null, u.Commentary })))),
            ("overrides.csv", Table(["indicator", "period", "kind", "status", "reason"],
                indicators.SelectMany(i => i.Overrides.OrderBy(o => o.Period).ThenBy(o => o.Kind).Select(o => new[] { i.Ref, o.Period.ToString(), Lower(o.Kind), o.Status, o.Reason })))),
            ("commentary.csv", Table(["priority", "period", "text"],
                priorities.SelectMany(p => commentary.Where(c => c.PriorityId == p.Id).OrderBy(c => c.Period).ThenBy(c => c.Order).Select(c => new[] { p.Name, c.Period.ToString(), c.Text })))),
            ("comparators.csv", Table(["indicator", "period", "comparator", "value", "note", "internal_note"],
                indicators.SelectMany(i => i.Comparators.OrderBy(c => c.Period).ThenBy(c => c.Comparator)
                    .Select(c => new[] { i.Ref, c.Period.ToString(), ComparatorWord(c.Comparator), c.Value is { } x ? Number(x) : null, c.Note, c.InternalNote })))),
        };
        return files;
    }

    /// <summary>A figure as the folder writes it: no thousands separator, no trailing zeros (PostgreSQL gives 75.000000).</summary>
    public static string Number(decimal d) => (d / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string TargetText(Target t) => t.State switch
    {
        TargetState.Set => t.Value is { } v ? Number(v) : "",
        TargetState.ToBeConfirmed => "tbc",
        _ => "n/a",
    };

    private static string Table(string[] header, IEnumerable<string?[]> rows)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(',', header)).Append('\n');
        foreach (var row in rows) sb.Append(string.Join(',', row.Select(Field))).Append('\n');
        return sb.ToString();
    }

    private static string Field(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        return s.IndexOfAny([',', '"', '\n', '\r']) >= 0 || s != s.Trim() ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
    }

    private static string Fy(int year) => Domain.Periods.Period.FinancialYear(year).ToString();

    private static string? Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string YesNo(bool b) => b ? "yes" : "no";

    private static string Lower(Enum e) => e.ToString().ToLowerInvariant();

    private static string KindWord(PlanKind kind) => PlanKinds.ByWord.First(p => p.Value == kind).Key;

    private static string ComparatorWord(Comparator c) => c switch
    {
        Comparator.QuartileTop => "quartile-top",
        Comparator.QuartileMiddle => "quartile-middle",
        Comparator.QuartileBottom => "quartile-bottom",
        _ => Lower(c),
    };
}
