using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Governance;

namespace Outturn.Application.Governance;

/// <summary>When and where a meeting is held, as the form gives it.</summary>
public sealed record MeetingForm(DateOnly Date, TimeOnly? Start, TimeOnly? End, string? Venue, string? Contact, string? SignedBy);

/// <summary>One person's attendance as the form records it; no kind takes them off the record.</summary>
public sealed record AttendanceEntry(string Name, string? Role, MemberRole MeetingRole, AttendanceKind? Kind);

/// <summary>
/// Meetings, their agenda, attendance, minutes, decisions and actions, and the chair's approval: one small handler
/// per action. Each loads the meeting, asks it to make the change (it refuses what its rules forbid), and saves with
/// the reason given, refusing a save made over someone else's newer one.
/// </summary>
public sealed class MeetingHandlers(OutturnDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<Meeting> LoadAsync(int meetingId, CancellationToken ct) =>
        await db.Set<Meeting>().Include(m => m.Board).Include(m => m.Items).ThenInclude(i => i.Decisions).Include(m => m.Attendance)
            .AsSplitQuery().SingleOrDefaultAsync(m => m.Id == meetingId, ct)
        ?? throw new DomainException($"There is no meeting {meetingId}.");

    private static AgendaItem Item(Meeting m, int itemId) =>
        m.Items.SingleOrDefault(i => i.Id == itemId) ?? throw new DomainException($"The meeting of {m.Date:d MMMM yyyy} has no agenda item {itemId}.");

    private static string Named(Meeting m) => $"the meeting of {m.Date:d MMMM yyyy}";

    public async Task<int> ScheduleAsync(string boardRef, MeetingForm form, CancellationToken ct = default)
    {
        var boardId = await db.Set<Board>().Where(b => b.Ref == boardRef).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct)
                      ?? throw new DomainException($"No board has the reference \"{boardRef}\".");
        var meeting = Meeting.Schedule(boardId, form.Date, form.Start, form.End, form.Venue, form.Contact, form.SignedBy);
        db.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting.Id;
    }

    public async Task EditAsync(int meetingId, int version, MeetingForm form, string? reason, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        m.Expect(version, Named(m));
        m.EditDetails(form.Date, form.Start, form.End, form.Venue, form.Contact, form.SignedBy);
        await db.SaveEditAsync(reason, Named(m), ct);
    }

    private async Task CheckPlanAsync(AgendaItemDetails d, CancellationToken ct)
    {
        if (d.ReportPlanId is { } id && !await db.Plans.AnyAsync(p => p.Id == id, ct)) throw new DomainException("The plan chosen for the item's report is not held.");
    }

    public async Task<int> AddItemAsync(int meetingId, AgendaItemDetails details, int? position, CoverReport? cover, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        await CheckPlanAsync(details, ct);
        var item = m.AddItem(details, position);
        m.SetCover(item, cover);
        await db.SaveEditAsync(null, Named(m), ct);
        return item.Id;
    }

    public async Task EditItemAsync(int meetingId, int itemId, int version, AgendaItemDetails details, int? position, CoverReport? cover, string? reason, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        var item = Item(m, itemId);
        item.Expect(version, $"item {item.Number}");
        await CheckPlanAsync(details, ct);
        m.EditItem(item, details, position);
        m.SetCover(item, cover);
        await db.SaveEditAsync(reason, $"item {item.Number}", ct);
    }

    public async Task RemoveItemAsync(int meetingId, int itemId, int version, string? reason, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        var item = Item(m, itemId);
        item.Expect(version, $"item {item.Number}");
        if (await db.Set<ActionItem>().AnyAsync(a => a.AgendaItemId == itemId, ct))
            throw new DomainException($"Item {item.Number} has actions raised under it and stays on the agenda.", DomainRefusal.Conflict);
        m.RemoveItem(item);
        await db.SaveEditAsync(reason, Named(m), ct);
    }

    public async Task PublishAgendaAsync(int meetingId, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        m.PublishAgenda(clock.GetUtcNow());
        await db.SaveEditAsync(null, Named(m), ct);
    }

    public async Task PublishMinutesAsync(int meetingId, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        m.PublishMinutes(clock.GetUtcNow());
        await db.SaveEditAsync(null, Named(m), ct);
    }

    /// <summary>Who came, sent apologies or was absent; an entry with no kind takes the person off the record.</summary>
    public async Task RecordAttendanceAsync(int meetingId, int version, IReadOnlyList<AttendanceEntry> entries, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        m.Expect(version, Named(m));
        // Whoever leaves the chair is recorded before whoever takes it.
        foreach (var e in entries.OrderBy(e => e.MeetingRole == MemberRole.Chair && e.Kind is not null))
        {
            if (e.Kind is { } kind) m.RecordAttendance(e.Name, e.Role, e.MeetingRole, kind);
            else if (m.Attendance.FirstOrDefault(a => string.Equals(a.Name, e.Name.Trim(), StringComparison.OrdinalIgnoreCase)) is { } recorded) m.RemoveAttendance(recorded);
        }
        await db.SaveEditAsync(null, Named(m), ct);
    }

    public async Task RecordMinutesAsync(int meetingId, int itemId, int version, string? minutes, string? reason, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        var item = Item(m, itemId);
        item.Expect(version, $"item {item.Number}");
        m.RecordMinutes(item, minutes);
        await db.SaveEditAsync(reason, $"item {item.Number}", ct);
    }

    public async Task<int> AddDecisionAsync(int meetingId, int itemId, DecisionDetails details, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        var d = m.AddDecision(Item(m, itemId), details);
        await db.SaveEditAsync(null, Named(m), ct);
        return d.Id;
    }

    public async Task EditDecisionAsync(int meetingId, int itemId, int decisionId, int version, DecisionDetails details, string? reason, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        var item = Item(m, itemId);
        var d = item.Decisions.SingleOrDefault(x => x.Id == decisionId) ?? throw new DomainException($"Item {item.Number} has no decision {decisionId}.");
        d.Expect(version, $"the decision \"{d.Title}\"");
        m.EditDecision(item, d, details);
        await db.SaveEditAsync(reason, $"the decision \"{d.Title}\"", ct);
    }

    /// <summary>An action raised at the meeting (under an item or none), its owner resolved from the attendance and the board's members.</summary>
    public async Task<int> RaiseActionAsync(int meetingId, int? itemId, string text, string owner, string? deadline, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        var members = await db.Set<BoardMember>().Where(x => x.BoardId == m.BoardId).Select(x => x.Name).ToListAsync(ct);
        var action = m.RaiseAction(itemId is { } id ? Item(m, id) : null, text, owner, deadline, members);
        db.Add(action);
        await db.SaveEditAsync(null, Named(m), ct);
        return action.Id;
    }

    /// <summary>
    /// The chair approves the minutes as a true record: the account must hold the chair's seat on the board on the
    /// meeting's date (a seat linked to the account, with the role of chair).
    /// </summary>
    public async Task ApproveMinutesAsync(int meetingId, string userId, CancellationToken ct = default)
    {
        var m = await LoadAsync(meetingId, ct);
        var chair = (await db.Set<BoardMember>().Where(x => x.BoardId == m.BoardId && x.UserId == userId && x.Role == MemberRole.Chair).ToListAsync(ct))
            .FirstOrDefault(x => x.IsCurrentOn(m.Date))
            ?? throw new DomainException($"Only the chair of {m.Board!.Name} approves its minutes, and your account is not linked to the chair's seat for {m.Date:d MMMM yyyy}.");
        m.ApproveMinutes(chair.Name, clock.GetUtcNow(), Today);
        await db.SaveEditAsync(null, Named(m), ct);
    }

    /// <summary>Whether this account holds the chair's seat for the meeting (the page offers approval only then).</summary>
    public async Task<bool> IsChairAsync(int meetingId, string? userId, CancellationToken ct = default)
    {
        if (userId is null) return false;
        var meeting = await db.Set<Meeting>().AsNoTracking().Where(x => x.Id == meetingId).Select(x => new { x.BoardId, x.Date }).SingleOrDefaultAsync(ct);
        if (meeting is null) return false;
        return (await db.Set<BoardMember>().AsNoTracking().Where(x => x.BoardId == meeting.BoardId && x.UserId == userId && x.Role == MemberRole.Chair).ToListAsync(ct))
            .Any(x => x.IsCurrentOn(meeting.Date));
    }
}
