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

/// <summary>A director signs off a round in review.</summary>
[Authorize(Policy = Policies.Approver)]
public sealed class SignOffModel(RoundService rounds, OutturnDbContext db, UserManager<OutturnUser> users) : PageModel
{
    public MonitoringRound Round { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No round has the number {id}.");

    public async Task<IActionResult> OnPostSendBackAsync(int id, string? reason, CancellationToken ct)
    {
        await rounds.StepAsync(id, RoundService.Step.SendBack, await users.ActorAsync(User), reason ?? "", ct);
        return Redirect($"/rounds/{id}/sign-off");
    }

    public async Task<IActionResult> OnPostAsync(int id, string? comment, CancellationToken ct)
    {
        await rounds.StepAsync(id, RoundService.Step.SignOff, await users.ActorAsync(User), comment, ct);
        Done = true;
        return await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No round has the number {id}.");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        if (round is null) return false;
        Round = round;
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, ct);
        return true;
    }
}
