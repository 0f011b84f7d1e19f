using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Rounds;

/// <summary>
/// The performance team's view of a round: completeness, the items with their titles and states in words, filtered by
/// officer, organisation, priority and state (or only what is overdue), returns and reminders one at a time or in bulk,
/// and the round's steps.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class DetailsModel(RoundViews rounds, ChangeStage stage, AssignItem assign, SendReminders reminders, ReturnItems returns, OutturnDbContext db, UserManager<OutturnUser> users, TimeProvider clock) : PageModel
{
    public MonitoringRound Round { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<ItemView> Items { get; private set; } = [];
    /// <summary>The items the filters leave.</summary>
    public IReadOnlyList<ItemView> Shown { get; private set; } = [];
    public IReadOnlyList<CompletenessRow> Completeness { get; private set; } = [];
    public List<Officer> Officers { get; private set; } = [];
    public IReadOnlyDictionary<int, string> Priorities { get; private set; } = new Dictionary<int, string>();
    public string? Error { get; private set; }
    public string? Message { get; private set; }
    public bool IsOverdue { get; private set; }

    [BindProperty(SupportsGet = true)] public int? Officer { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public int? Priority { get; set; }
    [BindProperty(SupportsGet = true)] public ItemState? State { get; set; }
    /// <summary>Only what is still to come in once the deadline has passed.</summary>
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }

    public bool Filtered => Officer is not null || Organisation is not null || Priority is not null || State is not null || Overdue;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No round has the number {id}.");

    public Task<IActionResult> OnPostStepAsync(int id, RoundStep step, string? reason, int? confirmOutstanding, CancellationToken ct) =>
        Act(id, async actor => { await stage.HandleAsync(new ChangeStage.Request(id, step, reason, confirmOutstanding), actor, ct); return $"Done: {step switch { RoundStep.MoveToReview => "the round is in review", RoundStep.Publish => "the report is published", RoundStep.Reopen => "the round is open for updates again", _ => "signed off" }}."; }, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, int itemId, string? comment, CancellationToken ct) =>
        Act(id, async actor =>
        {
            await returns.HandleAsync(new ReturnItems.Request(id, [itemId], comment ?? "", BaseUrl), actor, ct);
            return "The item was returned to its officer, who has been told by e-mail.";
        }, ct);

    /// <summary>Returns every ticked item with the one comment; each officer gets one e-mail listing theirs.</summary>
    public Task<IActionResult> OnPostReturnChosenAsync(int id, int[] itemIds, string? comment, CancellationToken ct) =>
        Act(id, async actor =>
        {
            var n = await returns.HandleAsync(new ReturnItems.Request(id, itemIds, comment ?? "", BaseUrl), actor, ct);
            return $"{n} item{(n == 1 ? " was" : "s were")} returned to {(n == 1 ? "its officer" : "their officers")}, who have been told by e-mail.";
        }, ct);

    public Task<IActionResult> OnPostAssignAsync(int id, int itemId, int officerId, CancellationToken ct) =>
        Act(id, async _ => { await assign.HandleAsync(new AssignItem.Request(id, itemId, officerId), ct); return "The item was reassigned."; }, ct);

    /// <summary>Reminds every officer with outstanding items, or, with officers ticked, only those.</summary>
    public Task<IActionResult> OnPostRemindAsync(int id, int[]? officerIds, CancellationToken ct) =>
        Act(id, async actor =>
        {
            var sent = await reminders.NowAsync(new SendReminders.Request(id, officerIds is { Length: > 0 } ? officerIds : null, BaseUrl), actor, ct);
            return sent.Count == 0 ? "Nobody with outstanding items has an account to remind." : $"Reminders sent to {string.Join(", ", sent)}.";
        }, ct);

    private string BaseUrl => $"{Request.Scheme}://{Request.Host}";

    private async Task<IActionResult> Act(int id, Func<Actor, Task<string>> action, CancellationToken ct)
    {
        Message = await action(await users.ActorAsync(User));
        db.ChangeTracker.Clear();
        return await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No round has the number {id}.");
    }

    /// <summary>The priority an item belongs to: its measure's or milestone's, or the one a supporting commentary is about.</summary>
    public int? PriorityOf(ItemView v) => v.Item.PriorityId ?? v.Indicator?.PriorityId ?? (v.Item.MilestoneId is { } m ? MilestonePriorities.GetValueOrDefault(m) : null);

    private Dictionary<int, int?> MilestonePriorities { get; set; } = [];

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        if (round is null) return false;
        Round = round;
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, ct);
        Items = await rounds.ItemsAsync(round, null, ct);
        Completeness = await rounds.CompletenessAsync(round, ct);
        Officers = await db.Officers.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        Priorities = await db.Priorities.AsNoTracking().Where(p => p.PlanId == round.PlanId).OrderBy(p => p.Order).ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        MilestonePriorities = await db.Milestones.AsNoTracking().Where(m => m.PlanId == round.PlanId).ToDictionaryAsync(m => m.Id, m => (int?)m.PriorityId, ct);
        IsOverdue = round.IsOverdue(UkDates.Today(clock));
        Shown = Items.Where(v =>
            (Officer is null || v.Item.AssigneeId == Officer)
            && (Organisation is null || v.Organisation == Organisation)
            && (Priority is null || PriorityOf(v) == Priority)
            && (State is null || v.Item.State == State)
            && (!Overdue || (IsOverdue && v.Item.State != ItemState.Submitted))).ToList();
        return true;
    }
}
