namespace Outturn.Domain.Returns.Indicators;

/// <summary>
/// Assessments completed within 45 working days: of assessments authorised in the window, those authorised at most
/// 45 working days (Monday to Friday less England bank holidays) after they started (AssessmentActualStartDate).
/// </summary>
public class AssessmentsWithin45WorkingDays : StatutoryIndicator
{
    public override string Code => "cin-assessments-45wd";
    public override string Title => "Assessments completed within 45 working days";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> SourceTables => ["CINdetails", "Assessments"];
    public override int Version => 1;
    public override string Definition =>
        "Of assessments authorised (AssessmentAuthorisationDate) in the year to date, the percentage authorised within 45 working days of AssessmentActualStartDate "
        + "(days after the start, Monday to Friday, less England bank holidays).";

    protected virtual DateOnly? StartOf(Referral referral, Assessment assessment) => assessment.Start;

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        foreach (var referral in data.Referrals)
            foreach (var a in referral.Assessments)
            {
                if (a.Authorised is not { } done || !window.Contains(done) || StartOf(referral, a) is not { } start || start > done) continue;
                var days = WorkingDays.Between(start, done);
                yield return new(referral.ChildId, days <= 45, $"started {Iso(start)}, authorised {Iso(done)}: {days} working days");
            }
    }
}

/// <summary>The same, counted from the referral date (CINreferralDate): the timeliness a family experiences.</summary>
public sealed class AssessmentsWithin45WorkingDaysOfReferral : AssessmentsWithin45WorkingDays
{
    public override string Code => "cin-assessments-45wd-from-referral";
    public override string Title => "Assessments completed within 45 working days of referral";
    public override string? VariantOf => "cin-assessments-45wd";
    public override string Definition =>
        "Variant: as cin-assessments-45wd, but counting working days from the referral date (CINreferralDate) rather than the assessment's start.";
    protected override DateOnly? StartOf(Referral referral, Assessment assessment) => referral.Date;
}

/// <summary>
/// Re-referrals within 12 months: of referrals in the window, those that came within 12 months of a previous referral
/// of the same child. "Within 12 months" includes the day 12 calendar months later (1 April 2015 → 1 April 2016).
/// Needs the previous year's census too.
/// </summary>
public sealed class ReReferralsWithin12Months : StatutoryIndicator
{
    public override string Code => "cin-rereferrals-12m";
    public override string Title => "Re-referrals to children's social care within 12 months of a previous referral";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> SourceTables => ["CINdetails"];
    public override int Version => 1;
    public override string Definition =>
        "Of referrals (CINreferralDate) in the year to date, the percentage made within 12 months (up to and including the same date a year later) of a previous referral of the same child.";

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        foreach (var (child, referrals) in data.ReferralsByChild)
            for (var i = 0; i < referrals.Count; i++)
            {
                var r = referrals[i];
                if (!window.Contains(r.Date)) continue;
                DateOnly? previous = i > 0 ? referrals[i - 1].Date : null;
                var re = previous is { } p && p < r.Date && r.Date <= p.AddYears(1);
                yield return new(child, re, previous is { } q ? $"referred {Iso(r.Date)}, previously {Iso(q)}" : $"referred {Iso(r.Date)}, first held");
            }
    }
}

/// <summary>
/// Second or subsequent child protection plan (former NI 65): of children who became the subject of a plan in the
/// window, those who had been the subject of a plan before, at any time (NumberOfPreviousCPP above 0, or an earlier plan in the data).
/// </summary>
public sealed class SecondOrSubsequentProtectionPlan : StatutoryIndicator
{
    public override string Code => "cp-second-plan";
    public override string NationalRef => "NI 65";
    public override string Title => "Children becoming the subject of a child protection plan for a second or subsequent time";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> SourceTables => ["ChildProtectionPlans"];
    public override int Version => 1;
    public override string Definition =>
        "Of children who became the subject of a child protection plan (CPPstartDate) in the year to date, the percentage who had been the subject of a plan before, at any time "
        + "(NumberOfPreviousCPP > 0 or an earlier plan in the data).";

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        foreach (var group in data.ProtectionPlans().GroupBy(x => x.ChildId))
        {
            var plans = group.Select(x => x.Plan).OrderBy(p => p.Start).ToList();
            var first = plans.FirstOrDefault(p => window.Contains(p.Start));
            if (first is null) continue;
            var earlier = plans.Any(p => p.Start < first.Start);
            var before = earlier || first.PreviousPlans > 0;
            yield return new(group.Key, before, $"plan from {Iso(first.Start)}; " +
                (earlier ? "an earlier plan is held" : first.PreviousPlans > 0 ? $"{first.PreviousPlans} previous plan(s) recorded" : "first plan"));
        }
    }
}

