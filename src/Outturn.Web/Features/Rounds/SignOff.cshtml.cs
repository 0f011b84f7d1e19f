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

/// <summary>
/// A director signs off a round in review, with the round summarised: counts by state, the red and amber measures with
/// their commentary, unusual figures with their explanations, officers' judgements, and what changed since review began.
/// </summary>
[Authorize(Policy = Policies.Approver)]
public sealed class SignOffModel(RoundViews rounds, ChangeStage stage, OutturnDbContext db, UserManager<OutturnUser> users, Application.Audit.ChangeHistory history) : PageModel
{
    /// <summary>A red or amber measure of the report, with what its officer wrote.</summary>
    public sealed record RedOrAmber(string Ref, string Title, string Status, string Value, string? Commentary, string? ApprovedBy);

    public IReadOnlyList<RedOrAmber> RedsAndAmbers { get; private set; } = [];
    public IReadOnlyList<Application.Audit.HistoryLine> SinceReview { get; private set; } = [];
    public DateTimeOffset? ReviewBegan { get; private set; }

    public MonitoringRound Round { get; private set; } = null!;
    public Plan Plan { get; private set; } = null!;
    public string? Error { get; private set; }
    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No round has the number {id}.");

    public async Task<IActionResult> OnPostSendBackAsync(int id, string? reason, CancellationToken ct)
    {
        await stage.HandleAsync(new ChangeStage.Request(id, RoundStep.SendBack, reason ?? ""), await users.ActorAsync(User), ct);
        return Redirect($"/rounds/{id}/sign-off");
    }

    public async Task<IActionResult> OnPostAsync(int id, string? comment, CancellationToken ct)
    {
        await stage.HandleAsync(new ChangeStage.Request(id, RoundStep.SignOff, comment), await users.ActorAsync(User), ct);
        Done = true;
        return await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No round has the number {id}.");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var round = await rounds.FindAsync(id, ct);
        if (round is null) return false;
        Round = round;
        Plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == round.PlanId, ct);
        var report = await rounds.LiveReportAsync(round, ct);
        var byIndicator = round.Items.Where(i => i.IndicatorId is not null).ToDictionary(i => i.IndicatorId!.Value);
        var ids = await db.Indicators.AsNoTracking().Where(i => i.PlanId == round.PlanId).ToDictionaryAsync(i => i.Ref, i => i.Id, ct);
        RedsAndAmbers = report.AllMeasures.Where(m => m.FinalProgress is "red" or "amber")
            .OrderBy(m => m.FinalProgress == "red" ? 0 : 1)
            .Select(m =>
            {
                var item = ids.TryGetValue(m.Ref, out var iid) ? byIndicator.GetValueOrDefault(iid) : null;
                return new RedOrAmber(m.Ref, m.Title, m.FinalProgress, m.CurrentText, item?.Commentary, item?.CommentaryApprovedBy);
            }).ToList();
        ReviewBegan = round.Events.Where(e => e.Action == RoundAction.MovedToReview).OrderBy(e => e.At).Select(e => (DateTimeOffset?)e.At).LastOrDefault();
        if (ReviewBegan is { } began)
        {
            var keys = round.Items.Select(i => $"round-item:{i.Id}").ToList();
            SinceReview = (await history.ForKeysAsync(keys, ct)).Where(l => l.At >= began).ToList();
        }
        return true;
    }
}
