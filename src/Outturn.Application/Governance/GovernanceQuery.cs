using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Domain.Governance;
using Outturn.Domain.Periods;

namespace Outturn.Application.Governance;

public sealed record BoardSummary(string Ref, string Name, BoardKind Kind, int Members, int Meetings, DateOnly? LastMeeting);

public sealed record ActionLine(
    int Id, string Board, int MeetingId, DateOnly RaisedOn, string? ItemNumber, string Text, string Owner, string? OwnerNames,
    string? DeadlineText, DateOnly? Deadline, ActionStatus Status, DateOnly? ClosedOn, bool Overdue, IReadOnlyList<ActionUpdate> Updates);

public sealed record MeetingSummary(int Id, DateOnly Date, string When, string? Venue, bool AgendaPublished, bool MinutesPublished);

/// <summary>A board as shown: its current members (and those whose terms have ended, or not yet begun), meetings and actions.</summary>
public sealed record BoardView(Board Board, IReadOnlyList<BoardMember> Members, IReadOnlyList<MeetingSummary> Meetings,
    IReadOnlyList<ActionLine> OpenActions, IReadOnlyList<ActionLine> Overdue, IReadOnlyList<BoardMember> OtherMembers);

/// <summary>The report an agenda item takes, among those Outturn holds, with where to read it.</summary>
public sealed record PackReport(LinkedReportKind Kind, string PlanRef, string PlanTitle, Period? Period, string Description, string Address)
{
    public static string Describe(LinkedReportKind kind, Period? period) => kind switch
    {
        LinkedReportKind.MonitoringReport => $"Priority Based report, {period?.ToDisplayString()}",
        LinkedReportKind.CoverReport => $"Cover report, {period?.ToDisplayString()}",
        LinkedReportKind.BusinessPlan => "Business Plan",
        _ => "Plan review",
    };

    public static string AddressOf(LinkedReportKind kind, string planRef, Period? period) => $"/plans/{Uri.EscapeDataString(planRef)}/reports/" + kind switch
    {
        LinkedReportKind.MonitoringReport => $"ppb/{period?.ToSlug()}",
        LinkedReportKind.CoverReport => $"cover/{period?.ToSlug()}",
        LinkedReportKind.BusinessPlan => "business-plan",
        _ => "plan-review",
    };
}

public sealed record MeetingView(
    Meeting Meeting, Board Board, IReadOnlyList<BoardMember> Members, IReadOnlyList<AgendaItem> Items, bool ExemptHidden,
    bool ShowsMinutes, IReadOnlyList<Attendance> Attendance, IReadOnlyList<ActionLine> ActionsRaised, IReadOnlyList<ActionLine> CarriedForward,
    MeetingSummary? Previous, MeetingSummary? Next, DateOnly? NextMeetingDate, IReadOnlyDictionary<int, PackReport> Reports);

public enum Visibility { Ok, NotFound, NotPublished }

