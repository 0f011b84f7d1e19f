using System.Globalization;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Plans;

public enum PlanKind { Cypp, BusinessPlan, ServicePlan, Strategy }

public enum PlanStatus { Draft, Approved }

public static class PlanKinds
{
    public static readonly IReadOnlyDictionary<string, PlanKind> ByWord = new Dictionary<string, PlanKind>(StringComparer.OrdinalIgnoreCase)
    {
        ["cypp"] = PlanKind.Cypp,
        ["business-plan"] = PlanKind.BusinessPlan,
        ["service-plan"] = PlanKind.ServicePlan,
        ["strategy"] = PlanKind.Strategy,
    };

    public static string ToWords(this PlanKind kind) => kind switch
    {
        PlanKind.Cypp => "Children and Young People's Plan",
        PlanKind.BusinessPlan => "Directorate business plan",
        PlanKind.ServicePlan => "Service plan",
        _ => "Strategy",
    };

    public static string ToWord(this PlanKind kind) => ByWord.First(k => k.Value == kind).Key;
}

/// <summary>
/// A priority, objective, milestone or measure. Items are never deleted (their figures, round items and history must
/// survive); an item that leaves the plan is retired on a date and can be reinstated.
/// </summary>
public interface IRetirable
{
    DateOnly? RetiredOn { get; }
    bool IsRetired { get; }
    /// <summary>The item in words, for messages: "measure CED033", "priority Be healthy".</summary>
    string Label { get; }
    void Retire(DateOnly on);
    void Reinstate();
}

internal static class Retirement
{
    public static DateOnly Retire(IRetirable item, DateOnly on) => item.RetiredOn is { } since
        ? throw new DomainException($"{Plan.Capitalise(item.Label)} is already retired (since {Plan.Date(since)}).", DomainRefusal.Conflict)
        : on;

    public static void Reinstate(IRetirable item)
    {
        if (!item.IsRetired) throw new DomainException($"{Plan.Capitalise(item.Label)} is in use, not retired: there is nothing to reinstate.", DomainRefusal.Conflict);
    }
}

/// <summary>The details of a plan that its owners set: what it is called, what kind, which years, who owns it.</summary>
public sealed record PlanDetails(string Title, PlanKind Kind, int FirstYear, int LastYear, string? Organisation, string? Directorate, string? Description);

/// <summary>
/// A plan and its performance framework: priorities, service objectives, milestones and measures. The plan guards the
/// rules that hold across its items when they are edited (unique refs, milestones and targets within its years, due
/// dates within their year, formulas that name its measures without a cycle); an import reports the same rules as
/// its plan check instead, because published plan documents break them and must still be held to be put right.
/// </summary>
public class Plan
{
    public const int MaxRefLength = 64;

    public int Id { get; set; }
    public required string Ref { get; init; }

