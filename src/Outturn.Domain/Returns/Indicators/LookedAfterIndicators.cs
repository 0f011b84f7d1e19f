namespace Outturn.Domain.Returns.Indicators;

/// <summary>Walking a child's episodes: what is open on a date, when the period of care and the placement began.</summary>
public static class CareHistory
{
    public static int OpenIndex(List<Episode> episodes, DateOnly date)
    {
        for (var i = episodes.Count - 1; i >= 0; i--)
            if (episodes[i].OpenOn(date)) return i;
        return -1;
    }

    /// <summary>Start of the continuous period of care containing episode <paramref name="index"/> (no gap between episodes, back to an RNE of S).</summary>
    public static DateOnly PeriodStart(List<Episode> episodes, int index)
    {
        var i = index;
        while (i > 0 && episodes[i].Rne != "S" && episodes[i - 1].Dec == episodes[i].Decom) i--;
        return episodes[i].Decom;
    }

    /// <summary>Index of the episode the placement of episode <paramref name="index"/> began with (back through legal-status-only changes, RNE L).</summary>
    public static int PlacementStartIndex(List<Episode> episodes, int index)
    {
        var i = index;
        while (i > 0 && episodes[i].Rne == "L" && episodes[i - 1].Dec == episodes[i].Decom) i--;
        return i;
    }

    public static int AgeOn(DateOnly dob, DateOnly date)
    {
        var age = date.Year - dob.Year;
        if (dob.AddYears(age) > date) age--;
        return age;
    }
}

/// <summary>
/// Placement stability: children looked after at the end of the window who had three or more placements during it
/// (former NI 62). The placement held on the window's first day counts as one; each later episode starting a placement
/// (RNE S, P, T, U or B) counts another; short-break episodes (V3/V4) are not placements. Who is in the denominator is
/// the difference between the Department's definition and its variant.
/// </summary>
public abstract class PlacementStabilityDefinition : StatutoryIndicator
{
    public override string NationalRef => "NI 62";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> SourceTables => ["Episodes"];

    /// <summary>Whether a child looked after at the window's end (episode <paramref name="open"/>) is in the denominator.</summary>
    protected abstract bool Counted(List<Episode> episodes, int open, List<Episode> inWindow);

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        foreach (var (child, episodes) in data.EpisodesByChild)
        {
            var open = CareHistory.OpenIndex(episodes, window.End);
            if (open < 0) continue;
            var inWindow = episodes.Where(e => e.OverlapsWindow(window.Start, window.End) && !e.IsRespite).ToList();
            if (inWindow.Count == 0 || !Counted(episodes, open, inWindow)) continue;
            var placements = 1 + inWindow.Skip(1).Count(e => e.StartsPlacement);
            var onBreak = episodes[open].IsRespite ? $"; on short breaks ({episodes[open].Ls}) at {Iso(window.End)}" : "";
            yield return new(child, placements >= 3, $"{placements} placement{(placements == 1 ? "" : "s")} since {Iso(window.Start)}{onBreak}");
        }
    }
}

/// <summary>
/// The Department's definition: children looked after at the period end other than those looked after under an agreed
/// series of short-term placements (legal status V3 or V4) at that date — "children looked after on 31 March …
/// exclude children looked after under an agreed series of short term placements" (DfE, Stability measures for
/// children looked after in England, data guidance).
/// </summary>
public sealed class PlacementStability : PlacementStabilityDefinition
{
    public override string Code => "lac-3plus-placements";
    public override string Title => "Children looked after with three or more placements during the year";
    public override int Version => 2;
    public override string Definition =>
        "Children looked after at the period end, other than those looked after under an agreed series of short-term placements (V3/V4) at that date, "
        + "who had 3 or more placements since 1 April, ÷ all of those children. A placement starts with an episode whose RNE is S, P, T, U or B; "
        + "the placement held on 1 April counts; short-break episodes are not placements.";

    protected override bool Counted(List<Episode> episodes, int open, List<Episode> inWindow) => !episodes[open].IsRespite;
}

/// <summary>
/// Variant (Outturn's first definition): children looked after at the period end, leaving out only those looked after
/// only under short breaks during the year — a child who moved three times, left care and is on short breaks at 31
/// March is counted.
/// </summary>
public sealed class PlacementStabilityIncludingShortBreaks : PlacementStabilityDefinition
{
    public override string Code => "lac-3plus-placements-incl-short-breaks";
    public override string Title => "Children looked after with three or more placements during the year (including children on short breaks at the period end)";
    public override string? VariantOf => "lac-3plus-placements";
    public override int Version => 1;
    public override string Definition =>
        "Variant: as lac-3plus-placements, but leaving out only children looked after solely under short breaks (V3/V4) during the year; "
        + "a child on short breaks at the period end who was otherwise looked after earlier in the year is counted.";

