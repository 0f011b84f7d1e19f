using System.Globalization;
using System.Text;
using System.Xml;
using Outturn.Domain.Returns;

namespace Outturn.Application.Returns;

/// <summary>How a synthetic set is shaped. The defaults give a Halton-sized authority.</summary>
public sealed record SynthOptions(int Children, int Years, int Seed, int LastYear = 2015)
{
    /// <summary>Mean days a placement lasts (shorter gives more episodes per child).</summary>
    public int MeanPlacementDays { get; init; } = 330;
    public int FirstYear => LastYear - Years + 1;
    /// <summary>The share of children given a deliberate data error (overlapping episodes, an assessment authorised before it started), to exercise validation.</summary>
    public double Errors { get; init; }
}

/// <summary>
/// Writes realistic synthetic statutory returns — placement moves, legal statuses, reviews, care leavers; referrals,
/// assessments, plans, re-referrals — from a seed, so the same options always give the same files. No real child's
/// data: ids are sequential, dates random within plausible bounds.
/// </summary>
public static class Synthetic
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static string Dmy(DateOnly d) => d.ToString("dd/MM/yyyy", Inv);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);
    private static DateOnly YearStart(int y) => new(y, 4, 1);
    private static DateOnly YearEnd(int y) => new(y + 1, 3, 31);
    private static string YearFolder(int y) => $"{y}-{(y + 1) % 100:D2}";

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    // ---------- SSDA903 ----------

    public sealed record LacChildHistory(string Id, string Sex, DateOnly Dob, string Ethnic, List<Episode> Episodes, List<DateOnly> Reviews, (string Activ, string Accom)? Outcome);

    public static List<LacChildHistory> LookedAfter(SynthOptions o)
    {
        var r = new Random(o.Seed);
        var first = Max(YearStart(o.FirstYear).AddYears(-4), new DateOnly(WorkingDays.FirstYear, 4, 1));
        var last = YearEnd(o.LastYear);
        var span = last.DayNumber - first.DayNumber;
        var ethnic = new[] { "WBRI", "WBRI", "WBRI", "WBRI", "WIRI", "WOTH", "MWBC", "MWBA", "MWAS", "AIND", "APKN", "BAFR", "BCRB", "CHNE", "OOTH" };
        var children = new List<LacChildHistory>(o.Children);
        for (var i = 0; i < o.Children; i++)
        {
            var id = "L" + (100000 + i).ToString(Inv);
            var start = DateOnly.FromDayNumber(first.DayNumber + r.Next(span));
            // Ages at entry skew young (babies) and teenage, as the published statistics do.
            var ageAtEntry = r.NextDouble() < 0.2 ? r.Next(0, 365) : r.Next(365, 17 * 365);
            var dob = start.AddDays(-ageAtEntry);
            var respite = r.NextDouble() < 0.04;
            var episodes = new List<Episode>();
            var reviews = new List<DateOnly>();
            var ls = respite ? "V3" : Pick(r, ["C2", "C2", "V2", "V2", "E1", "C1", "L1", "J2"]);
            var place = respite ? "H5" : Pick(r, ["U1", "U4", "U1", "U3", "U6", "K2", "R1", "P1"]);
            var d = start;
            var rne = "S";
            var eighteenth = dob.AddYears(18);
            // Some children are still looked after at the end, some left; the period of care ends by their 18th birthday.
            var careEnd = r.NextDouble() < 0.45 ? eighteenth : start.AddDays(60 + r.Next(5 * 365));
            if (careEnd > eighteenth) careEnd = eighteenth;
            while (true)
            {
                var length = Math.Max(1, (int)(-Math.Log(1 - r.NextDouble()) * o.MeanPlacementDays));
                var next = d.AddDays(length);
                var ends = next >= careEnd;
                DateOnly? dec = ends ? (careEnd <= last ? careEnd : null) : next;
                if (dec is { } x && x > last) dec = null;
                var rec = dec is null ? null : ends ? (careEnd == eighteenth ? "E41" : Pick(r, ["E11", "E12", "E13", "E41", "E45", "E4A", "E48"])) : "X1";
                episodes.Add(new(id, d, rne, ls, "N1", place, place.StartsWith('U') ? "PR1" : "PR4", dec, rec, rne == "P" ? Pick(r, ["CARPL", "CHILD", "LAREQ", "PLACE"]) : null, null, 0));
                if (dec is null || ends || next > last) break;
                d = next;
                if (!respite && r.NextDouble() < 0.15) { rne = "L"; ls = Pick(r, ["C2", "E1", "C1"]); }
                else if (!respite && r.NextDouble() < 0.1) { rne = "B"; ls = Pick(r, ["C2", "E1"]); place = Pick(r, ["U1", "U4", "A3", "K2"]); }
                else { rne = "P"; place = Pick(r, ["U1", "U4", "U3", "U6", "K2", "R1", "P1", "A4"]); }
            }
            if (episodes.Count > 1 && r.NextDouble() < o.Errors)
            {
                // A keying slip: the first episode's end date typed a week late, so it overlaps the next.
                episodes[0] = episodes[0] with { Dec = episodes[0].Dec?.AddDays(7) };
            }
            if (!respite)
            {
                // First review about 20 working days in (some late), then 3 months, then 6-monthly, with a little drift.
                var due = WorkingDays.Add(start, 20);
                var review = due.AddDays(r.NextDouble() < 0.9 ? -r.Next(0, 10) : r.Next(1, 20));
                var careStop = episodes[^1].Dec ?? last;
                var n = 0;
                while (review <= careStop && review <= last)
                {
                    reviews.Add(review);
                    n++;
                    var gap = n == 1 ? 3 : 6;
                    review = review.AddMonths(gap).AddDays(r.NextDouble() < 0.92 ? -r.Next(0, 14) : r.Next(1, 30));
                }
            }
            (string, string)? outcome = careEnd == eighteenth && careEnd <= last
                ? (Pick(r, ["F1", "F2", "F2", "F4", "F4", "P4", "F5", "G4", "G5", "G5", "G6"]), Pick(r, ["B1", "D1", "E1", "K1", "T1", "U1", "U1", "Z1", "S2", "V2", "W2", "X2"]))
                : null;
            children.Add(new(id, r.NextDouble() < 0.55 ? "1" : "2", dob, Pick(r, ethnic), episodes, reviews, outcome));
        }
        return children;
    }

    /// <summary>Writes one folder per collection year (2014-15, 2015-16) of SSDA903 CSV tables.</summary>
    public static IReadOnlyList<string> WriteSsda903(SynthOptions o, string folder)
    {
        var children = LookedAfter(o);
        var written = new List<string>();
        for (var y = o.FirstYear; y <= o.LastYear; y++)
        {
            var (start, end) = (YearStart(y), YearEnd(y));
            var dir = Path.Combine(folder, YearFolder(y));
            Directory.CreateDirectory(dir);
            var header = new StringBuilder("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n");
            var episodes = new StringBuilder("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n");
            var reviews = new StringBuilder("CHILD,DOB,REVIEW,REVIEW_CODE\n");
            var oc3 = new StringBuilder("CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\n");
            foreach (var c in children)
            {
                var inYear = c.Episodes.Where(e => e.Decom <= end && (e.Dec is null || e.Dec >= start)).ToList();
                if (inYear.Count > 0)
                {
                    header.Append(Inv, $"{c.Id},{c.Sex},{Dmy(c.Dob)},{c.Ethnic},UN1,,\n");
                    foreach (var e in inYear)
                        episodes.Append(Inv, $"{c.Id},{Dmy(e.Decom)},{e.Rne},{e.Ls},{e.Cin},{e.Place},{e.PlaceProvider},{(e.Dec is { } x && x <= end ? Dmy(x) : "")},{(e.Dec is { } z && z <= end ? e.Rec : "")},{e.ReasonPlaceChange},,,\n");
                    foreach (var v in c.Reviews.Where(v => v >= start && v <= end))
                        reviews.Append(Inv, $"{c.Id},{Dmy(c.Dob)},{Dmy(v)},PN1\n");
                }
                if (c.Outcome is { } outcome)
                    foreach (var age in new[] { 19, 20, 21 })
                        if (c.Dob.AddYears(age) is var b && b >= start && b <= end)
                            oc3.Append(Inv, $"{c.Id},{Dmy(c.Dob)},YES,{outcome.Activ},{outcome.Accom}\n");
            }
            File.WriteAllText(Path.Combine(dir, "header.csv"), header.ToString());
            File.WriteAllText(Path.Combine(dir, "episodes.csv"), episodes.ToString());
            File.WriteAllText(Path.Combine(dir, "reviews.csv"), reviews.ToString());
            File.WriteAllText(Path.Combine(dir, "oc3.csv"), oc3.ToString());
            written.Add(dir);
        }
        return written;
    }

    // ---------- CIN census ----------

    public sealed record CinChildHistory(string Id, string Sex, DateOnly Dob, List<Referral> Referrals);

    public static List<CinChildHistory> ChildrenInNeed(SynthOptions o)
    {
        var r = new Random(o.Seed + 7919);
        var first = Max(YearStart(o.FirstYear).AddYears(-2), new DateOnly(WorkingDays.FirstYear, 4, 1));
        var last = YearEnd(o.LastYear);
        var span = last.DayNumber - first.DayNumber;
        var children = new List<CinChildHistory>(o.Children);
        for (var i = 0; i < o.Children; i++)
        {
            var id = "N" + (100000 + i).ToString(Inv);
            var referralDate = DateOnly.FromDayNumber(first.DayNumber + r.Next(span));
            var dob = referralDate.AddDays(-r.Next(0, 17 * 365));
            var referrals = new List<Referral>();
            var previousPlans = r.NextDouble() < 0.12 ? 1 : 0;
            var ordinal = 0;
            while (referralDate <= last)
            {
                ordinal++;
                var assessments = new List<Assessment>();
                var plans = new List<CpPlan>();
                var s47 = new List<DateOnly>();
                var nfa = r.NextDouble() < 0.25;
                var closed = referralDate.AddDays(nfa ? r.Next(0, 10) : 30 + r.Next(400));
                if (!nfa)
                {
                    var aStart = referralDate.AddDays(r.Next(0, 6));
                    // Most assessments are authorised within 45 working days; some take longer.
                    var days = r.NextDouble() < 0.82 ? r.Next(5, 46) : r.Next(46, 90);
                    var done = WorkingDays.Add(aStart, days);
                    if (r.NextDouble() < o.Errors) done = aStart.AddDays(-r.Next(1, 5));
                    assessments.Add(new(aStart, done > last ? null : done, 0));
                    if (r.NextDouble() < 0.18)
                    {
                        var s = aStart.AddDays(r.Next(0, 5));
                        s47.Add(s);
                        if (r.NextDouble() < 0.5)
                        {
                            var cpStart = WorkingDays.Add(s, r.Next(5, 20));
                            var length = r.NextDouble() < 0.05 ? r.Next(700, 900) : r.Next(60, 700);
                            DateOnly? cpEnd = cpStart.AddDays(length) is var e && e <= last ? e : null;
                            var reviewDates = new List<DateOnly>();
                            var rv = cpStart.AddMonths(3).AddDays(r.NextDouble() < 0.93 ? -r.Next(0, 20) : r.Next(1, 15));
                            while (rv <= (cpEnd ?? last) && rv <= last)
                            {
                                reviewDates.Add(rv);
                                rv = rv.AddMonths(6).AddDays(r.NextDouble() < 0.93 ? -r.Next(0, 20) : r.Next(1, 15));
                            }
                            plans.Add(new(1, cpStart, cpEnd, previousPlans, reviewDates, 0));
                            previousPlans++;
                            if (cpEnd is { } ce && ce > closed) closed = ce.AddDays(r.Next(0, 60));
                        }
                    }
                }
                DateOnly? closure = closed <= last ? closed : null;
                referrals.Add(new(id, ordinal, referralDate, Pick(r, CinSpec.ReferralSources), Pick(r, ["N1", "N1", "N1", "N2", "N3", "N4", "N5", "N8", "N9"]),
                    closure, closure is null ? null : Pick(r, CinSpec.ClosureReasons), nfa, assessments, [], s47, plans, 0));
                if (closure is null || r.NextDouble() > 0.3) break;
                // A re-referral: often within the year, sometimes later.
                referralDate = closure.Value.AddDays(r.Next(1, 540));
            }
            children.Add(new(id, r.NextDouble() < 0.5 ? "1" : "2", dob, referrals));
        }
        return children;
    }

    /// <summary>Writes one census per collection year (cin-2015-16.xml) holding the referrals open during that year.</summary>
    public static IReadOnlyList<string> WriteCin(SynthOptions o, string folder)
    {
        var children = ChildrenInNeed(o);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        for (var y = o.FirstYear; y <= o.LastYear; y++)
        {
            var (start, end) = (YearStart(y), YearEnd(y));
            var path = Path.Combine(folder, $"cin-{YearFolder(y)}.xml");
            using (var w = XmlWriter.Create(path, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
            {
                w.WriteStartElement("Message");
                w.WriteStartElement("Header");
                w.WriteStartElement("CollectionDetails");
                w.WriteElementString("Collection", "CIN");
                w.WriteElementString("Year", (y + 1).ToString(Inv));
                w.WriteElementString("ReferenceDate", Iso(end));
                w.WriteEndElement();
                w.WriteStartElement("Source");
                w.WriteElementString("SourceLevel", "L");
                w.WriteElementString("LEA", "000");
                w.WriteElementString("SoftwareCode", "Outturn synthetic");
                w.WriteElementString("Release", "1");
                w.WriteElementString("SerialNo", "1");
                w.WriteElementString("DateTime", Iso(end.AddDays(30)) + "T09:00:00");
                w.WriteEndElement();
                w.WriteEndElement();
                w.WriteStartElement("Children");
                foreach (var c in children)
                {
                    var open = c.Referrals.Where(f => f.Date <= end && (f.Closed is null || f.Closed >= start)).ToList();
                    if (open.Count == 0) continue;
                    w.WriteStartElement("Child");
                    w.WriteStartElement("ChildIdentifiers");
                    w.WriteElementString("LAchildID", c.Id);
                    w.WriteElementString("UPNunknown", "UN1");
                    w.WriteElementString("PersonBirthDate", Iso(c.Dob));
                    w.WriteElementString("GenderCurrent", c.Sex);
                    w.WriteEndElement();
                    w.WriteStartElement("ChildCharacteristics");
                    w.WriteElementString("Ethnicity", "WBRI");
                    w.WriteEndElement();
                    foreach (var f in open)
                    {
                        w.WriteStartElement("CINdetails");
                        w.WriteElementString("CINreferralDate", Iso(f.Date));
                        w.WriteElementString("ReferralSource", f.Source);
                        w.WriteElementString("PrimaryNeedCode", f.PrimaryNeed);
                        if (f.Closed is { } cl && cl <= end)
                        {
                            w.WriteElementString("CINclosureDate", Iso(cl));
                            w.WriteElementString("ReasonForClosure", f.ClosureReason);
                        }
                        w.WriteElementString("ReferralNFA", f.NoFurtherAction ? "true" : "false");
                        foreach (var a in f.Assessments)
                        {
                            w.WriteStartElement("Assessments");
                            w.WriteElementString("AssessmentActualStartDate", Iso(a.Start!.Value));
                            if (a.Authorised is { } au && au <= end) w.WriteElementString("AssessmentAuthorisationDate", Iso(au));
                            w.WriteEndElement();
                        }
                        foreach (var s in f.Section47Starts.Where(s => s <= end))
                        {
                            w.WriteStartElement("Section47");
                            w.WriteElementString("S47ActualStartDate", Iso(s));
                            w.WriteEndElement();
                        }
                        foreach (var p in f.ProtectionPlans.Where(p => p.Start <= end))
                        {
                            w.WriteStartElement("ChildProtectionPlans");
                            w.WriteElementString("CPPstartDate", Iso(p.Start));
                            if (p.End is { } pe && pe <= end) w.WriteElementString("CPPendDate", Iso(pe));
                            w.WriteElementString("InitialCategoryOfAbuse", "NEG");
                            w.WriteElementString("NumberOfPreviousCPP", (p.PreviousPlans ?? 0).ToString(Inv));
                            w.WriteStartElement("Reviews");
                            foreach (var rv in p.Reviews.Where(v => v <= end)) w.WriteElementString("CPPreviewDate", Iso(rv));
                            w.WriteEndElement();
                            w.WriteEndElement();
                        }
                        w.WriteEndElement();
                    }
                    w.WriteEndElement();
                }
                w.WriteEndElement();
                w.WriteEndElement();
            }
            written.Add(path);
        }
        return written;
    }
}
