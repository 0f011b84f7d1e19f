using System.Globalization;
using System.Text.RegularExpressions;

namespace Outturn.Domain.Governance;

/// <summary>The kinds of body that own, scrutinise and receive the plans.</summary>
public enum BoardKind { PolicyAndPerformanceBoard, ExecutiveBoard, ChildrensTrustBoard, ChildrensTrustExecutiveGroup, SubGroup, SafeguardingChildrenBoard, Other }

/// <summary>A member's role on a board, as printed after the name ("(Chairman)", "(Vice-Chairman)", "(Minutes)").</summary>
public enum MemberRole { Member, Chair, ViceChair, Minutes }

public enum AttendanceKind { Present, Apologies, Absent }

public enum ActionStatus { Open, InProgress, Closed }

/// <summary>What kind of seat a member holds: an elected councillor, a co-opted member (a church or parent governor representative), or a partner organisation's representative.</summary>
public enum MemberKind { Councillor, CoOpted, Partner }

/// <summary>What an agenda item's report is, among the documents Outturn holds.</summary>
public enum LinkedReportKind
{
    /// <summary>The Priority Based (quarterly monitoring) report of a plan for a quarter: its published snapshot once published.</summary>
    MonitoringReport,
    /// <summary>The committee cover report of a plan for a quarter.</summary>
    CoverReport,
    /// <summary>A plan's Business Plan document.</summary>
    BusinessPlan,
    /// <summary>A plan's review.</summary>
    PlanReview,
}

/// <summary>What a board's seat holds, as the membership form gives it.</summary>
public sealed record MemberDetails(string Name, MemberKind Kind, string? Party, MemberRole Role, string? Organisation, string? JobTitle, DateOnly? From, DateOnly? To);

/// <summary>An agenda item's place, title, pages, Part II flag and the report it takes.</summary>
public sealed record AgendaItemDetails(string Number, string Title, string? ParentNumber, bool IsExempt, string? StandingText, int? PageFrom, int? PageTo,
    LinkedReportKind? ReportKind = null, int? ReportPlanId = null, Periods.Period? ReportPeriod = null);

/// <summary>A decision as minuted.</summary>
public sealed record DecisionDetails(string? MinuteNumber, string Title, bool IsKeyDecision, string? Narrative, string? Reasons, string? AlternativesRejected, DateOnly? ImplementationDate, string Resolved);

/// <summary>A board, partnership group or sub-group, with its members.</summary>
public partial class Board : IVersioned
{
    public int Id { get; set; }
    public int Version { get; private set; }
    /// <summary>A short reference used in addresses ("cyp-ppb").</summary>
    public required string Ref { get; set; }
    public required string Name { get; set; }
    public BoardKind Kind { get; set; }
    /// <summary>A sub-group reports to its parent (a sub-board of the Children's Trust).</summary>
    public int? ParentBoardId { get; set; }
    /// <summary>Meetings held in public (councils' committees); a partnership group's papers may still be published.</summary>
    public bool MeetsInPublic { get; set; } = true;
    public List<BoardMember> Members { get; set; } = [];

    /// <summary>A new board. Its reference is its address (/boards/cyp-ppb) and does not change afterwards.</summary>
    public static Board Create(string reference, string name, BoardKind kind, int? parentBoardId, bool meetsInPublic)
    {
        var r = (reference ?? "").Trim();
        if (!RefPattern().IsMatch(r) || r == "new")
            throw new DomainException($"A board's reference is 2 to 64 small letters, digits and hyphens, such as cyp-ppb (and not \"new\"); \"{r}\" is not.");
        var board = new Board { Ref = r, Name = "" };
        board.Edit(name, kind, parentBoardId, meetsInPublic);
        board.Version = 0;
        return board;
    }

