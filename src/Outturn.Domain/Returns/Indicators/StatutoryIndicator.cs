namespace Outturn.Domain.Returns.Indicators;

/// <summary>One child or record counted by an indicator: in the denominator, and in the numerator or not.</summary>
public sealed record IndicatorMember(string ChildId, bool InNumerator, string Detail);

/// <summary>A computed figure with everything needed to check it.</summary>
public sealed record IndicatorResult(string Code, int Version, int Numerator, int Denominator, decimal? Value, IReadOnlyList<IndicatorMember> Members)
{
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

    public IndicatorResult Compute(ReturnsData data, ReportingWindow window)
    {
        var members = Members(data, window).ToList();
        var numerator = members.Count(m => m.InNumerator);
        return Result(data, numerator, members.Count, members);
    }

    protected abstract IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window);

    protected virtual IndicatorResult Result(ReturnsData data, int numerator, int denominator, IReadOnlyList<IndicatorMember> members) =>
        new(Code, Version, numerator, denominator, denominator == 0 ? null : Math.Round(100m * numerator / denominator, 6), members);

    protected static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>The indicators Outturn knows, by code.</summary>
public static class IndicatorCatalogue
{
    public static readonly IReadOnlyList<StatutoryIndicator> All =
    [
        new PlacementStability(), new LongTermPlacementStability(), new LookedAfterReviewsInTimescale(),
        new CareLeaversSuitableAccommodation(), new CareLeaversInEducationEmploymentTraining(),
        new AssessmentsWithin45WorkingDays(), new AssessmentsWithin45WorkingDaysOfReferral(), new ReReferralsWithin12Months(),
        new SecondOrSubsequentProtectionPlan(), new ProtectionPlansEndedLasting2Years(), new ProtectionPlansOpen2Years(),
        new ProtectionPlansReviewedInTimescale(), new ReferralRate(),
    ];

    public static StatutoryIndicator? Find(string code) => All.FirstOrDefault(i => string.Equals(i.Code, code, StringComparison.OrdinalIgnoreCase));
}
