using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Domain.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>When and where a meeting is, shared by the pages that schedule and change one.</summary>
public abstract class MeetingFieldsModel : RecordPageModel
{
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Start { get; set; }
    [BindProperty] public string? End { get; set; }
    [BindProperty] public string? Venue { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty] public string? SignedBy { get; set; }

    protected MeetingForm? Form()
    {
        var date = ReadDate(Date, "date", "the date of the meeting", required: true);
        var start = ReadTime(Start, "start", "the start time");
        var end = ReadTime(End, "end", "the end time");
        return Problems.Count > 0 ? null : new MeetingForm(date!.Value, start, end, Venue, Contact, SignedBy);
    }

    protected void Fill(Meeting m) =>
        (Date, Start, End, Venue, Contact, SignedBy) = (Input(m.Date), Input(m.StartTime), Input(m.EndTime), m.Venue, m.Contact, m.SignedBy);
}

/// <summary>The performance team schedules a board's meeting.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class MeetingNewModel(OutturnDbContext db, MeetingHandlers meetings) : MeetingFieldsModel
{
    public Board Board { get; private set; } = null!;

    private async Task<bool> LoadAsync(string boardRef, CancellationToken ct) =>
        (Board = (await db.Set<Board>().AsNoTracking().SingleOrDefaultAsync(b => b.Ref == boardRef, ct))!) is not null;

    public async Task<IActionResult> OnGetAsync(string boardRef, CancellationToken ct) =>
        await LoadAsync(boardRef, ct) ? Page() : this.NotFoundWith($"No board has the reference \"{boardRef}\".");

    public async Task<IActionResult> OnPostAsync(string boardRef, CancellationToken ct)
    {
        if (!await LoadAsync(boardRef, ct)) return this.NotFoundWith($"No board has the reference \"{boardRef}\".");
        if (Form() is not { } form) return Page();
        var id = await meetings.ScheduleAsync(boardRef, form, ct);
        TempData["Done"] = "The meeting is scheduled. Add its agenda items, then publish the agenda.";
        return Redirect($"/meetings/{id}");
    }
}

/// <summary>A meeting's date, time and venue changed, with the history of every change to the meeting and its agenda and minutes.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class MeetingEditModel(OutturnDbContext db, MeetingHandlers meetings, ChangeHistory history) : MeetingFieldsModel
{
    public Meeting Meeting { get; private set; } = null!;
    public Board Board { get; private set; } = null!;
    public int Version { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    [BindProperty] public string? Reason { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().Include(x => x.Board).Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return false;
        (Meeting, Board, Version) = (m, m.Board!, m.Version);
        var actions = await db.Set<ActionItem>().Where(a => a.MeetingId == id).Select(a => a.Id).ToListAsync(ct);
        History = await history.UnderAsync([$"meeting:{id}", .. m.Items.Select(i => $"agenda-item:{i.Id}"), .. actions.Select(a => $"action:{a}")], ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.NotFoundWith($"There is no meeting {id}.");
        Fill(Meeting);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (Form() is not { } form) return await LoadAsync(id, ct) ? Page() : NotFound();
        await meetings.EditAsync(id, version, form, Reason, ct);
        TempData["Done"] = "The meeting's details are saved.";
        return Redirect($"/meetings/{id}");
    }
}
