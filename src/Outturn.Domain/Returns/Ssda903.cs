using System.Globalization;

namespace Outturn.Domain.Returns;

/// <summary>
/// The SSDA903 (children looked after) return as the Department for Education's CSV tables. Column names are the
/// guide's; the code lists are the union over the collection years 2010/11 onwards, so an older return still reads
/// (docs/import-formats.md names the sources).
/// </summary>
public static class Ssda903Spec
{
    public const string DateFormat = "dd/MM/yyyy";

    public static readonly string[] Sexes = ["1", "2"];
    public static readonly string[] ReasonsNewEpisode = ["S", "P", "L", "T", "U", "B"];
    public static readonly string[] LegalStatuses = ["C1", "C2", "D1", "E1", "V2", "V3", "V4", "J1", "J2", "J3", "L1", "L2", "L3"];
    public static readonly string[] CategoriesOfNeed = ["N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8"];
    public static readonly string[] Placements =
    [
        "A3", "A4", "A5", "A6", "H5", "K1", "K2", "P1", "P2", "P3", "P4", "R1", "R2", "R3", "R5", "S1",
        "T0", "T1", "T2", "T3", "T4", "U1", "U2", "U3", "U4", "U5", "U6", "Z1",
    ];
    public static readonly string[] PlacementProviders = ["PR0", "PR1", "PR2", "PR3", "PR4", "PR5"];
    public static readonly string[] ReasonsCeased =
    [
        "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E4A", "E4B", "E41", "E45", "E46", "E47", "E48",
        "E5", "E6", "E7", "E8", "E9", "X1",
    ];
    public static readonly string[] ReasonsPlaceChange =
        ["CARPL", "CLOSE", "ALLEG", "STAND", "APPRR", "CREQB", "CREQO", "CHILD", "LAREQ", "PLACE", "CUSTOD", "OTHER"];
    public static readonly string[] ReviewCodes = ["PN0", "PN1", "PN2", "PN3", "PN4", "PN5", "PN6", "PN7"];
    public static readonly string[] InTouch = ["YES", "NO", "DIED", "REFU", "NREQ", "RHOM"];
    public static readonly string[] Activities = ["F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"];
    public static readonly string[] Accommodation =
    [
        "B1", "B2", "C1", "C2", "D1", "D2", "E1", "E2", "G1", "G2", "H1", "H2", "K1", "K2", "R1", "R2", "S1", "S2",
        "T1", "T2", "U1", "U2", "V1", "V2", "W1", "W2", "X1", "X2", "Y1", "Y2", "Z1", "Z2", "0",
    ];
    public static readonly string[] YesNo = ["0", "1"];
    /// <summary>The Department for Education's ethnicity codes, shared by the SSDA903 and the CIN census.</summary>
    public static readonly string[] Ethnicities =
    [
        "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
        "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT",
    ];

    public static readonly TableSpec Header = new("Header",
    [
        FieldSpec.Text("CHILD", true), FieldSpec.Code("SEX", Sexes, true), FieldSpec.Date("DOB", true), FieldSpec.Code("ETHNIC", Ethnicities),
        FieldSpec.Text("UPN"), FieldSpec.Code("MOTHER", YesNo), FieldSpec.Date("MC_DOB"),
    ], Required: true);

    public static readonly TableSpec Episodes = new("Episodes",
    [
        FieldSpec.Text("CHILD", true), FieldSpec.Date("DECOM", true), FieldSpec.Code("RNE", ReasonsNewEpisode, true),
        FieldSpec.Code("LS", LegalStatuses, true), FieldSpec.Code("CIN", CategoriesOfNeed), FieldSpec.Code("PLACE", Placements, true),
        FieldSpec.Code("PLACE_PROVIDER", PlacementProviders), FieldSpec.Date("DEC"), FieldSpec.Code("REC", ReasonsCeased),
        FieldSpec.Code("REASON_PLACE_CHANGE", ReasonsPlaceChange), FieldSpec.Text("HOME_POST"), FieldSpec.Text("PL_POST"),
        FieldSpec.Text("URN"),
    ], Required: true);

