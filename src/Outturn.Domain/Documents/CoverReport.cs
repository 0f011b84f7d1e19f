using System.Globalization;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Documents;

/// <summary>
/// The committee cover report that goes in front of a plan's quarterly Priority Based report: the heading block
/// (REPORT TO … WARDS) and sections 1.0 to 9.0, each a text the performance team edits before generating. Stored per
/// plan and period; until edited, <see cref="Default"/> gives the wording of the Quarter 2 2015/16 cover (docs/sources.md
/// §2.4) with the period filled in.
/// </summary>
public class CoverReport
{
    public int Id { get; set; }
    public int PlanId { get; set; }
    public Period Period { get; set; }
    public string ReportTo { get; set; } = "";
    public string Date { get; set; } = "";
    public string ReportingOfficer { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Wards { get; set; } = "";
    public string Purpose { get; set; } = "";
    public string Recommended { get; set; } = "";
    public string SupportingInformation { get; set; } = "";
    public string PolicyImplications { get; set; } = "";
    public string OtherImplications { get; set; } = "";
    public string CouncilPriorities { get; set; } = "";
    public string RiskAnalysis { get; set; } = "";
    public string EqualityAndDiversity { get; set; } = "";
    public string BackgroundPapers { get; set; } = "";
    public string? UpdatedBy { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>The numbered sections in order, with the heading each is printed under.</summary>
    public IReadOnlyList<(string Heading, string Text)> Sections =>
    [
        ("1.0 PURPOSE OF REPORT", Purpose),
        ("2.0 RECOMMENDED", Recommended),
        ("3.0 SUPPORTING INFORMATION", SupportingInformation),
        ("4.0 POLICY IMPLICATIONS", PolicyImplications),
        ("5.0 OTHER IMPLICATIONS", OtherImplications),
        ("6.0 IMPLICATIONS FOR THE COUNCIL'S PRIORITIES", CouncilPriorities),
        ("7.0 RISK ANALYSIS", RiskAnalysis),
        ("8.0 EQUALITY AND DIVERSITY ISSUES", EqualityAndDiversity),
        ("9.0 LIST OF BACKGROUND PAPERS UNDER SECTION 100D OF THE LOCAL GOVERNMENT ACT 1972", BackgroundPapers),
    ];

    /// <summary>What a required field lacks, in words for the form.</summary>
    public IReadOnlyList<(string Field, string Problem)> Problems()
    {
        var problems = new List<(string, string)>();
        void Need(string field, string value, string name) { if (string.IsNullOrWhiteSpace(value)) problems.Add((field, $"Enter {name}.")); }
        Need(nameof(ReportTo), ReportTo, "who the report goes to");
        Need(nameof(ReportingOfficer), ReportingOfficer, "the reporting officer");
        Need(nameof(Subject), Subject, "the subject");
        Need(nameof(Purpose), Purpose, "the purpose of the report");
        Need(nameof(Recommended), Recommended, "the recommendation");
        foreach (var (field, value) in new[] { (nameof(ReportTo), ReportTo), (nameof(Date), Date), (nameof(ReportingOfficer), ReportingOfficer), (nameof(Subject), Subject), (nameof(Wards), Wards) })
            if (value.Length > 300) problems.Add((field, "Keep this to 300 characters or fewer."));
        return problems;
    }

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth"];

    public static CoverReport Default(int planId, Period period, string? directorate, IEnumerable<string> serviceAreas)
    {
        var gb = CultureInfo.GetCultureInfo("en-GB");
        var quarter = period.Kind == PeriodKind.Quarter ? period.Number : 0;
        var which = quarter > 0 ? $"Quarter {quarter} of {period.ContainingFinancialYear()}" : period.ToDisplayString();
        var end = period.End;
        var endText = $"{end.Day}{Suffix(end.Day)} {end.ToString("MMMM yyyy", gb)}";
        var areas = string.Join("\n", serviceAreas.Select(a => "- " + a));
        return new CoverReport
        {
            PlanId = planId,
            Period = period,
            ReportTo = "Children, Young People and Families Policy and Performance Board",
            Date = "To be confirmed",
            ReportingOfficer = directorate is null ? "Strategic Director" : $"Strategic Director, {directorate}",
            Subject = $"Performance Management Reports for {which}",
            Wards = "Boroughwide",
            Purpose =
                $"To consider, and raise any questions or points of clarification, in respect of performance management for the {(quarter > 0 ? Ordinals[quarter - 1] + " quarter" : "")} period to {endText}.".Replace("the  period", "the period") + "\n\n" +
                "Key priorities for development or improvement were agreed by Members and included in Directorate Plans, for the various functional areas reporting to the Board as detailed below:" +
                (areas.Length > 0 ? "\n" + areas : "") + "\n\n" +
                "The report details progress against service objectives and milestones and performance targets and provides information relating to key developments and emerging issues that have arisen during the period.",
            Recommended =
                "That the Policy and Performance Board\n" +
                $"- Receive the {(quarter > 0 ? Ordinals[quarter - 1] + " quarter " : "")}performance management reports;\n" +
                "- Consider the progress and performance information and raise any questions or points for clarification; and\n" +
                "- Highlight any areas of interest and/or concern where further information is to be reported at a future meeting of the Board.",
            SupportingInformation = "Departmental objectives provide a clear statement on what services are planning to achieve and to show how they contribute to the Council's strategic priorities. Such information is central to the Council's performance management arrangements and the Policy and Performance Board has a key role in monitoring performance and strengthening accountability.",
            PolicyImplications = "There are no policy implications associated with this report.",
            OtherImplications = "There are no other implications associated with this report.",
            CouncilPriorities =
                "Departmental service objectives and performance measures, both local and national are linked to the delivery of the Council's priorities. The introduction of a Thematic Priority Based Report and the identification of business critical objectives/ milestones and performance indicators will further support organisational improvement.\n\n" +
                "Although some objectives link specifically to one priority area, the nature of the cross - cutting activities being reported, means that to a greater or lesser extent a contribution is made to one or more of the Council priorities.",
            RiskAnalysis = "Not applicable.",
            EqualityAndDiversity = "Not applicable.",
            BackgroundPapers = "Not applicable",
        };
    }

    private static string Suffix(int day) => day is 11 or 12 or 13 ? "th" : (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
}
