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

/// <summary>The fields of a board's own details, shared by the pages that create and change one.</summary>
public abstract class BoardFieldsModel(OutturnDbContext db) : RecordPageModel
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public BoardKind Kind { get; set; } = BoardKind.SubGroup;
    [BindProperty] public string? ParentRef { get; set; }
    /// <summary>Unticked, a checkbox posts nothing: false unless the form says otherwise.</summary>
    [BindProperty] public bool MeetsInPublic { get; set; }

    public IReadOnlyList<(string Value, string Text)> Parents { get; private set; } = [];

    protected async Task LoadParentsAsync(string? except, CancellationToken ct) =>
        Parents = [("", "None: it reports to no other board"), .. (await db.Set<Board>().AsNoTracking().Where(b => b.Ref != except).OrderBy(b => b.Name).Select(b => new { b.Ref, b.Name }).ToListAsync(ct))
            .Select(b => (b.Ref, b.Name))];

    public static IReadOnlyList<(string, string)> Kinds => Enum.GetValues<BoardKind>().Select(k => (k.ToString(), k.ToWords())).ToList();

    protected BoardForm Form()
    {
        Require(Name, "name", "Enter the board's name.");
        return new BoardForm(Name ?? "", Kind, ParentRef, MeetsInPublic);
    }
}

/// <summary>The performance team records a new board, partnership group or sub-group.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class BoardNewModel(OutturnDbContext db, BoardHandlers boards) : BoardFieldsModel(db)
{
    [BindProperty] public string? Ref { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        MeetsInPublic = true;
        await LoadParentsAsync(null, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Require(Ref, "ref", "Enter a short reference for the board's address, such as cyp-ppb.");
        var form = Form();
        if (Problems.Count > 0) { await LoadParentsAsync(null, ct); return Page(); }
        var created = await boards.CreateAsync(Ref!, form, ct);
        TempData["Done"] = $"{form.Name} is recorded. Add its members, then schedule its meetings.";
        return Redirect($"/boards/{Uri.EscapeDataString(created)}/edit");
    }
}

/// <summary>A board's details, its members (current and past) and the history of every change to them.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class BoardEditModel(OutturnDbContext db, BoardHandlers boards, ChangeHistory history) : BoardFieldsModel(db)
{
    private readonly OutturnDbContext _db = db;
    public Board Board { get; private set; } = null!;
    public int Version { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    [BindProperty] public string? Reason { get; set; }

    private async Task<bool> LoadAsync(string boardRef, CancellationToken ct)
    {
        var board = await _db.Set<Board>().AsNoTracking().Include(b => b.Members).SingleOrDefaultAsync(b => b.Ref == boardRef, ct);
        if (board is null) return false;
        Board = board;
        Version = board.Version;
        await LoadParentsAsync(boardRef, ct);
        History = await history.UnderAsync([$"board:{board.Id}"], ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string boardRef, CancellationToken ct)
    {
        if (!await LoadAsync(boardRef, ct)) return this.NotFoundWith($"No board has the reference \"{boardRef}\".");
        Name = Board.Name;
        Kind = Board.Kind;
        ParentRef = Board.ParentBoardId is { } p ? await _db.Set<Board>().Where(b => b.Id == p).Select(b => b.Ref).SingleAsync(ct) : "";
        MeetsInPublic = Board.MeetsInPublic;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string boardRef, int version, CancellationToken ct)
    {
        var form = Form();
        if (Problems.Count > 0) return await LoadAsync(boardRef, ct) ? Page() : NotFound();
        await boards.EditAsync(boardRef, version, form, Reason, ct);
        TempData["Done"] = "The board's details are saved.";
        return Redirect($"/boards/{Uri.EscapeDataString(boardRef)}/edit");
    }
}
