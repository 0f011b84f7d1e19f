using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Domain.Equality;

/// <summary>
/// The impact an equality impact assessment found a strategy, policy or service to have: high, medium or low, or
/// none (the assessment found no adverse impact, as the 2007–10 service plan's "High/Low/None" column allows).
/// </summary>
public enum EqualityImpact { High, Medium, Low, None }

/// <summary>
/// The protected characteristics of the Equality Act 2010, section 4 (the "equality strands" of the duties before it:
/// race, gender, disability, age, religion or belief, sexual orientation), and socio-economic disadvantage, which
/// councils assess beside them (the Act's section 1).
/// </summary>
public enum EqualityStrand
{
    Age, Disability, GenderReassignment, MarriageAndCivilPartnership, PregnancyAndMaternity, Race, ReligionOrBelief, Sex,
    SexualOrientation, SocioEconomicDisadvantage,
}

/// <summary>What an equality action says about itself, as the action plan's form and folder carry it.</summary>
public sealed record EqualityActionDetails(
    string? Subject, IReadOnlyList<EqualityStrand> Strands, EqualityImpact? Impact, string? ActionsProposed,
    IReadOnlyList<int> TimetableYears, string? Officer, string? Directorate, string? Service = null, string? PlanRef = null,
    int? OrganisationId = null)
{
    public IReadOnlyList<FieldProblem> Problems()
    {
        var problems = new List<FieldProblem>();
        if (string.IsNullOrWhiteSpace(Subject)) problems.Add(new("subject", "Enter the strategy, policy or service the equality impact assessment looked at."));
        if (Impact is null) problems.Add(new("impact", "Choose the impact the assessment found: high, medium, low or none."));
        if (string.IsNullOrWhiteSpace(ActionsProposed)) problems.Add(new("actions", "Enter the action or actions proposed."));
        if (TimetableYears.Count == 0) problems.Add(new("timetable", "Enter the financial years the action is timetabled for, such as 2015/16; 2016/17."));
        if (string.IsNullOrWhiteSpace(Officer)) problems.Add(new("officer", "Enter the officer responsible."));
        else if (Officer.Trim().Length > 200) problems.Add(new("officer", "The officer's name must be 200 characters or fewer."));
        if (string.IsNullOrWhiteSpace(Directorate)) problems.Add(new("directorate", "Enter the directorate whose action plan holds the action."));
        else if (Directorate.Trim().Length > 200) problems.Add(new("directorate", "The directorate must be 200 characters or fewer."));
        if (Service is { } s && s.Trim().Length > 200) problems.Add(new("service", "The service must be 200 characters or fewer."));
        if (PlanRef is { } p && p.Trim().Length > 64) problems.Add(new("plan", "The plan's reference must be 64 characters or fewer."));
        return problems;
    }

    public EqualityActionDetails Cleaned() => new(
        Subject!.Trim(), Strands.Distinct().Order().ToList(), Impact, ActionsProposed!.Trim(), TimetableYears.Distinct().Order().ToList(),
        Officer!.Trim(), Directorate!.Trim(), Clean(Service), Clean(PlanRef), OrganisationId);

    /// <summary>Equal in content (the lists by their items).</summary>
    public bool SameAs(EqualityActionDetails o) =>
        Subject == o.Subject && Strands.SequenceEqual(o.Strands) && Impact == o.Impact && ActionsProposed == o.ActionsProposed
        && TimetableYears.SequenceEqual(o.TimetableYears) && Officer == o.Officer && Directorate == o.Directorate && Service == o.Service
        && PlanRef == o.PlanRef && OrganisationId == o.OrganisationId;

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// An action of an equality action plan, arising from an equality impact assessment: the strategy, policy or service
/// assessed, the protected characteristics (equality strands) concerned, the impact found, the actions proposed, the
/// years they are timetabled for, the responsible officer, progress each quarter, and when it was completed. The
/// quarter's "Progress against high priority equality actions" is built from the High ones. The action guards its own
/// state and says why it refuses a change.
/// </summary>
public class EqualityAction
{
    public const int RefMaxLength = 64;

    private EqualityAction() { }

    public int Id { get; private set; }
    /// <summary>Unique across action plans (e.g. CS-EQ1); fixed once created, as imports merge by it.</summary>
    public string Ref { get; private set; } = "";
    public string Directorate { get; private set; } = "";
    /// <summary>The service or department whose action plan it is; null for the directorate's own.</summary>
    public string? Service { get; private set; }
    /// <summary>The plan the action plan belongs to (a service plan's section 6.3), by ref.</summary>
    public string? PlanRef { get; private set; }
    public string Subject { get; private set; } = "";
    /// <summary>The protected characteristics (equality strands) the action is about; empty when the plan did not say.</summary>
    public List<EqualityStrand> Strands { get; private set; } = [];
    public EqualityImpact Impact { get; private set; }
    public string ActionsProposed { get; private set; } = "";
    /// <summary>Start years of the financial years the action is timetabled for (2007 for 2007/08).</summary>
    public List<int> TimetableYears { get; private set; } = [];
    public string Officer { get; private set; } = "";
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; private set; }
    public int Order { get; private set; }
    /// <summary>When the action was completed; null while it is still to do.</summary>
    public DateOnly? CompletedOn { get; private set; }
    /// <summary>Optimistic concurrency: raised by every change, so a stale form is detected.</summary>
    public int Version { get; private set; }

    public List<EqualityActionUpdate> Updates { get; private set; } = [];

    public bool IsHighPriority => Impact == EqualityImpact.High;
    public bool IsComplete => CompletedOn is not null;

    public bool IsTimetabledIn(Period period) =>
        period.Kind is PeriodKind.Quarter or PeriodKind.Month or PeriodKind.FinancialYear &&
        TimetableYears.Contains(period.ContainingFinancialYear().Year);

    public EqualityActionUpdate? For(Period period) => Updates.FirstOrDefault(u => u.Period == period);

    /// <summary>The progress that stood at a quarter: that quarter's update, or the latest before it.</summary>
    public EqualityActionUpdate? LatestAt(Period period) =>
        Updates.Where(u => u.Period.CompareTo(period) <= 0).OrderByDescending(u => u.Period).FirstOrDefault();

    public EqualityActionDetails Details => new(Subject, Strands, Impact, ActionsProposed, TimetableYears, Officer, Directorate, Service, PlanRef, OrganisationId);

    public static IReadOnlyList<FieldProblem> RefProblems(string? actionRef)
    {
        if (string.IsNullOrWhiteSpace(actionRef)) return [new("ref", "Enter the action's reference, for example CYP-EQ5.")];
        var r = actionRef.Trim();
        if (r.Length > RefMaxLength) return [new("ref", $"The reference must be {RefMaxLength} characters or fewer.")];
        if (r.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '%'))
            return [new("ref", "The reference is used in addresses: use letters, digits and hyphens, with no spaces.")];
        return [];
    }

    public static EqualityAction Create(string actionRef, EqualityActionDetails details, int order = 0)
    {
        var problems = RefProblems(actionRef).Concat(details.Problems()).ToList();
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems.Select(p => p.Message)));
        var action = new EqualityAction { Ref = actionRef.Trim(), Order = order };
        action.Apply(details.Cleaned());
        return action;
    }

    public void Edit(EqualityActionDetails details)
    {
        var problems = details.Problems();
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems.Select(p => p.Message)));
        var d = details.Cleaned();
        if (d.SameAs(Details)) return;
        Apply(d);
        Version++;
    }

    private void Apply(EqualityActionDetails d)
    {
        Subject = d.Subject!;
        Strands = [.. d.Strands];
        Impact = d.Impact!.Value;
        ActionsProposed = d.ActionsProposed!;
        TimetableYears = [.. d.TimetableYears];
        Officer = d.Officer!;
        Directorate = d.Directorate!;
        Service = d.Service;
        PlanRef = d.PlanRef;
        OrganisationId = d.OrganisationId;
    }

    /// <summary>Places the action in its plan's order (imports follow the folder's rows); not a change to the action.</summary>
    public void PlaceAt(int order) => Order = order;

    public void EnsureVersion(int loadedVersion)
    {
        if (loadedVersion != Version)
            throw new DomainException($"{Ref} was changed by someone else after you opened this form, so your change was not saved. The page now shows the action as it is: check it and make your change again.", DomainRefusal.Conflict);
    }

    /// <summary>The action's progress and commentary for a quarter; marking it complete completes the action on <paramref name="on"/>.</summary>
    public void RecordProgress(Period period, MilestoneProgress? progress, string? commentary, DateOnly on)
    {
        if (period.Kind != PeriodKind.Quarter) throw new DomainException($"Progress on an equality action is for a quarter; {period.ToDisplayString()} is not one.");
        var text = EqualityActionDetails.Clean(commentary);
        if (progress is null && text is null) throw new DomainException("Choose the action's progress or write a commentary.");
        if (IsComplete && progress != MilestoneProgress.Complete)
            throw new DomainException($"{Ref} was completed on {CompletedOn:d MMMM yyyy}; reopen it before recording further progress.", DomainRefusal.Conflict);
        var update = For(period);
        if (update is null) Updates.Add(update = new EqualityActionUpdate(period));
        else if (update.Progress == progress && update.Commentary == text) return;
        update.Progress = progress;
        update.Commentary = text;
        if (progress == MilestoneProgress.Complete && !IsComplete) CompletedOn = on;
        Version++;
    }

    /// <summary>Marks the action complete on a day.</summary>
    public void Complete(DateOnly on)
    {
        if (IsComplete) throw new DomainException($"{Ref} is already complete (on {CompletedOn:d MMMM yyyy}).", DomainRefusal.Conflict);
        CompletedOn = on;
        Version++;
    }

    /// <summary>Takes the action back to be done; the reason is recorded with the change.</summary>
    public void Reopen(string? reason)
    {
        if (!IsComplete) throw new DomainException($"{Ref} is not complete; only a completed action can be reopened.", DomainRefusal.Conflict);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Reopening an action needs a reason.");
        CompletedOn = null;
        Version++;
    }
}

