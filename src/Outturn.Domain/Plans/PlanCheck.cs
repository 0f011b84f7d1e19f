using System.Text;
using System.Text.RegularExpressions;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Plans;

public enum FindingLevel { Error, Warning }

/// <summary>One thing the plan check found, at the file and line of the plan folder it is on.</summary>
/// <param name="StopsImport">
/// True for the errors a folder cannot be loaded with (a duplicate ref, a measure with nowhere to be reported). The
/// others are reported with the import but do not stop it: the documents themselves contain them, and the plan must
/// be held to be corrected.
/// </param>
public sealed record PlanFinding(FindingLevel Level, string File, int Line, string Message, bool StopsImport = false)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

public sealed record OutlineItem(string Ref, string Text, string File, int Line);
public sealed record OutlineMilestone(string Ref, string Text, int? Year, DateOnly? Due, string File, int Line);
public sealed record OutlineMeasure(string Ref, string Title, bool HasObjective, bool HasPriority, string File, int Line);
public sealed record OutlineTarget(string Measure, Period Period, bool ToBeConfirmed, string File, int Line);
public sealed record OutlineValue(string Measure, Period Period, decimal? Value);

/// <summary>A plan as its folder states it, row by row with where each row is: what the plan check reads.</summary>
public sealed class PlanOutline
{
    public int FirstYear { get; init; }
    public int LastYear { get; init; }
    public List<OutlineItem> Objectives { get; } = [];
    public List<OutlineMilestone> Milestones { get; } = [];
    public List<OutlineMeasure> Measures { get; } = [];
    public List<OutlineTarget> Targets { get; } = [];
    public List<OutlineValue> Values { get; } = [];
}

/// <summary>
/// The mistakes plan documents contain, found before they reach a report. Errors stop an import; warnings are
/// printed for someone to look at (docs/import-formats.md, "Plan check").
/// </summary>
public static partial class PlanCheck
{
    public static IReadOnlyList<PlanFinding> Run(PlanOutline plan, DateOnly today)
    {
        var found = new List<PlanFinding>();
        void Error(string file, int line, string message) => found.Add(new(FindingLevel.Error, file, line, message));
        void Blocking(string file, int line, string message) => found.Add(new(FindingLevel.Error, file, line, message, StopsImport: true));
        void Warning(string file, int line, string message) => found.Add(new(FindingLevel.Warning, file, line, message));

        Duplicates(plan.Objectives.Select(o => (o.Ref, o.File, o.Line)), "objective", Blocking);
        Duplicates(plan.Milestones.Select(m => (m.Ref, m.File, m.Line)), "milestone", Blocking);
        Duplicates(plan.Measures.Select(m => (m.Ref, m.File, m.Line)), "indicator", Blocking);

        var span = $"{Period.FinancialYear(plan.FirstYear)} to {Period.FinancialYear(plan.LastYear)}";
        bool InPlan(int year) => year >= plan.FirstYear && year <= plan.LastYear;
        foreach (var m in plan.Milestones)
        {
            if (m.Year is not { } year) continue;
            if (!InPlan(year))
                Error(m.File, m.Line, $"milestone {m.Ref} is for {Period.FinancialYear(year)}, outside the plan's years ({span}).");
            var fy = Period.FinancialYear(year);
            if (m.Due is { } due && (due < fy.Start || due > fy.End))
                Error(m.File, m.Line, $"milestone {m.Ref} is due {due:yyyy-MM-dd}, outside its plan year {fy} ({fy.Start:d MMMM yyyy} to {fy.End:d MMMM yyyy}).");
        }
        foreach (var t in plan.Targets)
        {
            var year = t.Period.ContainingFinancialYear().Year;
            if (!InPlan(year))
                Error(t.File, t.Line, $"target for {t.Measure} in {t.Period} is outside the plan's years ({span}).");
            else if (t.ToBeConfirmed && t.Period.Start <= today)
                Warning(t.File, t.Line, $"target for {t.Measure} in {t.Period} is still tbc, and the period began on {t.Period.Start:d MMMM yyyy}.");
        }
        foreach (var m in plan.Measures.Where(m => !m.HasObjective && !m.HasPriority))
            Blocking(m.File, m.Line, $"measure {m.Ref} has neither an objective nor a priority; a measure is reported under one.");

        Pattern(plan.Objectives.Select(o => (o.Ref, o.File, o.Line)), "objective", Warning);
        Pattern(plan.Milestones.Select(m => (m.Ref, m.File, m.Line)), "milestone", Warning);
        Pattern(plan.Measures.Select(m => (m.Ref, m.File, m.Line)), "measure", Warning);

        foreach (var group in plan.Measures.GroupBy(m => Normal(m.Title)).Where(g => g.Key.Length > 0 && g.Count() > 1))
        {
            var first = group.First();
            foreach (var m in group.Skip(1))
                Warning(m.File, m.Line, $"measure {m.Ref} has the same title as {first.Ref} (line {first.Line}): \"{m.Title}\".");
        }

        foreach (var o in plan.Objectives) CutOff(o.File, o.Line, $"objective {o.Ref}", o.Text, Warning);
        foreach (var m in plan.Milestones) CutOff(m.File, m.Line, $"milestone {m.Ref}", m.Text, Warning);
        foreach (var m in plan.Measures) CutOff(m.File, m.Line, $"measure {m.Ref}", m.Title, Warning);

        // A figure printed the same for every year is more likely a chart copied flat than a real run of results.
        var byMeasure = plan.Values.Where(v => v.Period.Kind == PeriodKind.FinancialYear && v.Value is not null).GroupBy(v => v.Measure);
        foreach (var g in byMeasure)
        {
            var years = g.DistinctBy(v => v.Period).ToList();
            if (years.Count >= 3 && years.All(v => v.Value == years[0].Value) && plan.Measures.FirstOrDefault(m => m.Ref == g.Key) is { } measure)
                Warning(measure.File, measure.Line, $"measure {measure.Ref} has the same value, {years[0].Value!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}, for every one of its {years.Count} years ({years.Min(v => v.Period)} to {years.Max(v => v.Period)}).");
        }

        return found.OrderBy(f => f.Level).ThenBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
    }

