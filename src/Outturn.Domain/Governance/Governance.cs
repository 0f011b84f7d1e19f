using System.Globalization;
using System.Text.RegularExpressions;

namespace Outturn.Domain.Governance;

/// <summary>The kinds of body that own, scrutinise and receive the plans.</summary>
public enum BoardKind { PolicyAndPerformanceBoard, ExecutiveBoard, ChildrensTrustBoard, ChildrensTrustExecutiveGroup, SubGroup, SafeguardingChildrenBoard, Other }

/// <summary>A member's role on a board, as printed after the name ("(Chairman)", "(Vice-Chairman)", "(Minutes)").</summary>
public enum MemberRole { Member, Chair, ViceChair, Minutes }

public enum AttendanceKind { Present, Apologies, Absent }

public enum ActionStatus { Open, InProgress, Closed }

/// <summary>A board, partnership group or sub-group, with its members.</summary>
public class Board
{
    public int Id { get; set; }
    /// <summary>A short reference used in addresses ("cyp-ppb").</summary>
    public required string Ref { get; set; }
    public required string Name { get; set; }
    public BoardKind Kind { get; set; }
    /// <summary>A sub-group reports to its parent (a sub-board of the Children's Trust).</summary>
    public int? ParentBoardId { get; set; }
    /// <summary>Meetings held in public (councils' committees); a partnership group's papers may still be published.</summary>
    public bool MeetsInPublic { get; set; } = true;
    public List<BoardMember> Members { get; set; } = [];
}

/// <summary>
/// A seat on a board: a councillor (party, chair, vice-chair) or a partner representative (organisation, job title).
/// <see cref="UserId"/> links the seat to a sign-in account, which lets that board member read the board's drafts
/// and Part II items.
/// </summary>
public class BoardMember
{
    public int Id { get; set; }
    public int BoardId { get; set; }
    public required string Name { get; set; }
    public bool IsCouncillor { get; set; }
    public string? Party { get; set; }
    public MemberRole Role { get; set; }
    public string? Organisation { get; set; }
    public string? JobTitle { get; set; }
    public string? UserId { get; set; }
    public int Order { get; set; }

    public string Initials => Governance.Initials.Of(Name);

    /// <summary>"Councillor Mark Dennett (Chairman)" as the front sheet prints it.</summary>
    public string Display => (IsCouncillor ? "Councillor " : "") + Name + Role switch
    {
        MemberRole.Chair => IsCouncillor ? " (Chairman)" : " (Chair)",
        MemberRole.ViceChair => " (Vice-Chairman)",
        MemberRole.Minutes => " (Minutes)",
        _ => "",
    };
}

/// <summary>A meeting of a board: when and where, its agenda, who came, its minutes and the actions it set.</summary>
public class Meeting
{
    public int Id { get; set; }
    public int BoardId { get; set; }
    public Board? Board { get; set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Venue { get; set; }
    /// <summary>"Please contact Ann Jones on 0151 511 8276 …"</summary>
    public string? Contact { get; set; }
    public string? SignedBy { get; set; }
    /// <summary>When the agenda and its reports were published; before then only staff and the board's members see it.</summary>
    public DateTimeOffset? AgendaPublishedAt { get; set; }
    /// <summary>When the minutes were published (approved as a true record, or published in draft).</summary>
    public DateTimeOffset? MinutesPublishedAt { get; set; }
    public List<AgendaItem> Items { get; set; } = [];
    public List<Attendance> Attendance { get; set; } = [];

    /// <summary>"Monday, 4 January 2016 at 6.30 p.m." as the front sheet prints it.</summary>
    public string When
    {
        get
        {
            var day = Date.ToString("dddd, d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
            if (StartTime is not { } t) return day;
            string Clock(TimeOnly c) => $"{(c.Hour % 12 == 0 ? 12 : c.Hour % 12)}{(c.Minute == 0 ? "" : "." + c.Minute.ToString("00", CultureInfo.InvariantCulture))}";
            static string Suffix(TimeOnly c) => c.Hour < 12 ? "a.m." : "p.m.";
            return EndTime is { } e
                ? $"{day}, {Clock(t)}–{Clock(e)} {Suffix(e)}"
                : $"{day} at {Clock(t)} {Suffix(t)}";
        }
    }
}

/// <summary>
/// An agenda item in order ("6(B)"), with its report's cover data and page range. Part II items (exempt
/// information under Schedule 12A) never appear in public views or public packs.
/// </summary>
public class AgendaItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Order { get; set; }
    /// <summary>"1", "6", "6(A)", "2.1".</summary>
    public required string Number { get; set; }
    public required string Title { get; set; }
    /// <summary>Item number of the heading this item sits under ("6" for "6(A)"); null for a top-level item.</summary>
    public string? ParentNumber { get; set; }
    public bool IsExempt { get; set; }
    /// <summary>Standing text printed under the item on the front sheet (the declaration-of-interest reminder).</summary>
    public string? StandingText { get; set; }
    public int? PageFrom { get; set; }
    public int? PageTo { get; set; }
    /// <summary>The minute recorded against the item.</summary>
    public string? Minutes { get; set; }
    public CoverReport? Report { get; set; }
    public List<Decision> Decisions { get; set; } = [];

    public string Pages => PageFrom is { } f ? (PageTo is { } t && t != f ? $"{f} - {t}" : f.ToString(CultureInfo.InvariantCulture)) : "";
}

/// <summary>The header block and numbered sections of a committee report (the standard cover report).</summary>
public class CoverReport
{
    public string? ReportTo { get; set; }
    /// <summary>The date as printed; some reports carry a wrong year ("4 January 2015" for a 2016 meeting).</summary>
    public string? DateText { get; set; }
    public string? ReportingOfficer { get; set; }
    public string? Portfolio { get; set; }
    public string? Subject { get; set; }
    public string? Wards { get; set; }
    public string? Purpose { get; set; }
    public string? Recommendation { get; set; }
    /// <summary>The remaining sections (supporting information, implications, risk, equality, background papers) as text.</summary>
    public string? Body { get; set; }
}

/// <summary>A decision (minute) with its resolutions, reasons, rejected alternatives and implementation date.</summary>
public class Decision
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public string? MinuteNumber { get; set; }
    public required string Title { get; set; }
    public bool IsKeyDecision { get; set; }
    public string? Narrative { get; set; }
    public string? Reasons { get; set; }
    public string? AlternativesRejected { get; set; }
    public DateOnly? ImplementationDate { get; set; }
    /// <summary>The numbered resolutions after "RESOLVED: That", one a line.</summary>
    public required string Resolved { get; set; }
}

