using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Domain;
using Outturn.Domain.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>The performance team records an update on an action, or closes it, at one of the board's meetings.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ActionModel(OutturnDbContext db, GovernanceService service, ICurrentUser current) : PageModel
{
    public ActionItem Item { get; private set; } = null!;
    public Board Board { get; private set; } = null!;
    public List<Meeting> Meetings { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public string? Note { get; set; }
    [BindProperty] public ActionStatus Status { get; set; }
    [BindProperty] public int? MeetingId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No action has the number {id}.");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        await service.UpdateActionAsync(id, Note ?? "", Status, MeetingId, current.Name, null, ct);
        Message = Status == ActionStatus.Closed ? "The action is closed." : "The update is recorded.";
        Note = null;
        return await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No action has the number {id}.");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var item = await db.Set<ActionItem>().AsNoTracking().Include(a => a.Updates).Include(a => a.Meeting).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (item is null) return false;
        Item = item;
        Board = await db.Set<Board>().AsNoTracking().SingleAsync(b => b.Id == item.Meeting!.BoardId, ct);
        Meetings = await db.Set<Meeting>().AsNoTracking().Where(m => m.BoardId == Board.Id && m.Date > item.Meeting!.Date).OrderBy(m => m.Date).ToListAsync(ct);
        if (Request.Method == "GET") Status = item.Status;
        return true;
    }
}
