using Outturn.Application.Organisations;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>
/// Who is acting: their name for the record, the officer they are, and whether they run rounds; and, when they act
/// through the web or the API, who they are as the visibility rules see them (their organisation).
/// </summary>
public sealed record Actor(string Name, int? OfficerId, bool RunsRounds, Accounts.Viewer? Viewer = null)
{
    public Editor AsEditor() => new(Name, OfficerId, RunsRounds);

    /// <summary>
    /// The one rule for whether this person may change each of a round's items now: an account limited to some
    /// organisations changes only their items (<see cref="Accounts.Viewer.MayWorkOn"/>); then the item's own rule
    /// (<see cref="RoundItem.RefusalFor"/>: its assignee, or someone who runs rounds, while the round takes changes).
    /// The item's owners are read once per round, and only for an account that is limited.
    /// </summary>
    public async Task<Func<RoundItem, EditRefusal?>> EditRuleAsync(MonitoringRound round, OrganisationService organisations, CancellationToken ct = default)
    {
        var owners = Viewer is { Organisations: not null } ? await organisations.OwnersAsync(round, ct) : null;
        var editor = AsEditor();
        return item => owners is not null && !Viewer!.MayWorkOn(owners.Of(item))
            ? new EditRefusal(EditRefusalKind.OtherOrganisation, $"{item.Label} belongs to another organisation.")
            : item.RefusalFor(editor, round.State);
    }
}
