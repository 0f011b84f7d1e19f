namespace Outturn.Domain.Returns;

/// <summary>
/// Everything held from the returns. Each return year's records stay as that year reported them
/// (<see cref="LookedAfter"/>, <see cref="Cin"/>); the merged history the indicators read is built from them, oldest
/// year first, by these rules (docs/statutory-indicators.md, "Returns across years"):
/// <list type="bullet">
/// <item>a record is the same in two years when it has the same child and start: an episode (CHILD, DECOM), a
/// looked-after review (CHILD, REVIEW), a referral (LAchildID, CINreferralDate), within a referral an assessment
/// (AssessmentActualStartDate), a CIN plan (CINPlanStartDate) and a protection plan (CPPstartDate);</item>
/// <item>the later year wins only for the fields it carries: a blank in the later year keeps the earlier value;</item>
/// <item>the lists under a referral are merged, never replaced: assessments, section 47s, CIN plans and protection
/// plans by date, and a plan's reviews are the union of every year's.</item>
/// </list>
/// A figure for a collection year is computed from that year's returns and earlier ones only (<see cref="Through"/>),
/// so importing a later year never changes an earlier year's figures, and the order of imports does not matter.
/// </summary>
public sealed class ReturnsData
{
    public IReadOnlyList<LookedAfterReturn> LookedAfter { get; }
    public IReadOnlyList<CinReturn> Cin { get; }
    /// <summary>Children aged 0–17 in the area (mid-year estimate), for rates per 10,000, when no figure is given for the year.</summary>
    public int? ChildPopulation { get; init; }
    /// <summary>Children aged 0–17 by collection year (2015 for 2015/16: the mid-2015 estimate).</summary>
    public IReadOnlyDictionary<int, int>? ChildPopulationByYear { get; init; }

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
            foreach (var c in r.Children)
                children[c.ChildId] = children.TryGetValue(c.ChildId, out var old) ? c with { Ethnic = c.Ethnic ?? old.Ethnic } : c;
            foreach (var e in r.Episodes)
            {
                var tagged = e with { Year = r.Year };
                episodes[(e.ChildId, e.Decom)] = episodes.TryGetValue((e.ChildId, e.Decom), out var old) ? Merge(old, tagged) : tagged;
            }
            foreach (var v in r.Reviews) reviews[(v.ChildId, v.Date)] = v;
        }
        LacChildren = children;
        EpisodesByChild = episodes.Values.GroupBy(e => e.ChildId).ToDictionary(g => g.Key, g => g.OrderBy(e => e.Decom).ToList());
        ReviewsByChild = reviews.Values.GroupBy(v => v.ChildId).ToDictionary(g => g.Key, g => g.OrderBy(v => v.Date).ToList());

        var referrals = new Dictionary<(string, DateOnly), Referral>();
        foreach (var r in Cin)
            foreach (var f in r.Referrals)
            {
                // A census typed as read already carries its year: copy a referral only to tag it.
                var tagged = f.Year == r.Year && f.ProtectionPlans.TrueForAll(p => p.Year == r.Year) ? f
                    : f with { Year = r.Year, ProtectionPlans = f.ProtectionPlans.Select(p => p with { Year = r.Year }).ToList() };
                referrals[(f.ChildId, f.Date)] = referrals.TryGetValue((f.ChildId, f.Date), out var old) ? Merge(old, tagged) : tagged;
            }
        Referrals = referrals.Values.OrderBy(f => f.ChildId, StringComparer.Ordinal).ThenBy(f => f.Date).ToList();
        ReferralsByChild = Referrals.GroupBy(f => f.ChildId).ToDictionary(g => g.Key, g => g.ToList());
    }

    /// <summary>An episode in two years' returns: the later year's values, keeping the earlier one's where the later leaves a field blank.</summary>
    public static Episode Merge(Episode older, Episode newer) => newer with
    {
        Cin = newer.Cin ?? older.Cin, PlaceProvider = newer.PlaceProvider ?? older.PlaceProvider, Dec = newer.Dec ?? older.Dec,
        Rec = newer.Rec ?? older.Rec, ReasonPlaceChange = newer.ReasonPlaceChange ?? older.ReasonPlaceChange, Urn = newer.Urn ?? older.Urn,
    };

    /// <summary>
    /// A referral in two years' censuses: the later year's values where it carries them, and what followed the referral
    /// merged by date (ReferralNFA is always carried, so the later year's stands).
    /// </summary>
    public static Referral Merge(Referral older, Referral newer) => newer with
    {
        Source = newer.Source ?? older.Source, PrimaryNeed = newer.PrimaryNeed ?? older.PrimaryNeed, Closed = newer.Closed ?? older.Closed,
        ClosureReason = newer.ClosureReason ?? older.ClosureReason,
        Assessments = MergeBy(older.Assessments, newer.Assessments, a => (a.Start, a.Start is null ? a.Authorised : null),
            (o, n) => n with { Authorised = n.Authorised ?? o.Authorised }).OrderBy(a => a.Start ?? a.Authorised).ToList(),
        CinPlans = MergeBy(older.CinPlans, newer.CinPlans, p => (p.Start, p.Start is null ? p.End : null), (o, n) => n with { End = n.End ?? o.End }).OrderBy(p => p.Start).ToList(),
        Section47Starts = older.Section47Starts.Union(newer.Section47Starts).Order().ToList(),
        ProtectionPlans = MergeBy(older.ProtectionPlans, newer.ProtectionPlans, p => p.Start, (o, n) => n with
        {
            End = n.End ?? o.End, PreviousPlans = n.PreviousPlans ?? o.PreviousPlans, Reviews = o.Reviews.Union(n.Reviews).Order().ToList(),
        }).OrderBy(p => p.Start).ToList(),
    };

    private static IEnumerable<T> MergeBy<T, TKey>(List<T> older, List<T> newer, Func<T, TKey> key, Func<T, T, T> merge) where TKey : notnull
    {
        var byKey = new Dictionary<TKey, T>();
        var order = new List<TKey>();
        foreach (var item in older.Concat(newer))
        {
            var k = key(item);
            if (byKey.TryGetValue(k, out var old)) byKey[k] = merge(old, item);
            else { byKey[k] = item; order.Add(k); }
        }
        return order.Select(k => byKey[k]);
    }

    /// <summary>The collection years held of a kind of return.</summary>
    public bool Holds(ReturnKind kind, int year) => kind switch
    {
        ReturnKind.Ssda903 => LookedAfter.Any(r => r.Year == year),
        ReturnKind.Cin => Cin.Any(r => r.Year == year),
        _ => false,
    };

    /// <summary>
    /// The first day of the history held without a gap before a collection year: 1 April 2014 for 2015/16 when the
    /// 2014/15 return is held (and 2013/14 is not), 1 April 2015 when the previous year is not held. Records before
    /// it (a review of 2013, say) are not seen.
    /// </summary>
    public DateOnly HistoryFrom(ReturnKind kind, int year)
    {
        var y = year;
        while (Holds(kind, y - 1)) y--;
        return new DateOnly(y, 4, 1);
    }

    /// <summary>The child population for a collection year's rates: the year's own figure, else the single one.</summary>
    public int? PopulationFor(int year) =>
        ChildPopulationByYear is { } byYear && byYear.TryGetValue(year, out var p) ? p : ChildPopulation;

    private readonly Dictionary<int, ReturnsData> _through = [];

    /// <summary>
    /// The data as they stood for a collection year: that year's returns and earlier ones only. The Department takes
    /// each year's figures from that year's return; a later return adds to the history, it does not rewrite the year.
    /// </summary>
    public ReturnsData Through(int year)
    {
        if (LookedAfter.All(r => r.Year <= year) && Cin.All(r => r.Year <= year)) return this;
        lock (_through)
        {
            if (!_through.TryGetValue(year, out var data))
                _through[year] = data = new ReturnsData(LookedAfter.Where(r => r.Year <= year), Cin.Where(r => r.Year <= year))
                {
                    ChildPopulation = ChildPopulation, ChildPopulationByYear = ChildPopulationByYear,
                };
            return data;
        }
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
        return new ReturnsData(lac, cin) { ChildPopulation = ChildPopulation, ChildPopulationByYear = ChildPopulationByYear };
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