    public static readonly TableSpec Reviews = new("Reviews",
        [FieldSpec.Text("CHILD", true), FieldSpec.Date("DOB"), FieldSpec.Date("REVIEW", true), FieldSpec.Code("REVIEW_CODE", ReviewCodes)]);

    public static readonly TableSpec Uasc = new("UASC",
        [FieldSpec.Text("CHILD", true), FieldSpec.Code("SEX", Sexes), FieldSpec.Date("DOB"), FieldSpec.Date("DUC")]);

    public static readonly TableSpec Oc2 = new("OC2",
    [
        FieldSpec.Text("CHILD", true), FieldSpec.Date("DOB"), FieldSpec.Int("SDQ_SCORE"), FieldSpec.Text("SDQ_REASON"),
        FieldSpec.Code("CONVICTED", YesNo), FieldSpec.Code("HEALTH_CHECK", YesNo), FieldSpec.Code("IMMUNISATIONS", YesNo),
        FieldSpec.Code("TEETH_CHECK", YesNo), FieldSpec.Code("HEALTH_ASSESSMENT", YesNo), FieldSpec.Code("SUBSTANCE_MISUSE", YesNo),
        FieldSpec.Code("INTERVENTION_RECEIVED", YesNo), FieldSpec.Code("INTERVENTION_OFFERED", YesNo),
    ]);

    public static readonly TableSpec Oc3 = new("OC3",
    [
        FieldSpec.Text("CHILD", true), FieldSpec.Date("DOB", true), FieldSpec.Code("IN_TOUCH", InTouch),
        FieldSpec.Code("ACTIV", Activities), FieldSpec.Code("ACCOM", Accommodation),
    ]);

    public static readonly TableSpec Ad1 = new("AD1",
    [
        FieldSpec.Text("CHILD", true), FieldSpec.Date("DOB"), FieldSpec.Date("DATE_INT"), FieldSpec.Date("DATE_MATCH"),
        FieldSpec.Code("FOSTER_CARE", YesNo), FieldSpec.Text("NB_ADOPTR"), FieldSpec.Text("SEX_ADOPTR"), FieldSpec.Text("LS_ADOPTR"),
    ]);

    public static readonly TableSpec PlacedAdoption = new("PlacedAdoption",
    [
        FieldSpec.Text("CHILD", true), FieldSpec.Date("DOB"), FieldSpec.Date("DATE_PLACED", true), FieldSpec.Date("DATE_PLACED_CEASED"),
        FieldSpec.Text("REASON_PLACED_CEASED"),
    ]);

    public static readonly TableSpec PrevPerm = new("PrevPerm",
        [FieldSpec.Text("CHILD", true), FieldSpec.Date("DOB"), FieldSpec.Text("PREV_PERM"), FieldSpec.Text("LA_PERM"), FieldSpec.Text("DATE_PERM")]);

    public static readonly TableSpec Missing = new("Missing",
        [FieldSpec.Text("CHILD", true), FieldSpec.Date("DOB"), FieldSpec.Text("MISSING"), FieldSpec.Date("MIS_START"), FieldSpec.Date("MIS_END")]);

    public static readonly IReadOnlyList<TableSpec> Tables = [Header, Episodes, Reviews, Uasc, Oc2, Oc3, Ad1, PlacedAdoption, PrevPerm, Missing];

    /// <summary>The table whose columns are exactly these (in any order), or null.</summary>
    public static TableSpec? Identify(IReadOnlyCollection<string> header) =>
        Tables.FirstOrDefault(t => t.Fields.Count == header.Count && t.Columns.All(header.Contains));

    /// <summary>The table whose columns overlap the header most, to name in an error ("looks like Episodes, but…").</summary>
    public static TableSpec Closest(IReadOnlyCollection<string> header) =>
        Tables.OrderByDescending(t => t.Columns.Count(header.Contains)).ThenBy(t => t.Fields.Count).First();
}

public sealed record LacChild(string ChildId, string Sex, DateOnly Dob, string? Ethnic, int Line);

