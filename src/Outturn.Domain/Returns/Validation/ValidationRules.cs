using Outturn.Domain.Returns.Indicators;

namespace Outturn.Domain.Returns.Validation;

/// <summary>A record that breaks a rule: the child, the table and line (in the return of that year), and what is wrong.</summary>
public sealed record RuleFailure(string Rule, int Year, string ChildId, string Table, int Line, string Detail);

/// <summary>
/// A validation rule over the returns held, in the style of the indicators: one class per rule with its code,
/// message, tables and fields. Rules are checks on meaning (dates in order, records that should exist), run after the
/// structural checks of the import; a failing record is reported, not rejected.
/// </summary>
public abstract class ValidationRule
{
    public abstract string Code { get; }
    public abstract string Message { get; }
    public abstract ReturnKind Source { get; }
    public abstract IReadOnlyList<string> Tables { get; }
    public abstract IReadOnlyList<string> Fields { get; }
    /// <summary>The comparable rule of the public validators, where there is one, for reference.</summary>
    public virtual string? Reference => null;

    public abstract IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window);

    protected static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class OverlappingEpisodes : ValidationRule
{
    public override string Code => "903-OVERLAP";
    public override string Message => "An episode starts before the child's previous episode ended.";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Episodes"];
    public override IReadOnlyList<string> Fields => ["DECOM", "DEC"];
    public override string? Reference => "501";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window)
    {
        foreach (var r in data.LookedAfter)
            foreach (var g in r.Episodes.GroupBy(e => e.ChildId))
            {
                var list = g.OrderBy(e => e.Decom).ToList();
                for (var i = 1; i < list.Count; i++)
                    if (list[i - 1].Dec is null || list[i - 1].Dec > list[i].Decom)
                        yield return new(Code, r.Year, g.Key, "Episodes", list[i].Line,
                            $"DECOM {Iso(list[i].Decom)} while the episode from {Iso(list[i - 1].Decom)} was still open (DEC {(list[i - 1].Dec is { } d ? Iso(d) : "blank")})");
            }
    }
}

public sealed class EpisodeAfterCareEnded : ValidationRule
{
    public override string Code => "903-AFTER-DEC";
    public override string Message => "An episode follows one that ended the period of care (REC other than X1) without starting a new period (RNE S).";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Episodes"];
    public override IReadOnlyList<string> Fields => ["RNE", "DEC", "REC"];

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window)
    {
        foreach (var r in data.LookedAfter)
            foreach (var g in r.Episodes.GroupBy(e => e.ChildId))
            {
                var list = g.OrderBy(e => e.Decom).ToList();
                for (var i = 1; i < list.Count; i++)
                {
                    var prev = list[i - 1];
                    if (prev.Dec is { } dec && list[i].Rne != "S" && (prev.Rec is not null and not "X1" || list[i].Decom != dec))
                        yield return new(Code, r.Year, g.Key, "Episodes", list[i].Line,
                            $"RNE {list[i].Rne} on {Iso(list[i].Decom)} after care ended {Iso(dec)} (REC {prev.Rec ?? "blank"})");
                }
            }
    }
}

public sealed class EpisodeBeforeBirth : ValidationRule
{
    public override string Code => "903-DECOM-BEFORE-DOB";
    public override string Message => "An episode starts before the child's date of birth.";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Header", "Episodes"];
    public override IReadOnlyList<string> Fields => ["DOB", "DECOM"];
    public override string? Reference => "302";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window)
    {
        foreach (var r in data.LookedAfter)
        {
            var dob = r.Children.GroupBy(c => c.ChildId).ToDictionary(g => g.Key, g => g.First().Dob);
            foreach (var e in r.Episodes)
                if (dob.TryGetValue(e.ChildId, out var d) && e.Decom < d)
                    yield return new(Code, r.Year, e.ChildId, "Episodes", e.Line, $"DECOM {Iso(e.Decom)} is before the date of birth");
        }
    }
}