/// <summary>An equality action's progress and commentary for one quarter.</summary>
public class EqualityActionUpdate
{
    private EqualityActionUpdate() { }

    internal EqualityActionUpdate(Period period) => Period = period;

    public int Id { get; private set; }
    public int ActionId { get; private set; }
    public Period Period { get; private set; }
    public MilestoneProgress? Progress { get; internal set; }
    public string? Commentary { get; internal set; }
}

public static class EqualityWords
{
    public static bool TryParseImpact(string? s, out EqualityImpact impact)
    {
        impact = (s ?? "").Trim().ToLowerInvariant() switch
        {
            "high" => EqualityImpact.High, "medium" => EqualityImpact.Medium, "low" => EqualityImpact.Low, "none" => EqualityImpact.None,
            _ => (EqualityImpact)(-1),
        };
        return Enum.IsDefined(impact);
    }

    public static string ToWord(this EqualityImpact impact) => impact.ToString().ToLowerInvariant();

    /// <summary>The impacts in the order a form offers them.</summary>
    public static readonly IReadOnlyList<EqualityImpact> Impacts = [EqualityImpact.High, EqualityImpact.Medium, EqualityImpact.Low, EqualityImpact.None];

    /// <summary>"religion or belief", as the Act names it.</summary>
    public static string ToWords(this EqualityStrand strand) => strand switch
    {
        EqualityStrand.GenderReassignment => "gender reassignment",
        EqualityStrand.MarriageAndCivilPartnership => "marriage and civil partnership",
        EqualityStrand.PregnancyAndMaternity => "pregnancy and maternity",
        EqualityStrand.ReligionOrBelief => "religion or belief",
        EqualityStrand.SexualOrientation => "sexual orientation",
        EqualityStrand.SocioEconomicDisadvantage => "socio-economic disadvantage",
        _ => strand.ToString().ToLowerInvariant(),
    };

    /// <summary>A characteristic from its words; the older strands' names are read as the Act's (gender as sex, ethnicity as race).</summary>
    public static bool TryParseStrand(string? s, out EqualityStrand strand)
    {
        var text = string.Join(' ', (s ?? "").Trim().ToLowerInvariant().Replace('_', ' ').Replace('-', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));
        foreach (var candidate in Enum.GetValues<EqualityStrand>())
            if (candidate.ToWords().Replace('-', ' ') == text) { strand = candidate; return true; }
        (var found, strand) = text switch
        {
            "gender" => (true, EqualityStrand.Sex),
            "ethnicity" => (true, EqualityStrand.Race),
            "religion" or "belief" => (true, EqualityStrand.ReligionOrBelief),
            "gender identity" or "transgender" => (true, EqualityStrand.GenderReassignment),
            "socio economic" or "socio economic status" => (true, EqualityStrand.SocioEconomicDisadvantage),
            _ => (false, default),
        };
        return found;
    }
}