    private static void Duplicates(IEnumerable<(string Ref, string File, int Line)> rows, string kind, Action<string, int, string> report)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (r, file, line) in rows)
        {
            if (r.Length == 0) continue;
            if (first.TryGetValue(r, out var at)) report(file, line, $"duplicate {kind} ref \"{r}\"; refs must be unique within a plan (first on line {at}).");
            else first[r] = line;
        }
    }

    /// <summary>
    /// A ref's shape: its letters, then n for each digit, then its suffix with a for a letter and n for a digit
    /// (PED001 is PEDnnn, PED014-2 is PEDnnn-n, CED08a is CEDnna). The most common shape of a kind is the plan's
    /// pattern; a ref of the same series (same first letter) with another shape is a likely slip.
    /// </summary>
    public static string Shape(string reference)
    {
        var m = RefParts().Match(reference);
        if (!m.Success) return reference;
        var sb = new StringBuilder(m.Groups["prefix"].Value);
        sb.Append('n', m.Groups["digits"].Length);
        foreach (var c in m.Groups["suffix"].Value) sb.Append(char.IsDigit(c) ? 'n' : char.IsLetter(c) ? 'a' : c);
        return sb.ToString();
    }

    private static void Pattern(IEnumerable<(string Ref, string File, int Line)> rows, string kind, Action<string, int, string> report)
    {
        var list = rows.Where(r => r.Ref.Length > 0).ToList();
        if (list.Count < 3) return;
        var shapes = list.GroupBy(r => Shape(r.Ref)).OrderByDescending(g => g.Count()).ToList();
        var pattern = shapes[0];
        if (pattern.Count() * 2 <= list.Count) return; // no shape most refs share: no pattern to break
        var series = char.ToUpperInvariant(pattern.Key[0]);
        foreach (var (r, file, line) in list.Where(r => Shape(r.Ref) != pattern.Key && char.ToUpperInvariant(r.Ref[0]) == series))
            report(file, line, $"{kind} ref \"{r}\" breaks the plan's pattern {pattern.Key} ({pattern.Count()} of {list.Count} {kind} refs, e.g. {pattern.First().Ref}).");
    }

    private static void CutOff(string file, int line, string what, string text, Action<string, int, string> report)
    {
        var t = text.TrimEnd();
        if (t.Length == 0) return;
        var lastWord = t.Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].ToLowerInvariant();
        if (t.EndsWith(',') || t.EndsWith(';') || lastWord is "and" or "or" or "&")
            report(file, line, $"{what} looks cut off mid-sentence: it ends \"…{t[Math.Max(0, t.Length - 30)..]}\".");
    }

    private static string Normal(string title) => string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    [GeneratedRegex(@"^(?<prefix>[A-Za-z ]*[A-Za-z])?(?<digits>\d+)(?<suffix>.*)$")]
    private static partial Regex RefParts();
}