    public void Edit(string name, BoardKind kind, int? parentBoardId, bool meetsInPublic)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Enter the board's name.");
        if (parentBoardId is { } parent && parent == Id && Id != 0) throw new DomainException("A board cannot report to itself.");
        Name = name.Trim();
        Kind = kind;
        ParentBoardId = parentBoardId;
        MeetsInPublic = meetsInPublic;
        Version++;
    }

    /// <summary>Adds a seat; the chair and vice-chair are held by one member at a time.</summary>
    public BoardMember AddMember(MemberDetails details)
    {
        var member = new BoardMember { BoardId = Id, Name = "", Order = Members.Count == 0 ? 1 : Members.Max(m => m.Order) + 1 };
        Apply(member, details);
        Members.Add(member);
        Version++;
        return member;
    }

    public void EditMember(BoardMember member, MemberDetails details)
    {
        if (!Members.Contains(member)) throw new DomainException($"{member.Name} does not sit on {Name}.");
        Apply(member, details);
        member.Touch();
    }

    /// <summary>Links a seat to the account of the person holding it (their drafts, Part II items, and the chair's approval of minutes), or unlinks it.</summary>
    public void LinkAccount(BoardMember member, string? userId)
    {
        if (!Members.Contains(member)) throw new DomainException($"{member.Name} does not sit on {Name}.");
        if (userId is not null && Members.Any(m => m != member && m.UserId == userId && m.Overlaps(member.From, member.To)))
            throw new DomainException($"That account already holds another seat on {Name} at the same time.");
        member.UserId = userId;
        member.Touch();
    }

    private void Apply(BoardMember member, MemberDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Name)) throw new DomainException("Enter the member's name.");
        if (d.From is { } from && d.To is { } to && to < from)
            throw new DomainException($"A membership cannot end ({to:d MMMM yyyy}) before it starts ({from:d MMMM yyyy}).");
        if (d.Kind == MemberKind.Partner && string.IsNullOrWhiteSpace(d.Organisation))
            throw new DomainException("A partner member represents an organisation: enter it.");
        if (d.Role is MemberRole.Chair or MemberRole.ViceChair
            && Members.FirstOrDefault(m => m != member && m.Role == d.Role && m.Overlaps(d.From, d.To)) is { } holder)
            throw new DomainException($"{holder.Name} is {(d.Role == MemberRole.Chair ? "the chair" : "the vice-chair")} of {Name} at the same time; end their term first (give it a \"to\" date).");
        member.Name = d.Name.Trim();
        member.IsCouncillor = d.Kind == MemberKind.Councillor;
        member.IsCoOpted = d.Kind == MemberKind.CoOpted;
        member.Party = d.Kind == MemberKind.Councillor ? Clean(d.Party) : null;
        member.Organisation = d.Kind == MemberKind.Councillor ? null : Clean(d.Organisation);
        member.JobTitle = d.Kind == MemberKind.Councillor ? null : Clean(d.JobTitle);
        member.Role = d.Role;
        member.From = d.From;
        member.To = d.To;
    }

    /// <summary>The seats held on a date, in the order the front sheet lists them.</summary>
    public IEnumerable<BoardMember> MembersOn(DateOnly date) => Members.Where(m => m.IsCurrentOn(date)).OrderBy(m => m.Order);

    internal static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex RefPattern();
}

/// <summary>
/// A seat on a board: a councillor (party, chair, vice-chair) or a partner representative (organisation, job title).
/// <see cref="UserId"/> links the seat to a sign-in account, which lets that board member read the board's drafts
/// and Part II items.
/// </summary>
public class BoardMember : IVersioned
{
    public int Id { get; set; }
    public int BoardId { get; set; }
    public int Version { get; private set; }
    public required string Name { get; set; }
    public bool IsCouncillor { get; set; }
    /// <summary>A co-opted member: not elected, not a partner's representative (a church or parent governor representative).</summary>
    public bool IsCoOpted { get; set; }
    /// <summary>The first day of the term; null when not recorded (a member as far back as Outturn knows).</summary>
    public DateOnly? From { get; set; }
    /// <summary>The last day of the term; null while the member still sits.</summary>
    public DateOnly? To { get; set; }
    public string? Party { get; set; }
    public MemberRole Role { get; set; }
    public string? Organisation { get; set; }
    public string? JobTitle { get; set; }
    public string? UserId { get; set; }
    public int Order { get; set; }