public sealed class EpisodeEndsBeforeItStarts : ValidationRule
{
    public override string Code => "903-DEC-BEFORE-DECOM";
    public override string Message => "An episode ends before it starts.";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Episodes"];
    public override IReadOnlyList<string> Fields => ["DECOM", "DEC"];
    public override string? Reference => "356";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.LookedAfter.SelectMany(r => r.Episodes.Where(e => e.Dec < e.Decom)
            .Select(e => new RuleFailure(Code, r.Year, e.ChildId, "Episodes", e.Line, $"DEC {Iso(e.Dec!.Value)} before DECOM {Iso(e.Decom)}")));
}

public sealed class DuplicateLookedAfterChild : ValidationRule
{
    public override string Code => "903-DUP-CHILD";
    public override string Message => "A child id appears more than once in the Header table.";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Header"];
    public override IReadOnlyList<string> Fields => ["CHILD"];

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.LookedAfter.SelectMany(r => r.Children.GroupBy(c => c.ChildId).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(c => new RuleFailure(Code, r.Year, c.ChildId, "Header", c.Line, $"CHILD {c.ChildId} also on line {g.First().Line}"))));
}

public sealed class MissingLookedAfterReview : ValidationRule
{
    public override string Code => "903-MISSING-REVIEW";
    public override string Message => "A child looked after at the period end, whose first review was due, has no review held, or none in the six months to the period end.";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Episodes", "Reviews"];
    public override IReadOnlyList<string> Fields => ["REVIEW"];

    /// <summary>Reviews are every year's held, so a child reviewed last year and not at all this year is found.</summary>
    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window)
    {
        var sixMonthsBefore = window.End.AddMonths(-6);
        foreach (var (child, episodes) in data.EpisodesByChild)
        {
            var open = CareHistory.OpenIndex(episodes, window.End);
            if (open < 0 || episodes[open].IsRespite) continue;
            var start = CareHistory.PeriodStart(episodes, open);
            if (WorkingDays.Add(start, 20) > window.End) continue;
            var held = data.ReviewsByChild.TryGetValue(child, out var reviews)
                ? reviews.Where(r => r.Date >= start && r.Date <= window.End).ToList()
                : [];
            if (held.Count == 0)
                yield return new(Code, episodes[open].Year is > 0 and var y ? y : window.CollectionYear, child, "Episodes", episodes[open].Line,
                    $"looked after since {Iso(start)}; first review was due {Iso(WorkingDays.Add(start, 20))}; none held");
            else if (held[^1].Date < sixMonthsBefore)
                yield return new(Code, episodes[open].Year is > 0 and var y ? y : window.CollectionYear, child, "Episodes", episodes[open].Line,
                    $"looked after since {Iso(start)}; last review {Iso(held[^1].Date)}, none in the six months to {Iso(window.End)}");
        }
    }
}

/// <summary>The Department's rule 352: a child who started to be looked after (RNE S) was aged 18 or over.</summary>
public sealed class StartedAged18OrOver : ValidationRule
{
    public override string Code => "903-STARTED-AGED-18";
    public override string Message => "A child started to be looked after (RNE S) aged 18 or over.";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Header", "Episodes"];
    public override IReadOnlyList<string> Fields => ["DOB", "DECOM", "RNE"];
    public override string? Reference => "352";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window)
    {
        foreach (var r in data.LookedAfter)
        {
            var dob = r.Children.GroupBy(c => c.ChildId).ToDictionary(g => g.Key, g => g.First().Dob);
            foreach (var e in r.Episodes)
                if (e.Rne == "S" && dob.TryGetValue(e.ChildId, out var d) && e.Decom >= d.AddYears(18))
                    yield return new(Code, r.Year, e.ChildId, "Episodes", e.Line, $"RNE S on {Iso(e.Decom)}, 18th birthday {Iso(d.AddYears(18))}");
        }
    }
}