    private string _title = "";
    public required string Title { get => _title; init => _title = value; }
    private PlanKind _kind;
    public PlanKind Kind { get => _kind; init => _kind = value; }
    private int _firstYear;
    /// <summary>Start year of the first financial year covered (2015 for 2015/16).</summary>
    public int FirstYear { get => _firstYear; init => _firstYear = value; }
    private int _lastYear;
    public int LastYear { get => _lastYear; init => _lastYear = value; }
    private string? _organisation;
    public string? Organisation { get => _organisation; init => _organisation = value; }
    private string? _directorate;
    public string? Directorate { get => _directorate; init => _directorate = value; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    private PlanStatus _status = PlanStatus.Approved;
    public PlanStatus Status { get => _status; init => _status = value; }
    private string? _description;
    public string? Description { get => _description; init => _description = value; }
    /// <summary>Optimistic concurrency: raised by every edit, so a page opened before someone else's save meets a conflict.</summary>
    public int Revision { get; private set; }

    public List<Priority> Priorities { get; set; } = [];
    public List<Objective> Objectives { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<Indicator> Indicators { get; set; } = [];

    public string Span => FirstYear == LastYear
        ? Period.FinancialYear(FirstYear).ToString()
        : $"{Period.FinancialYear(FirstYear)} to {Period.FinancialYear(LastYear)}";

    public bool Covers(Period period) =>
        period.Start >= Period.FinancialYear(FirstYear).Start && period.End <= Period.FinancialYear(LastYear).End;

    public PlanDetails Details => new(Title, Kind, FirstYear, LastYear, Organisation, Directorate, Description);

    /// <summary>A new plan, in draft until it is approved.</summary>
    public static Plan Create(string reference, PlanDetails details)
    {
        var r = RequireRef(reference, "plan");
        Check(details);
        return new Plan
        {
            Ref = r, Title = details.Title.Trim(), Kind = details.Kind, FirstYear = details.FirstYear, LastYear = details.LastYear,
            Organisation = Tidy(details.Organisation), Directorate = Tidy(details.Directorate), Description = Tidy(details.Description),
            Status = PlanStatus.Draft,
        };
    }

    /// <summary>
    /// Stops a save made from a page opened before someone else's; then raises the version so the next stale page
    /// is stopped too.
    /// </summary>
    public void EnsureRevision(int seen)
    {
        if (seen != Revision)
            throw new DomainException($"{Ref} has been changed by someone else since you opened this page. Open it again to see their change, then make yours.", DomainRefusal.Conflict);
        Revision++;
    }

    /// <summary>Raises the version without a check: an import changes the plan as a whole.</summary>
    public void Touch() => Revision++;

    /// <summary>Changes the plan's details. Narrowing its years is refused while items in use would fall outside them.</summary>
    public void ChangeDetails(PlanDetails details)
    {
        Check(details);
        if (details.FirstYear != FirstYear || details.LastYear != LastYear)
        {
            // Only what the change would strand: items already outside the years are the plan check's to report.
            bool Outside(int year) => year < details.FirstYear || year > details.LastYear;
            var milestones = Milestones.Where(m => !m.IsRetired && m.Year >= FirstYear && m.Year <= LastYear && Outside(m.Year)).Select(m => m.Ref).ToList();
            var targets = Indicators.Where(i => !i.IsRetired)
                .SelectMany(i => i.Targets.Where(t => Covers(t.Period) && Outside(t.Period.ContainingFinancialYear().Year)).Select(t => $"{i.Ref} {t.Period}")).ToList();
            if (milestones.Count + targets.Count > 0)
                throw new DomainException($"The years {Period.FinancialYear(details.FirstYear)} to {Period.FinancialYear(details.LastYear)} would leave " +
                    Join(milestones.Select(m => $"milestone {m}").Concat(targets.Select(t => $"the target for {t}")).ToList()) +
                    " outside the plan's years. Move or retire them first.");
        }
        Apply(details);
    }

    /// <summary>An import sets the details as its folder states them; the plan check reports what falls outside.</summary>
    public void ImportDetails(PlanDetails details, PlanStatus status)
    {
        Apply(details);
        _status = status;
    }

    private void Apply(PlanDetails d)
    {
        _title = d.Title.Trim();
        _kind = d.Kind;
        _firstYear = d.FirstYear;
        _lastYear = d.LastYear;
        _organisation = Tidy(d.Organisation);
        _directorate = Tidy(d.Directorate);
        _description = Tidy(d.Description);
    }

    /// <summary>Approving a draft makes it the plan in force; from then on each change makes a new version.</summary>
    public void Approve()
    {
        if (Status == PlanStatus.Approved) throw new DomainException($"{Ref} is already approved.", DomainRefusal.Conflict);
        if (Priorities.All(p => p.IsRetired)) throw new DomainException($"{Ref} has no priority yet: add its priorities, objectives and measures before approving it.");
        _status = PlanStatus.Approved;
    }

    public Priority AddPriority(string name, string? reference)
    {
        var (n, r) = CheckPriority(null, name, reference);
        var p = new Priority { Name = n, Ref = r, Order = NextOrder(Priorities.Select(x => x.Order)) };
        Priorities.Add(p);
        return p;
    }

    public void ChangePriority(Priority priority, string name, string? reference)
    {
        var (n, r) = CheckPriority(priority, name, reference);
        priority.Rename(n, r);
    }

    private (string Name, string? Ref) CheckPriority(Priority? self, string name, string? reference)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Enter the priority's name.");
        var n = name.Trim();
        if (n.Length > 300) throw new DomainException("A priority's name is at most 300 characters.");
        if (Priorities.Any(p => p != self && string.Equals(p.Name, n, StringComparison.Ordinal)))
            throw new DomainException($"{Ref} already has a priority named \"{n}\".");
        var r = string.IsNullOrWhiteSpace(reference) ? null : RequireRef(reference, "priority");
        if (r is not null && Priorities.Any(p => p != self && string.Equals(p.Ref, r, StringComparison.Ordinal)))
            throw new DomainException($"{Ref} already has a priority with the ref \"{r}\".");
        return (n, r);
    }

    public Objective AddObjective(string reference, ObjectiveDetails details)
    {
        var r = RequireRef(reference, "objective");
        if (Objectives.Any(o => o.Ref == r)) throw new DomainException($"{Ref} already has an objective {r}; refs are unique within a plan.");
        var priority = InUse(details.Priority);
        var o = new Objective { Ref = r, Title = "", Priority = priority, Order = NextOrder(Objectives.Select(x => x.Order)) };
        o.Change(details);
        Objectives.Add(o);
        return o;
    }

    public void ChangeObjective(Objective objective, ObjectiveDetails details)
    {
        if (details.Priority != objective.Priority) InUse(details.Priority);
        objective.Change(details);
    }

    public Milestone AddMilestone(string reference, MilestoneDetails details)
    {
        var r = RequireRef(reference, "milestone");
        if (Milestones.Any(m => m.Ref == r)) throw new DomainException($"{Ref} already has a milestone {r}; refs are unique within a plan.");
        CheckMilestone(r, details, null);
        var m = new Milestone { Ref = r, Text = "", Objective = details.Objective, Priority = details.Priority ?? details.Objective.Priority, Order = NextOrder(Milestones.Select(x => x.Order)) };
        m.Change(details);
        Milestones.Add(m);
        return m;
    }

    public void ChangeMilestone(Milestone milestone, MilestoneDetails details)
    {
        CheckMilestone(milestone.Ref, details, milestone);
        milestone.Change(details);
    }

    private void CheckMilestone(string reference, MilestoneDetails d, Milestone? held)
    {
        if (d.Objective != held?.Objective) InUse(d.Objective);
        var priority = d.Priority ?? d.Objective.Priority!;
        if (priority != held?.Priority) InUse(priority);
        if (d.Year < FirstYear || d.Year > LastYear)
            throw new DomainException($"Milestone {reference} is for {Period.FinancialYear(d.Year)}, outside the plan's years ({Span}).");
        var year = Period.FinancialYear(d.Year);
        if (d.Due is { } due && (due < year.Start || due > year.End))
            throw new DomainException($"Milestone {reference} is due {Date(due)}, outside its plan year {year} ({Date(year.Start)} to {Date(year.End)}).");
    }

    public Indicator AddMeasure(string reference, Objective? objective, Priority? priority, MeasureDefinition definition, Officer? officer)
    {
        var r = RequireRef(reference, "measure");
        if (Indicators.Any(i => i.Ref == r)) throw new DomainException($"{Ref} already has a measure {r}; refs are unique within a plan.");
        var reportedUnder = priority ?? objective?.Priority
            ?? throw new DomainException($"Measure {r} needs an objective or a priority to be reported under.");
        if (objective is not null) InUse(objective);
        InUse(reportedUnder);
        var i = new Indicator { Ref = r, Title = "", Objective = objective, Priority = reportedUnder, Officer = officer, Order = NextOrder(Indicators.Select(x => x.Order)) };
        i.Redefine(definition);
        Indicators.Add(i);
        try { CheckFormulas(); }
        catch { Indicators.Remove(i); throw; }
        return i;
    }

    /// <summary>Changes a measure's definition; a formula must name measures of this plan and make no cycle.</summary>
    public void RedefineMeasure(Indicator indicator, MeasureDefinition definition)
    {
        var before = indicator.DefinitionFields;
        indicator.Redefine(definition);
        try { CheckFormulas(); }
        catch { indicator.Redefine(before); throw; }
    }

    public void PlaceMeasure(Indicator indicator, Objective? objective, Priority? priority)
    {
        var reportedUnder = priority ?? objective?.Priority
            ?? throw new DomainException($"Measure {indicator.Ref} needs an objective or a priority to be reported under.");
        if (objective is not null && objective != indicator.Objective) InUse(objective);
        if (reportedUnder != indicator.Priority) InUse(reportedUnder);
        indicator.Place(objective, reportedUnder);
    }

    private void CheckFormulas()
    {
        if (FormulaMeasures.Check(Indicators).FirstOrDefault() is { Ref: not null } problem)
            throw new DomainException($"Measure {problem.Ref}: {Capitalise(problem.Problem)}");
    }

    /// <summary>
    /// Sets a year's target or a quarter's profiled target, within the plan's years. Once an approved plan's year has
    /// begun, changing a target it already has needs a reason, which the audit trail keeps beside the change.
    /// </summary>
    public Target ChangeTarget(Indicator indicator, Period period, TargetState state, decimal? value, string? note, DateOnly today, string? reason)
    {
        if (period.Kind is not (PeriodKind.FinancialYear or PeriodKind.Quarter))
            throw new DomainException($"A target is for a financial year (2015/16) or one of its quarters (2015/16 Q2); {period} is neither.");
        if (!Covers(period)) throw new DomainException($"The target for {indicator.Ref} in {period} is outside the plan's years ({Span}).");
        var held = indicator.Targets.FirstOrDefault(t => t.Period == period);
        var year = period.ContainingFinancialYear();
        var changes = held is not null && !held.Is(state, value, note);
        if (changes && Status == PlanStatus.Approved && year.Start <= today && string.IsNullOrWhiteSpace(reason))
            throw new DomainException($"{year} began on {Date(year.Start)}: say why the target for {indicator.Ref} in {period} is changing.");
        return indicator.SetTarget(period, state, value, note);
    }

    public void Retire(IRetirable item, DateOnly on)
    {
        var inUse = item switch
        {
            Priority p => Objectives.Where(o => o.Priority == p && !o.IsRetired).Select(o => o.Label)
                .Concat(Indicators.Where(i => i.Priority == p && i.Objective is null && !i.IsRetired).Select(i => i.Label)).ToList(),
            Objective o => Milestones.Where(m => m.Objective == o && !m.IsRetired).Select(m => m.Label)
                .Concat(Indicators.Where(i => i.Objective == o && !i.IsRetired).Select(i => i.Label)).ToList(),
            Indicator i => Indicators.Where(x => x != i && !x.IsRetired && x.Formula is not null && FormulaNames(x.Formula, i.Ref)).Select(x => $"{x.Label} (its formula)").ToList(),
            _ => [],
        };
        if (inUse.Count > 0)
            throw new DomainException($"{Capitalise(item.Label)} cannot be retired while {Join(inUse)} {(inUse.Count == 1 ? "is" : "are")} in use under it. Retire or move {(inUse.Count == 1 ? "it" : "them")} first.", DomainRefusal.Conflict);
        item.Retire(on);
    }

    private static bool FormulaNames(string formula, string measure) =>
        Formulas.Formula.TryParse(formula, out var f, out _) && f!.Refs.Contains(measure, StringComparer.Ordinal);

    public void Reinstate(IRetirable item)
    {
        var parent = item switch
        {
            Objective o => (IRetirable?)o.Priority,
            Milestone m => m.Objective,
            Indicator i => (IRetirable?)i.Objective ?? i.Priority,
            _ => null,
        };
        if (parent is { IsRetired: true })
            throw new DomainException($"{Capitalise(item.Label)} is under {parent.Label}, which is retired: reinstate {parent.Label} first.", DomainRefusal.Conflict);
        item.Reinstate();
    }

    /// <summary>Moves an item one place up (-1) or down (+1) among the items of its parent, as the plan page lists them.</summary>
    public void Move(object item, int by)
    {
        List<(object Item, int Order, int Id, Action<int> Set)> siblings = item switch
        {
            Priority p => Priorities.Select(x => ((object)x, x.Order, x.Id, (Action<int>)(n => x.Order = n))).ToList(),
            Objective o => Objectives.Where(x => x.Priority == o.Priority).Select(x => ((object)x, x.Order, x.Id, (Action<int>)(n => x.Order = n))).ToList(),
            Milestone m => Milestones.Where(x => x.Objective == m.Objective).Select(x => ((object)x, x.Order, x.Id, (Action<int>)(n => x.Order = n))).ToList(),
            Indicator i => Indicators.Where(x => i.Objective is not null ? x.Objective == i.Objective : x.Objective is null && x.Priority == i.Priority)
                .Select(x => ((object)x, x.Order, x.Id, (Action<int>)(n => x.Order = n))).ToList(),
            _ => throw new ArgumentException("Only priorities, objectives, milestones and measures are ordered.", nameof(item)),
        };
        siblings = siblings.OrderBy(s => s.Order).ThenBy(s => s.Id).ToList();
        var at = siblings.FindIndex(s => ReferenceEquals(s.Item, item));
        var to = at + Math.Sign(by);
        if (to < 0 || to >= siblings.Count)
            throw new DomainException($"{Capitalise(((IRetirable)item).Label)} is already {(by < 0 ? "first" : "last")} in its list.", DomainRefusal.Conflict);
        // Orders are a plan-wide sequence; siblings swap theirs, so other lists keep their places.
        var (a, b) = (siblings[at], siblings[to]);
        var (orderA, orderB) = a.Order == b.Order ? (b.Order + Math.Sign(by), b.Order) : (b.Order, a.Order);
        a.Set(orderA);
        b.Set(orderB);
    }

    private T InUse<T>(T item) where T : IRetirable =>
        item.IsRetired ? throw new DomainException($"{Capitalise(item.Label)} is retired: reinstate it first, or choose another.") : item;

    private static int NextOrder(IEnumerable<int> orders) => orders.DefaultIfEmpty(0).Max() + 1;

    private static void Check(PlanDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainException("Enter the plan's title.");
        if (d.Title.Trim().Length > 300) throw new DomainException("A plan's title is at most 300 characters.");
        if (d.FirstYear > d.LastYear)
            throw new DomainException($"The first year, {Period.FinancialYear(d.FirstYear)}, is after the last, {Period.FinancialYear(d.LastYear)}.");
        if (d.LastYear - d.FirstYear > 9) throw new DomainException("A plan covers at most ten years.");
    }

    public static string RequireRef(string? reference, string what)
    {
        if (string.IsNullOrWhiteSpace(reference)) throw new DomainException($"Enter the {what}'s ref.");
        var r = reference.Trim();
        if (r.Length > MaxRefLength) throw new DomainException($"A {what} ref is at most {MaxRefLength} characters; \"{r[..20]}…\" is longer.");
        if (r.IndexOfAny(['/', '\\', '?', '#', '[', ']']) >= 0) throw new DomainException($"A {what} ref cannot contain / \\ ? # [ or ]; \"{r}\" does.");
        return r;
    }

    internal static string? Tidy(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    internal static string Date(DateOnly d) => d.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    internal static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        <= 4 => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
        _ => string.Join(", ", items.Take(3)) + $" and {items.Count - 3} more",
    };
}

/// <summary>A theme a plan's objectives, milestones and measures are reported under (a plan priority or an ECM outcome).</summary>
public class Priority : IRetirable
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    private string _name = "";
    public required string Name { get => _name; init => _name = value; }
    private string? _ref;
    /// <summary>
    /// An optional ref that stays when the priority is renamed: an import matches priorities by it when the folder
    /// gives one, and by name otherwise.
    /// </summary>
    public string? Ref { get => _ref; init => _ref = value; }
    public int Order { get; set; }

