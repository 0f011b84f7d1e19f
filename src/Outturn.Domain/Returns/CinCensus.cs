using System.Globalization;

namespace Outturn.Domain.Returns;

/// <summary>
/// The children in need census, flattened from its XML (Message / Children / Child / …) into tables, one per
/// repeating element, each row carrying its child's LAchildID and the ordinal of its CINdetails (and of its child
/// protection plan). The element names are the census specification's.
/// </summary>
public static class CinSpec
{
    public const string DateFormat = "yyyy-MM-dd";

    public static readonly string[] Genders = ["0", "1", "2", "9"];
    public static readonly string[] NeedCodes = ["N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9"];
    public static readonly string[] ClosureReasons = ["RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8"];
    public static readonly string[] ReferralSources =
        ["1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F", "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10"];
    public static readonly string[] Booleans = ["true", "false", "1", "0"];
    public static readonly string[] AbuseCategories = ["NEG", "PHY", "SAB", "EMO", "MUL"];

    public static readonly TableSpec Header = new("Header",
    [
        FieldSpec.Text("Collection"), FieldSpec.Int("Year"), FieldSpec.Date("ReferenceDate"), FieldSpec.Text("SourceLevel"),
        FieldSpec.Text("LEA"), FieldSpec.Text("SoftwareCode"), FieldSpec.Text("Release"), FieldSpec.Text("SerialNo"), FieldSpec.Text("DateTime"),
    ], Required: true);

    public static readonly TableSpec ChildIdentifiers = new("ChildIdentifiers",
    [
        FieldSpec.Text("LAchildID", true), FieldSpec.Text("UPN"), FieldSpec.Text("FormerUPN"), FieldSpec.Text("UPNunknown"),
        FieldSpec.Date("PersonBirthDate"), FieldSpec.Date("ExpectedPersonBirthDate"), FieldSpec.Code("GenderCurrent", Genders),
        FieldSpec.Code("PersonSex", Genders), FieldSpec.Date("PersonDeathDate"),
    ], Required: true);

    public static readonly TableSpec ChildCharacteristics = new("ChildCharacteristics",
        [FieldSpec.Text("LAchildID", true), FieldSpec.Code("Ethnicity", Ssda903Spec.Ethnicities)]);

    public static readonly TableSpec Disabilities = new("Disabilities", [FieldSpec.Text("LAchildID", true), FieldSpec.Text("Disability")]);

    public static readonly TableSpec CinDetails = new("CINdetails",
    [
        FieldSpec.Text("LAchildID", true), FieldSpec.Int("CINdetailsID", true), FieldSpec.Date("CINreferralDate", true),
        FieldSpec.Code("ReferralSource", ReferralSources), FieldSpec.Code("PrimaryNeedCode", NeedCodes), FieldSpec.Date("CINclosureDate"),
        FieldSpec.Code("ReasonForClosure", ClosureReasons), FieldSpec.Date("DateOfInitialCPC"), FieldSpec.Code("ReferralNFA", Booleans),
    ]);

    public static readonly TableSpec Assessments = new("Assessments",
    [
        FieldSpec.Text("LAchildID", true), FieldSpec.Int("CINdetailsID", true), FieldSpec.Date("AssessmentActualStartDate"),
        FieldSpec.Date("AssessmentInternalReviewDate"), FieldSpec.Date("AssessmentAuthorisationDate"), FieldSpec.Text("AssessmentFactors"),
    ]);

    public static readonly TableSpec CinPlanDates = new("CINPlanDates",
    [
        FieldSpec.Text("LAchildID", true), FieldSpec.Int("CINdetailsID", true), FieldSpec.Date("CINPlanStartDate"), FieldSpec.Date("CINPlanEndDate"),
    ]);

    public static readonly TableSpec Section47 = new("Section47",
    [
        FieldSpec.Text("LAchildID", true), FieldSpec.Int("CINdetailsID", true), FieldSpec.Date("S47ActualStartDate"),
        FieldSpec.Date("InitialCPCtarget"), FieldSpec.Date("DateOfInitialCPC"), FieldSpec.Code("ICPCnotRequired", Booleans),
    ]);

    public static readonly TableSpec ChildProtectionPlans = new("ChildProtectionPlans",
    [
        FieldSpec.Text("LAchildID", true), FieldSpec.Int("CINdetailsID", true), FieldSpec.Int("CPPID", true), FieldSpec.Date("CPPstartDate", true),
        FieldSpec.Date("CPPendDate"), FieldSpec.Code("InitialCategoryOfAbuse", AbuseCategories), FieldSpec.Code("LatestCategoryOfAbuse", AbuseCategories),
        FieldSpec.Int("NumberOfPreviousCPP"),
    ]);

    public static readonly TableSpec Reviews = new("Reviews",
    [
        FieldSpec.Text("LAchildID", true), FieldSpec.Int("CINdetailsID", true), FieldSpec.Int("CPPID", true), FieldSpec.Date("CPPreviewDate", true),
    ]);