    protected override bool Counted(List<Episode> episodes, int open, List<Episode> inWindow) => true;
}

/// <summary>
/// Long-term placement stability (former NI 63): of children aged under 16 at the period end who had been looked
/// after continuously for at least 2½ years, those in the same placement for at least 2 years, or placed for adoption
/// (A3–A6) where that placement and the one before it together lasted at least 2 years.
/// </summary>
public sealed class LongTermPlacementStability : StatutoryIndicator
{
    public override string Code => "lac-long-term-stability";
    public override string NationalRef => "NI 63";
    public override string Title => "Children looked after long-term who have been in the same placement for at least 2 years";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> SourceTables => ["Header", "Episodes"];
    public override int Version => 1;
    public override string Definition =>
        "Of children under 16 at the period end, looked after continuously for at least 2½ years, the percentage in the same placement for at least 2 years "
        + "(or placed for adoption, where that placement and the previous one together lasted 2 years).";

    private static readonly string[] Adoption = ["A3", "A4", "A5", "A6"];

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        var end = window.End;
        foreach (var (child, episodes) in data.EpisodesByChild)
        {
            var open = CareHistory.OpenIndex(episodes, end);
            if (open < 0 || episodes[open].IsRespite) continue;
            if (!data.LacChildren.TryGetValue(child, out var header) || CareHistory.AgeOn(header.Dob, end) >= 16) continue;
            if (CareHistory.PeriodStart(episodes, open) > end.AddMonths(-30)) continue;
            var start = CareHistory.PlacementStartIndex(episodes, open);
            var placementStart = episodes[start].Decom;
            if (Adoption.Contains(episodes[open].Place) && start > 0 && episodes[start - 1].Dec == episodes[start].Decom)
                placementStart = episodes[CareHistory.PlacementStartIndex(episodes, start - 1)].Decom;
            yield return new(child, placementStart <= end.AddYears(-2), $"placement since {Iso(placementStart)}");
        }
    }
}

/// <summary>
/// Children looked after reviewed in timescale: of children looked after at the period end for at least 20 working
/// days, those all of whose reviews due by then were held on time — the first within 20 working days of the period of
/// care starting, the second within 3 months of the first, then every 6 months.
/// </summary>
public sealed class LookedAfterReviewsInTimescale : StatutoryIndicator
{
    public override string Code => "lac-reviews-in-timescale";
    public override string Title => "Children looked after reviewed within the required timescales";
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> SourceTables => ["Episodes", "Reviews"];
    public override int Version => 1;
    public override string Definition =>
        "Children looked after at the period end (for at least 20 working days, not only under short breaks) whose reviews were all on time: "
        + "first within 20 working days of becoming looked after, second within 3 months of the first, then every 6 months.";

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        var end = window.End;
        var history = data.HistoryFrom(ReturnKind.Ssda903, window.CollectionYear);
        foreach (var (child, episodes) in data.EpisodesByChild)
        {
            var open = CareHistory.OpenIndex(episodes, end);
            if (open < 0 || episodes[open].IsRespite) continue;
            var start = CareHistory.PeriodStart(episodes, open);
            var due = WorkingDays.Add(start, 20);
            if (due > end) continue;
            var reviews = data.ReviewsByChild.TryGetValue(child, out var list) ? list.Select(r => r.Date).ToList() : [];
            var judged = ReviewChain.Check(start, due, 3, reviews, window, history);
            yield return new(child, judged.OnTime, judged.Note, judged.HistoryMissing);
        }
    }
}

/// <summary>How a case's reviews were judged: on time or not, why, and whether part of its history was not held.</summary>
public readonly record struct ReviewJudgement(bool OnTime, string Note, bool HistoryMissing);

