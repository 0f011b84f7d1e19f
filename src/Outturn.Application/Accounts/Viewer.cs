using Outturn.Domain.Rounds;

namespace Outturn.Application.Accounts;

/// <summary>
/// Who is looking, as every page, API call, export and command decides what they may see: published content is for
/// everyone; drafts (a round not yet published) for staff, and for board members once the round is in review, as
/// the board's papers are being prepared; a board's unpublished agendas and Part II items for officers and the
/// members who hold a seat on it; child-level records only with the permission for them.
/// </summary>
/// <remarks>
/// One type for the web (built from the signed-in user's claims), the API and the command line, so the rules are
/// written once here rather than in each of them.
/// </remarks>
public sealed record Viewer(bool SignedIn, IReadOnlySet<string> Roles, bool ChildLevel, IReadOnlySet<int> SeatsOnBoards)
{
    private static readonly IReadOnlySet<int> NoSeats = new HashSet<int>();

    public static readonly Viewer Anonymous = new(false, new HashSet<string>(), false, NoSeats);

    /// <summary>A member of the performance team: every draft and Part II item, but no child-level records.</summary>
    public static readonly Viewer Officer = new(true, new HashSet<string> { Accounts.Roles.PerformanceOfficer }, false, NoSeats);

    /// <summary>A board member holding the given seats, and nothing else.</summary>
    public static Viewer BoardMember(IReadOnlySet<int> seats) => new(true, new HashSet<string> { Accounts.Roles.BoardMember }, false, seats);

    private bool Is(string role) => Roles.Contains(role);

    /// <summary>Administrators, the performance team and approvers: they prepare and approve what boards receive.</summary>
    public bool IsOfficer => Is(Accounts.Roles.Administrator) || Is(Accounts.Roles.PerformanceOfficer) || Is(Accounts.Roles.Approver);

    public bool CanSeeDraft(RoundState state) =>
        IsOfficer || Is(Accounts.Roles.Contributor)
        || (Is(Accounts.Roles.BoardMember) && state is RoundState.InReview or RoundState.SignedOff);

    public bool SeesUnpublished(int boardId) => IsOfficer || SeatsOnBoards.Contains(boardId);

    /// <summary>
    /// A figure's internal note (where it came from, doubts about it) is for those who produce and approve the figures:
    /// never published, and not in what board members receive.
    /// </summary>
    public bool SeesInternalNotes => IsOfficer || Is(Accounts.Roles.Contributor);

    /// <summary>Part II (exempt) items of a board's meetings.</summary>
    public bool SeesExempt(int boardId) => IsOfficer || SeatsOnBoards.Contains(boardId);
}
