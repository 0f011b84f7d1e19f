using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans;

/// <summary>
/// A plan's versions as JSON for everyone, and the plan pages' target and retire actions for performance officers.
/// Each write names the plan's revision it was read at (from the versions answer): a write made from an older
/// revision is refused with 409, as a page opened before someone else's save is.
/// </summary>
public static class PlanEditingApi
{
    public sealed record VersionDto(int Number, PlanVersionKind Kind, DateOnly On, string Heading, string Summary);
    public sealed record VersionsDto(string Plan, int Revision, IReadOnlyList<VersionDto> Versions);
    public sealed record TargetRequest(string Period, string? Target, string? Note);
    public sealed record TargetsRequest(int Revision, IReadOnlyList<TargetRequest> Targets, string? Reason);
    public sealed record RetireRequest(int Revision, string? Reason);

    /// <summary>Maps the routes; called from <see cref="PlansApi.MapPlansApi"/>.</summary>
    public static RouteGroupBuilder MapPlanEditingApi(this RouteGroupBuilder api)
    {
        api.MapGroup("/plans").WithTags("Plans").RequireAuthorization(Policies.Public)
            .MapGet("/{planRef}/versions", GetVersions).WithName("GetPlanVersions")
            .WithSummary("The plan's versions (as approved, then as amended each day it changed) and its current revision for writes.");
        var editing = api.MapGroup("/plans").WithTags("Plans").RequireAuthorization(Policies.PerformanceOfficer);
        editing.MapPut("/{planRef}/indicators/{indicatorRef}/targets", PutTargets).WithName("PutTargets")
            .WithSummary("Sets a measure's targets (a number, tbc or n/a a period); a target an approved plan already has needs a reason once its year has begun.");
        editing.MapPost("/{planRef}/indicators/{indicatorRef}/retire", Retire).WithName("RetireMeasure")
            .WithSummary("Retires a measure from today: it keeps its figures and history and joins no new round.");
        return api;
    }

    private static async Task<Results<Ok<VersionsDto>, ProblemHttpResult>> GetVersions(string planRef, PlanEditQuery query, CancellationToken ct)
    {
        if (await query.LoadAsync(planRef, ct) is not { } view) return ApiProblems.NoPlan(planRef);
        var versions = await query.VersionsAsync(view.Plan.Id, ct);
        return TypedResults.Ok(new VersionsDto(view.Plan.Ref, view.Plan.Revision, versions.Select(v => new VersionDto(v.Number, v.Kind, v.On, v.Heading, v.Summary)).ToList()));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> PutTargets(
        string planRef, string indicatorRef, TargetsRequest request, SetTargets.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new(planRef, request.Revision, indicatorRef,
            (request.Targets ?? []).Select(t => new SetTargets.Row(t.Period, t.Target, t.Note)).ToList(), request.Reason), ct);
        if (result is null) return ApiProblems.NotFound("Measure not found", $"No measure \"{indicatorRef}\" in a plan \"{planRef}\".");
        if (!result.Done) return TypedResults.ValidationProblem(result.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Retire(
        string planRef, string indicatorRef, RetireRequest request, RetireItem.Handler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new(planRef, request.Revision, PlanItemKind.Measure, indicatorRef, request.Reason), ct);
        return result is null ? ApiProblems.NotFound("Measure not found", $"No measure \"{indicatorRef}\" in a plan \"{planRef}\".") : TypedResults.NoContent();
    }
}
