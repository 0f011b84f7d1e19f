namespace Outturn.Domain.Statistics;

/// <summary>
/// What may be said about a figure built from few children: a value from a small denominator is flagged, and a
/// published count of fewer than five children is suppressed outside the child-level views, written <c>c</c> as the
/// Department for Education publishes it.
/// </summary>
public sealed record SmallNumberRules(int SmallDenominator = 30, int SuppressBelow = 5)
{
    public static readonly SmallNumberRules Default = new();

    public const string Suppressed = "c";

    public const string Caution = "small number: interpret with care";

    /// <summary>True when a value's denominator is under the threshold (30 unless configured otherwise).</summary>
    public bool IsSmall(decimal? denominator) => denominator is not null && denominator.Value < SmallDenominator;

    /// <summary>
    /// True when a published count must be shown as <c>c</c>: one to four children (by default), outside a
    /// child-level view. Zero is shown: it identifies no child.
    /// </summary>
    public bool IsSuppressed(decimal? childCount, bool childLevelView) =>
        !childLevelView && childCount is { } n && n > 0 && n < SuppressBelow;
}
