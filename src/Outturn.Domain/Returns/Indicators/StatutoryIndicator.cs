namespace Outturn.Domain.Returns.Indicators;

/// <summary>
/// One child or record counted by an indicator: in the denominator, and in the numerator or not. <c>HistoryMissing</c>
/// marks a case judged without part of its history (the previous year's return is not held).
/// </summary>
public sealed record IndicatorMember(string ChildId, bool InNumerator, string Detail, bool HistoryMissing = false);

/// <summary>A computed figure with everything needed to check it, and notes on what it could not see.</summary>
public sealed record IndicatorResult(string Code, int Version, int Numerator, int Denominator, decimal? Value, IReadOnlyList<IndicatorMember> Members)
{
    /// <summary>What the reader should know about the figure: a return not held, cases judged without their earlier history.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public IEnumerable<string> NumeratorChildren => Members.Where(m => m.InNumerator).Select(m => m.ChildId).Distinct();
    public IEnumerable<string> DenominatorChildren => Members.Select(m => m.ChildId).Distinct();
}

/// <summary>
/// A statutory indicator computed from child-level returns: a small, versioned definition. A change of definition
/// is a new version; a value keeps the version it was computed with.
/// </summary>
public abstract class StatutoryIndicator
{
    /// <summary>Outturn's code for the definition, e.g. <c>lac-3plus-placements</c>.</summary>
    public abstract string Code { get; }
    /// <summary>The national reference where there is one (NI 62), else blank.</summary>
    public virtual string? NationalRef => null;
    public abstract string Title { get; }
    public abstract ReturnKind Source { get; }
    public abstract IReadOnlyList<string> SourceTables { get; }
    public abstract int Version { get; }
    /// <summary>"%" or "per 10,000".</summary>
    public virtual string Unit => "%";
    /// <summary>For a labelled variant, the code of the main definition it varies.</summary>
    public virtual string? VariantOf => null;
    /// <summary>The rule in words, shown beside the figure.</summary>
    public abstract string Definition { get; }

    /// <summary>
    /// The figure for a window, from the returns of the window's collection year and earlier ones only (a later
    /// year's return never changes an earlier year's figure).
    /// </summary>
    public IndicatorResult Compute(ReturnsData data, ReportingWindow window)
    {
        var held = data.Through(window.CollectionYear);
        var members = Members(held, window).ToList();
        var numerator = members.Count(m => m.InNumerator);
        return Result(held, window, numerator, members.Count, members) with { Notes = Notes(held, window, members).ToList() };
    }

    /// <summary>Notes beside the figure: the window's own return not held; cases judged without the previous year's records.</summary>
    protected virtual IEnumerable<string> Notes(ReturnsData data, ReportingWindow window, IReadOnlyList<IndicatorMember> members)
    {
        var kind = Source == ReturnKind.Ssda903 ? "SSDA903" : "CIN census";
        var year = window.CollectionYear;
        if (!data.Holds(Source, year))
            yield return $"No {kind} return for {YearText(year)} is held; the figure is from earlier years' records only.";
        var missing = members.Count(m => m.HistoryMissing);
        if (missing > 0)
            yield return $"The {kind} for {YearText(year - 1)} is not held: {missing} case{(missing == 1 ? "" : "s")} began before {Iso(window.Start)} "
                + "and their reviews before then are not seen. Such a case counts as late only when it is late whatever those were "
                + "(no review within 6 months of 1 April, or a late one after), so the figure may be too high; import the earlier return to judge them in full.";
    }

    protected static string YearText(int year) => $"{year}/{(year + 1) % 100:D2}";

    protected abstract IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window);

    protected virtual IndicatorResult Result(ReturnsData data, ReportingWindow window, int numerator, int denominator, IReadOnlyList<IndicatorMember> members) =>
        new(Code, Version, numerator, denominator, denominator == 0 ? null : Math.Round(100m * numerator / denominator, 6), members);

    protected static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The indicators Outturn knows, by code.</summary>
public static class IndicatorCatalogue
{
    public static readonly IReadOnlyList<StatutoryIndicator> All =
    [
        new PlacementStability(), new PlacementStabilityIncludingShortBreaks(), new LongTermPlacementStability(), new LookedAfterReviewsInTimescale(),
        new CareLeaversSuitableAccommodation(), new CareLeaversInEducationEmploymentTraining(),
        new AssessmentsWithin45WorkingDays(), new AssessmentsWithin45WorkingDaysOfReferral(), new ReReferralsWithin12Months(),
        new SecondOrSubsequentProtectionPlan(), new ProtectionPlansEndedLasting2Years(), new ProtectionPlansOpen2Years(),
        new ProtectionPlansReviewedInTimescale(), new ReferralRate(),
    ];

    public static StatutoryIndicator? Find(string code) => All.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
}
