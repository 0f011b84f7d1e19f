using System.Security.Claims;
using Outturn.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans;

/// <summary>The plans, their frameworks and their monitoring as JSON, under /api/v1.</summary>
public static class PlansApi
{
    public sealed record PlanDto(string Ref, string Title, string Kind, string FirstYear, string LastYear, PlanStatus Status, string? Organisation, string? Directorate, IReadOnlyList<string>? Priorities);
    public sealed record ObjectiveDto(string Ref, string Title, string Priority, string? Officer, string? CorporatePriority, bool Key);
    public sealed record MilestoneDto(string Ref, string Objective, string Text, string Year, DateOnly? Due, string? Officer, string Priority);
    public sealed record IndicatorDto(string Ref, string Title, string? Objective, string Priority, Polarity Polarity, string? Unit, int Precision, Frequency Frequency, Domain.Status.ValueType ValueType, string? Tolerance, bool Key, string? Officer);
    public sealed record TargetDto(string Period, decimal? Target, string State, string? Note);
    /// <summary><see cref="InternalNote"/> is given only to staff who see internal notes (<see cref="Application.Accounts.Viewer.SeesInternalNotes"/>); never to the public.</summary>
    public sealed record ValueDto(string Period, decimal? Value, ValueStatus Status, string? Note,
        [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? InternalNote = null);
    public sealed record IndicatorDetailDto(IndicatorDto Indicator, IReadOnlyList<TargetDto> Targets, IReadOnlyList<ValueDto> Values);

    public static RouteGroupBuilder MapPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/plans").WithTags("Plans").RequireAuthorization(Policies.Public);
        plans.MapGet("/", ListPlans).WithName("ListPlans");
        plans.MapGet("/{planRef}", GetPlan).WithName("GetPlan");
        plans.MapGet("/{planRef}/objectives", GetObjectives).WithName("GetObjectives");
        plans.MapGet("/{planRef}/milestones", GetMilestones).WithName("GetMilestones");
        plans.MapGet("/{planRef}/indicators", GetIndicators).WithName("GetIndicators");
        plans.MapGet("/{planRef}/indicators/{indicatorRef}", GetIndicator).WithName("GetIndicator");
        plans.MapGet("/{planRef}/status/{period}", GetStatus).WithName("GetStatus")
            .WithSummary("Each measure's target, current and previous values and computed statuses for a period (as `outturn status`).");
        api.MapPlanEditingApi();
        return api;
    }

    private static async Task<Ok<List<PlanDto>>> ListPlans(OutturnDbContext db, CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(plans.OrderBy(p => p.Ref, StringComparer.Ordinal).Select(p => ToDto(p, (IReadOnlyList<string>?)null)).ToList());
    }

    private static async Task<Results<Ok<PlanDto>, ProblemHttpResult>> GetPlan(string planRef, MonitoringQuery query, CancellationToken ct) =>
        await query.LoadPlanAsync(planRef, ct) is { } plan
            ? TypedResults.Ok(ToDto(plan, plan.Priorities.OrderBy(p => p.Order).Select(p => p.Name).ToList()))
            : ApiProblems.NoPlan(planRef);

    private static async Task<Results<Ok<List<ObjectiveDto>>, ProblemHttpResult>> GetObjectives(string planRef, MonitoringQuery query, CancellationToken ct)
    {
        if (await query.LoadPlanAsync(planRef, ct) is not { } plan) return ApiProblems.NoPlan(planRef);
        return TypedResults.Ok(plan.Objectives.OrderBy(o => o.Order)
            .Select(o => new ObjectiveDto(o.Ref, o.Title, PriorityName(plan, o.PriorityId), o.Officer?.Name, o.CorporatePriority, o.IsKey)).ToList());
    }

