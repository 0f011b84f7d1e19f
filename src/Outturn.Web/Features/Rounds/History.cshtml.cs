using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Identity;
using Outturn.Application.Accounts;
using Outturn.Application.Audit;
using Outturn.Application.Organisations;
using Outturn.Application.Rounds;
using Outturn.Domain.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Rounds;

/// <summary>Every recorded change to an item in words (who, when, old value and new, and why); a round not yet published only for those who may see drafts.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HistoryModel(RoundViews rounds, ChangeHistory history, OrganisationService organisations, UserManager<OutturnUser> users) : PageModel
{
    public RoundItem Item { get; private set; } = null!;
    public IReadOnlyList<HistoryLine> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, int itemId, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        var item = round?.Items.SingleOrDefault(i => i.Id == itemId);
        if (round is null || item is null) return this.NotFoundWith($"Round {id} has no item {itemId}.");
        // The history holds the draft figures and commentary themselves: the one rule for a draft item, which
        // also keeps another organisation's items from a contributor.
        if (round.State != RoundState.Published)
        {
            var owners = await organisations.OwnersAsync(round, ct);
            if (!owners.MaySee(User.AsViewer(), round, item, (await users.ActorAsync(User)).OfficerId)) return Forbid();
        }
        Item = item;
        var keys = new List<string> { $"round-item:{item.Id}" };
        if (item.IndicatorId is { } ind) keys.Add($"indicator:{ind}:{round.Period}");
        if (item.MilestoneId is { } mil) keys.Add($"milestone:{mil}:{round.Period}");
        if (item.PriorityId is { } pri) keys.Add($"priority:{pri}:{round.Period}");
        Entries = await history.ForKeysAsync(keys, ct);
        return Page();
    }
}