/// <summary>The Department's rule 437: an episode ceased because the child died (REC E2) or at 18 or over (E15), yet a later episode follows.</summary>
public sealed class EpisodeAfterDeathOrAdulthood : ValidationRule
{
    public override string Code => "903-EPISODE-AFTER-E2-E15";
    public override string Message => "An episode ceased because the child died (REC E2) or was aged 18 or over (E15), but there are further episodes.";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Episodes"];
    public override IReadOnlyList<string> Fields => ["REC"];
    public override string? Reference => "437";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window)
    {
        foreach (var r in data.LookedAfter)
            foreach (var g in r.Episodes.GroupBy(e => e.ChildId))
            {
                var list = g.OrderBy(e => e.Decom).ToList();
                for (var i = 0; i < list.Count - 1; i++)
                    if (list[i].Rec is "E2" or "E15")
                        yield return new(Code, r.Year, g.Key, "Episodes", list[i].Line,
                            $"REC {list[i].Rec} on {(list[i].Dec is { } d ? Iso(d) : "blank")}, then an episode from {Iso(list[i + 1].Decom)}");
            }
    }
}

/// <summary>
/// The Department's rule 502: last year's return ended with an open episode, and this year's first episode for the
/// child does not start on that episode's DECOM. Needs the previous year's return.
/// </summary>
public sealed class OpenEpisodeNotCarriedForward : ValidationRule
{
    public override string Code => "903-OPEN-EPISODE-NOT-CARRIED";
    public override string Message => "Last year's return ended with an open episode whose DECOM is not that of the first episode in this year's return.";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> Tables => ["Episodes"];
    public override IReadOnlyList<string> Fields => ["DECOM"];
    public override string? Reference => "502";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window)
    {
        var year = window.CollectionYear;
        var current = data.LookedAfter.FirstOrDefault(r => r.Year == year);
        var previous = data.LookedAfter.FirstOrDefault(r => r.Year == year - 1);
        if (current is null || previous is null) yield break;
        var first = current.Episodes.GroupBy(e => e.ChildId).ToDictionary(g => g.Key, g => g.MinBy(e => e.Decom)!);
        foreach (var open in previous.Episodes.Where(e => e.Dec is null))
            if (first.TryGetValue(open.ChildId, out var e) && e.Decom != open.Decom)
                yield return new(Code, year, e.ChildId, "Episodes", e.Line,
                    $"first DECOM {Iso(e.Decom)}; the {year - 1}/{year % 100:D2} return ended with an episode open from {Iso(open.Decom)}");
    }
}

public sealed class AssessmentAuthorisedBeforeStart : ValidationRule
{
    public override string Code => "CIN-ASSESS-AUTH-BEFORE-START";
    public override string Message => "An assessment is authorised before it started.";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> Tables => ["Assessments"];
    public override IReadOnlyList<string> Fields => ["AssessmentActualStartDate", "AssessmentAuthorisationDate"];
    public override string? Reference => "8608";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.Cin.SelectMany(r => r.Referrals.SelectMany(f => f.Assessments
            .Where(a => a.Start is { } s && a.Authorised is { } e && e < s)
            .Select(a => new RuleFailure(Code, r.Year, f.ChildId, "Assessments", a.Line, $"authorised {Iso(a.Authorised!.Value)}, started {Iso(a.Start!.Value)}"))));
}

public sealed class PlanEndedBeforeStart : ValidationRule
{
    public override string Code => "CIN-PLAN-END-BEFORE-START";
    public override string Message => "A child protection plan or CIN plan ends before it started.";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> Tables => ["ChildProtectionPlans", "CINPlanDates"];
    public override IReadOnlyList<string> Fields => ["CPPstartDate", "CPPendDate", "CINPlanStartDate", "CINPlanEndDate"];
    public override string? Reference => "8925";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.Cin.SelectMany(r => r.Referrals.SelectMany(f =>
            f.ProtectionPlans.Where(p => p.End < p.Start)
                .Select(p => new RuleFailure(Code, r.Year, f.ChildId, "ChildProtectionPlans", p.Line, $"CPPendDate {Iso(p.End!.Value)} before CPPstartDate {Iso(p.Start)}"))
            .Concat(f.CinPlans.Where(p => p.End < p.Start)
                .Select(p => new RuleFailure(Code, r.Year, f.ChildId, "CINPlanDates", p.Line, $"CINPlanEndDate {Iso(p.End!.Value)} before CINPlanStartDate {Iso(p.Start!.Value)}")))));
}