    private static async Task<Results<Ok<List<MilestoneDto>>, ProblemHttpResult>> GetMilestones(string planRef, MonitoringQuery query, CancellationToken ct)
    {
        if (await query.LoadPlanAsync(planRef, ct) is not { } plan) return ApiProblems.NoPlan(planRef);
        return TypedResults.Ok(plan.Milestones.OrderBy(m => m.Order)
            .Select(m => new MilestoneDto(m.Ref, plan.Objectives.First(o => o.Id == m.ObjectiveId).Ref, m.Text, Period.FinancialYear(m.Year).ToString(), m.Due, m.Officer?.Name, PriorityName(plan, m.PriorityId))).ToList());
    }

    private static async Task<Results<Ok<List<IndicatorDto>>, ProblemHttpResult>> GetIndicators(string planRef, MonitoringQuery query, CancellationToken ct)
    {
        if (await query.LoadPlanAsync(planRef, ct) is not { } plan) return ApiProblems.NoPlan(planRef);
        return TypedResults.Ok(plan.Indicators.OrderBy(i => i.Order).Select(i => ToDto(plan, i)).ToList());
    }

    private static async Task<Results<Ok<IndicatorDetailDto>, ProblemHttpResult>> GetIndicator(
        string planRef, string indicatorRef, MonitoringQuery query, ReportVisibility access, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await query.LoadPlanAsync(planRef, ct) is not { } plan) return ApiProblems.NoPlan(planRef);
        var viewer = user.AsViewer();
        var hidden = await access.HiddenPeriodsAsync(planRef, viewer, ct);
        if (plan.Indicators.FirstOrDefault(i => i.Ref == indicatorRef) is not { } indicator)
            return ApiProblems.NotFound("Measure not found", $"{plan.Ref} has no measure with the reference \"{indicatorRef}\".");
        return TypedResults.Ok(new IndicatorDetailDto(
            ToDto(plan, indicator),
            indicator.Targets.OrderBy(t => t.Period).Select(t => new TargetDto(t.Period.ToString(), MonitoringQuery.Normal(t.Value), t.State switch { TargetState.Set => "set", TargetState.ToBeConfirmed => "tbc", _ => "n/a" }, t.Note)).ToList(),
            indicator.Values.Where(v => !hidden.Contains(v.Period)).OrderBy(v => v.Period).Select(v => new ValueDto(v.Period.ToString(), MonitoringQuery.Normal(v.Value), v.Status, v.Note, viewer.SeesInternalNotes ? v.InternalNote : null)).ToList()));
    }

    private static async Task<Results<Ok<IReadOnlyList<StatusLine>>, ProblemHttpResult, UnauthorizedHttpResult, ForbidHttpResult>> GetStatus(
        string planRef, Period period, MonitoringQuery query, ReportVisibility access, ChildCounts counts, ClaimsPrincipal user, CancellationToken ct)
    {
        var p = period;
        if (await query.LoadPlanAsync(planRef, ct) is not { } plan) return ApiProblems.NoPlan(planRef);
        if ((await access.HiddenPeriodsAsync(planRef, user.AsViewer(), ct)).Contains(p))
            return user.Identity?.IsAuthenticated == true ? TypedResults.Forbid() : TypedResults.Unauthorized();
        return TypedResults.Ok(counts.For(MonitoringQuery.StatusLines(plan, p), user.AsViewer()));
    }

    private static PlanDto ToDto(Plan p, IReadOnlyList<string>? priorities) => new(
        p.Ref, p.Title, PlanKinds.ByWord.First(k => k.Value == p.Kind).Key, Period.FinancialYear(p.FirstYear).ToString(),
        Period.FinancialYear(p.LastYear).ToString(), p.Status, p.Organisation, p.Directorate, priorities);

    private static IndicatorDto ToDto(Plan plan, Indicator i) => new(
        i.Ref, i.Title, i.Objective?.Ref, PriorityName(plan, i.PriorityId), i.Polarity, i.Unit, i.Precision,
        i.Frequency, i.ValueType, i.Tolerance?.ToString(), i.IsKey, i.Officer?.Name);

    private static string PriorityName(Plan plan, int priorityId) => plan.Priorities.First(p => p.Id == priorityId).Name;
}
