using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Domain.Risks;

/// <summary>Whether a risk is still managed on the register, or closed (kept, with its history, but no longer scored).</summary>
public enum RiskState { Open, Closed }

/// <summary>
/// What a risk says about itself, as the register's form and folder carry it: the risk in a line and in words (with
/// its cause, event and consequence when the register splits them), its category, owner, the register that holds it
/// (directorate and service), the partnership organisation that owns it, and the plan objective it threatens.
/// </summary>
public sealed record RiskDetails(
    string? Title, string? Description, string? Cause, string? Event, string? Consequence,
    string? Category, string? Owner, string? Directorate, string? Service = null, int? OrganisationId = null,
    string? PlanRef = null, string? ObjectiveRef = null)
{
    /// <summary>What is wrong with the details, each with the field it is about (the form's and the API's names).</summary>
    public IReadOnlyList<FieldProblem> Problems()
    {
        var problems = new List<FieldProblem>();
        void Required(string? value, string field, string message) { if (string.IsNullOrWhiteSpace(value)) problems.Add(new(field, message)); }
        void Longest(string? value, int max, string field, string what) { if (value is not null && value.Trim().Length > max) problems.Add(new(field, $"{what} must be {max} characters or fewer.")); }
        Required(Title, "title", "Enter the risk in a line.");
        Required(Category, "category", "Enter the risk's category, for example Financial or Workforce.");
        Required(Owner, "owner", "Enter the risk's owner.");
        Required(Directorate, "directorate", "Enter the directorate whose register holds the risk.");
        Longest(Category, 100, "category", "The category");
        Longest(Owner, 200, "owner", "The owner");
        Longest(Directorate, 200, "directorate", "The directorate");
        Longest(Service, 200, "service", "The service");
        Longest(PlanRef, 64, "plan", "The plan's reference");
        Longest(ObjectiveRef, 64, "objective", "The objective's reference");
        if (!string.IsNullOrWhiteSpace(ObjectiveRef) && string.IsNullOrWhiteSpace(PlanRef))
            problems.Add(new("plan", "A risk linked to an objective names the objective's plan."));
        return problems;
    }

    /// <summary>The details as kept: trimmed, and blank text as nothing.</summary>
    public RiskDetails Cleaned() => new(
        Title!.Trim(), Clean(Description), Clean(Cause), Clean(Event), Clean(Consequence), Category!.Trim(), Owner!.Trim(),
        Directorate!.Trim(), Clean(Service), OrganisationId, Clean(PlanRef), Clean(ObjectiveRef));

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// An entry of a directorate's or service's risk register: what could happen, how likely and how severe it is
/// before controls (initial), after them (residual) and where the owner means to bring it (target), scored each
/// quarter so that the risk has a score history and a direction of travel; the risk control measures that treat it,
/// with their quarterly progress; when it is next reviewed; and whether it is open or closed. The risk guards its own
/// state and says why it refuses a change.
/// </summary>
public class Risk
{
    public const int RefMaxLength = 64;

    private Risk() { }

    public int Id { get; private set; }
    /// <summary>The register's reference, unique across registers (e.g. CYP-R01); fixed once created, as imports merge by it.</summary>
    public string Ref { get; private set; } = "";
    public string Directorate { get; private set; } = "";
    /// <summary>The service or department within the directorate whose register holds the risk, or null for the directorate's own register.</summary>
    public string? Service { get; private set; }
    /// <summary>The plan and service objective the risk threatens, held by ref so that replacing a plan keeps the link.</summary>
    public string? PlanRef { get; private set; }
    public string? ObjectiveRef { get; private set; }
    public string Title { get; private set; } = "";
    /// <summary>The risk in words, as the register describes it.</summary>
    public string? Description { get; private set; }
    public string? Cause { get; private set; }
    public string? Event { get; private set; }
    public string? Consequence { get; private set; }
    public string Owner { get; private set; } = "";
    /// <summary>The organisation of the partnership that owns this (null: not yet assigned; see docs/glossary.md).</summary>
    public int? OrganisationId { get; private set; }
    public string Category { get; private set; } = "";

    // The latest scores: those of the latest quarter scored, or, for a register that keeps no history, the scores
    // held without a quarter. They are kept beside the history so that registers, filters and heat maps of "now" read
    // one row per risk.
    public int InitialLikelihood { get; private set; }
    public int InitialImpact { get; private set; }
    public int ResidualLikelihood { get; private set; }
    public int ResidualImpact { get; private set; }
    public int? TargetLikelihood { get; private set; }
    public int? TargetImpact { get; private set; }

    /// <summary>When the risk is next due for review; past it, the risk is overdue.</summary>
    public DateOnly ReviewDate { get; private set; }
    public DateOnly? LastReviewed { get; private set; }
    public int Order { get; private set; }
    public RiskState State { get; private set; } = RiskState.Open;
    public DateOnly? ClosedOn { get; private set; }
    public string? ClosureReason { get; private set; }
    /// <summary>Optimistic concurrency: raised by every change, so a stale form is detected.</summary>
    public int Version { get; private set; }

    public List<RiskControlMeasure> Controls { get; private set; } = [];
    /// <summary>The scores of each quarter the risk was assessed in: its score history.</summary>
    public List<RiskAssessment> Assessments { get; private set; } = [];

    public RiskScore Initial => new(InitialLikelihood, InitialImpact);
    public RiskScore Residual => new(ResidualLikelihood, ResidualImpact);
    public RiskScore? Target => TargetLikelihood is { } l && TargetImpact is { } i ? new RiskScore(l, i) : null;
    public bool IsClosed => State == RiskState.Closed;

    /// <summary>Overdue for review: the review date has passed (a review due today is not yet overdue); a closed risk is not reviewed.</summary>
    public bool IsOverdueForReview(DateOnly today) => !IsClosed && ReviewDate < today;

    /// <summary>Days past the review date, 0 when not overdue.</summary>
    public int DaysOverdue(DateOnly today) => IsOverdueForReview(today) ? today.DayNumber - ReviewDate.DayNumber : 0;

    /// <summary>The description as the register reads it: its own words, or failing them cause, event and consequence.</summary>
    public string DescriptionText => Description ?? string.Join(" ", new[]
    {
        Cause is null ? null : $"Cause: {Cause}",
        Event is null ? null : $"Event: {Event}",
        Consequence is null ? null : $"Consequence: {Consequence}",
    }.OfType<string>());

    public static IReadOnlyList<FieldProblem> RefProblems(string? riskRef)
    {
        if (string.IsNullOrWhiteSpace(riskRef)) return [new("ref", "Enter the risk's reference, for example CYP-R08.")];
        var r = riskRef.Trim();
        if (r.Length > RefMaxLength) return [new("ref", $"The reference must be {RefMaxLength} characters or fewer.")];
        if (r.Any(c => char.IsWhiteSpace(c) || c is '/' or '?' or '#' or '%'))
            return [new("ref", "The reference is used in addresses: use letters, digits and hyphens, with no spaces.")];
        return [];
    }

    /// <summary>A new, open risk on the register, scored for the quarter it is entered in.</summary>
    public static Risk Create(string riskRef, RiskDetails details, DateOnly reviewDate, Period period, RiskScore initial, RiskScore residual, RiskScore? target, DateOnly on, int order = 0)
    {
        var risk = New(riskRef, details, reviewDate, order);
        risk.Assess(period, initial, residual, target, on);
        risk.Version = 0;
        return risk;
    }

    /// <summary>A new, open risk from a register that keeps no quarterly history: its scores are held without a quarter.</summary>
    public static Risk CreateUnquartered(string riskRef, RiskDetails details, DateOnly reviewDate, RiskScore initial, RiskScore residual, RiskScore? target, int order = 0)
    {
        var risk = New(riskRef, details, reviewDate, order);
        risk.HoldLatest(initial, residual, target);
        return risk;
    }

    private static Risk New(string riskRef, RiskDetails details, DateOnly reviewDate, int order)
    {
        var problems = RefProblems(riskRef).Concat(details.Problems()).ToList();
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems.Select(p => p.Message)));
        var risk = new Risk { Ref = riskRef.Trim(), ReviewDate = reviewDate, Order = order };
        risk.Apply(details.Cleaned());
        return risk;
    }

    /// <summary>Changes what the risk says about itself; its ref, scores and history stay.</summary>
    public void Edit(RiskDetails details)
    {
        var problems = details.Problems();
        if (problems.Count > 0) throw new DomainException(string.Join(" ", problems.Select(p => p.Message)));
        var d = details.Cleaned();
        if (d == Details) return;
        Apply(d);
        Version++;
    }

    public RiskDetails Details => new(Title, Description, Cause, Event, Consequence, Category, Owner, Directorate, Service, OrganisationId, PlanRef, ObjectiveRef);

    private void Apply(RiskDetails d)
    {
        Title = d.Title!;
        Description = d.Description;
        Cause = d.Cause;
        Event = d.Event;
        Consequence = d.Consequence;
        Category = d.Category!;
        Owner = d.Owner!;
        Directorate = d.Directorate!;
        Service = d.Service;
        OrganisationId = d.OrganisationId;
        PlanRef = d.PlanRef;
        ObjectiveRef = d.ObjectiveRef;
    }

    /// <summary>Places the risk in its register's order (imports follow the folder's rows); not a change to the risk.</summary>
    public void PlaceAt(int order) => Order = order;

    /// <summary>Refuses a form loaded before someone else's change, so it cannot overwrite what they saved.</summary>
    public void EnsureVersion(int loadedVersion)
    {
        if (loadedVersion != Version)
            throw new DomainException($"{Ref} was changed by someone else after you opened this form, so your change was not saved. The page now shows the risk as it is: check it and make your change again.", DomainRefusal.Conflict);
    }

    /// <summary>
    /// Scores the risk for a quarter (again, if it was scored already): initial, residual and, if the owner has set
    /// one, target. The latest quarter's scores become the risk's scores; scoring is a review, made on <paramref name="on"/>.
    /// </summary>
    public RiskAssessment Assess(Period period, RiskScore initial, RiskScore residual, RiskScore? target, DateOnly on)
    {
        if (period.Kind != PeriodKind.Quarter) throw new DomainException($"A risk is scored for a quarter; {period.ToDisplayString()} is not one.");
        RequireOpen("scored");
        var assessment = Assessments.FirstOrDefault(a => a.Period == period);
        if (assessment is null) Assessments.Add(assessment = new RiskAssessment(period));
        var changed = assessment.Set(initial, residual, target, on);
        if (Assessments.All(a => a.Period.CompareTo(period) <= 0)) HoldLatest(initial, residual, target);
        var reviewed = LastReviewed is null || LastReviewed < on;
        if (reviewed) LastReviewed = on;
        if (changed || reviewed) Version++;
        return assessment;
    }

    /// <summary>
    /// The scores of a register that keeps no quarterly history (an older folder): held as the risk's scores without a
    /// quarter. Refused once the risk is scored by quarter, whose latest quarter gives its scores.
    /// </summary>
    public void HoldScores(RiskScore initial, RiskScore residual, RiskScore? target)
    {
        if (Assessments.Count > 0)
            throw new DomainException($"{Ref} is scored by quarter, so its scores come from its latest quarter; score it for a quarter instead.");
        if (Initial == initial && Residual == residual && Target == target) return;
        HoldLatest(initial, residual, target);
        Version++;
    }

    private void HoldLatest(RiskScore initial, RiskScore residual, RiskScore? target)
    {
        (InitialLikelihood, InitialImpact) = (initial.Likelihood, initial.Impact);
        (ResidualLikelihood, ResidualImpact) = (residual.Likelihood, residual.Impact);
        (TargetLikelihood, TargetImpact) = (target?.Likelihood, target?.Impact);
    }

    /// <summary>Sets when the risk is next to be reviewed (and, if given, when it was last reviewed).</summary>
    public void ScheduleReview(DateOnly next, DateOnly? lastReviewed = null)
    {
        if (ReviewDate == next && (lastReviewed is null || LastReviewed == lastReviewed)) return;
        ReviewDate = next;
        if (lastReviewed is not null) LastReviewed = lastReviewed;
        Version++;
    }

    /// <summary>Adds a risk control measure; without a ref it takes the next letter (a, b, c…).</summary>
    public RiskControlMeasure AddControl(string? controlRef, string? text, string? owner, DateOnly? due)
    {
        RequireOpen("given new control measures");
        var r = RiskDetails.Clean(controlRef) ?? NextControlRef();
        if (r.Length > RiskControlMeasure.RefMaxLength || r.Any(char.IsWhiteSpace))
            throw new DomainException($"A control measure's ref is a short code without spaces, such as \"a\"; \"{r}\" is not.");
        if (ControlFor(r) is not null) throw new DomainException($"{Ref} already has a control measure \"{r}\".");
        var control = new RiskControlMeasure(r, Controls.Count == 0 ? 0 : Controls.Max(c => c.Order) + 1);
        control.Set(text, owner, due);
        Controls.Add(control);
        Version++;
        return control;
    }

    public void EditControl(string controlRef, string? text, string? owner, DateOnly? due)
    {
        var control = RequireControl(controlRef);
        if (control.Set(text, owner, due)) Version++;
    }

    /// <summary>A control measure's progress and commentary for a quarter (reported at quarters 2 and 4; any quarter is accepted).</summary>
    public void RecordProgress(string controlRef, Period period, MilestoneProgress? progress, string? commentary)
    {
        if (period.Kind != PeriodKind.Quarter) throw new DomainException($"Progress on a control measure is for a quarter; {period.ToDisplayString()} is not one.");
        RequireOpen("updated");
        var control = RequireControl(controlRef);
        if (progress is null && RiskDetails.Clean(commentary) is null)
            throw new DomainException("Choose the control measure's progress or write a commentary.");
        if (control.Record(period, progress, RiskDetails.Clean(commentary))) Version++;
    }

    /// <summary>Closes the risk: it stays on the register with its history, but is no longer scored, reviewed or reported.</summary>
    public void Close(DateOnly on, string? reason)
    {
        if (IsClosed) throw new DomainException($"{Ref} is already closed (on {ClosedOn:d MMMM yyyy}).", DomainRefusal.Conflict);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Closing a risk needs a reason, such as why it no longer threatens the objective.");
        State = RiskState.Closed;
        ClosedOn = on;
        ClosureReason = reason.Trim();
        Version++;
    }

    /// <summary>Reopens a closed risk; the reason is recorded with the change.</summary>
    public void Reopen(string? reason)
    {
        if (!IsClosed) throw new DomainException($"{Ref} is open; only a closed risk can be reopened.", DomainRefusal.Conflict);
        if (string.IsNullOrWhiteSpace(reason)) throw new DomainException("Reopening a risk needs a reason.");
        State = RiskState.Open;
        ClosedOn = null;
        ClosureReason = null;
        Version++;
    }

    public RiskControlMeasure? ControlFor(string controlRef) =>
        Controls.FirstOrDefault(c => string.Equals(c.Ref, controlRef.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The assessment that stood at a quarter: that quarter's, or the latest before it; null when the risk was not scored by then.</summary>
    public RiskAssessment? AssessmentAt(Period period) =>
        Assessments.Where(a => a.Period.CompareTo(period) <= 0).OrderByDescending(a => a.Period).FirstOrDefault();

    /// <summary>
    /// The score history, oldest first, each quarter with its direction of travel: the residual score against the
    /// previous quarter scored (lower is better; the first quarter has nothing to compare with).
    /// </summary>
    public IReadOnlyList<RiskHistoryLine> ScoreHistory()
    {
        var ordered = Assessments.OrderBy(a => a.Period).ToList();
        return ordered.Select((a, i) => new RiskHistoryLine(a, i == 0 ? null : ordered[i - 1], DirectionBetween(i == 0 ? null : ordered[i - 1], a))).ToList();
    }

    /// <summary>The direction of travel at a quarter: its assessment (or the latest before it) against the one before that.</summary>
    public RiskHistoryLine? HistoryAt(Period period)
    {
        var at = AssessmentAt(period);
        return at is null ? null : ScoreHistory().Single(h => h.Assessment.Period == at.Period);
    }

    public static Direction DirectionBetween(RiskAssessment? before, RiskAssessment now) => before is null
        ? Direction.NotApplicable
        : now.Residual.Score.CompareTo(before.Residual.Score) switch { < 0 => Direction.Better, 0 => Direction.Same, _ => Direction.Worse };

    private string NextControlRef()
    {
        for (var n = 0; ; n++)
        {
            var candidate = n < 26 ? ((char)('a' + n)).ToString() : $"{(char)('a' + n / 26 - 1)}{(char)('a' + n % 26)}";
            if (ControlFor(candidate) is null) return candidate;
        }
    }

    private RiskControlMeasure RequireControl(string controlRef) =>
        ControlFor(controlRef) ?? throw new DomainException($"{Ref} has no control measure \"{controlRef}\".");

    private void RequireOpen(string what)
    {
        if (IsClosed) throw new DomainException($"{Ref} is closed, so it cannot be {what}; reopen it first.", DomainRefusal.Conflict);
    }
}

/// <summary>A risk's scores for one quarter: initial, residual and (when set) target.</summary>
public class RiskAssessment
{
    private RiskAssessment() { }

    internal RiskAssessment(Period period) => Period = period;

    public int Id { get; private set; }
    public int RiskId { get; private set; }
    public Period Period { get; private set; }
    public int InitialLikelihood { get; private set; }
    public int InitialImpact { get; private set; }
    public int ResidualLikelihood { get; private set; }
    public int ResidualImpact { get; private set; }
    public int? TargetLikelihood { get; private set; }
    public int? TargetImpact { get; private set; }
    /// <summary>The day the scores were given (the review).</summary>
    public DateOnly AssessedOn { get; private set; }

    public RiskScore Initial => new(InitialLikelihood, InitialImpact);
    public RiskScore Residual => new(ResidualLikelihood, ResidualImpact);
    public RiskScore? Target => TargetLikelihood is { } l && TargetImpact is { } i ? new RiskScore(l, i) : null;

    internal bool Set(RiskScore initial, RiskScore residual, RiskScore? target, DateOnly on)
    {
        if (InitialLikelihood != 0 && Initial == initial && Residual == residual && Target == target) return false;
        (InitialLikelihood, InitialImpact) = (initial.Likelihood, initial.Impact);
        (ResidualLikelihood, ResidualImpact) = (residual.Likelihood, residual.Impact);
        (TargetLikelihood, TargetImpact) = (target?.Likelihood, target?.Impact);
        AssessedOn = on;
        return true;
    }
}

/// <summary>One quarter of a risk's score history, with the quarter before it and the direction of travel between them.</summary>
public sealed record RiskHistoryLine(RiskAssessment Assessment, RiskAssessment? Previous, Direction Direction)
{
    public Period Period => Assessment.Period;

    /// <summary>"Better: the residual score fell from 12 to 9 since Quarter 1 2015/16", in words for pages and reports.</summary>
    public string Words => Previous is null
        ? "First quarter scored"
        : Direction switch
        {
            Direction.Better => $"Better: the residual score fell from {Previous.Residual.Score} to {Assessment.Residual.Score} since {Previous.Period.ToDisplayString()}",
            Direction.Worse => $"Worse: the residual score rose from {Previous.Residual.Score} to {Assessment.Residual.Score} since {Previous.Period.ToDisplayString()}",
            _ => $"Same: the residual score is {Assessment.Residual.Score}, as in {Previous.Period.ToDisplayString()}",
        };
}

/// <summary>A measure that treats a risk, with its owner, due date and progress per quarter.</summary>
public class RiskControlMeasure
{
    public const int RefMaxLength = 16;

    private RiskControlMeasure() { }

    internal RiskControlMeasure(string controlRef, int order)
    {
        Ref = controlRef;
        Order = order;
    }

    public int Id { get; private set; }
    public int RiskId { get; private set; }
    /// <summary>Unique within the risk: a, b, c…</summary>
    public string Ref { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string? Owner { get; private set; }
    public DateOnly? Due { get; private set; }
    public int Order { get; private set; }

    public List<RiskControlUpdate> Updates { get; private set; } = [];

    public RiskControlUpdate? For(Period period) => Updates.FirstOrDefault(u => u.Period == period);

    /// <summary>The progress that stood at a quarter: that quarter's update, or the latest before it.</summary>
    public RiskControlUpdate? LatestAt(Period period) =>
        Updates.Where(u => u.Period.CompareTo(period) <= 0).OrderByDescending(u => u.Period).FirstOrDefault();

    internal void PlaceAt(int order) => Order = order;

    internal bool Set(string? text, string? owner, DateOnly? due)
    {
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Enter the control measure: what is done to treat the risk.");
        var (t, o) = (text.Trim(), RiskDetails.Clean(owner));
        if (o is { Length: > 200 }) throw new DomainException("The control measure's owner must be 200 characters or fewer.");
        if (Text == t && Owner == o && Due == due) return false;
        (Text, Owner, Due) = (t, o, due);
        return true;
    }

    internal bool Record(Period period, MilestoneProgress? progress, string? commentary)
    {
        var update = For(period);
        if (update is null) Updates.Add(update = new RiskControlUpdate(period));
        else if (update.Progress == progress && update.Commentary == commentary) return false;
        update.Progress = progress;
        update.Commentary = commentary;
        return true;
    }
}

/// <summary>A control measure's progress status and commentary for one quarter (reported at Q2 and Q4).</summary>
public class RiskControlUpdate
{
    private RiskControlUpdate() { }

    internal RiskControlUpdate(Period period) => Period = period;

    public int Id { get; private set; }
    public int ControlId { get; private set; }
    public Period Period { get; private set; }
    public MilestoneProgress? Progress { get; internal set; }
    public string? Commentary { get; internal set; }
}