/// <summary>One episode of care: a period with one legal status and one placement (a change of either starts a new one).</summary>
public sealed record Episode(
    string ChildId, DateOnly Decom, string Rne, string Ls, string? Cin, string Place, string? PlaceProvider,
    DateOnly? Dec, string? Rec, string? ReasonPlaceChange, string? Urn, int Line)
{
    /// <summary>True when this episode starts a new placement (RNE S, P, T, U or B; not L, a legal status change only).</summary>
    public bool StartsPlacement => Rne is "S" or "P" or "T" or "U" or "B";

    /// <summary>Open on a date: begun on or before it and not ceased before it (an episode ceasing that day is not open).</summary>
    public bool OpenOn(DateOnly date) => Decom <= date && (Dec is null || Dec > date);

    public bool OverlapsWindow(DateOnly start, DateOnly end) => Decom <= end && (Dec is null || Dec >= start);

    /// <summary>Short-term break placements (legal status V3, V4).</summary>
    public bool IsRespite => Ls is "V3" or "V4";

    /// <summary>The collection year whose return <see cref="Line"/> is in (the latest year that carried the episode, once merged).</summary>
    public int Year { get; init; }
}

public sealed record LacReview(string ChildId, DateOnly Date, string? Code, int Line);

public sealed record CareLeaver(string ChildId, DateOnly Dob, string? InTouch, string? Activity, string? Accommodation, int Line);

public sealed record PlacedForAdoption(string ChildId, DateOnly DatePlaced, DateOnly? DateCeased, int Line);

/// <summary>An SSDA903 return for one collection year (1 April to 31 March), typed.</summary>
public sealed class LookedAfterReturn
{
    public int Year { get; init; }
    public List<LacChild> Children { get; } = [];
    public List<Episode> Episodes { get; } = [];
    public List<LacReview> Reviews { get; } = [];
    public List<CareLeaver> CareLeavers { get; } = [];
    public List<PlacedForAdoption> PlacedForAdoption { get; } = [];

    public static DateOnly D(string s) => DateOnly.ParseExact(s, Ssda903Spec.DateFormat, CultureInfo.InvariantCulture);
    private static DateOnly? OptD(string? s) => s is null ? null : D(s);

    /// <summary>Types rows already checked by <see cref="FieldChecks"/> (a row that was not checked may throw).</summary>
    public static LookedAfterReturn From(int year, IEnumerable<RawRow> rows)
    {
        var r = new LookedAfterReturn { Year = year };
        foreach (var row in rows)
        {
            switch (row.Table)
            {
                case "Header":
                    r.Children.Add(new(row["CHILD"], row["SEX"], D(row["DOB"]), row.Optional("ETHNIC"), row.Line));
                    break;
                case "Episodes":
                    r.Episodes.Add(new(row["CHILD"], D(row["DECOM"]), row["RNE"], row["LS"], row.Optional("CIN"), row["PLACE"],
                        row.Optional("PLACE_PROVIDER"), OptD(row.Optional("DEC")), row.Optional("REC"), row.Optional("REASON_PLACE_CHANGE"),
                        row.Optional("URN"), row.Line) { Year = year });
                    break;
                case "Reviews":
                    r.Reviews.Add(new(row["CHILD"], D(row["REVIEW"]), row.Optional("REVIEW_CODE"), row.Line));
                    break;
                case "OC3":
                    r.CareLeavers.Add(new(row["CHILD"], D(row["DOB"]), row.Optional("IN_TOUCH"), row.Optional("ACTIV"), row.Optional("ACCOM"), row.Line));
                    break;
                case "PlacedAdoption":
                    r.PlacedForAdoption.Add(new(row["CHILD"], D(row["DATE_PLACED"]), OptD(row.Optional("DATE_PLACED_CEASED")), row.Line));
                    break;
            }
        }
        return r;
    }

    /// <summary>
    /// The collection year the data belong to when the user does not say: the financial year of the latest date
    /// the episodes and reviews carry (a return for 2015/16 has nothing after 31 March 2016).
    /// </summary>
    public static int? InferYear(IEnumerable<RawRow> rows)
    {
        DateOnly? latest = null;
        foreach (var row in rows)
        {
            foreach (var column in new[] { "DECOM", "DEC", "REVIEW" })
                if (row.Optional(column) is { } s && FieldChecks.TryDate(s, Ssda903Spec.DateFormat, out var d) && (latest is null || d > latest))
                    latest = d;
        }
        return latest is { } l ? (l.Month >= 4 ? l.Year : l.Year - 1) : null;
    }
}