    public string Initials => Governance.Initials.Of(Name);

    public MemberKind Kind => IsCouncillor ? MemberKind.Councillor : IsCoOpted ? MemberKind.CoOpted : MemberKind.Partner;

    public bool IsCurrentOn(DateOnly date) => (From is null || From <= date) && (To is null || To >= date);

    /// <summary>Whether this term shares a day with another (open ends run for ever).</summary>
    public bool Overlaps(DateOnly? from, DateOnly? to) =>
        (From ?? DateOnly.MinValue) <= (to ?? DateOnly.MaxValue) && (from ?? DateOnly.MinValue) <= (To ?? DateOnly.MaxValue);

    /// <summary>Party for a councillor; job title and organisation for others ("(co-opted)" marked).</summary>
    public string Detail => IsCouncillor ? Party ?? ""
        : string.Join(", ", new[] { JobTitle, Organisation }.Where(s => !string.IsNullOrWhiteSpace(s))) + (IsCoOpted ? (JobTitle is null && Organisation is null ? "Co-opted member" : " (co-opted)") : "");

    internal void Touch() => Version++;

    /// <summary>"Councillor Mark Dennett (Chairman)" as the front sheet prints it.</summary>
    public string Display => (IsCouncillor ? "Councillor " : "") + Name + Role switch
    {
        MemberRole.Chair => IsCouncillor ? " (Chairman)" : " (Chair)",
        MemberRole.ViceChair => " (Vice-Chairman)",
        MemberRole.Minutes => " (Minutes)",
        _ => "",
    };
}

/// <summary>
/// A meeting of a board: when and where, its agenda, who came, its minutes and the actions it set. The agenda is
/// published first; the minutes once the chair has approved them as a true record, after which they are not changed.
/// </summary>
public class Meeting : IVersioned
{
    public int Id { get; set; }
    public int BoardId { get; set; }
    public Board? Board { get; set; }
    public int Version { get; private set; }
    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public TimeOnly? EndTime { get; set; }
    public string? Venue { get; set; }
    /// <summary>"Please contact Ann Jones on 0151 511 8276 …"</summary>
    public string? Contact { get; set; }
    public string? SignedBy { get; set; }
    /// <summary>When the agenda and its reports were published; before then only staff and the board's members see it.</summary>
    public DateTimeOffset? AgendaPublishedAt { get; private set; }
    /// <summary>When the minutes were published, after the chair approved them.</summary>
    public DateTimeOffset? MinutesPublishedAt { get; private set; }
    /// <summary>When the chair approved the minutes as a true record; from then on they are not changed.</summary>
    public DateTimeOffset? MinutesApprovedAt { get; private set; }
    /// <summary>The chair who approved the minutes, by name.</summary>
    public string? MinutesApprovedBy { get; private set; }
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

    /// <summary>A meeting of a board, with no agenda yet.</summary>
    public static Meeting Schedule(int boardId, DateOnly date, TimeOnly? start, TimeOnly? end, string? venue, string? contact, string? signedBy)
    {
        var m = new Meeting { BoardId = boardId };
        m.EditDetails(date, start, end, venue, contact, signedBy);
        m.Version = 0;
        return m;
    }

    public void EditDetails(DateOnly date, TimeOnly? start, TimeOnly? end, string? venue, string? contact, string? signedBy)
    {
        if (end is not null && start is null) throw new DomainException("Give the start time as well as the end time.");
        if (start is { } s && end is { } e && e <= s) throw new DomainException($"The meeting cannot end ({e:HH:mm}) before it starts ({s:HH:mm}).");
        if (MinutesApprovedAt is not null && date != Date)
            throw new DomainException("The minutes of this meeting are approved: its date is part of the record and is not changed.", DomainRefusal.Conflict);
        Date = date;
        StartTime = start;
        EndTime = end;
        Venue = Board.Clean(venue);
        Contact = Board.Clean(contact);
        SignedBy = Board.Clean(signedBy);
        Version++;
    }

    public bool MinutesApproved => MinutesApprovedAt is not null;

    // ---- the agenda