    public static readonly IReadOnlyList<TableSpec> Tables =
        [Header, ChildIdentifiers, ChildCharacteristics, Disabilities, CinDetails, Assessments, CinPlanDates, Section47, ChildProtectionPlans, Reviews];

    public static TableSpec? Table(string name) => Tables.FirstOrDefault(t => t.Name == name);
}

public sealed record Assessment(DateOnly? Start, DateOnly? Authorised, int Line);

public sealed record CinPlan(DateOnly? Start, DateOnly? End, int Line);

public sealed record CpPlan(int Id, DateOnly Start, DateOnly? End, int? PreviousPlans, List<DateOnly> Reviews, int Line)
{
    /// <summary>The collection year whose census <see cref="Line"/> is in (the latest year that carried the plan, once merged).</summary>
    public int Year { get; init; }
}

/// <summary>One CINdetails: a referral and what followed it, to its closure.</summary>
public sealed record Referral(
    string ChildId, int Ordinal, DateOnly Date, string? Source, string? PrimaryNeed, DateOnly? Closed, string? ClosureReason, bool NoFurtherAction,
    List<Assessment> Assessments, List<CinPlan> CinPlans, List<DateOnly> Section47Starts, List<CpPlan> ProtectionPlans, int Line)
{
    /// <summary>The collection year whose census <see cref="Line"/> is in (the latest year that carried the referral, once merged).</summary>
    public int Year { get; init; }
}

public sealed record CinChild(string ChildId, DateOnly? Dob, string? Sex, int Line);

/// <summary>A children in need census for one collection year (1 April to 31 March), typed.</summary>
public sealed class CinReturn
{
    public int Year { get; init; }
    public DateOnly? ReferenceDate { get; init; }
    public List<CinChild> Children { get; } = [];
    public List<Referral> Referrals { get; } = [];

    public static DateOnly D(string s)
    {
        FieldChecks.TryDate(s, CinSpec.DateFormat, out var d);
        return d;
    }

    private static DateOnly? OptD(string? s) => s is null ? null : D(s);
    private static int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    private static bool B(string? s) => s is "true" or "1";

    public static CinReturn From(int year, IEnumerable<RawRow> rows)
    {
        var byTable = rows.GroupBy(r => r.Table).ToDictionary(g => g.Key, g => g.ToList());
        List<RawRow> T(string name) => byTable.TryGetValue(name, out var l) ? l : [];
        var header = T("Header").FirstOrDefault();
        var r = new CinReturn { Year = year, ReferenceDate = OptD(header?.Optional("ReferenceDate")) };
        foreach (var c in T("ChildIdentifiers"))
            r.Children.Add(new(c["LAchildID"], OptD(c.Optional("PersonBirthDate")), c.Optional("GenderCurrent") ?? c.Optional("PersonSex"), c.Line));
        var referrals = new Dictionary<(string, int), Referral>();
        foreach (var d in T("CINdetails"))
        {
            var referral = new Referral(d["LAchildID"], I(d["CINdetailsID"]), D(d["CINreferralDate"]), d.Optional("ReferralSource"),
                d.Optional("PrimaryNeedCode"), OptD(d.Optional("CINclosureDate")), d.Optional("ReasonForClosure"), B(d.Optional("ReferralNFA")),
                [], [], [], [], d.Line) { Year = year };
            referrals[(referral.ChildId, referral.Ordinal)] = referral;
            r.Referrals.Add(referral);
        }
        Referral? Of(RawRow row) => referrals.GetValueOrDefault((row["LAchildID"], I(row["CINdetailsID"])));
        foreach (var a in T("Assessments"))
            Of(a)?.Assessments.Add(new(OptD(a.Optional("AssessmentActualStartDate")), OptD(a.Optional("AssessmentAuthorisationDate")), a.Line));
        foreach (var p in T("CINPlanDates"))
            Of(p)?.CinPlans.Add(new(OptD(p.Optional("CINPlanStartDate")), OptD(p.Optional("CINPlanEndDate")), p.Line));
        foreach (var s in T("Section47"))
            if (OptD(s.Optional("S47ActualStartDate")) is { } start) Of(s)?.Section47Starts.Add(start);
        var plans = new Dictionary<(string, int, int), CpPlan>();
        foreach (var p in T("ChildProtectionPlans"))
        {
            var plan = new CpPlan(I(p["CPPID"]), D(p["CPPstartDate"]), OptD(p.Optional("CPPendDate")),
                p.Optional("NumberOfPreviousCPP") is { } n ? I(n) : null, [], p.Line) { Year = year };
            plans[(p["LAchildID"], I(p["CINdetailsID"]), plan.Id)] = plan;
            Of(p)?.ProtectionPlans.Add(plan);
        }
        foreach (var v in T("Reviews"))
            if (plans.TryGetValue((v["LAchildID"], I(v["CINdetailsID"]), I(v["CPPID"])), out var plan)) plan.Reviews.Add(D(v["CPPreviewDate"]));
        return r;
    }
}