public class Attendance
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public required string Name { get; set; }
    /// <summary>Role and organisation as minuted ("Strategic Director Children &amp; Economy, HBC").</summary>
    public string? Role { get; set; }
    public MemberRole MeetingRole { get; set; }
    public AttendanceKind Kind { get; set; }
    public int Order { get; set; }

    public string Initials => Governance.Initials.Of(Name);
}

/// <summary>
/// An action from a meeting's minutes. It stays on each following meeting's agenda of the same board ("carried
/// forward") until it is closed; an open action past its deadline is overdue and listed for the chair.
/// </summary>
public class ActionItem
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public Meeting? Meeting { get; set; }
    public int? AgendaItemId { get; set; }
    /// <summary>The minute item the action came from ("2.4").</summary>
    public string? ItemNumber { get; set; }
    public required string Text { get; set; }
    /// <summary>The owner column as minuted: initials ("GF (TR)", "AMc/TC") or "ALL".</summary>
    public required string Owner { get; set; }
    /// <summary>The people the initials resolve to, "; "-separated, from the meeting's attendance and the board's members.</summary>
    public string? OwnerNames { get; set; }
    /// <summary>The deadline column as minuted: "Ongoing", "April '16", "1.12.15".</summary>
    public string? DeadlineText { get; set; }
    public DateOnly? Deadline { get; set; }
    public ActionStatus Status { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int? ClosedAtMeetingId { get; set; }
    public List<ActionUpdate> Updates { get; set; } = [];

    public bool IsOngoing => Deadline is null;

    public bool IsOverdue(DateOnly today) => Status != ActionStatus.Closed && Deadline is { } d && d < today;

    /// <summary>Open at the meeting: raised at an earlier meeting and not closed before this one's date.</summary>
    public bool IsCarriedForwardTo(Meeting raisedAt, Meeting next) =>
        raisedAt.Id != next.Id && raisedAt.BoardId == next.BoardId && raisedAt.Date < next.Date
        && (Status != ActionStatus.Closed || ClosedOn is null || ClosedOn >= next.Date);

    public void Close(DateOnly on, int? atMeetingId, string note, string by)
    {
        if (Status == ActionStatus.Closed) throw new DomainException($"The action \"{Text}\" is already closed.");
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("Closing an action needs a note of what was done.");
        Status = ActionStatus.Closed;
        ClosedOn = on;
        ClosedAtMeetingId = atMeetingId;
        Updates.Add(new ActionUpdate { On = on, MeetingId = atMeetingId, Text = note.Trim(), By = by, Status = ActionStatus.Closed });
    }

    public void Update(DateOnly on, int? atMeetingId, string note, ActionStatus status, string by)
    {
        if (status == ActionStatus.Closed) { Close(on, atMeetingId, note, by); return; }
        if (string.IsNullOrWhiteSpace(note)) throw new DomainException("An update needs a note.");
        if (Status == ActionStatus.Closed)
        {
            // Reopening: the action goes back on the next agenda.
            ClosedOn = null;
            ClosedAtMeetingId = null;
        }
        Status = status;
        Updates.Add(new ActionUpdate { On = on, MeetingId = atMeetingId, Text = note.Trim(), By = by, Status = status });
    }
}

