using System.Security.Claims;
using Outturn.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Rounds;

public static class RoundsApi
{
    public sealed record RoundDto(int Id, string Plan, string Period, RoundState State, DateOnly Deadline, DateTimeOffset? PublishedAt, int Items, int Submitted);
    public sealed record RevisionDto(string Published, string Now);
    public sealed record MonitoringDto(string Plan, string Period, RoundDto? Round, bool IsDraft, MonitoringReport Report, IReadOnlyDictionary<string, RevisionDto> Revisions);

    public static RouteGroupBuilder MapRoundsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planRef}/monitoring/{period}", GetMonitoring).WithName("GetMonitoring").WithTags("Monitoring")
            .WithSummary("A quarter's monitoring: the published report to anyone; a report not yet published only to those allowed to see drafts.")
            .RequireAuthorization(Policies.Public);
        api.MapGet("/rounds", ListRounds).WithName("ListRounds").WithTags("Monitoring").RequireAuthorization(Policies.Staff);
        return api;
    }

    private static async Task<Results<Ok<MonitoringDto>, ProblemHttpResult, UnauthorizedHttpResult, ForbidHttpResult>> GetMonitoring(
        string planRef, Period period, ReportVisibility access, ClaimsPrincipal user, CancellationToken ct)
    {
        var p = period;
        var result = await access.GetAsync(planRef, p, user.AsViewer(), ct);
        return result.Outcome switch
        {
            ReportOutcome.NoPlan => ApiProblems.NoPlan(planRef),
            ReportOutcome.NotCovered => ApiProblems.NotFound("Period not covered", $"{planRef} does not cover {p.ToDisplayString()}."),
            ReportOutcome.NeedsSignIn => TypedResults.Unauthorized(),
            ReportOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Ok(new MonitoringDto(planRef, p.ToString(), result.Round is null ? null : ToDto(result.Round, planRef), result.IsDraft, result.Report!,
                result.Revisions.ToDictionary(r => r.Key, r => new RevisionDto(r.Value.Published, r.Value.Now)))),
        };
    }

    private static async Task<Ok<List<RoundDto>>> ListRounds(RoundService rounds, CancellationToken ct) =>
        TypedResults.Ok((await rounds.ListAsync(ct)).Select(r => ToDto(r.Round, r.Plan.Ref)).ToList());

    public static RoundDto ToDto(MonitoringRound r, string planRef) => new(
        r.Id, planRef, r.Period.ToString(), r.State,
        r.Deadline, r.PublishedAt, r.Items.Count, r.Items.Count(i => i.State == ItemState.Submitted));
}
