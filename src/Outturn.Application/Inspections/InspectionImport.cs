using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain;
using Outturn.Domain.Inspections;

namespace Outturn.Application.Inspections;

public sealed record InspectionImportResult(bool Imported, IReadOnlyList<string> Errors, string? Ref, IReadOnlyList<string> Done);

/// <summary>
/// Loads an inspection folder (docs/import-formats.md, "Inspection folders"): inspection.csv, and optionally
/// grades.csv, judgements.csv, recommendations.csv and actions.csv. All of it or, on any error, nothing. An inspection
/// already held is merged by its reference: its details and grades are updated, recommendations matched by their
/// references, actions by recommendation and wording; nothing held is removed.
/// </summary>
public sealed class InspectionImport(OutturnDbContext db)
{
    public static readonly string[] KnownFiles = ["inspection.csv", "grades.csv", "judgements.csv", "recommendations.csv", "actions.csv"];

    private sealed record ActionRow(CsvRow Row, string Recommendation, string? Text, string Owner, DateOnly? Due, string? Plan, IReadOnlyList<string> Links);

    public async Task<InspectionImportResult> ImportAsync(string folder, CancellationToken ct = default)
    {
        var e = new List<string>();
        if (!Directory.Exists(folder)) return new(false, [$"{folder}: no such folder."], null, []);
        foreach (var extra in Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Where(f => !KnownFiles.Contains(f)))
            e.Add($"{extra}: not a file of the inspection format; the files are {string.Join(", ", KnownFiles)}.");
        var headRows = CsvTable.Read(folder, "inspection.csv", ["ref", "kind", "title", "inspectorates", "published"], ["reference", "address", "public"], true, e);
        var gradeRows = CsvTable.Read(folder, "grades.csv", ["area", "grade"], ["grade_word"], false, e);
        var judgementRows = CsvTable.Read(folder, "judgements.csv", ["area", "kind", "text"], ["paragraph"], false, e);
        var recommendationRows = CsvTable.Read(folder, "recommendations.csv", ["ref", "timescale", "responsible", "text"], ["area"], false, e);
        var actionRows = CsvTable.Read(folder, "actions.csv", ["recommendation", "owner"], ["action", "due", "plan", "links"], false, e);
        if (headRows is null || gradeRows is null || judgementRows is null || recommendationRows is null || actionRows is null) return new(false, e, null, []);
        if (headRows.Count != 1)
        {
            e.Add($"inspection.csv: {headRows.Count} rows; the file describes one inspection in one row under its header.");
            return new(false, e, null, []);
        }

        // ---- read and check every row before anything is changed
        var head = headRows[0];
        if (!InspectionWords.TryParseKind(head["kind"], out var kind))
            e.Add($"{head.Where}: column \"kind\": \"{head["kind"]}\" is not a kind of inspection; use ilacs, focused_visit, single_inspection, joint_area_review, annual_performance_assessment or other.");
        var published = Date(head, "published", e);
        var isPublic = true;
        if (head.Optional("public") is { } pub && !Bool(pub, out isPublic)) e.Add($"{head.Where}: column \"public\": \"{pub}\" is not yes or no.");
        var details = new InspectionDetails(kind, head["title"], head["inspectorates"], published ?? default, head.Optional("reference"), head.Optional("address"), isPublic);
        Inspection? probe = null;
        try { probe = Inspection.Record(head["ref"], details); }
        catch (DomainException x) { e.Add($"{head.Where}: {x.Message}"); }

        var grades = new List<(CsvRow Row, string Area, int Grade)>();
        foreach (var g in gradeRows)
        {
            if (!int.TryParse(g["grade"], NumberStyles.None, CultureInfo.InvariantCulture, out var grade) || grade is < 1 or > 4)
            { e.Add($"{g.Where}: column \"grade\": \"{g["grade"]}\" is not a grade 1 to 4 (4 outstanding, 3 good, 2 adequate or requires improvement, 1 inadequate)."); continue; }
            if (g.Optional("grade_word") is { } word && !string.Equals(word, InspectionWords.GradeWord(grade, kind), StringComparison.OrdinalIgnoreCase)
                && !string.Equals(word, InspectionWords.GradeWord(grade), StringComparison.OrdinalIgnoreCase))
            { e.Add($"{g.Where}: column \"grade_word\": grade {grade} is \"{InspectionWords.GradeWord(grade, kind)}\", not \"{word}\"."); continue; }
            if (g["area"].Length == 0) { e.Add($"{g.Where}: column \"area\": blank; a grade is for a judgement area."); continue; }
            if (grades.Any(x => string.Equals(x.Area, g["area"], StringComparison.OrdinalIgnoreCase))) { e.Add($"{g.Where}: column \"area\": \"{g["area"]}\" is graded twice."); continue; }
            grades.Add((g, g["area"], grade));
        }

        var judgements = new List<(CsvRow Row, KeyJudgementKind Kind)>();
        foreach (var k in judgementRows)
        {
            KeyJudgementKind? jk = k["kind"].ToLowerInvariant().Replace(' ', '_') switch
            {
                "strength" or "major_strength" => KeyJudgementKind.MajorStrength,
                "area_for_development" or "important_weakness" or "weakness" => KeyJudgementKind.ImportantWeakness,
                _ => null,
            };
            if (jk is null) { e.Add($"{k.Where}: column \"kind\": \"{k["kind"]}\" is not strength or area_for_development (major_strength and important_weakness are read too)."); continue; }
            if (k["area"].Length == 0 || k["text"].Length == 0) { e.Add($"{k.Where}: columns \"area\" and \"text\" are both needed."); continue; }
            judgements.Add((k, jk.Value));
        }

        var recommendations = new List<(CsvRow Row, RecommendationTimescale Timescale)>();
        foreach (var r in recommendationRows)
        {
            if (!InspectionWords.TryParseTimescale(r["timescale"], out var timescale))
            { e.Add($"{r.Where}: column \"timescale\": \"{r["timescale"]}\" is not immediate, within_six_months or longer_term."); continue; }
            foreach (var c in new[] { "ref", "responsible", "text" })
                if (r[c].Length == 0) e.Add($"{r.Where}: column \"{c}\": blank; a recommendation needs its {c}.");
            if (recommendations.Any(x => string.Equals(x.Row["ref"], r["ref"], StringComparison.OrdinalIgnoreCase))) e.Add($"{r.Where}: column \"ref\": recommendation \"{r["ref"]}\" appears twice.");
            recommendations.Add((r, timescale));
        }

        var actions = new List<ActionRow>();
        foreach (var a in actionRows)
        {
            if (a["owner"].Length == 0) { e.Add($"{a.Where}: column \"owner\": blank; an improvement action needs an owner."); continue; }
            var due = a.Optional("due") is null ? null : Date(a, "due", e);
            var links = (a.Optional("links") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (links.Length > 0 && a.Optional("plan") is null) { e.Add($"{a.Where}: column \"plan\": blank; links name milestones or measures of the plan given here."); continue; }
            actions.Add(new ActionRow(a, a["recommendation"], a.Optional("action"), a["owner"], due, a.Optional("plan"), links));
        }

        var held = probe is null ? null : await db.Set<Inspection>().Include(i => i.Grades).Include(i => i.KeyJudgements)
            .Include(i => i.Recommendations).ThenInclude(r => r.Actions).ThenInclude(x => x.Links)
            .AsSplitQuery().SingleOrDefaultAsync(i => i.Ref == probe.Ref, ct);
        var knownRecommendations = recommendations.Select(r => r.Row["ref"]).Concat(held?.Recommendations.Select(r => r.Ref) ?? []).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var a in actions.Where(a => !knownRecommendations.Contains(a.Recommendation)))
            e.Add($"{a.Row.Where}: column \"recommendation\": no recommendation \"{a.Recommendation}\" in recommendations.csv{(held is null ? "" : " or held")}.");

        // Links name plan items by reference: every one must be held.
        var targets = new Dictionary<(string Plan, string Item), (int? Milestone, int? Indicator)>();
        foreach (var a in actions.Where(a => a.Links.Count > 0))
        {
            var plan = await db.Plans.AsNoTracking().Where(p => p.Ref == a.Plan).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (plan is null) { e.Add($"{a.Row.Where}: column \"plan\": no plan has the reference \"{a.Plan}\"; import the plan first."); continue; }
            foreach (var item in a.Links)
            {
                var m = await db.Milestones.AsNoTracking().Where(x => x.PlanId == plan && x.Ref == item).Select(x => (int?)x.Id).SingleOrDefaultAsync(ct);
                var i = m is null ? await db.Indicators.AsNoTracking().Where(x => x.PlanId == plan && x.Ref == item).Select(x => (int?)x.Id).SingleOrDefaultAsync(ct) : null;
                if (m is null && i is null) e.Add($"{a.Row.Where}: column \"links\": {a.Plan} has no milestone or measure \"{item}\".");
                else targets[(a.Plan!, item)] = (m, i);
            }
        }
        if (e.Count > 0) return new(false, e, null, []);

        // ---- apply, in one transaction, through the inspection's own rules
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var inspection = held ?? probe!;
        try
        {
            if (held is null) db.Add(inspection);
            else inspection.Edit(details);
            foreach (var (_, area, grade) in grades) inspection.Grade(area, grade);
            foreach (var (row, jk) in judgements.Where(j => !inspection.KeyJudgements.Any(k => k.Kind == j.Kind && k.Area == j.Row["area"] && k.Text == j.Row["text"])))
                inspection.AddJudgement(row["area"], jk, row["text"], row.Optional("paragraph"));
            foreach (var (row, timescale) in recommendations)
            {
                var r = inspection.Recommendations.FirstOrDefault(x => string.Equals(x.Ref, row["ref"], StringComparison.OrdinalIgnoreCase));
                if (r is null) inspection.AddRecommendation(row["ref"], timescale, row["responsible"], row["text"], row.Optional("area"));
                else inspection.EditRecommendation(r, row["ref"], timescale, row["responsible"], row["text"], row.Optional("area"));
            }
            foreach (var a in actions)
            {
                var r = inspection.Recommendations.First(x => string.Equals(x.Ref, a.Recommendation, StringComparison.OrdinalIgnoreCase));
                var officer = await db.Officers.Where(o => o.Name == a.Owner).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
                var action = r.Actions.FirstOrDefault(x => string.Equals(x.Text, a.Text, StringComparison.Ordinal));
                if (action is null) action = inspection.AddAction(r, a.Text, a.Owner, officer, a.Due);
                else action.Assign(a.Text, a.Owner, officer, a.Due, inspection.PublishedOn);
                foreach (var link in a.Links)
                {
                    var (m, i) = targets[(a.Plan!, link)];
                    action.Link(m, i);
                }
            }
        }
        catch (DomainException x)
        {
            return new(false, [$"{folder}: {x.Message}"], null, []);
        }
        await db.Because($"imported from the inspection folder {Path.GetFileName(Path.TrimEndingDirectorySeparator(folder))}").SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(true, [], inspection.Ref,
            [$"{inspection.Ref}: {(held is null ? "recorded" : "merged")} with {inspection.Grades.Count} grades, {inspection.KeyJudgements.Count} key judgements, " +
             $"{inspection.Recommendations.Count} recommendations and {inspection.Recommendations.Sum(r => r.Actions.Count)} improvement actions."]);
    }

    private static DateOnly? Date(CsvRow row, string column, List<string> e)
    {
        if (DateOnly.TryParseExact(row[column], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        e.Add($"{row.Where}: column \"{column}\": \"{row[column]}\" is not a date as yyyy-mm-dd, for example 2008-07-22.");
        return null;
    }

    private static bool Bool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "yes" or "true" or "y" or "1": value = true; return true;
            case "no" or "false" or "n" or "0": value = false; return true;
            default: value = false; return false;
        }
    }
}
