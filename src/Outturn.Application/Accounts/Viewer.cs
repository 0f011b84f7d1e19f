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
/// written once here rather than in each of them. Contributors are also limited to their organisation (and those
/// beneath it): see <see cref="Organisations"/> and docs/decisions/0700-organisation-scoping.md.
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

    /// <summary>
    /// The organisations whose items this viewer works on: their own and every one beneath it. Null when the viewer is
    /// not limited to an organisation (administrators, the performance team, approvers, board members, who see what
    /// their boards receive, and the command line). A contributor whose account has no organisation has an empty set.
    /// </summary>
    public IReadOnlySet<int>? Organisations { get; init; }

    /// <summary>The viewer works for a partner agency (an NHS trust, the police, a school…), not the council.</summary>
    public bool IsPartner { get; init; }

    /// <summary>The lead of their organisation: sees every draft item of it, not only those assigned to them.</summary>
    public bool LeadsOrganisation { get; init; }

    /// <summary>
    /// The one organisation rule: whether something owned by <paramref name="organisationId"/> is within this viewer's
    /// organisations. Something not yet placed in an organisation is the council's: council staff have it, partners not.
    /// </summary>
    public bool Covers(int? organisationId) =>
        Organisations is null || (organisationId is { } id ? Organisations.Contains(id) : !IsPartner);

    /// <summary>Whether the viewer may change an item owned by <paramref name="organisationId"/> (assignment is the round's own rule).</summary>
    public bool MayWorkOn(int? organisationId) => Covers(organisationId);

    /// <summary>
    /// A round's whole draft (the monitoring page, reports, status, exports of a plan before publication): for those
    /// who may see drafts at this stage and, when limited to an organisation, only if the plan is their organisation's.
    /// </summary>
    public bool CanSeeWholeDraft(RoundState state, int? planOrganisationId) => CanSeeDraft(state) && Covers(planOrganisationId);

    /// <summary>
    /// One item of a round not yet published (its figure, commentary and history): the plan's own organisation sees
    /// all of it; otherwise a contributor sees their organisation's items assigned to them, and its lead every one.
    /// </summary>
    public bool CanSeeDraftItem(RoundState state, int? planOrganisationId, int? itemOrganisationId, bool assignedToViewer) =>
        CanSeeDraft(state) && (Covers(planOrganisationId) || (Covers(itemOrganisationId) && (assignedToViewer || LeadsOrganisation)));

    /// <summary>The council's own registers and pages (risk register, dashboard, statutory returns): staff of the council and its officers, not partners.</summary>
    public bool SeesCouncilPages => SignedIn && (IsOfficer || !IsPartner);

    public bool SeesUnpublished(int boardId) => IsOfficer || SeatsOnBoards.Contains(boardId);

    /// <summary>
    /// A figure's internal note (where it came from, doubts about it) is for those who produce and approve the figures:
    /// never published, and not in what board members receive. A partner's staff see the notes on their own items in
    /// the round, not the council's notes on its measures.
    /// </summary>
    public bool SeesInternalNotes => IsOfficer || (Is(Accounts.Roles.Contributor) && !IsPartner);

    /// <summary>Part II (exempt) items of a board's meetings.</summary>
    public bool SeesExempt(int boardId) => IsOfficer || SeatsOnBoards.Contains(boardId);
}
