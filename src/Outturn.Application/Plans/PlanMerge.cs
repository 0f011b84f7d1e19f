using System.Globalization;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans;

/// <summary>
/// Merges a plan read from a folder into the plan held, by ref (priorities by ref when the folder gives one, else by name): new items are added,
/// changed fields updated, items the folder no longer has are retired. Figures, targets, judgements and commentary
/// the folder does not mention are kept as they are; nothing is removed. The audit interceptor records every change
/// when it is saved; this class only says, item by item, what it changed.
/// </summary>
internal sealed class PlanMerge(Plan held, DateOnly today, List<PlanChange> changes)
{
    private readonly Dictionary<Priority, Priority> _priorities = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Objective, Objective> _objectives = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Milestone, Milestone> _milestones = new(ReferenceEqualityComparer.Instance);

    public void Merge(Plan incoming, IReadOnlyList<Commentary> incomingCommentary, IReadOnlyList<Commentary> heldCommentary, Action<Commentary> addCommentary)
    {
        var d = new List<string>();
        Diff(d, "title", held.Title, incoming.Title);
        Diff(d, "kind", held.Kind, incoming.Kind);
        Diff(d, "first_year", Fy(held.FirstYear), Fy(incoming.FirstYear));
        Diff(d, "last_year", Fy(held.LastYear), Fy(incoming.LastYear));
        Diff(d, "organisation", held.Organisation, incoming.Organisation);
        Diff(d, "directorate", held.Directorate, incoming.Directorate);
        Diff(d, "status", held.Status, incoming.Status);
        Diff(d, "description", held.Description, incoming.Description);
        if (d.Count > 0) held.ImportDetails(incoming.Details, incoming.Status);
        Changed("plan", d);

        MergePriorities(incoming);
        MergeObjectives(incoming);
        MergeMilestones(incoming);
        MergeIndicators(incoming);
        MergeCommentary(incomingCommentary, heldCommentary, addCommentary);
    }

    /// <summary>A priority is the held one with the folder's ref when the folder gives one, else the one with its name.</summary>
    private void MergePriorities(Plan incoming)
    {
        var matched = new Dictionary<Priority, Priority>(ReferenceEqualityComparer.Instance);
        foreach (var p in incoming.Priorities)
        {
            var h = (p.Ref is { } r ? held.Priorities.FirstOrDefault(x => x.Ref == r) : null)
                    ?? held.Priorities.FirstOrDefault(x => x.Name == p.Name && (x.Ref is null || p.Ref is null || x.Ref == p.Ref));
            if (h is not null && !matched.Values.Contains(h)) matched[p] = h;
        }
        foreach (var gone in held.Priorities.Where(h => !matched.Values.Contains(h)).ToList()) RetireMissing(gone, $"priority {gone.Name}", gone.Name);
        foreach (var p in incoming.Priorities)
        {
            if (!matched.TryGetValue(p, out var h))
            {
                held.Priorities.Add(p);
                _priorities[p] = p;
                changes.Add(new("added", $"priority {p.Name}", p.Name));
                continue;
            }
            _priorities[p] = h;
            var d = new List<string>();
            var name = h.Name;
            Diff(d, "name", h.Name, p.Name);
            Diff(d, "ref", h.Ref, p.Ref);
            if (d.Count > 0) h.Rename(p.Name, p.Ref);
            Changed($"priority {name}", d);
            // The order follows the folder's rows; it is presentation, not a change to report.
            h.Order = p.Order;
            Retirement(h, p.RetiredOn, $"priority {h.Name}", h.Name);
        }
    }

