using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Inspections;
using Outturn.Domain.Inspections;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Inspections;

/// <summary>Inspections, their findings and recommendations, and the improvement action plan over the API.</summary>
public static class InspectionsApi
{
    public static RouteGroupBuilder MapInspectionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/inspections", async (InspectionQuery q, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(user.Identity?.IsAuthenticated == true, ct)))
            .WithName("ListInspections").WithTags("Inspections").RequireAuthorization(Policies.Public);
        api.MapGet("/inspections/{inspectionRef}", GetInspection).WithName("GetInspection").WithTags("Inspections").RequireAuthorization(Policies.Public);
        api.MapGet("/plans/{planRef}/inspection-action-plan/{period}", GetActionPlan).WithName("GetInspectionActionPlan").WithTags("Inspections")
            .WithSummary("The quarterly report's inspection action plan section for a plan and period, overdue actions first.").RequireAuthorization(Policies.Staff);
        return api;
    }

    public sealed record GradeDto(string Area, int Grade, string Words);
    public sealed record KeyJudgementDto(string Area, KeyJudgementKind Kind, string Text, string? Paragraph);
    public sealed record QuarterDto(string Period, DeliveryStatus Delivery, ImpactStatus Impact, string? Evidence);
    public sealed record ImprovementDto(int Id, string? Text, string Owner, DateOnly Due, bool DueSet, IReadOnlyList<string> Links, IReadOnlyList<QuarterDto> Quarters);
    /// <summary>A recommendation; its improvement actions (one or more) only for signed-in staff.</summary>
    public sealed record RecommendationDto(string Ref, RecommendationTimescale Timescale, string ResponsibleBody, string Text, string? Area, IReadOnlyList<ImprovementDto>? Actions);
    public sealed record InspectionDto(string Ref, InspectionType Type, string Title, IReadOnlyList<string> Inspectorates, DateOnly PublishedOn, string? Reference, string? ReportAddress,
        IReadOnlyList<GradeDto> Grades, IReadOnlyList<KeyJudgementDto> KeyJudgements, IReadOnlyList<RecommendationDto> Recommendations);

    private static async Task<Results<Ok<InspectionDto>, ProblemHttpResult>> GetInspection(string inspectionRef, InspectionQuery q, ClaimsPrincipal user, CancellationToken ct)
    {
        var staff = user.Identity?.IsAuthenticated == true;
        var i = await q.GetAsync(inspectionRef, staff, ct);
        if (i is null) return ApiProblems.NotFound("No such inspection", $"No published inspection has the reference \"{inspectionRef}\".");
        var names = staff ? await q.LinkNamesAsync(i.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Links), ct) : [];
        // Improvement progress is for staff; the findings are public.
        return TypedResults.Ok(new InspectionDto(i.Ref, i.Type, i.Title, i.Inspectorates.Split("; "), i.PublishedOn, i.Reference, i.ReportAddress,
            i.Grades.OrderBy(g => g.Order).Select(g => new GradeDto(g.Area, g.Grade, InspectionWords.GradeWord(g.Grade, i.Type))).ToList(),
            i.KeyJudgements.OrderBy(k => k.Order).Select(k => new KeyJudgementDto(k.Area, k.Kind, k.Text, k.Paragraph)).ToList(),
            i.Recommendations.OrderBy(r => r.Order).Select(r => new RecommendationDto(r.Ref, r.Timescale, r.ResponsibleBody, r.Text, r.Area,
                staff ? r.Actions.OrderBy(a => a.Due).ThenBy(a => a.Id).Select(a => new ImprovementDto(a.Id, a.Text, a.Owner, a.Due, a.DueSet,
                    a.Links.Select(l => l.MilestoneId is { } m ? names.GetValueOrDefault(("milestone", m)) : names.GetValueOrDefault(("indicator", l.IndicatorId ?? 0))).OfType<string>().ToList(),
                    a.Quarters.OrderBy(x => x.Period.End).Select(x => new QuarterDto(x.Period.ToString(), x.Delivery, x.Impact, x.Evidence)).ToList())).ToList() : null)).ToList()));
    }

    public sealed record ActionPlanLineDto(int ActionId, string Inspection, string InspectionRef, string RecommendationRef, string Recommendation, RecommendationTimescale Timescale,
        string Owner, DateOnly Due, bool Overdue, DeliveryStatus Delivery, ImpactStatus Impact, string? Evidence, string? StatusPeriod, IReadOnlyList<string> Links);

    private static async Task<Results<Ok<List<ActionPlanLineDto>>, ProblemHttpResult>> GetActionPlan(string planRef, Period period, InspectionQuery q, CancellationToken ct)
    {
        var p = period;
        return TypedResults.Ok((await q.ActionPlanSectionAsync(planRef, p, ct)).Select(l => new ActionPlanLineDto(l.ActionId, l.Inspection, l.InspectionRef, l.RecommendationRef,
            l.Recommendation, l.Timescale, l.Owner, l.Due, l.Overdue, l.Delivery, l.Impact, l.Evidence, l.StatusPeriod?.ToString(), l.Links)).ToList());
    }
}