public sealed class DuplicateCinChild : ValidationRule
{
    public override string Code => "CIN-DUP-CHILD";
    public override string Message => "A LAchildID appears on more than one Child in the census.";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> Tables => ["ChildIdentifiers"];
    public override IReadOnlyList<string> Fields => ["LAchildID"];

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.Cin.SelectMany(r => r.Children.GroupBy(c => c.ChildId).Where(g => g.Count() > 1)
            .SelectMany(g => g.Skip(1).Select(c => new RuleFailure(Code, r.Year, c.ChildId, "ChildIdentifiers", c.Line, $"LAchildID {c.ChildId} also on line {g.First().Line}"))));
}

public sealed class MissingProtectionPlanReview : ValidationRule
{
    public override string Code => "CIN-CPP-MISSING-REVIEW";
    public override string Message => "A child protection plan open for more than 3 months has no review.";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> Tables => ["ChildProtectionPlans", "Reviews"];
    public override IReadOnlyList<string> Fields => ["CPPreviewDate"];

    /// <summary>Plans open in the window, judged on their reviews in every year held (a plan reviewed last year is not "missing" a review).</summary>
    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.ProtectionPlans()
            .Where(x => x.Plan.Start <= window.End && (x.Plan.End is null || x.Plan.End >= window.Start)
                && x.Plan.Start.AddMonths(3) < (x.Plan.End ?? window.End) && x.Plan.Reviews.Count == 0)
            .Select(x => new RuleFailure(Code, x.Plan.Year, x.ChildId, "ChildProtectionPlans", x.Plan.Line, $"plan from {Iso(x.Plan.Start)} with no CPPreviewDate"));
}

/// <summary>The Department's rule 8840: a child protection plan starts and ends on the same day.</summary>
public sealed class ProtectionPlanStartsAndEndsSameDay : ValidationRule
{
    public override string Code => "CIN-CPP-SAME-DAY";
    public override string Message => "A child protection plan cannot start and end on the same day.";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> Tables => ["ChildProtectionPlans"];
    public override IReadOnlyList<string> Fields => ["CPPstartDate", "CPPendDate"];
    public override string? Reference => "8840";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.Cin.SelectMany(r => r.Referrals.SelectMany(f => f.ProtectionPlans.Where(p => p.End == p.Start)
            .Select(p => new RuleFailure(Code, r.Year, f.ChildId, "ChildProtectionPlans", p.Line, $"CPPstartDate and CPPendDate both {Iso(p.Start)}"))));
}

/// <summary>The Department's rule 8810: a reason for closure without a closure date.</summary>
public sealed class ClosureReasonWithoutDate : ValidationRule
{
    public override string Code => "CIN-CLOSURE-REASON-NO-DATE";
    public override string Message => "A CIN case has a reason for closure (ReasonForClosure) but no CINclosureDate.";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> Tables => ["CINdetails"];
    public override IReadOnlyList<string> Fields => ["ReasonForClosure", "CINclosureDate"];
    public override string? Reference => "8810";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.Cin.SelectMany(r => r.Referrals.Where(f => f.ClosureReason is not null && f.Closed is null)
            .Select(f => new RuleFailure(Code, r.Year, f.ChildId, "CINdetails", f.Line, $"ReasonForClosure {f.ClosureReason}, CINclosureDate blank")));
}