    private void MergeObjectives(Plan incoming)
    {
        var byRef = held.Objectives.ToDictionary(o => o.Ref, StringComparer.Ordinal);
        var refs = incoming.Objectives.Select(o => o.Ref).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in held.Objectives.Where(o => !refs.Contains(o.Ref))) RetireMissing(gone, $"objective {gone.Ref}", gone.Title);
        foreach (var o in incoming.Objectives)
        {
            var priority = _priorities[o.Priority!];
            var details = o.Details with { Priority = priority };
            if (!byRef.TryGetValue(o.Ref, out var h))
            {
                o.Change(details);
                held.Objectives.Add(o);
                _objectives[o] = o;
                changes.Add(new("added", $"objective {o.Ref}", o.Title));
                continue;
            }
            _objectives[o] = h;
            var d = new List<string>();
            Diff(d, "title", h.Title, o.Title);
            Diff(d, "priority", h.Priority?.Name, priority.Name);
            Diff(d, "officer", h.Officer?.Name, o.Officer?.Name);
            Diff(d, "corporate_priority", h.CorporatePriority, o.CorporatePriority);
            Diff(d, "key", h.IsKey, o.IsKey);
            Diff(d, "key_developments", h.KeyDevelopments, o.KeyDevelopments);
            Diff(d, "emerging_issues", h.EmergingIssues, o.EmergingIssues);
            if (d.Count > 0) h.Change(details);
            h.Order = o.Order;
            Changed($"objective {h.Ref}", d);
            Retirement(h, o.RetiredOn, $"objective {h.Ref}", h.Title);
        }
    }

    private void MergeMilestones(Plan incoming)
    {
        var byRef = held.Milestones.ToDictionary(m => m.Ref, StringComparer.Ordinal);
        var refs = incoming.Milestones.Select(m => m.Ref).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in held.Milestones.Where(m => !refs.Contains(m.Ref))) RetireMissing(gone, $"milestone {gone.Ref}", gone.Text);
        foreach (var m in incoming.Milestones)
        {
            var objective = _objectives[m.Objective!];
            var priority = _priorities[m.Priority!];
            var details = new MilestoneDetails(objective, m.Text, m.Year, m.Due, m.Officer, priority);
            if (!byRef.TryGetValue(m.Ref, out var h))
            {
                m.Change(details);
                held.Milestones.Add(m);
                changes.Add(new("added", $"milestone {m.Ref}", m.Text));
                continue;
            }
            var d = new List<string>();
            Diff(d, "text", h.Text, m.Text);
            Diff(d, "objective", h.Objective?.Ref, objective.Ref);
            Diff(d, "year", Fy(h.Year), Fy(m.Year));
            Diff(d, "due", h.Due, m.Due);
            Diff(d, "officer", h.Officer?.Name, m.Officer?.Name);
            Diff(d, "priority", h.Priority?.Name, priority.Name);
            if (d.Count > 0) h.Change(details);
            h.Order = m.Order;
            foreach (var u in m.Updates)
            {
                var hu = h.Updates.FirstOrDefault(x => x.Period == u.Period);
                if (hu is null) { h.Updates.Add(u); d.Add($"progress for {u.Period} added"); continue; }
                Set(d, $"progress for {u.Period}", hu.Progress, u.Progress, v => hu.Progress = v);
                Set(d, $"commentary for {u.Period}", hu.Commentary, u.Commentary, v => hu.Commentary = v);
            }
            Changed($"milestone {h.Ref}", d);
            Retirement(h, m.RetiredOn, $"milestone {h.Ref}", h.Text);
        }
    }

    private void MergeIndicators(Plan incoming)
    {
        var byRef = held.Indicators.ToDictionary(i => i.Ref, StringComparer.Ordinal);
        var refs = incoming.Indicators.Select(i => i.Ref).ToHashSet(StringComparer.Ordinal);
        foreach (var gone in held.Indicators.Where(i => !refs.Contains(i.Ref))) RetireMissing(gone, $"measure {gone.Ref}", gone.Title);
        foreach (var i in incoming.Indicators)
        {
            var objective = i.Objective is null ? null : _objectives[i.Objective];
            var priority = _priorities[i.Priority!];
            if (!byRef.TryGetValue(i.Ref, out var h))
            {
                i.Place(objective, priority);
                held.Indicators.Add(i);
                changes.Add(new("added", $"measure {i.Ref}", i.Title));
                continue;
            }
            var d = new List<string>();
            Diff(d, "title", h.Title, i.Title);
            var placed = d.Count;
            Diff(d, "objective", h.Objective?.Ref, objective?.Ref);
            Diff(d, "priority", h.Priority?.Name, priority.Name);
            if (d.Count > placed) h.Place(objective, priority);
            var assigned = d.Count;
            Diff(d, "officer", h.Officer?.Name, i.Officer?.Name);
            if (d.Count > assigned) h.AssignTo(i.Officer);
            var defined = d.Count;
            Diff(d, "polarity", h.Polarity, i.Polarity);
            Diff(d, "unit", h.Unit, i.Unit);
            Diff(d, "precision", h.Precision, i.Precision);
            Diff(d, "frequency", h.Frequency, i.Frequency);
            Diff(d, "value_type", h.ValueType, i.ValueType);
            Diff(d, "tolerance", h.Tolerance, i.Tolerance);
            Diff(d, "key", h.IsKey, i.IsKey);
            Diff(d, "source", h.Source, i.Source);
            Diff(d, "type", h.Type, i.Type);
            Diff(d, "definition", h.Definition, i.Definition);
            Diff(d, "availability", h.Availability, i.Availability);
            Diff(d, "multiplier", h.Multiplier, i.Multiplier);
            Diff(d, "formula", h.Formula, i.Formula);
            Diff(d, "aggregation", h.Aggregation, i.Aggregation);
            Diff(d, "direction_basis", h.DirectionBasis, i.DirectionBasis);
            Diff(d, "minimum", h.Minimum, i.Minimum);
            Diff(d, "maximum", h.Maximum, i.Maximum);
            if (d.Count > defined || h.Title != i.Title) h.Redefine(i.DefinitionFields);
            h.Order = i.Order;

            foreach (var t in i.Targets)
            {
                var ht = h.Targets.FirstOrDefault(x => x.Period == t.Period);
                if (ht is null) { h.SetTarget(t.Period, t.State, t.Value, t.Note); d.Add($"target for {t.Period} added: {TargetText(t)}"); continue; }
                var before = d.Count;
                Diff(d, $"target for {t.Period}", TargetText(ht), TargetText(t));
                Diff(d, $"target note for {t.Period}", ht.Note, t.Note);
                if (d.Count > before) h.SetTarget(t.Period, t.State, t.Value, t.Note);
            }
            foreach (var v in i.Values)
            {
                var hv = h.Values.FirstOrDefault(x => x.Period == v.Period);
                if (hv is null) { h.Values.Add(v); d.Add($"value for {v.Period} added: {ValueText(v)}"); continue; }
                Set(d, $"value for {v.Period}", ValueText(hv), ValueText(v), _ => { hv.Value = v.Value; hv.Status = v.Status; });
                Set(d, $"value note for {v.Period}", hv.Note, v.Note, n => hv.Note = n);
                Set(d, $"internal value note for {v.Period}", hv.InternalNote, v.InternalNote, n => hv.InternalNote = n);
                Set(d, $"numerator for {v.Period}", hv.Numerator, v.Numerator, n => hv.Numerator = n);
                Set(d, $"denominator for {v.Period}", hv.Denominator, v.Denominator, n => hv.Denominator = n);
            }
            foreach (var o in i.Overrides)
            {
                var ho = h.Overrides.FirstOrDefault(x => x.Period == o.Period && x.Kind == o.Kind);
                if (ho is null) { h.Overrides.Add(o); d.Add($"{Word(o.Kind)} override for {o.Period} added: {o.Status}"); continue; }
                Set(d, $"{Word(o.Kind)} override for {o.Period}", ho.Status, o.Status, s => ho.Status = s);
                Set(d, $"{Word(o.Kind)} override reason for {o.Period}", ho.Reason, o.Reason, s => ho.Reason = s);
            }
            foreach (var c in i.Comparators)
            {
                var hc = h.Comparators.FirstOrDefault(x => x.Period == c.Period && x.Comparator == c.Comparator);
                if (hc is null) { h.Comparators.Add(c); d.Add($"{Word(c.Comparator)} comparator for {c.Period} added"); continue; }
                Set(d, $"{Word(c.Comparator)} comparator for {c.Period}", hc.Value, c.Value, x => hc.Value = x);
                Set(d, $"{Word(c.Comparator)} comparator note for {c.Period}", hc.Note, c.Note, x => hc.Note = x);
                Set(d, $"internal {Word(c.Comparator)} comparator note for {c.Period}", hc.InternalNote, c.InternalNote, x => hc.InternalNote = x);
            }
            Changed($"measure {h.Ref}", d);
            Retirement(h, i.RetiredOn, $"measure {h.Ref}", h.Title);
        }
    }

    /// <summary>A paragraph is matched by priority, period and position; paragraphs the folder does not have are kept.</summary>
    private void MergeCommentary(IReadOnlyList<Commentary> incoming, IReadOnlyList<Commentary> heldCommentary, Action<Commentary> add)
    {
        foreach (var c in incoming)
        {
            var priority = _priorities[c.Priority!];
            var h = heldCommentary.FirstOrDefault(x => x.PriorityId == priority.Id && priority.Id != 0 && x.Period == c.Period && x.Order == c.Order);
            if (h is null)
            {
                c.Priority = priority;
                add(c);
                changes.Add(new("changed", $"priority {priority.Name}", $"commentary for {c.Period} paragraph {c.Order} added"));
                continue;
            }
            var d = new List<string>();
            Set(d, $"commentary for {c.Period} paragraph {c.Order}", h.Text, c.Text, v => h.Text = v);
            Changed($"priority {priority.Name}", d);
        }
    }

    private void Changed(string item, List<string> diffs)
    {
        if (diffs.Count > 0) changes.Add(new("changed", item, string.Join("; ", diffs)));
    }

    private void RetireMissing(IRetirable item, string what, string title)
    {
        if (item.IsRetired) return;
        item.Retire(today);
        changes.Add(new("retired", what, $"{title} (not in the folder)"));
    }

    private void Retirement(IRetirable item, DateOnly? retiredOn, string what, string title)
    {
        if (retiredOn is { } on && !item.IsRetired)
        {
            item.Retire(on);
            changes.Add(new("retired", what, title));
        }
        else if (retiredOn is null && item.IsRetired)
        {
            item.Reinstate();
            changes.Add(new("reinstated", what, title));
        }
    }

    private static void Set<T>(List<string> diffs, string what, T old, T @new, Action<T> assign)
    {
        if (Diff(diffs, what, old, @new)) assign(@new);
    }

    /// <summary>Notes a field the folder changes, old → new; the caller applies the change through the item's own methods.</summary>
    private static bool Diff<T>(List<string> diffs, string what, T old, T @new)
    {
        if (EqualityComparer<T>.Default.Equals(old, @new)) return false;
        diffs.Add($"{what} {Show(old)} → {Show(@new)}");
        return true;
    }

    private static string Show(object? v) => v switch
    {
        null => "blank",
        string s => $"\"{s}\"",
        decimal d => PlanExport.Number(d),
        bool b => b ? "yes" : "no",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Enum e => e.ToString().ToLowerInvariant(),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Fy(int year) => Period.FinancialYear(year).ToString();

    private static string Word(Enum e) => e.ToString().ToLowerInvariant();

    private static string TargetText(Target t) => PlanExport.TargetText(t);

    private static string ValueText(IndicatorValue v) => v.Value is { } x ? $"{PlanExport.Number(x)} ({Word(v.Status)})" : Word(v.Status);
}
