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

/// <summary>
/// A seat on a board, added or changed: a councillor with party, a co-opted or partner member with organisation and
/// job title; chair, vice-chair or member; the term (from and to); and the account of the person holding it.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class MemberModel(OutturnDbContext db, BoardHandlers boards, ChangeHistory history) : RecordPageModel
{
    public Board Board { get; private set; } = null!;
    public BoardMember? Member { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public MemberKind Kind { get; set; }
    [BindProperty] public string? Party { get; set; }
    [BindProperty] public MemberRole Role { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? JobTitle { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Account { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public static IReadOnlyList<(string, string)> Kinds => Enum.GetValues<MemberKind>().Select(k => (k.ToString(), k.ToWords())).ToList();
    public static IReadOnlyList<(string, string)> Roles => Enum.GetValues<MemberRole>().Select(k => (k.ToString(), k.ToWords())).ToList();

    private async Task<bool> LoadAsync(string boardRef, int? id, CancellationToken ct)
    {
        var board = await db.Set<Board>().AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Ref == boardRef, ct);
        if (board is null) return false;
        Board = board;
        if (id is { } memberId)
        {
            Member = board.Members.SingleOrDefault(m => m.Id == memberId);
            if (Member is null) return false;
            Version = Member.Version;
            History = await history.UnderAsync([$"board:{board.Id}:member:{memberId}"], ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string boardRef, int? id, CancellationToken ct)
    {
        if (!await LoadAsync(boardRef, id, ct)) return this.NotFoundWith($"No board \"{boardRef}\" with a member {id}.");
        if (Member is { } m)
        {
            (Name, Kind, Party, Role, Organisation, JobTitle, From, To) = (m.Name, m.Kind, m.Party, m.Role, m.Organisation, m.JobTitle, Input(m.From), Input(m.To));
            Account = m.UserId is null ? null : await db.Users.Where(u => u.Id == m.UserId).Select(u => u.Email).SingleOrDefaultAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string boardRef, int? id, int version, CancellationToken ct)
    {
        Require(Name, "name", "Enter the member's name.");
        var from = ReadDate(From, "from", "the first day of the term");
        var to = ReadDate(To, "to", "the last day of the term");
        if (Problems.Count > 0) return await LoadAsync(boardRef, id, ct) ? Page() : NotFound();
        var details = new MemberDetails(Name!, Kind, Party, Role, Organisation, JobTitle, from, to);
        if (id is { } memberId) await boards.EditMemberAsync(boardRef, memberId, version, details, Account, Reason, ct);
        else await boards.AddMemberAsync(boardRef, details, Account, ct);
        TempData["Done"] = id is null ? $"{Name!.Trim()} is added to the board." : $"{Name!.Trim()}'s seat is saved.";
        return Redirect($"/boards/{Uri.EscapeDataString(boardRef)}/edit#members");
    }
}