    /// <summary>Adds an item at the end of the agenda, or at the position given.</summary>
    public AgendaItem AddItem(AgendaItemDetails details, int? position = null)
    {
        var item = new AgendaItem { MeetingId = Id, Number = "", Title = "" };
        Apply(item, details);
        Items.Add(item);
        Place(item, position ?? Items.Count);
        Version++;
        return item;
    }

    public void EditItem(AgendaItem item, AgendaItemDetails details, int? position = null)
    {
        Require(item);
        Apply(item, details);
        if (position is { } p) Place(item, p);
        item.Touch();
    }

    /// <summary>Takes an item off an agenda not yet published; once published the agenda is a public record and items stay.</summary>
    public void RemoveItem(AgendaItem item)
    {
        Require(item);
        if (AgendaPublishedAt is not null)
            throw new DomainException($"Item {item.Number} is on a published agenda and stays on it; mark it withdrawn in its title or minutes instead.", DomainRefusal.Conflict);
        if (item.Decisions.Count > 0) throw new DomainException($"Item {item.Number} has decisions minuted against it and stays on the agenda.", DomainRefusal.Conflict);
        Items.Remove(item);
        var order = 0;
        foreach (var i in Items.OrderBy(i => i.Order)) i.Order = ++order;
        Version++;
    }

    private void Place(AgendaItem item, int position)
    {
        var others = Items.Where(i => i != item).OrderBy(i => i.Order).ToList();
        others.Insert(Math.Clamp(position, 1, others.Count + 1) - 1, item);
        for (var k = 0; k < others.Count; k++) others[k].Order = k + 1;
    }

    private void Apply(AgendaItem item, AgendaItemDetails d)
    {
        var number = (d.Number ?? "").Trim();
        if (number.Length == 0) throw new DomainException("Enter the item's number as the agenda prints it, such as 6 or 6(A).");
        if (number.Length > 16) throw new DomainException($"An item number is at most 16 characters; \"{number}\" is longer.");
        if (Items.Any(i => i != item && string.Equals(i.Number, number, StringComparison.OrdinalIgnoreCase)))
            throw new DomainException($"The agenda already has an item {number}.");
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainException("Enter the item's title.");
        var parent = Board.Clean(d.ParentNumber);
        if (parent is not null && string.Equals(parent, number, StringComparison.OrdinalIgnoreCase)) throw new DomainException("An item cannot sit under itself.");
        if (parent is not null && Items.All(i => i == item || !string.Equals(i.Number, parent, StringComparison.OrdinalIgnoreCase)))
            throw new DomainException($"There is no item {parent} on the agenda for item {number} to sit under.");
        if (d.PageFrom is < 1 || d.PageTo is < 1) throw new DomainException("Page numbers start at 1.");
        if (d.PageTo is not null && d.PageFrom is null) throw new DomainException("Give the first page as well as the last.");
        if (d.PageFrom is { } f && d.PageTo is { } t && t < f) throw new DomainException($"The last page ({t}) cannot come before the first ({f}).");
        if (d.ReportKind is { } kind)
        {
            if (d.ReportPlanId is null) throw new DomainException("Choose the plan whose report the item takes.");
            if (kind is LinkedReportKind.MonitoringReport or LinkedReportKind.CoverReport)
            {
                if (d.ReportPeriod is not { } period) throw new DomainException("Choose the quarter of the report the item takes.");
                if (period.Kind != Periods.PeriodKind.Quarter) throw new DomainException($"Quarterly reports are for a quarter; {period.ToDisplayString()} is not one.");
            }
        }
        item.Number = number;
        item.Title = d.Title.Trim();
        item.ParentNumber = parent;
        item.IsExempt = d.IsExempt;
        item.StandingText = Board.Clean(d.StandingText);
        item.PageFrom = d.PageFrom;
        item.PageTo = d.PageTo;
        item.ReportKind = d.ReportKind;
        item.ReportPlanId = d.ReportKind is null ? null : d.ReportPlanId;
        item.ReportPeriod = d.ReportKind is LinkedReportKind.MonitoringReport or LinkedReportKind.CoverReport ? d.ReportPeriod : null;
    }