public sealed class GovernanceQuery(OutturnDbContext db, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The boards a viewer holds a seat on, through a membership linked to their account.</summary>
    /// <remarks>Only seats held today: a member whose term has ended reads what the public reads.</remarks>
    public async Task<IReadOnlySet<int>> SeatsAsync(string? userId, CancellationToken ct = default)
    {
        if (userId is null) return new HashSet<int>();
        var today = Today;
        return (await db.Set<BoardMember>().Where(m => m.UserId == userId).ToListAsync(ct)).Where(m => m.IsCurrentOn(today)).Select(m => m.BoardId).ToHashSet();
    }

    public async Task<IReadOnlyList<BoardSummary>> BoardsAsync(Viewer viewer, CancellationToken ct = default)
    {
        var boards = await db.Set<Board>().AsNoTracking().Include(b => b.Members).ToListAsync(ct);
        var meetings = await db.Set<Meeting>().AsNoTracking().Select(m => new { m.BoardId, m.Date, m.AgendaPublishedAt }).ToListAsync(ct);
        return boards.OrderBy(b => b.Kind).ThenBy(b => b.Name, StringComparer.Ordinal).Select(b =>
        {
            var visible = meetings.Where(m => m.BoardId == b.Id && (m.AgendaPublishedAt is not null || viewer.SeesUnpublished(b.Id))).ToList();
            return new BoardSummary(b.Ref, b.Name, b.Kind, b.Members.Count, visible.Count, visible.Count == 0 ? null : visible.Max(m => m.Date));
        }).ToList();
    }

    public async Task<BoardView?> BoardAsync(string boardRef, Viewer viewer, CancellationToken ct = default)
    {
        var board = await db.Set<Board>().AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Ref == boardRef, ct);
        if (board is null) return null;
        var meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.BoardId == board.Id).OrderByDescending(m => m.Date).ToListAsync(ct);
        var visible = meetings.Where(m => m.AgendaPublishedAt is not null || viewer.SeesUnpublished(board.Id)).Select(Summary).ToList();
        var actions = await ActionsAsync(board, viewer, ct);
        var open = actions.Where(a => a.Status != ActionStatus.Closed).ToList();
        return new BoardView(board, board.MembersOn(Today).ToList(), visible, open, open.Where(a => a.Overdue).OrderBy(a => a.Deadline).ToList(),
            board.Members.Where(m => !m.IsCurrentOn(Today)).OrderBy(m => m.Order).ToList());
    }

    /// <summary>Overdue actions of a board, oldest deadline first: the chair's list.</summary>
    public async Task<IReadOnlyList<ActionLine>> OverdueAsync(string boardRef, Viewer viewer, CancellationToken ct = default) =>
        (await BoardAsync(boardRef, viewer, ct))?.Overdue ?? [];

    /// <summary>A board's actions this viewer may see: those minuted in published minutes, not from Part II items unless allowed.</summary>
    private async Task<List<ActionLine>> ActionsAsync(Board board, Viewer viewer, CancellationToken ct)
    {
        var exempt = await db.Set<AgendaItem>().Where(i => i.IsExempt).Select(i => i.Id).ToListAsync(ct);
        var actions = await db.Set<ActionItem>().AsNoTracking().Include(a => a.Meeting).Include(a => a.Updates)
            .Where(a => a.Meeting!.BoardId == board.Id).ToListAsync(ct);
        return actions
            .Where(a => a.Meeting!.MinutesPublishedAt is not null || viewer.SeesUnpublished(board.Id))
            .Where(a => a.AgendaItemId is not { } item || !exempt.Contains(item) || viewer.SeesExempt(board.Id))
            .OrderBy(a => a.Meeting!.Date).ThenBy(a => a.ItemNumber, StringComparer.Ordinal).ThenBy(a => a.Id)
            .Select(a => Line(a, board)).ToList();
    }

    private ActionLine Line(ActionItem a, Board board) => new(
        a.Id, board.Ref, a.MeetingId, a.Meeting!.Date, a.ItemNumber, a.Text, a.Owner, a.OwnerNames, a.DeadlineText, a.Deadline, a.Status, a.ClosedOn,
        a.IsOverdue(Today), a.Updates.OrderBy(u => u.On).ThenBy(u => u.Id).ToList());

    private static MeetingSummary Summary(Meeting m) => new(m.Id, m.Date, m.When, m.Venue, m.AgendaPublishedAt is not null, m.MinutesPublishedAt is not null);

    public async Task<(Visibility Visibility, MeetingView? View)> MeetingAsync(int id, Viewer viewer, CancellationToken ct = default)
    {
        var meeting = await db.Set<Meeting>().AsNoTracking()
            .Include(m => m.Board).ThenInclude(b => b!.Members)
            .Include(m => m.Items).ThenInclude(i => i.Decisions)
            .Include(m => m.Attendance)
            .AsSplitQuery()
            .SingleOrDefaultAsync(m => m.Id == id, ct);
        if (meeting is null) return (Visibility.NotFound, null);
        var board = meeting.Board!;
        if (meeting.AgendaPublishedAt is null && !viewer.SeesUnpublished(board.Id)) return (Visibility.NotPublished, null);
        var seesExempt = viewer.SeesExempt(board.Id);
        var items = meeting.Items.Where(i => seesExempt || !i.IsExempt).OrderBy(i => i.Order).ToList();
        var showsMinutes = meeting.MinutesPublishedAt is not null || viewer.SeesUnpublished(board.Id);
        if (!showsMinutes)
            foreach (var i in items) { i.Minutes = null; i.Decisions = []; }
        var actions = await ActionsAsync(board, viewer, ct);
        var raised = showsMinutes ? actions.Where(a => a.MeetingId == meeting.Id).ToList() : [];
        var all = await db.Set<ActionItem>().AsNoTracking().Include(a => a.Meeting).Where(a => a.Meeting!.BoardId == board.Id).ToListAsync(ct);
        var carriedIds = all.Where(a => a.IsCarriedForwardTo(a.Meeting!, meeting)).Select(a => a.Id).ToHashSet();
        var carried = actions.Where(a => carriedIds.Contains(a.Id)).ToList();
        var siblings = await db.Set<Meeting>().AsNoTracking().Where(m => m.BoardId == board.Id && m.Id != meeting.Id).ToListAsync(ct);
        // The date of the next meeting is public (the front sheet prints it) even before its agenda is.
        var nextDate = siblings.Where(m => m.Date > meeting.Date).OrderBy(m => m.Date).Select(m => (DateOnly?)m.Date).FirstOrDefault();
        siblings = siblings.Where(m => m.AgendaPublishedAt is not null || viewer.SeesUnpublished(board.Id)).ToList();
        var previous = siblings.Where(m => m.Date < meeting.Date).OrderByDescending(m => m.Date).Select(Summary).FirstOrDefault();
        var next = siblings.Where(m => m.Date > meeting.Date).OrderBy(m => m.Date).Select(Summary).FirstOrDefault();
        return (Visibility.Ok, new MeetingView(meeting, board, board.MembersOn(meeting.Date).ToList(), items, !seesExempt && meeting.Items.Any(i => i.IsExempt),
            showsMinutes, showsMinutes ? meeting.Attendance.OrderBy(a => a.Kind).ThenBy(a => a.Order).ToList() : [], raised, carried, previous, next, nextDate,
            await ReportsAsync(items, ct)));
    }

    /// <summary>The reports the items take, among those Outturn holds, by item.</summary>
    private async Task<IReadOnlyDictionary<int, PackReport>> ReportsAsync(IReadOnlyList<AgendaItem> items, CancellationToken ct)
    {
        var planIds = items.Where(i => i.ReportPlanId is not null).Select(i => i.ReportPlanId!.Value).Distinct().ToList();
        if (planIds.Count == 0) return new Dictionary<int, PackReport>();
        var plans = await db.Plans.AsNoTracking().Where(p => planIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => (p.Ref, p.Title), ct);
        return items.Where(i => i.ReportKind is not null && i.ReportPlanId is { } id && plans.ContainsKey(id)).ToDictionary(i => i.Id, i =>
        {
            var (planRef, title) = plans[i.ReportPlanId!.Value];
            var kind = i.ReportKind!.Value;
            return new PackReport(kind, planRef, title, i.ReportPeriod, PackReport.Describe(kind, i.ReportPeriod), PackReport.AddressOf(kind, planRef, i.ReportPeriod));
        });
    }

    /// <summary>
    /// The agenda pack as this viewer may have it: the front sheet (board, date, venue, membership, the item list
    /// with page numbers) then each item's report in order. A public pack leaves Part II items out altogether.
    /// </summary>
    public async Task<(Visibility Visibility, AgendaPack? Pack)> PackAsync(int meetingId, Viewer viewer, CancellationToken ct = default)
    {
        var (visibility, view) = await MeetingAsync(meetingId, viewer, ct);
        if (view is null) return (visibility, null);
        var m = view.Meeting;
        var lines = view.Items.Select(i => new PackItem(i.Number, i.Title, i.ParentNumber, i.IsExempt, i.StandingText, i.Pages, i.Report, i.Decisions.ToList(),
            view.Reports.GetValueOrDefault(i.Id))).ToList();
        var nextMeeting = view.NextMeetingDate is { } n ? $"The next meeting of the Board is on {n.ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}" : null;
        return (Visibility.Ok, new AgendaPack(view.Board.Name, m.When, m.Venue, m.SignedBy, m.Contact, nextMeeting,
            view.Members.Select(x => new PackMember(x.Display, x.Detail)).ToList(),
            lines.Where(l => !l.IsExempt).ToList(), lines.Where(l => l.IsExempt).ToList(),
            view.CarriedForward));
    }
}
