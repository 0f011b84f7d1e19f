using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Outturn.Application.Demo;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Application.Documents;

/// <summary>
/// The Business Plan and the plan review. Their narrative (an objective's key developments and emerging issues; the
/// review's per-target text and the revised-priority blocks) is held beside the plan, in the <c>documents/</c>
/// folder of a plan folder (docs/import-formats.md, "Document text"); the plan itself, its milestones, measures and
/// targets come from the database.
/// </summary>
public sealed class DocumentContent(MonitoringQuery monitoring)
{
    /// <summary>Where plans' document text is looked for: the demo plan folders, then Outturn:Documents:ContentDirectory.</summary>
    public static string? FolderFor(string planRef)
    {
        var demo = Path.Combine(DemoData.PlansFolder, planRef, "documents");
        return Directory.Exists(demo) ? demo : null;
    }

    public static IReadOnlyList<Dictionary<string, string>> ReadRows(string? folder, string file)
    {
        if (folder is null) return [];
        var path = Path.Combine(folder, file);
        if (!File.Exists(path)) return [];
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true });
        var rows = new List<Dictionary<string, string>>();
        csv.Read();
        csv.ReadHeader();
        var header = csv.HeaderRecord!;
        while (csv.Read())
            rows.Add(header.Select((h, i) => (h, v: csv.GetField(i) ?? "")).ToDictionary(x => x.h, x => x.v.Trim(), StringComparer.Ordinal));
        return rows;
    }

    /// <summary>
    /// The Business Plan in the layout of the draft Business Plan 2016-19 (docs/sources.md §2.3): per objective,
    /// Corporate Priority, Service Objective, Key Developments, Emerging Issues, Key Milestones for the first year, and
    /// Linked Indicators with latest performance and a target for each of the plan's years. Null when no plan has the ref.
    /// </summary>
    public async Task<Document?> BusinessPlanAsync(string planRef, CancellationToken ct = default)
    {
        var plan = await monitoring.LoadPlanAsync(planRef, ct);
        return plan is null ? null : BusinessPlan(plan, ReadRows(FolderFor(planRef), "objective_notes.csv"));
    }

    public static Document BusinessPlan(Plan plan, IReadOnlyList<Dictionary<string, string>> notes)
    {
        var years = Enumerable.Range(plan.FirstYear, Math.Max(1, plan.LastYear - plan.FirstYear + 1)).Select(Period.FinancialYear).ToList();
        var first = years[0];
        var blocks = new List<Block> { new Heading(1, (plan.Status == PlanStatus.Draft ? "DRAFT " : "") + plan.Title) };
        if (plan.Organisation is not null) blocks.Add(new Field("Organisation", plan.Organisation));
        if (plan.Directorate is not null) blocks.Add(new Field("Directorate", plan.Directorate));
        blocks.Add(new Field("Period", $"{years[0]} to {years[^1]}"));
        var milestoneYear = $"{first.Year % 100:D2}-{(first.Year + 1) % 100:D2}";

        foreach (var o in plan.Objectives.OrderBy(o => o.Order))
        {
            blocks.Add(new Heading(2, $"{o.Ref}: {o.Title}"));
            blocks.Add(new Field("Corporate Priority", o.CorporatePriority ?? plan.Priorities.FirstOrDefault(p => p.Id == o.PriorityId)?.Name ?? ""));
            blocks.Add(new Field("Service Objective", $"{o.Ref}: {o.Title}"));
            foreach (var (kind, label) in new[] { ("key_development", "Key Developments"), ("emerging_issue", "Emerging Issues") })
            {
                blocks.Add(new Heading(3, label));
                var items = notes.Where(n => n.GetValueOrDefault("objective") == o.Ref && n.GetValueOrDefault("kind") == kind).Select(n => n["text"]).ToList();
                blocks.Add(items.Count == 0 ? new Paragraph("None reported.") : new BulletList(items));
            }
            blocks.Add(new Heading(3, $"Key Milestones ({milestoneYear})"));
            var milestones = plan.Milestones.Where(m => m.ObjectiveId == o.Id && m.Year == first.Year).OrderBy(m => m.Order).ToList();
            if (milestones.Count == 0) blocks.Add(new Paragraph("None set."));
            else
                blocks.Add(new Table($"Key milestones for {first} for {o.Ref}", ["Ref", "Milestone", "Due"],
                    milestones.Select(m => (IReadOnlyList<Cell>)[m.Ref, m.Text, m.Due?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? ""]).ToList())
                { Widths = [12, 70, 18] });
            var indicators = plan.Indicators.Where(i => i.ObjectiveId == o.Id).OrderBy(i => i.Order).ToList();
            blocks.Add(new Heading(3, "Linked Indicators"));
            if (indicators.Count == 0) blocks.Add(new Paragraph("None linked."));
            else
                blocks.Add(new Table($"Linked indicators for {o.Ref}: latest performance and targets", ["Ref", "Proposed measure", "Latest performance", .. years.Select(y => $"Target {y}")],
                    indicators.Select(i => (IReadOnlyList<Cell>)[i.Ref, i.Title, Latest(i, first), .. years.Select(y => (Cell)TargetText(i, y))]).ToList())
                { Widths = [10, 42, 12, .. years.Select(_ => 36 / years.Count)] });
        }
        return new Document(plan.Title, blocks) { Subject = $"{plan.Title}, {years[0]} to {years[^1]}" };
    }

    private static string Latest(Indicator i, Period firstYear)
    {
        var latest = i.Values.Where(v => v.Period.Start < firstYear.Start).OrderByDescending(v => v.Period.End).FirstOrDefault();
        if (latest is null) return "tbc";
        return latest.Value is null ? "tbc" : i.Format(latest.Value);
    }

    private static string TargetText(Indicator i, Period year) => i.Targets.FirstOrDefault(t => t.Period == year)?.Describe(i) ?? "tbc";

    /// <summary>
    /// The plan review in the layout of the 2007 review of the Children and Young People's Plan (docs/sources.md §4): Part 3,
    /// per outcome, each plan target with the year's performance, its status and the plans for the next period; then
    /// Part 4, the revised-priority blocks. Null when no plan has the ref.
    /// </summary>
    public async Task<Document?> PlanReviewAsync(string planRef, CancellationToken ct = default)
    {
        var plan = await monitoring.LoadPlanAsync(planRef, ct);
        if (plan is null) return null;
        var folder = FolderFor(planRef);
        return PlanReview(plan, ReadRows(folder, "plan_review.csv"), ReadRows(folder, "revised_priorities.csv"));
    }

    public static Document PlanReview(Plan plan, IReadOnlyList<Dictionary<string, string>> review, IReadOnlyList<Dictionary<string, string>> revised)
    {
        var first = Period.FinancialYear(plan.FirstYear);
        var next = $"{Period.FinancialYear(plan.FirstYear + 1)} to {Period.FinancialYear(plan.LastYear)}";
        var blocks = new List<Block>
        {
            new Heading(1, $"Review of the {plan.Title}"),
            new Field("Plan", $"{plan.Ref}: {plan.Title}"),
            new Field("Year reviewed", first.ToString()),
        };
        if (plan.Organisation is not null) blocks.Add(new Field("Partnership", plan.Organisation));

        blocks.Add(new Heading(2, $"Part 3: Progress against the plan's targets, {first}"));
        if (review.Count == 0) blocks.Add(new Paragraph("No review of the plan's targets is held."));
        foreach (var outcome in review.Select(r => r.GetValueOrDefault("outcome", "")).Distinct())
        {
            var rows = review.Where(r => r.GetValueOrDefault("outcome", "") == outcome).ToList();
            blocks.Add(new Heading(3, outcome));
            blocks.Add(new Landscape([new Table($"{outcome}: plan targets, performance {first}, status and plans for {next}",
                ["Plan target", $"Performance {first}", "Status", $"Plans for {next}"],
                rows.Select(r => (IReadOnlyList<Cell>)[r.GetValueOrDefault("plan_target", ""), r.GetValueOrDefault("performance", ""), Cell.Of(Symbols.Lamp(r.GetValueOrDefault("status"))), r.GetValueOrDefault("plans", "")]).ToList())
            { Widths = [28, 30, 10, 32], RowHeaders = false }]));
        }

        blocks.Add(new Heading(2, $"Part 4: Revised priorities for {next}"));
        if (revised.Count == 0) blocks.Add(new Paragraph("No revised priorities are held."));
        foreach (var group in revised.GroupBy(r => (Outcome: r.GetValueOrDefault("outcome", ""), Priority: r.GetValueOrDefault("priority", ""), Title: r.GetValueOrDefault("priority_title", ""))))
        {
            blocks.Add(new Heading(3, $"{group.Key.Outcome}: {group.Key.Priority} {group.Key.Title}"));
            foreach (var r in group)
            {
                string V(string k) => r.GetValueOrDefault(k) is { Length: > 0 } v ? v : "Not stated.";
                blocks.Add(new Table($"Revised priority target {r["target"]}", ["Heading", "Detail"],
                [
                    ["Target", $"{r["target"]} {V("target_text")}"],
                    ["Why this is important", V("why_important")],
                    ["Performance Data", V("performance_data")],
                    ["What the Performance Data means", V("data_means")],
                    ["What is working well and why", V("working_well")],
                    ["What will be done to improve performance and outcomes", V("what_will_be_done")],
                    ["Lead Organisation", V("lead_organisation")],
                    ["Partners", V("partners")],
                    ["Resources", V("resources")],
                ]) { Widths = [28, 72] });
            }
        }
        return new Document($"Review of the {plan.Title}", blocks) { Subject = $"{plan.Title}: review of {first} and revised priorities for {next}" };
    }
}