    /// <summary>Set when the item left the plan; a retired item keeps its figures and history but joins no new round.</summary>
    public DateOnly? RetiredOn { get; private set; }
    public bool IsRetired => RetiredOn is not null;
    public string Label => $"priority \"{Name}\"";
    public void Retire(DateOnly on) => RetiredOn = Retirement.Retire(this, on);
    public void Reinstate() { Retirement.Reinstate(this); RetiredOn = null; }

    public void Rename(string name, string? reference)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Enter the priority's name.");
        _name = name.Trim();
        _ref = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
    }
}

/// <summary>A named person responsible for objectives, milestones, measures and commentary.</summary>
public class Officer
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? Initials { get; set; }
    public string? JobTitle { get; set; }
    public string? Organisation { get; set; }
    /// <summary>The organisation the officer works for, within the partnership's hierarchy.</summary>
    public int? OrganisationId { get; set; }
}

/// <summary>What an objective's owners set: its text, where it is reported, who is responsible, and the business plan's narrative.</summary>
public sealed record ObjectiveDetails(
    string Title, Priority Priority, Officer? Officer, string? CorporatePriority, bool IsKey, string? KeyDevelopments, string? EmergingIssues);

public class Objective : IRetirable
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Ref { get; init; }
    private string _title = "";
    public required string Title { get => _title; init => _title = value; }
    public int PriorityId { get; set; }
    private Priority? _priority;
    public Priority? Priority { get => _priority; init => _priority = value; }
    public int? OfficerId { get; set; }
    private Officer? _officer;
    public Officer? Officer { get => _officer; init => _officer = value; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    private string? _corporatePriority;
    /// <summary>The council's corporate priority the objective serves, as a theme tag.</summary>
    public string? CorporatePriority { get => _corporatePriority; init => _corporatePriority = value; }
    private bool _isKey;
    public bool IsKey { get => _isKey; init => _isKey = value; }
    private string? _keyDevelopments;
    /// <summary>The business plan's "Key Developments" for the objective: one point a line.</summary>
    public string? KeyDevelopments { get => _keyDevelopments; init => _keyDevelopments = value; }
    private string? _emergingIssues;
    /// <summary>The business plan's "Emerging Issues" for the objective: one point a line.</summary>
    public string? EmergingIssues { get => _emergingIssues; init => _emergingIssues = value; }
    public int Order { get; set; }

    /// <summary>Set when the item left the plan; a retired item keeps its figures and history but joins no new round.</summary>
    public DateOnly? RetiredOn { get; private set; }
    public bool IsRetired => RetiredOn is not null;
    public string Label => $"objective {Ref}";
    public void Retire(DateOnly on) => RetiredOn = Retirement.Retire(this, on);
    public void Reinstate() { Retirement.Reinstate(this); RetiredOn = null; }

    public ObjectiveDetails Details => new(Title, Priority!, Officer, CorporatePriority, IsKey, KeyDevelopments, EmergingIssues);

    public void Change(ObjectiveDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainException($"Enter the text of objective {Ref}.");
        _title = d.Title.Trim();
        _priority = d.Priority;
        _officer = d.Officer;
        _corporatePriority = Plan.Tidy(d.CorporatePriority);
        _isKey = d.IsKey;
        _keyDevelopments = Points(d.KeyDevelopments);
        _emergingIssues = Points(d.EmergingIssues);
    }

    public void AssignTo(Officer? officer) => _officer = officer;

    /// <summary>Points typed one a line: blank lines and trailing spaces dropped, line breaks made plain.</summary>
    public static string? Points(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return string.Join("\n", text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }
}

/// <summary>What a milestone's owners set. A null priority means its objective's.</summary>
public sealed record MilestoneDetails(Objective Objective, string Text, int Year, DateOnly? Due, Officer? Officer, Priority? Priority);

public class Milestone : IRetirable
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public required string Ref { get; init; }
    public int ObjectiveId { get; set; }
    private Objective? _objective;
    public Objective? Objective { get => _objective; init => _objective = value; }
    private string _text = "";
    public required string Text { get => _text; init => _text = value; }
    private int _year;
    /// <summary>Start year of the plan year the milestone belongs to.</summary>
    public int Year { get => _year; init => _year = value; }
    private DateOnly? _due;
    public DateOnly? Due { get => _due; init => _due = value; }
    public int? OfficerId { get; set; }
    private Officer? _officer;
    public Officer? Officer { get => _officer; init => _officer = value; }
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; set; }
    public int PriorityId { get; set; }
    private Priority? _priority;
    public Priority? Priority { get => _priority; init => _priority = value; }
    public int Order { get; set; }

    /// <summary>Set when the item left the plan; a retired item keeps its figures and history but joins no new round.</summary>
    public DateOnly? RetiredOn { get; private set; }
    public bool IsRetired => RetiredOn is not null;
    public string Label => $"milestone {Ref}";
    public void Retire(DateOnly on) => RetiredOn = Retirement.Retire(this, on);
    public void Reinstate() { Retirement.Reinstate(this); RetiredOn = null; }

    public List<MilestoneUpdate> Updates { get; set; } = [];

    public MilestoneDetails Details => new(Objective!, Text, Year, Due, Officer, Priority == Objective?.Priority ? null : Priority);

    public void Change(MilestoneDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Text)) throw new DomainException($"Enter the text of milestone {Ref}.");
        _objective = d.Objective;
        _text = d.Text.Trim();
        _year = d.Year;
        _due = d.Due;
        _officer = d.Officer;
        _priority = d.Priority ?? d.Objective.Priority;
    }

    public void AssignTo(Officer? officer) => _officer = officer;
}

/// <summary>A milestone's progress and commentary for one period.</summary>
public class MilestoneUpdate
{
    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public Period Period { get; set; }
    public Status.MilestoneProgress? Progress { get; set; }
    public string? Commentary { get; set; }
}

/// <summary>A priority's supporting commentary for a period, one paragraph a row.</summary>
public class Commentary
{
    public int Id { get; set; }
    public int PriorityId { get; set; }
    public Priority? Priority { get; set; }
    public Period Period { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}
