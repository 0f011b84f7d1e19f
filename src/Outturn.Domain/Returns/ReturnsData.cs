namespace Outturn.Domain.Returns;

/// <summary>
/// Everything held from the returns, merged across collection years: a later year's copy of an episode, review or
/// referral replaces an earlier one's (the same child and start date). Indicators read only this.
/// </summary>
public sealed class ReturnsData
{
    public IReadOnlyList<LookedAfterReturn> LookedAfter { get; }
    public IReadOnlyList<CinReturn> Cin { get; }
    /// <summary>Children aged 0–17 in the area (mid-year estimate), for rates per 10,000.</summary>
    public int? ChildPopulation { get; init; }

    public IReadOnlyDictionary<string, LacChild> LacChildren { get; }
    /// <summary>Each looked-after child's episodes, oldest first.</summary>
    public IReadOnlyDictionary<string, List<Episode>> EpisodesByChild { get; }
    public IReadOnlyDictionary<string, List<LacReview>> ReviewsByChild { get; }
    public IReadOnlyList<Referral> Referrals { get; }
    public IReadOnlyDictionary<string, List<Referral>> ReferralsByChild { get; }

    public ReturnsData(IEnumerable<LookedAfterReturn> lookedAfter, IEnumerable<CinReturn> cin)
    {
        LookedAfter = lookedAfter.OrderBy(r => r.Year).ToList();
        Cin = cin.OrderBy(r => r.Year).ToList();

        var children = new Dictionary<string, LacChild>();
        var episodes = new Dictionary<(string, DateOnly), Episode>();
        var reviews = new Dictionary<(string, DateOnly), LacReview>();
        foreach (var r in LookedAfter)
        {
            foreach (var c in r.Children) children[c.ChildId] = c;
            foreach (var e in r.Episodes) episodes[(e.ChildId, e.Decom)] = e;
            foreach (var v in r.Reviews) reviews[(v.ChildId, v.Date)] = v;
        }
        LacChildren = children;
        EpisodesByChild = episodes.Values.GroupBy(e => e.ChildId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Decom).ToList());
        ReviewsByChild = reviews.Values.GroupBy(v => v.ChildId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Date).ToList());

        var referrals = new Dictionary<(string, DateOnly), Referral>();
        foreach (var r in Cin)
            foreach (var f in r.Referrals) referrals[(f.ChildId, f.Date)] = f;
        Referrals = referrals.Values.OrderBy(f => f.ChildId, StringComparer.Ordinal).ThenBy(f => f.Date).ToList();
        ReferralsByChild = Referrals.GroupBy(f => f.ChildId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>The same data without these children's records, to see how a figure moves when they are left out.</summary>
    public ReturnsData Without(IReadOnlySet<string> children)
    {
        var lac = LookedAfter.Select(r =>
        {
            var copy = new LookedAfterReturn { Year = r.Year };
            copy.Children.AddRange(r.Children.Where(x => !children.Contains(x.ChildId)));
            copy.Episodes.AddRange(r.Episodes.Where(x => !children.Contains(x.ChildId)));
            copy.Reviews.AddRange(r.Reviews.Where(x => !children.Contains(x.ChildId)));
            copy.CareLeavers.AddRange(r.CareLeavers.Where(x => !children.Contains(x.ChildId)));
            copy.PlacedForAdoption.AddRange(r.PlacedForAdoption.Where(x => !children.Contains(x.ChildId)));
            return copy;
        });
        var cin = Cin.Select(r =>
        {
            var copy = new CinReturn { Year = r.Year, ReferenceDate = r.ReferenceDate };
            copy.Children.AddRange(r.Children.Where(x => !children.Contains(x.ChildId)));
            copy.Referrals.AddRange(r.Referrals.Where(x => !children.Contains(x.ChildId)));
            return copy;
        });
        return new ReturnsData(lac, cin) { ChildPopulation = ChildPopulation };
    }

    /// <summary>The OC3 (care leavers) records of the collection year a window falls in.</summary>
    public IEnumerable<CareLeaver> CareLeavers(int year) =>
        LookedAfter.Where(r => r.Year == year).SelectMany(r => r.CareLeavers);

    public IEnumerable<PlacedForAdoption> PlacedForAdoption => LookedAfter.SelectMany(r => r.PlacedForAdoption);

    /// <summary>Every child protection plan held, with its child, once (a plan seen in two years' censuses counts once).</summary>
    public IEnumerable<(string ChildId, CpPlan Plan)> ProtectionPlans() =>
        Referrals.SelectMany(f => f.ProtectionPlans.Select(p => (f.ChildId, p)))
            .GroupBy(x => (x.ChildId, x.p.Start)).Select(g => g.Last());
}

/// <summary>The dates an indicator is computed over: the financial year to date ending on a period's last day.</summary>
public readonly record struct ReportingWindow(DateOnly Start, DateOnly End)
{
    /// <summary>1 April of the financial year containing <paramref name="end"/>, to <paramref name="end"/>.</summary>
    public static ReportingWindow YearTo(DateOnly end) =>
        new(new DateOnly(end.Month >= 4 ? end.Year : end.Year - 1, 4, 1), end);

    public int CollectionYear => Start.Year;
    public bool Contains(DateOnly d) => d >= Start && d <= End;
}