    /// <summary>The item's own cover sheet (the standard committee report header and sections), or none.</summary>
    public void SetCover(AgendaItem item, CoverReport? cover)
    {
        Require(item);
        if (cover is null || cover.IsEmpty) item.Report = null;
        else if (item.Report is null) item.Report = cover;
        else item.Report.CopyFrom(cover); // the same sheet changed, field by field
        item.Touch();
    }

    public void PublishAgenda(DateTimeOffset at)
    {
        if (AgendaPublishedAt is not null) throw new DomainException("The agenda is already published.", DomainRefusal.Conflict);
        AgendaPublishedAt = at;
        Version++;
    }

    // ---- the minutes

    /// <summary>Records who came, sent apologies or was absent; a person already listed is updated.</summary>
    public Attendance RecordAttendance(string name, string? role, MemberRole meetingRole, AttendanceKind kind)
    {
        RequireMinutesOpen("attendance");
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Enter the person's name.");
        var n = name.Trim();
        var a = Attendance.FirstOrDefault(x => string.Equals(x.Name, n, StringComparison.OrdinalIgnoreCase));
        if (meetingRole == MemberRole.Chair && Attendance.FirstOrDefault(x => x != a && x.MeetingRole == MemberRole.Chair) is { } chair)
            throw new DomainException($"{chair.Name} is recorded in the chair of this meeting; one person chairs it.");
        if (a is null) Attendance.Add(a = new Attendance { MeetingId = Id, Name = n, Order = Attendance.Count == 0 ? 1 : Attendance.Max(x => x.Order) + 1 });
        a.Role = Board.Clean(role);
        a.MeetingRole = meetingRole;
        a.Kind = kind;
        Version++;
        return a;
    }

    /// <summary>Takes a person out of the attendance recorded by mistake, before the minutes are approved.</summary>
    public void RemoveAttendance(Attendance a)
    {
        RequireMinutesOpen("attendance");
        if (!Attendance.Remove(a)) throw new DomainException($"{a.Name} is not in this meeting's attendance.");
        Version++;
    }

    public void RecordMinutes(AgendaItem item, string? minutes)
    {
        Require(item);
        RequireMinutesOpen("minutes");
        item.Minutes = Board.Clean(minutes);
        item.Touch();
    }

    public Decision AddDecision(AgendaItem item, DecisionDetails details)
    {
        Require(item);
        RequireMinutesOpen("decisions");
        var d = new Decision { AgendaItemId = item.Id, Title = "", Resolved = "" };
        d.Apply(details);
        item.Decisions.Add(d);
        item.Touch();
        return d;
    }

    public void EditDecision(AgendaItem item, Decision decision, DecisionDetails details)
    {
        Require(item);
        if (!item.Decisions.Contains(decision)) throw new DomainException($"That decision is not minuted under item {item.Number}.");
        RequireMinutesOpen("decisions");
        decision.Apply(details);
    }

    /// <summary>
    /// An action raised at the meeting, under one of its items or none: the owner column as minuted ("AMc/TC", "ALL")
    /// resolved to the people it names from the attendance and the board's members, and the deadline as minuted.
    /// </summary>
    public ActionItem RaiseAction(AgendaItem? item, string text, string owner, string? deadline, IReadOnlyCollection<string> boardMembers)
    {
        if (item is not null) Require(item);
        RequireMinutesOpen("actions");
        if (string.IsNullOrWhiteSpace(text)) throw new DomainException("Enter the action.");
        if (string.IsNullOrWhiteSpace(owner)) throw new DomainException("Enter the owner as the minutes write it: initials (AMc, GF (TR)) or ALL.");
        if (!Deadlines.TryParse(deadline, out var date))
            throw new DomainException($"The deadline \"{deadline}\" is not one Outturn reads: write {Deadlines.AcceptedForms}.");
        var people = Attendance.Select(a => a.Name).Concat(boardMembers).Distinct().ToList();
        var present = Attendance.Where(a => a.Kind == AttendanceKind.Present).Select(a => a.Name).ToList();
        var all = owner.Trim().Equals("ALL", StringComparison.OrdinalIgnoreCase);
        var names = Initials.Resolve(owner, people, present, out var unresolved);
        if (unresolved.Count > 0)
            throw new DomainException($"The owner \"{owner.Trim()}\" has initials that match nobody at the meeting or on the board ({string.Join(", ", unresolved)}): record the person's attendance, or write their initials as the minutes do.");
        return new ActionItem
        {
            MeetingId = Id, AgendaItemId = item?.Id, ItemNumber = item?.Number, Text = text.Trim(), Owner = owner.Trim(),
            OwnerNames = all ? "All members present" : string.Join("; ", names),
            DeadlineText = Board.Clean(deadline), Deadline = date, Status = ActionStatus.Open,
        };
    }

