using System.Globalization;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Domain.Plans;

/// <summary>How a plan version came about.</summary>
public enum PlanVersionKind
{
    /// <summary>The plan was approved: a draft became the plan in force.</summary>
    Approved,
    /// <summary>An approved plan was changed: one version for each day's changes.</summary>
    Amended,
    /// <summary>The plan as it was first held approved (imported as approved, or approved before versions were kept).</summary>
    Held,
}

/// <summary>
/// A plan as it stood at one version: its details and every item's definition and targets, in words. Versions are
/// compared item by item (by the item's identity, so a renamed priority is changed, not retired and added).
/// </summary>
public sealed record PlanSnapshot(IReadOnlyDictionary<string, string?> Plan, IReadOnlyList<SnapshotItem> Items)
{
    public static readonly string[] KindOrder = ["plan", "priority", "objective", "milestone", "measure", "target"];

    public static PlanSnapshot Of(Plan plan)
    {
        var gb = CultureInfo.GetCultureInfo("en-GB");
        string? Date(DateOnly? d) => d?.ToString("d MMMM yyyy", gb);
        string YesNo(bool b) => b ? "yes" : "no";
        var items = new List<SnapshotItem>();
        foreach (var p in plan.Priorities.OrderBy(p => p.Order).ThenBy(p => p.Id))
            items.Add(new("priority", p.Id, p.Ref ?? p.Name, p.Name, Date(p.RetiredOn), new Dictionary<string, string?>
            {
                ["name"] = p.Name, ["ref"] = p.Ref,
            }, null));
        foreach (var o in plan.Objectives.OrderBy(o => o.Order).ThenBy(o => o.Id))
            items.Add(new("objective", o.Id, o.Ref, o.Title, Date(o.RetiredOn), new Dictionary<string, string?>
            {
                ["text"] = o.Title, ["priority"] = o.Priority?.Name, ["responsible officer"] = o.Officer?.Name,
                ["corporate priority"] = o.CorporatePriority, ["key objective"] = YesNo(o.IsKey),
                ["key developments"] = o.KeyDevelopments, ["emerging issues"] = o.EmergingIssues,
            }, null));
        foreach (var m in plan.Milestones.OrderBy(m => m.Order).ThenBy(m => m.Id))
            items.Add(new("milestone", m.Id, m.Ref, m.Text, Date(m.RetiredOn), new Dictionary<string, string?>
            {
                ["text"] = m.Text, ["objective"] = m.Objective?.Ref, ["year"] = Period.FinancialYear(m.Year).ToString(),
                ["due date"] = Date(m.Due), ["responsible officer"] = m.Officer?.Name, ["priority"] = m.Priority?.Name,
            }, null));
        foreach (var i in plan.Indicators.OrderBy(i => i.Order).ThenBy(i => i.Id))
            items.Add(new("measure", i.Id, i.Ref, i.Title, Date(i.RetiredOn), new Dictionary<string, string?>
            {
                ["title"] = i.Title, ["objective"] = i.Objective?.Ref, ["priority"] = i.Priority?.Name,
                ["responsible officer"] = i.Officer?.Name, ["polarity"] = i.Polarity.ToString().ToLowerInvariant(),
                ["unit"] = i.Unit, ["decimal places"] = i.Precision.ToString(CultureInfo.InvariantCulture),
                ["frequency"] = i.Frequency.ToString().ToLowerInvariant(), ["value type"] = i.ValueType.ToString().ToLowerInvariant(),
                ["tolerance"] = i.Tolerance?.ToString(), ["key measure"] = YesNo(i.IsKey), ["source"] = i.Source, ["type"] = i.Type,
                ["definition"] = i.Definition, ["data availability"] = i.Availability,
                ["multiplier"] = Number(i.Multiplier), ["formula"] = i.Formula, ["aggregation"] = i.Aggregation?.ToWord(),
                ["direction compared with"] = i.DirectionBasis?.ToWord(), ["minimum"] = Number(i.Minimum), ["maximum"] = Number(i.Maximum),
            }, i.Targets.OrderBy(t => t.Period).ToDictionary(t => t.Period.ToString(), t => TargetWords(t, i))));
        return new PlanSnapshot(new Dictionary<string, string?>
        {
            ["title"] = plan.Title, ["kind"] = plan.Kind.ToWords(), ["years"] = plan.Span, ["organisation"] = plan.Organisation,
            ["directorate"] = plan.Directorate, ["description"] = plan.Description,
        }, items);
    }

    /// <summary>A target as the plan page prints it: "95%", "tbc", "n/a", with its note.</summary>
    public static string TargetWords(Target t, Indicator i)
    {
        var text = t.State switch
        {
            TargetState.Set => i.Format(t.Value),
            TargetState.ToBeConfirmed => "tbc",
            _ => "n/a",
        };
        return string.IsNullOrEmpty(t.Note) ? text : $"{text} ({t.Note})";
    }