/// <summary>The Department's rule 8620: a closure date outside the census year (1 April to 31 March) of the census that gives it.</summary>
public sealed class ClosureOutsideCensusYear : ValidationRule
{
    public override string Code => "CIN-CLOSURE-OUTSIDE-YEAR";
    public override string Message => "A CINclosureDate is given that does not fall within the census year.";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> Tables => ["CINdetails"];
    public override IReadOnlyList<string> Fields => ["CINclosureDate"];
    public override string? Reference => "8620";

    public override IEnumerable<RuleFailure> Check(ReturnsData data, ReportingWindow window) =>
        data.Cin.SelectMany(r => r.Referrals
            .Where(f => f.Closed is { } c && (c < new DateOnly(r.Year, 4, 1) || c > new DateOnly(r.Year + 1, 3, 31)))
            .Select(f => new RuleFailure(Code, r.Year, f.ChildId, "CINdetails", f.Line,
                $"CINclosureDate {Iso(f.Closed!.Value)} outside {r.Year}-04-01 to {r.Year + 1}-03-31")));
}

/// <summary>The rules Outturn runs, by code.</summary>
public static class RuleCatalogue
{
    public static readonly IReadOnlyList<ValidationRule> All =
    [
        new OverlappingEpisodes(), new EpisodeAfterCareEnded(), new EpisodeBeforeBirth(), new EpisodeEndsBeforeItStarts(),
        new DuplicateLookedAfterChild(), new MissingLookedAfterReview(), new StartedAged18OrOver(), new EpisodeAfterDeathOrAdulthood(),
        new OpenEpisodeNotCarriedForward(),
        new AssessmentAuthorisedBeforeStart(), new PlanEndedBeforeStart(), new DuplicateCinChild(), new MissingProtectionPlanReview(),
        new ProtectionPlanStartsAndEndsSameDay(), new ClosureReasonWithoutDate(), new ClosureOutsideCensusYear(),
    ];

    /// <summary>Every rule over the returns of the window's collection year and earlier ones (a later year's return changes nothing here).</summary>
    public static IReadOnlyList<RuleFailure> Run(ReturnsData data, ReportingWindow window)
    {
        var held = data.Through(window.CollectionYear);
        return All.SelectMany(r => r.Check(held, window)).ToList();
    }
}

/// <summary>How an indicator's figure depends on records with open errors.</summary>
public sealed record IndicatorImpact(
    string Code, IndicatorResult Now, int ChildrenTouched, IndicatorResult Excluded, decimal? CorrectedLow, decimal? CorrectedHigh);

public static class ImpactAnalysis
{
    /// <summary>
    /// For each indicator: how many of its children have a failure on a rule of the same return; the figure with those
    /// children left out; and the range it could take if their records were corrected (each touched child counted
    /// out of, or into, the numerator, the denominator kept).
    /// </summary>
    public static IReadOnlyList<IndicatorImpact> For(ReturnsData data, ReportingWindow window, IReadOnlyList<RuleFailure> failures, IEnumerable<StatutoryIndicator>? indicators = null)
    {
        var rules = RuleCatalogue.All.ToDictionary(r => r.Code);
        var result = new List<IndicatorImpact>();
        foreach (var indicator in indicators ?? IndicatorCatalogue.All)
        {
            var now = indicator.Compute(data, window);
            var failing = failures.Where(f => rules.TryGetValue(f.Rule, out var r) && r.Source == indicator.Source).Select(f => f.ChildId).ToHashSet();
            var touched = now.Members.Where(m => failing.Contains(m.ChildId)).ToList();
            var touchedChildren = touched.Select(m => m.ChildId).ToHashSet();
            var excluded = touchedChildren.Count == 0 ? now : indicator.Compute(data.Without(touchedChildren), window);
            decimal? Pct(int n) => now.Denominator == 0 || indicator is ReferralRate ? now.Value : Math.Round(100m * n / now.Denominator, 6);
            var inNumerator = touched.Count(m => m.InNumerator);
            result.Add(new(indicator.Code, now, touchedChildren.Count, excluded,
                Pct(now.Numerator - inNumerator), Pct(now.Numerator - inNumerator + touched.Count)));
        }
        return result;
    }
}
