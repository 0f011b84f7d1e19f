using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Equality;
using Outturn.Domain.Equality;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Equality;

/// <summary>Equality action plans as JSON, under /api/v1.</summary>
public static class EqualityApi
{
    public sealed record UpdateDto(string Period, MilestoneProgress? Progress, string? Commentary);
    public sealed record ActionDto(
        string Ref, string Directorate, string? Service, string? Plan, string Subject, EqualityImpact Impact, string ActionsProposed,
        IReadOnlyList<string> Timetable, string Officer, IReadOnlyList<UpdateDto> Progress);

    public static RouteGroupBuilder MapEqualityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/equality-actions", List).WithTags("Equality").WithName("ListEqualityActions")
            .WithSummary("Equality actions, optionally only those of a directorate (or service) or of an impact (high, low, none).")
            .RequireAuthorization(Policies.Public);
        return api;
    }

    private static async Task<Results<Ok<List<ActionDto>>, ProblemHttpResult>> List(EqualityQuery query, CancellationToken ct, string? directorate = null, string? impact = null)
    {
        EqualityImpact? i = null;
        if (!string.IsNullOrWhiteSpace(impact))
        {
            if (!EqualityWords.TryParseImpact(impact, out var parsed))
                return TypedResults.Problem($"impact \"{impact}\" is not high, low or none.", statusCode: StatusCodes.Status400BadRequest);
            i = parsed;
        }
        var actions = await query.ActionPlanAsync(string.IsNullOrWhiteSpace(directorate) ? null : directorate.Trim(), i, ct);
        return TypedResults.Ok(actions.Select(a => new ActionDto(
            a.Ref, a.Directorate, a.Service, a.PlanRef, a.Subject, a.Impact, a.ActionsProposed,
            a.TimetableYears.Select(y => Period.FinancialYear(y).ToString()).ToList(), a.Officer,
            a.Updates.OrderBy(u => u.Period).Select(u => new UpdateDto(u.Period.ToString(), u.Progress, u.Commentary)).ToList())).ToList());
    }
}