    /// <summary>The chair approves the minutes as a true record, once the meeting has been held.</summary>
    public void ApproveMinutes(string chair, DateTimeOffset at, DateOnly today)
    {
        if (MinutesApprovedAt is not null) throw new DomainException($"The minutes were approved by {MinutesApprovedBy} already.", DomainRefusal.Conflict);
        if (Date > today) throw new DomainException("The meeting has not been held yet: its minutes are approved after it.", DomainRefusal.Conflict);
        if (string.IsNullOrWhiteSpace(chair)) throw new DomainException("The chair approving the minutes is named.");
        MinutesApprovedAt = at;
        MinutesApprovedBy = chair.Trim();
        Version++;
    }

    /// <summary>Publishes the approved minutes (attendance, minutes, decisions, actions); the agenda must be public first.</summary>
    public void PublishMinutes(DateTimeOffset at)
    {
        if (AgendaPublishedAt is null) throw new DomainException("Publish the agenda before the minutes.");
        if (MinutesPublishedAt is not null) throw new DomainException("The minutes are already published.", DomainRefusal.Conflict);
        if (MinutesApprovedAt is null) throw new DomainException("The chair has not approved the minutes yet: they are published once approved as a true record.", DomainRefusal.Conflict);
        MinutesPublishedAt = at;
        Version++;
    }

    private void Require(AgendaItem item)
    {
        if (!Items.Contains(item)) throw new DomainException($"Item {item.Number} is not on this meeting's agenda.");
    }

    private void RequireMinutesOpen(string what)
    {
        if (MinutesApprovedAt is not null)
            throw new DomainException($"The minutes were approved by {MinutesApprovedBy} as a true record: the {what} are not changed now.", DomainRefusal.Conflict);
    }

    /// <summary>For loading records of meetings held before Outturn (the demo, imports): publication as it happened.</summary>
    public void RecordPublication(DateTimeOffset? agenda, DateTimeOffset? minutes, string? approvedBy, DateTimeOffset? approvedAt)
    {
        if (minutes is not null && (agenda is null || approvedAt is null || string.IsNullOrWhiteSpace(approvedBy)))
            throw new DomainException("Minutes are published after the agenda, once approved by the chair.");
        AgendaPublishedAt = agenda;
        MinutesApprovedAt = approvedAt;
        MinutesApprovedBy = Board.Clean(approvedBy);
        MinutesPublishedAt = minutes;
    }
}

/// <summary>
/// An agenda item in order ("6(B)"), with its report's cover data and page range, and the report it takes among
/// those Outturn holds (a plan's quarterly monitoring report, its cover report, Business Plan or review), which the
/// agenda pack prints after the item's cover sheet. Part II items (exempt information under Schedule 12A) never
/// appear in public views or public packs.
/// </summary>
public class AgendaItem : IVersioned
{
    public int Id { get; set; }
    public int MeetingId { get; set; }
    public int Version { get; private set; }
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
    /// <summary>The report the item takes, among those Outturn holds; null for an item with no report or a report held only as its cover.</summary>
    public LinkedReportKind? ReportKind { get; set; }
    public int? ReportPlanId { get; set; }
    /// <summary>The quarter of a monitoring or cover report.</summary>
    public Periods.Period? ReportPeriod { get; set; }
    public List<Decision> Decisions { get; set; } = [];

