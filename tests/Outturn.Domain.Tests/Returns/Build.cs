using System.Globalization;
using Outturn.Domain.Returns;

namespace Outturn.Domain.Tests.Returns;

/// <summary>Tiny synthetic returns for hand-worked cases.</summary>
public static class Build
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static readonly ReportingWindow Year2015 = new(D("2015-04-01"), D("2016-03-31"));

    public static Episode Episode(string child, string decom, string rne, string? dec = null, string ls = "C2", string place = "U1") =>
        new(child, D(decom), rne, ls, "N1", place, "PR1", dec is null ? null : D(dec), dec is null ? null : "E41", null, null, 0);

    public static LookedAfterReturn Lac(int year, IEnumerable<Episode> episodes, IEnumerable<LacChild>? children = null, IEnumerable<LacReview>? reviews = null, IEnumerable<CareLeaver>? leavers = null)
    {
        var r = new LookedAfterReturn { Year = year };
        r.Episodes.AddRange(episodes);
        r.Children.AddRange(children ?? r.Episodes.Select(e => e.ChildId).Distinct().Select(c => new LacChild(c, "1", D("2008-01-01"), null, 0)));
        r.Reviews.AddRange(reviews ?? []);
        r.CareLeavers.AddRange(leavers ?? []);
        return r;
    }

    public static ReturnsData Data(params LookedAfterReturn[] returns) => new(returns, []);

    public static ReturnsData Data(params CinReturn[] returns) => new([], returns);

    public static Referral Referral(string child, string date, IEnumerable<Assessment>? assessments = null, IEnumerable<CpPlan>? plans = null, int ordinal = 1) =>
        new(child, ordinal, D(date), "1A", "N1", null, null, false, [.. assessments ?? []], [], [], [.. plans ?? []], 0);

    public static Assessment Assessment(string start, string authorised) => new(D(start), D(authorised), 0);

    public static CpPlan Plan(string start, string? end = null, int? previous = 0, params string[] reviews) =>
        new(1, D(start), end is null ? null : D(end), previous, reviews.Select(D).ToList(), 0);

    public static CinReturn Cin(int year, params Referral[] referrals)
    {
        var r = new CinReturn { Year = year };
        r.Referrals.AddRange(referrals);
        return r;
    }
}