    private static string? Number(decimal? d) => d is { } x ? (x / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>What changed from <paramref name="older"/> to <paramref name="newer"/>, item by item, in plan order.</summary>
    public static IReadOnlyList<PlanAmendment> Compare(PlanSnapshot older, PlanSnapshot newer)
    {
        var changes = new List<PlanAmendment>();
        var planDetails = Differences(older.Plan, newer.Plan);
        if (planDetails.Count > 0) changes.Add(new("plan", "", "the plan", "changed", planDetails));
        var before = older.Items.GroupBy(i => (i.Kind, i.Id)).ToDictionary(g => g.Key, g => g.First());
        foreach (var item in newer.Items)
        {
            if (!before.TryGetValue((item.Kind, item.Id), out var was))
            {
                changes.Add(new(item.Kind, item.Ref, item.Title, "added", item.Retired is null ? [] : [$"retired from {item.Retired}"]));
                continue;
            }
            var details = Differences(was.Fields, item.Fields);
            if (details.Count > 0) changes.Add(new(item.Kind, item.Ref, item.Title, "changed", details));
            if (was.Retired is null && item.Retired is not null) changes.Add(new(item.Kind, item.Ref, item.Title, "retired", [$"retired from {item.Retired}"]));
            if (was.Retired is not null && item.Retired is null) changes.Add(new(item.Kind, item.Ref, item.Title, "reinstated", []));
            foreach (var (period, target) in item.Targets ?? new Dictionary<string, string>())
            {
                var words = Period.TryParse(period, out var p) ? p.ToDisplayString() : period;
                if (was.Targets?.GetValueOrDefault(period) is not { } old)
                    changes.Add(new("target", item.Ref, item.Title, "added", [$"target for {words} set to {target}"]));
                else if (old != target)
                    changes.Add(new("target", item.Ref, item.Title, "changed", [$"target for {words} changed from {old} to {target}"]));
            }
        }
        return changes;
    }

    private static List<string> Differences(IReadOnlyDictionary<string, string?> older, IReadOnlyDictionary<string, string?> newer)
    {
        var details = new List<string>();
        foreach (var (field, value) in newer)
        {
            var old = older.GetValueOrDefault(field);
            if (old == value) continue;
            details.Add(old is null ? $"{field} set to {Quote(value)}" : value is null ? $"{field} cleared (was {Quote(old)})" : $"{field} changed from {Quote(old)} to {Quote(value)}");
        }
        return details;
    }

    private static string Quote(string? s) => s is null ? "blank" : s.Length <= 12 && !s.Contains(' ') ? s : $"“{s}”";

    /// <summary>"2 measures added, 1 target changed": how many of each kind of item each kind of change touched.</summary>
    public static string Summarise(IReadOnlyList<PlanAmendment> changes)
    {
        if (changes.Count == 0) return "no change";
        string[] actions = ["added", "changed", "retired", "reinstated"];
        var parts = changes
            .GroupBy(c => (c.Kind, c.Action))
            .OrderBy(g => Array.IndexOf(KindOrder, g.Key.Kind)).ThenBy(g => Array.IndexOf(actions, g.Key.Action))
            .Select(g => g.Key.Kind == "plan" ? $"plan details {g.Key.Action}" : $"{g.Count()} {Plural(g.Key.Kind, g.Count())} {g.Key.Action}");
        return string.Join(", ", parts);
    }

    private static string Plural(string kind, int n) => n == 1 ? kind : kind == "priority" ? "priorities" : kind + "s";
}

/// <summary>One item of a plan at a version: its kind and identity, ref and title, when it was retired, its fields and its targets in words.</summary>
public sealed record SnapshotItem(string Kind, int Id, string Ref, string Title, string? Retired, IReadOnlyDictionary<string, string?> Fields, IReadOnlyDictionary<string, string>? Targets);

/// <summary>One item's change between two versions: "measure CED099 added", "target of CED047 changed: target for 2015/16 changed from 5.4 to 5".</summary>
public sealed record PlanAmendment(string Kind, string Ref, string Title, string Action, IReadOnlyList<string> Details)
{
    public override string ToString() =>
        $"{Action} {(Kind == "target" ? $"target of {Ref}" : Kind == "plan" ? "plan" : $"{Kind} {Ref}")}{(Details.Count > 0 ? ": " + string.Join("; ", Details) : "")}";
}

/// <summary>
/// A version of an approved plan: the plan as approved, and then as amended on each day it was changed, each kept
/// with what it changed from the one before. A plan page shows "version 2, amended 3 November 2015: 2 measures
/// added, 1 target changed".
/// </summary>
public class PlanVersion
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public int Number { get; init; }
    public PlanVersionKind Kind { get; init; }
    /// <summary>The day of the version: when the plan was approved, or the day of the changes it holds.</summary>
    public DateOnly On { get; init; }
    /// <summary>When the version last changed (the day's latest change to the plan).</summary>
    public DateTimeOffset At { get; private set; }
    public required string By { get; set; }
    /// <summary>What changed from the version before, counted: "2 measures added, 1 target changed".</summary>
    public string Summary { get; private set; } = "";
    /// <summary>The plan at this version (a <see cref="PlanSnapshot"/> as JSON).</summary>
    public string Snapshot { get; private set; } = "";

    public static PlanVersion Start(int planId, int number, PlanVersionKind kind, DateOnly on, DateTimeOffset at, string by, string snapshot, string summary)
    {
        var v = new PlanVersion { PlanId = planId, Number = number, Kind = kind, On = on, By = by };
        v.Record(at, by, snapshot, summary);
        return v;
    }

    /// <summary>The day's further changes join the day's version: its plan and summary are brought up to date.</summary>
    public void Record(DateTimeOffset at, string by, string snapshot, string summary)
    {
        At = at;
        By = by;
        Snapshot = snapshot;
        Summary = summary;
    }

    /// <summary>"Version 2, amended 3 November 2015".</summary>
    public string Heading
    {
        get
        {
            var on = On.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
            return Kind switch
            {
                PlanVersionKind.Approved => $"Version {Number}, approved {on}",
                PlanVersionKind.Amended => $"Version {Number}, amended {on}",
                _ => $"Version {Number}, held as approved from {on}",
            };
        }
    }
}