    public string Pages => PageFrom is { } f ? (PageTo is { } t && t != f ? $"{f} - {t}" : f.ToString(CultureInfo.InvariantCulture)) : "";

    internal void Touch() => Version++;
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

    internal void CopyFrom(CoverReport c)
    {
        (ReportTo, DateText, ReportingOfficer, Portfolio, Subject, Wards, Purpose, Recommendation, Body) =
            (Board.Clean(c.ReportTo), Board.Clean(c.DateText), Board.Clean(c.ReportingOfficer), Board.Clean(c.Portfolio), Board.Clean(c.Subject),
             Board.Clean(c.Wards), Board.Clean(c.Purpose), Board.Clean(c.Recommendation), Board.Clean(c.Body));
    }

    public bool IsEmpty => new[] { ReportTo, DateText, ReportingOfficer, Portfolio, Subject, Wards, Purpose, Recommendation, Body }.All(string.IsNullOrWhiteSpace);
}

/// <summary>A decision (minute) with its resolutions, reasons, rejected alternatives and implementation date.</summary>
public class Decision : IVersioned
{
    public int Id { get; set; }
    public int AgendaItemId { get; set; }
    public int Version { get; private set; }
    public string? MinuteNumber { get; set; }
    public required string Title { get; set; }
    public bool IsKeyDecision { get; set; }
    public string? Narrative { get; set; }
    public string? Reasons { get; set; }
    public string? AlternativesRejected { get; set; }
    public DateOnly? ImplementationDate { get; set; }
    /// <summary>The numbered resolutions after "RESOLVED: That", one a line.</summary>
    public required string Resolved { get; set; }

    internal void Apply(DecisionDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) throw new DomainException("Enter the decision's title, as minuted.");
        if (string.IsNullOrWhiteSpace(d.Resolved)) throw new DomainException("Enter what was RESOLVED, one resolution a line.");
        MinuteNumber = Board.Clean(d.MinuteNumber);
        Title = d.Title.Trim();
        IsKeyDecision = d.IsKeyDecision;
        Narrative = Board.Clean(d.Narrative);
        Reasons = Board.Clean(d.Reasons);
        AlternativesRejected = Board.Clean(d.AlternativesRejected);
        ImplementationDate = d.ImplementationDate;
        Resolved = string.Join("\n", d.Resolved.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
        Version++;
    }
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

/// <summary>The users' words for the governance enums, as forms and pages print them.</summary>
public static class GovernanceWords
{
    public static string ToWords(this BoardKind k) => k switch
    {
        BoardKind.PolicyAndPerformanceBoard => "Policy and Performance Board",
        BoardKind.ExecutiveBoard => "Executive Board",
        BoardKind.ChildrensTrustBoard => "Children's Trust Board",
        BoardKind.ChildrensTrustExecutiveGroup => "Children's Trust Executive Group",
        BoardKind.SubGroup => "Sub-group",
        BoardKind.SafeguardingChildrenBoard => "Safeguarding Children Board",
        _ => "Other board or group",
    };

    public static string ToWords(this MemberRole r) => r switch
    {
        MemberRole.Chair => "Chair",
        MemberRole.ViceChair => "Vice-chair",
        MemberRole.Minutes => "Takes the minutes",
        _ => "Member",
    };

    public static string ToWords(this MemberKind k) => k switch
    {
        MemberKind.Councillor => "Councillor",
        MemberKind.CoOpted => "Co-opted member",
        _ => "Partner member",
    };

    public static string ToWords(this AttendanceKind k) => k switch
    {
        AttendanceKind.Present => "Present",
        AttendanceKind.Apologies => "Apologies",
        _ => "Absent",
    };

    public static string ToWords(this LinkedReportKind k) => k switch
    {
        LinkedReportKind.MonitoringReport => "Quarterly monitoring report (Priority Based report)",
        LinkedReportKind.CoverReport => "Committee cover report",
        LinkedReportKind.BusinessPlan => "Business Plan",
        _ => "Plan review",
    };
}
