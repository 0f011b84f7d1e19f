using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Governance;

namespace Outturn.Application.Governance;

/// <summary>A board's own details as the form gives them; the parent board by its reference.</summary>
public sealed record BoardForm(string Name, BoardKind Kind, string? ParentRef, bool MeetsInPublic);

/// <summary>Creating and changing boards and their membership: one small handler per action, each audited with its reason.</summary>
public sealed class BoardHandlers(OutturnDbContext db)
{
    private async Task<Board> LoadAsync(string boardRef, CancellationToken ct) =>
        await db.Set<Board>().Include(b => b.Members).SingleOrDefaultAsync(b => b.Ref == boardRef, ct)
        ?? throw new DomainException($"No board has the reference \"{boardRef}\".");

    private async Task<int?> ParentAsync(string? parentRef, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(parentRef)) return null;
        return await db.Set<Board>().Where(b => b.Ref == parentRef.Trim()).Select(b => (int?)b.Id).SingleOrDefaultAsync(ct)
               ?? throw new DomainException($"No board has the reference \"{parentRef}\" to report to.");
    }

    /// <summary>Records a new board; its reference becomes its address and must be new.</summary>
    public async Task<string> CreateAsync(string reference, BoardForm form, CancellationToken ct = default)
    {
        var board = Board.Create(reference, form.Name, form.Kind, await ParentAsync(form.ParentRef, ct), form.MeetsInPublic);
        if (await db.Set<Board>().AnyAsync(b => b.Ref == board.Ref, ct)) throw new DomainException($"A board already has the reference \"{board.Ref}\".");
        db.Add(board);
        await db.SaveChangesAsync(ct);
        return board.Ref;
    }

    public async Task EditAsync(string boardRef, int version, BoardForm form, string? reason, CancellationToken ct = default)
    {
        var board = await LoadAsync(boardRef, ct);
        board.Expect(version, board.Name);
        var parent = await ParentAsync(form.ParentRef, ct);
        // A board cannot end up reporting to one of its own sub-groups.
        for (var p = parent; p is not null; p = await db.Set<Board>().Where(b => b.Id == p).Select(b => b.ParentBoardId).SingleAsync(ct))
            if (p == board.Id) throw new DomainException($"{board.Name} cannot report to a group that reports to it.");
        board.Edit(form.Name, form.Kind, parent, form.MeetsInPublic);
        await db.SaveEditAsync(reason, board.Name, ct);
    }

    /// <summary>The account a seat is linked to, found by its e-mail address; blank unlinks.</summary>
    private async Task<string?> AccountAsync(string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        var e = email.Trim();
        return await db.Users.Where(u => u.Email == e || u.NormalizedEmail == e.ToUpperInvariant()).Select(u => u.Id).FirstOrDefaultAsync(ct)
               ?? throw new DomainException($"No account has the e-mail address \"{e}\": invite the member first (Administration, Users), then link the seat.");
    }

    public async Task<int> AddMemberAsync(string boardRef, MemberDetails details, string? accountEmail, CancellationToken ct = default)
    {
        var board = await LoadAsync(boardRef, ct);
        var member = board.AddMember(details);
        board.LinkAccount(member, await AccountAsync(accountEmail, ct));
        await db.SaveEditAsync(null, board.Name, ct);
        return member.Id;
    }

    public async Task EditMemberAsync(string boardRef, int memberId, int version, MemberDetails details, string? accountEmail, string? reason, CancellationToken ct = default)
    {
        var board = await LoadAsync(boardRef, ct);
        var member = board.Members.SingleOrDefault(m => m.Id == memberId) ?? throw new DomainException($"{board.Name} has no member {memberId}.");
        member.Expect(version, $"{member.Name}'s seat");
        board.EditMember(member, details);
        var account = await AccountAsync(accountEmail, ct);
        if (account != member.UserId) board.LinkAccount(member, account);
        await db.SaveEditAsync(reason, $"{member.Name}'s seat", ct);
    }
}
