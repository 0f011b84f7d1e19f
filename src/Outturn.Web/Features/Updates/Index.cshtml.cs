using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Accounts;
using Outturn.Application.Rounds;
using Outturn.Domain;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Updates;

/// <summary>"My updates": every item assigned to the signed-in officer in rounds open for updates, and the offline workbook.</summary>
// A ledger or a round workbook is kilobytes to a few megabytes.
[RequestSizeLimit(32L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 32L * 1024 * 1024)]
[Authorize(Policy = Policies.Contributor)]
public sealed class IndexModel(RoundViews rounds, RoundWorkbook workbook, UserManager<OutturnUser> users, Application.Organisations.OrganisationService organisations) : PageModel
{
    public List<(MonitoringRound Round, Plan Plan, IReadOnlyList<ItemView> Items)> Rounds { get; private set; } = [];
    /// <summary>For the lead of an organisation: its other items in each open round, to read (their histories), not to change.</summary>
    public List<(MonitoringRound Round, Plan Plan, IReadOnlyList<ItemView> Items)> OrganisationItems { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }
    /// <summary>Rows not applied because their item changed after the workbook was downloaded.</summary>
    public IReadOnlyList<string> Conflicts { get; private set; } = [];
    /// <summary>The round whose upload failed, so the error summary links to its file field.</summary>
    public int? UploadedRound { get; private set; }
    public bool Linked { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetWorkbookAsync(int round, CancellationToken ct)
    {
        var actor = await users.ActorAsync(User);
        var r = await rounds.FindAsync(round, ct);
        if (r is null) return this.NotFoundWith($"No round has the number {round}.");
        var mayEdit = await actor.EditRuleAsync(r, organisations, ct);
        var mine = r.Items.Where(i => mayEdit(i) is not { Kind: EditRefusalKind.OtherOrganisation }).Select(i => i.Id).ToHashSet();
        var bytes = await workbook.BuildAsync(r, actor.RunsRounds ? null : actor.OfficerId ?? -1, ct, only: mine);
        return File(bytes, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"updates-{r.Period.ToSlug()}.xlsx");
    }

    public async Task<IActionResult> OnPostUploadAsync(int round, IFormFile? file, CancellationToken ct)
    {
        var r = await rounds.FindAsync(round, ct);
        if (r is null) return this.NotFoundWith($"No round has the number {round}.");
        UploadedRound = round;
        if (file is null || file.Length == 0) Errors = ["Choose the completed workbook to upload."];
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await workbook.UploadAsync(r, stream, await users.ActorAsync(User), ct);
            Errors = result.Errors.Select(e => $"{file.FileName}: {e}").ToList();
            Conflicts = result.Conflicts;
            if (Errors.Count == 0) Message = $"{result.Saved} items saved from {file.FileName}, {result.Submitted} of them submitted."
                                             + (Conflicts.Count == 0 ? "" : $" {Conflicts.Count} row{(Conflicts.Count == 1 ? " was" : "s were")} not applied: see below.");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var actor = await users.ActorAsync(User);
        Linked = actor.OfficerId is not null || actor.RunsRounds;
        Rounds = [];
        OrganisationItems = [];
        foreach (var (round, plan) in await rounds.ListAsync(ct))
        {
            if (!round.AcceptsUpdates) continue;
            var full = await rounds.FindAsync(round.Id, ct);
            var owners = await organisations.OwnersAsync(full!, ct);
            var viewer = actor.Viewer ?? User.AsViewer();
            var items = (await rounds.ItemsAsync(full!, actor.RunsRounds ? null : actor.OfficerId ?? -1, ct))
                .Where(v => viewer.MayWorkOn(owners.Of(v.Item))).ToList();
            if (items.Count > 0) Rounds.Add((full!, plan, items));
            if (viewer.LeadsOrganisation && viewer.Organisations is not null)
            {
                var others = (await rounds.ItemsAsync(full!, null, ct))
                    .Where(v => v.Item.AssigneeId is null || v.Item.AssigneeId != actor.OfficerId)
                    .Where(v => owners.Of(v.Item) is { } owner && viewer.Organisations.Contains(owner)).ToList();
                if (others.Count > 0) OrganisationItems.Add((full!, plan, others));
            }
        }
    }
}