/// <summary>
/// Whether a chain of reviews was on time in a window: the first by <c>firstDue</c>, the second within
/// <c>secondGapMonths</c> of the first, then each within 6 months of the one before, and none overdue at the window's
/// end. Only the reviews held (or due) in the window are judged; the reviews before it set when the first of them was
/// due. Those come from every year held: <c>historyFrom</c> is the first day of the history held without a gap
/// (<see cref="ReturnsData.HistoryFrom"/>).
/// <list type="bullet">
/// <item>A case that began on or after <c>historyFrom</c> is walked from its start: a plan reviewed on 8 January
/// 2015 had its next review due on 8 July 2015.</item>
/// <item>A case that began earlier continues from the last review held since <c>historyFrom</c>; with none held,
/// the next review was due 6 months after <c>historyFrom</c> at the latest (a case with no review for 14 months is
/// late). When the previous year is not held at all the case is marked <see cref="ReviewJudgement.HistoryMissing"/>
/// and the figure says so.</item>
/// </list>
/// </summary>
public static class ReviewChain
{
    public static ReviewJudgement Check(DateOnly start, DateOnly firstDue, int secondGapMonths, IReadOnlyList<DateOnly> reviews, ReportingWindow window, DateOnly historyFrom)
    {
        DateOnly Next(DateOnly review, int held) => held == 1 ? review.AddMonths(secondGapMonths) : review.AddMonths(6);
        var chain = reviews.Where(r => r >= start && r <= window.End).Distinct().Order().ToList();
        var before = chain.Where(r => r < window.Start).ToList();
        DateOnly due;
        int n;
        var missing = false;
        if (start >= historyFrom)
        {
            due = firstDue;
            n = 0;
            foreach (var r in before) due = Next(r, ++n);
        }
        else
        {
            var seen = before.Where(r => r >= historyFrom).ToList();
            if (seen.Count == 0 && firstDue >= historyFrom) { due = firstDue; n = 0; }
            else if (seen.Count == 0) { due = historyFrom.AddMonths(6); n = 2; }
            else if (seen.Count == 1 && seen[0] <= firstDue) { due = Next(seen[0], 1); n = 1; }
            else { due = seen[^1].AddMonths(6); n = 2; }
            missing = historyFrom >= window.Start && firstDue < window.Start;
        }
        var unseen = missing ? $"; reviews before {Iso(historyFrom)} are not held" : "";
        var counted = 0;
        foreach (var review in chain.Where(r => r >= window.Start))
        {
            if (review > due)
                return new(false, $"review due {Iso(due)}, held {Iso(review)}{unseen}", missing);
            n++;
            counted++;
            due = Next(review, n);
        }
        if (due < window.End) return new(false, $"review due {Iso(due)}, none held by {Iso(window.End)}{unseen}", missing);
        var last = before.Count > 0 ? $", after the review of {Iso(before[^1])}" : "";
        return new(true, $"{counted} review{(counted == 1 ? "" : "s")} on time{last}{unseen}", missing);
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}


/// <summary>Care leavers' outcomes at 19, 20 and 21 from OC3, for those whose birthday falls in the window.</summary>
public abstract class CareLeaverIndicator : StatutoryIndicator
{
    public override ReturnKind Source => ReturnKind.Ssda903;
    public override IReadOnlyList<string> SourceTables => ["OC3"];

    protected abstract bool Counts(CareLeaver leaver);

    protected override IEnumerable<IndicatorMember> Members(ReturnsData data, ReportingWindow window)
    {
        foreach (var leaver in data.CareLeavers(window.CollectionYear))
        {
            var age = CareHistory.AgeOn(leaver.Dob, window.End);
            var birthday = leaver.Dob.AddYears(age);
            if (age is < 19 or > 21 || !window.Contains(birthday)) continue;
            yield return new(leaver.ChildId, Counts(leaver), $"aged {age} on {Iso(birthday)}; ACTIV {leaver.Activity ?? "-"}, ACCOM {leaver.Accommodation ?? "-"}");
        }
    }
}

public sealed class CareLeaversSuitableAccommodation : CareLeaverIndicator
{
    public override string Code => "cl-suitable-accommodation";
    public override string Title => "Care leavers aged 19, 20 and 21 in suitable accommodation";
    public override int Version => 1;
    public override string Definition =>
        "Care leavers whose 19th, 20th or 21st birthday fell in the year to date, in accommodation recorded as suitable (ACCOM ending in 1) ÷ all of them.";
    protected override bool Counts(CareLeaver leaver) => leaver.Accommodation is { Length: 2 } a && a[1] == '1';
}

public sealed class CareLeaversInEducationEmploymentTraining : CareLeaverIndicator
{
    public override string Code => "cl-eet";
    public override string Title => "Care leavers aged 19, 20 and 21 in education, employment or training";
    public override int Version => 1;
    public override string Definition =>
        "Care leavers whose 19th, 20th or 21st birthday fell in the year to date, in education, employment or training (ACTIV F1, P1, F2, P2, F4, P4, F5, P5) ÷ all of them.";
    private static readonly string[] Eet = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5"];
    protected override bool Counts(CareLeaver leaver) => leaver.Activity is { } a && Eet.Contains(a);
}