public class ActionUpdate
{
    public int Id { get; set; }
    public int ActionItemId { get; set; }
    public DateOnly On { get; set; }
    public int? MeetingId { get; set; }
    public required string Text { get; set; }
    public required string By { get; set; }
    public ActionStatus Status { get; set; }
}

/// <summary>Initials as minutes write them: first letter of each name, keeping "Mc"/"Mac" ("Ann McIntyre" → "AMc").</summary>
public static partial class Initials
{
    public static string Of(string name)
    {
        var parts = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var result = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            if (part.StartsWith("Mc", StringComparison.Ordinal) && part.Length > 2 && char.IsUpper(part[2])) result.Append("Mc");
            else if (part.StartsWith("Mac", StringComparison.Ordinal) && part.Length > 3 && char.IsUpper(part[3])) result.Append("Mac");
            else if (char.IsLetter(part[0])) result.Append(char.ToUpperInvariant(part[0]));
        }
        return result.ToString();
    }

    /// <summary>
    /// Resolves an owner column ("GF (TR)", "AMc/TC", "ALL") to names. "ALL" is everyone present. Initials that match
    /// nobody, or more than one person, are kept as written and reported in <paramref name="unresolved"/>.
    /// </summary>
    public static IReadOnlyList<string> Resolve(string owner, IReadOnlyCollection<string> people, IReadOnlyCollection<string> present, out IReadOnlyList<string> unresolved)
    {
        var missing = new List<string>();
        unresolved = missing;
        if (owner.Trim().Equals("ALL", StringComparison.OrdinalIgnoreCase)) return present.ToList();
        var names = new List<string>();
        foreach (var token in OwnerTokens().Matches(owner).Select(m => m.Value))
        {
            var matches = people.Where(p => Of(p) == token).Distinct().ToList();
            if (matches.Count == 1) names.Add(matches[0]);
            else missing.Add(token);
        }
        return names;
    }

    [GeneratedRegex(@"[A-Z][A-Za-z]*")]
    private static partial Regex OwnerTokens();
}

/// <summary>Deadlines as minutes write them.</summary>
public static partial class Deadlines
{
    /// <summary>
    /// "Ongoing" (or blank) → no date; "1.12.15" → 1 December 2015; "April '16" or "April 2016" → 30 April 2016 (the end
    /// of the month); "31st March 2016" → that day. Anything else is refused with the forms accepted.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly? deadline)
    {
        deadline = null;
        var t = (text ?? "").Trim().Replace('\u2018', '\'').Replace('\u2019', '\'');
        if (t.Length == 0 || t.Equals("Ongoing", StringComparison.OrdinalIgnoreCase)) return true;
        var en = CultureInfo.GetCultureInfo("en-GB");
        var numeric = Numeric().Match(t);
        if (numeric.Success)
        {
            var year = int.Parse(numeric.Groups[3].Value, CultureInfo.InvariantCulture);
            if (year < 100) year += 2000;
            try { deadline = new DateOnly(year, int.Parse(numeric.Groups[2].Value, CultureInfo.InvariantCulture), int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture)); return true; }
            catch (ArgumentOutOfRangeException) { return false; }
        }
        if (DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso)) { deadline = iso; return true; }
        var dayMonth = DayMonthYear().Match(t);
        if (dayMonth.Success && DateOnly.TryParseExact($"{dayMonth.Groups[1].Value} {dayMonth.Groups[2].Value} {dayMonth.Groups[3].Value}", "d MMMM yyyy", en, DateTimeStyles.None, out var d)) { deadline = d; return true; }
        var month = MonthYear().Match(t);
        if (month.Success && DateTime.TryParseExact("1 " + month.Groups[1].Value, "d MMMM", en, DateTimeStyles.None, out var m))
        {
            var year = int.Parse(month.Groups[2].Value, CultureInfo.InvariantCulture);
            if (year < 100) year += 2000;
            deadline = new DateOnly(year, m.Month, DateTime.DaysInMonth(year, m.Month));
            return true;
        }
        return false;
    }

    public const string AcceptedForms = "\"Ongoing\", a date as 1.12.15, 2015-12-01 or 1 December 2015, or a month as April '16 or April 2016";

    [GeneratedRegex(@"^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]+)\s+(\d{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^([A-Za-z]+)\s+'?(\d{2}|\d{4})$")]
    private static partial Regex MonthYear();
}
