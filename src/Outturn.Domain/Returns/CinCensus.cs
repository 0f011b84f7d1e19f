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
    /// <remarks>Set once the census's year is known: a census is typed as it is read, before anyone says which year it is.</remarks>
    public int Year { get; internal set; }
}

/// <summary>One CINdetails: a referral and what followed it, to its closure.</summary>
public sealed record Referral(
    string ChildId, int Ordinal, DateOnly Date, string? Source, string? PrimaryNeed, DateOnly? Closed, string? ClosureReason, bool NoFurtherAction,
    List<Assessment> Assessments, List<CinPlan> CinPlans, List<DateOnly> Section47Starts, List<CpPlan> ProtectionPlans, int Line)
{
    /// <summary>The collection year whose census <see cref="Line"/> is in (the latest year that carried the referral, once merged).</summary>
    /// <remarks>Set once the census's year is known: a census is typed as it is read, before anyone says which year it is.</remarks>
    public int Year { get; internal set; }
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

    /// <summary>
    /// Types a census's rows, whatever their order: each table is taken in <see cref="CinSpec.Tables"/> order, so every
    /// referral is known before what followed it.
    /// </summary>
    public static CinReturn From(int year, IEnumerable<RawRow> rows)
    {
        var builder = new CinReturnBuilder();
        foreach (var row in rows.OrderBy(r => CinReturnBuilder.TableOrder(r.Table))) builder.Add(row);
        return builder.Build(year);
    }
}

/// <summary>
/// Types a census row by row as it is read, so that a national census need not be held as rows first: a referral's
/// row must come before the rows under it (its assessments, plans, section 47s) and a protection plan's before its
/// reviews — the order of the census XML, and of <see cref="CinSpec.Tables"/>. Rows arrive either a Child at a time
/// (<see cref="EndChild"/> between children, so only the current child's keys are remembered) or table by table.
/// </summary>
public sealed class CinReturnBuilder
{
    private readonly List<CinChild> _children = [];
    private readonly List<Referral> _referrals = [];
    private readonly Dictionary<(string, int), Referral> _byKey = [];
    private readonly Dictionary<(string, int, int), CpPlan> _plans = [];
    private DateOnly? _reference;

    public int Children => _children.Count;
    public int Referrals => _referrals.Count;

    /// <summary>Where a table comes in typing order (unknown tables last).</summary>
    public static int TableOrder(string table)
    {
        for (var i = 0; i < CinSpec.Tables.Count; i++)
            if (CinSpec.Tables[i].Name == table) return i;
        return CinSpec.Tables.Count;
    }

    private static DateOnly? OptD(string? s) => s is null ? null : CinReturn.D(s);
    private static int I(string s) => int.Parse(s, CultureInfo.InvariantCulture);
    private static bool B(string? s) => s is "true" or "1";

    /// <summary>Types one checked row (a row with a structural error is never given: its values may not parse).</summary>
    public void Add(RawRow row)
    {
        switch (row.Table)
        {
            case "Header":
                _reference = OptD(row.Optional("ReferenceDate"));
                break;
            case "ChildIdentifiers":
                _children.Add(new(row["LAchildID"], OptD(row.Optional("PersonBirthDate")), row.Optional("GenderCurrent") ?? row.Optional("PersonSex"), row.Line));
                break;
            case "CINdetails":
                var referral = new Referral(row["LAchildID"], I(row["CINdetailsID"]), CinReturn.D(row["CINreferralDate"]), row.Optional("ReferralSource"),
                    row.Optional("PrimaryNeedCode"), OptD(row.Optional("CINclosureDate")), row.Optional("ReasonForClosure"), B(row.Optional("ReferralNFA")),
                    [], [], [], [], row.Line);
                _byKey[(referral.ChildId, referral.Ordinal)] = referral;
                _referrals.Add(referral);
                break;
            case "Assessments":
                Of(row)?.Assessments.Add(new(OptD(row.Optional("AssessmentActualStartDate")), OptD(row.Optional("AssessmentAuthorisationDate")), row.Line));
                break;
            case "CINPlanDates":
                Of(row)?.CinPlans.Add(new(OptD(row.Optional("CINPlanStartDate")), OptD(row.Optional("CINPlanEndDate")), row.Line));
                break;
            case "Section47":
                if (OptD(row.Optional("S47ActualStartDate")) is { } start) Of(row)?.Section47Starts.Add(start);
                break;
            case "ChildProtectionPlans":
                var plan = new CpPlan(I(row["CPPID"]), CinReturn.D(row["CPPstartDate"]), OptD(row.Optional("CPPendDate")),
                    row.Optional("NumberOfPreviousCPP") is { } n ? I(n) : null, [], row.Line);
                _plans[(row["LAchildID"], I(row["CINdetailsID"]), plan.Id)] = plan;
                Of(row)?.ProtectionPlans.Add(plan);
                break;
            case "Reviews":
                if (_plans.TryGetValue((row["LAchildID"], I(row["CINdetailsID"]), I(row["CPPID"])), out var reviewed))
                    reviewed.Reviews.Add(CinReturn.D(row["CPPreviewDate"]));
                break;
        }
    }

    private Referral? Of(RawRow row) => _byKey.GetValueOrDefault((row["LAchildID"], I(row["CINdetailsID"])));

    /// <summary>The child's rows are all in: its referrals and plans need no longer be found by key.</summary>
    public void EndChild()
    {
        _byKey.Clear();
        _plans.Clear();
    }

    /// <summary>The census typed, as the collection year <paramref name="year"/> (2015 for 2015/16).</summary>
    public CinReturn Build(int year)
    {
        var r = new CinReturn { Year = year, ReferenceDate = _reference };
        r.Children.AddRange(_children);
        foreach (var f in _referrals)
        {
            f.Year = year;
            foreach (var p in f.ProtectionPlans) p.Year = year;
        }
        r.Referrals.AddRange(_referrals);
        return r;
    }
}