/// <summary>Child protection plans lasting 2 years or more: of plans that ended in the window, those that had lasted 2 years or more.</summary>
public sealed class ProtectionPlansEndedLasting2Years : StatutoryIndicator
{
    public override string Code => "cp-plans-2yrs-ended";
    public override string Title => "Child protection plans lasting 2 years or more (plans ended)";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> SourceTables => ["ChildProtectionPlans"];
    public override int Version => 1;
    public override string Definition =>
        "Of child protection plans that ended (CPPendDate) in the year to date, the percentage that had lasted 2 years or more (ended on or after the second anniversary of CPPstartDate).";

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        foreach (var (child, plan) in data.ProtectionPlans())
        {
            if (plan.End is not { } end || !window.Contains(end)) continue;
            yield return new(child, end >= plan.Start.AddYears(2), $"plan {Iso(plan.Start)} to {Iso(end)}");
        }
    }
}

/// <summary>Variant: children on a plan at the period end that had lasted 2 years or more by then.</summary>
public sealed class ProtectionPlansOpen2Years : StatutoryIndicator
{
    public override string Code => "cp-plans-2yrs-open";
    public override string Title => "Children currently on a child protection plan for 2 years or more";
    public override string? VariantOf => "cp-plans-2yrs-ended";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> SourceTables => ["ChildProtectionPlans"];
    public override int Version => 1;
    public override string Definition =>
        "Variant: of children on a child protection plan at the period end, the percentage whose plan had by then lasted 2 years or more.";

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        foreach (var (child, plan) in data.ProtectionPlans())
        {
            if (plan.Start > window.End || (plan.End is { } e && e <= window.End)) continue;
            yield return new(child, plan.Start.AddYears(2) <= window.End, $"on a plan since {Iso(plan.Start)}");
        }
    }
}

/// <summary>
/// Child protection plans reviewed in timescale: of children on a plan at the period end for at least 3 months, those
/// all of whose reviews were on time — the first within 3 months of the plan starting, then every 6 months.
/// </summary>
public sealed class ProtectionPlansReviewedInTimescale : StatutoryIndicator
{
    public override string Code => "cp-reviews-in-timescale";
    public override string Title => "Child protection plans reviewed within the required timescales";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> SourceTables => ["ChildProtectionPlans", "Reviews"];
    public override int Version => 1;
    public override string Definition =>
        "Of child protection plans open at the period end that had lasted at least 3 months, the percentage whose reviews were all on time: "
        + "first within 3 months of CPPstartDate, then within 6 months of the previous review.";

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        var end = window.End;
        var history = data.HistoryFrom(ReturnKind.Cin, window.CollectionYear);
        foreach (var (child, plan) in data.ProtectionPlans())
        {
            if (plan.Start > end || (plan.End is { } e && e <= end)) continue;
            var due = plan.Start.AddMonths(3);
            if (due > end) continue;
            var judged = ReviewChain.Check(plan.Start, due, 6, plan.Reviews, window, history);
            yield return new(child, judged.OnTime, $"plan from {Iso(plan.Start)}: {judged.Note}", judged.HistoryMissing);
        }
    }
}

/// <summary>Referrals per 10,000 children aged 0–17: referrals in the window × 10,000 ÷ the child population.</summary>
public sealed class ReferralRate : StatutoryIndicator
{
    public override string Code => "cin-referral-rate";
    public override string Title => "Rate of referrals to children's social care per 10,000 children";
    public override ReturnKind Source => ReturnKind.Cin;
    public override IReadOnlyList<string> SourceTables => ["CINdetails"];
    public override int Version => 1;
    public override string Unit => "per 10,000";
    public override string Definition =>
        "Referrals (CINreferralDate) in the year to date × 10,000 ÷ the population aged 0–17 (an input: the mid-year estimate). Numerator: referrals; denominator: the population.";

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window) =>
        data.Referrals.Where(r => window.Contains(r.Date)).Select(r => new IndicatorMember(r.ChildId, true, $"referred {Iso(r.Date)}"));

    protected override IndicatorResult Result(ReturnsData data, ReportingWindow window, int numerator, int denominator, IReadOnlyList<IndicatorMember> members) =>
        data.PopulationFor(window.CollectionYear) is { } population and > 0
            ? new(Code, Version, numerator, population, Math.Round(10000m * numerator / population, 6), members)
            : new(Code, Version, numerator, 0, null, members);
}
