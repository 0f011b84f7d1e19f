using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Web.Features.Shared;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Rounds;

public enum AccessOutcome { Ok, NoPlan, NotCovered, NeedsSignIn, Forbidden }

/// <summary>A period's monitoring as this user may see it: the published snapshot, or a draft for those allowed.</summary>
public sealed record MonitoringAccessResult(
    AccessOutcome Outcome, MonitoringReport? Report, MonitoringRound? Round, bool IsDraft,
    IReadOnlyDictionary<string, (string Published, string Now)> Revisions);

public sealed class MonitoringAccess(RoundService rounds, MonitoringQuery query, OutturnDbContext db, TimeProvider clock)
{
    private static readonly IReadOnlyDictionary<string, (string, string)> None = new Dictionary<string, (string, string)>();

    public async Task<MonitoringAccessResult> GetAsync(string planRef, Period period, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var round = await rounds.FindAsync(planRef, period, ct);
        if (round?.State == RoundState.Published)
        {
            var published = RoundService.Published(round)!;
            var live = await rounds.LiveReportAsync(round, ct);
            return new(AccessOutcome.Ok, published, round, false, RoundService.Revisions(published, live));
        }
        if (round is not null && !Policies.CanSeeDraft(user, round.State))
            return new(user.Identity?.IsAuthenticated == true ? AccessOutcome.Forbidden : AccessOutcome.NeedsSignIn, null, round, true, None);
        var view = await query.ForPeriodAsync(planRef, period, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        if (view is null) return new(AccessOutcome.NoPlan, null, null, false, None);
        if (!view.Plan.Covers(period)) return new(AccessOutcome.NotCovered, null, null, false, None);
        return new(AccessOutcome.Ok, MonitoringReport.From(view), round, round is not null, None);
    }

    /// <summary>Periods whose figures this user may not see yet: those of rounds not yet published.</summary>
    public async Task<HashSet<Period>> HiddenPeriodsAsync(string planRef, ClaimsPrincipal user, CancellationToken ct = default)
    {
        // Asked on every page and API call that shows figures: read only each round's period and stage.
        var unpublished = await db.Set<MonitoringRound>().AsNoTracking()
            .Where(r => r.State != RoundState.Published && db.Plans.Any(p => p.Id == r.PlanId && p.Ref == planRef))
            .Select(r => new { r.Period, r.State })
            .ToListAsync(ct);
        return unpublished.Where(r => !Policies.CanSeeDraft(user, r.State)).Select(r => r.Period).ToHashSet();
    }

    /// <summary>The page's answer when the monitoring cannot be shown: not found, sign in, or forbidden; null when it can.</summary>
    public static IActionResult? Refusal(PageModel page, MonitoringAccessResult result, string planRef, Period period) => result.Outcome switch
    {
        AccessOutcome.NoPlan => page.NotFoundWith($"No plan has the reference \"{planRef}\"."),
        AccessOutcome.NotCovered => page.NotFoundWith($"{planRef} does not cover {period.ToDisplayString()}; it has no monitoring for that period."),
        AccessOutcome.NeedsSignIn => page.Challenge(),
        AccessOutcome.Forbidden => page.Forbid(),
        _ => null,
    };
}
