using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Domain;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Rounds;

/// <summary>The performance team's view of a round: completeness, returns, reminders and the round's steps.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class DetailsModel(RoundService rounds, OutturnDbContext db, UserManager<OutturnUser> users) : PageModel
{
    public MonitoringRound Round { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<ItemView> Items { get; private set; } = [];
    public IReadOnlyList<CompletenessRow> Completeness { get; private set; } = [];
    public List<Officer> Officers { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No round has the number {id}.");

    public Task<IActionResult> OnPostStepAsync(int id, RoundService.Step step, string? reason, int? confirmOutstanding, CancellationToken ct) =>
        Act(id, async actor => { await rounds.StepAsync(id, step, actor, reason, ct, confirmOutstanding: confirmOutstanding); return $"Done: {step switch { RoundService.Step.MoveToReview => "the round is in review", RoundService.Step.Publish => "the report is published", RoundService.Step.Reopen => "the round is open for updates again", _ => "signed off" }}."; }, ct);

    public Task<IActionResult> OnPostReturnAsync(int id, int itemId, string? comment, CancellationToken ct) =>
        Act(id, async actor => { await rounds.ReturnAsync(id, itemId, comment ?? "", actor, ct); return "The item was returned to its officer."; }, ct);

    public Task<IActionResult> OnPostAssignAsync(int id, int itemId, int officerId, CancellationToken ct) =>
        Act(id, async _ => { await rounds.AssignAsync(id, itemId, officerId, ct); return "The item was reassigned."; }, ct);

    public Task<IActionResult> OnPostRemindAsync(int id, CancellationToken ct) =>
        Act(id, async actor =>
        {
            var sent = await rounds.RemindAsync(id, actor, $"{Request.Scheme}://{Request.Host}", ct);
            return sent.Count == 0 ? "Nobody with outstanding items has an account to remind." : $"Reminders sent to {string.Join(", ", sent)}.";
        }, ct);

    private async Task<IActionResult> Act(int id, Func<Actor, Task<string>> action, CancellationToken ct)
    {
        Message = await action(await users.ActorAsync(User));
        return await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No round has the number {id}.");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        if (round is null) return false;
        Round = round;
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, ct);
        Items = await rounds.ItemsAsync(round, null, ct);
        Completeness = await rounds.CompletenessAsync(round, ct);
        Officers = await db.Officers.AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);
        return true;
    }
}
