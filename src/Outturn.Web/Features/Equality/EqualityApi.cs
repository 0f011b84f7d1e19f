using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Equality;
using Outturn.Domain.Equality;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Equality;

/// <summary>Equality action plans as JSON, under /api/v1: published in service plans and reports, so public.</summary>
public static class EqualityApi
{
    public sealed record UpdateDto(string Period, MilestoneProgress? Progress, string? Commentary);
    public sealed record ActionDto(
        string Ref, string Directorate, string? Service, string? Plan, string Subject, IReadOnlyList<EqualityStrand> Strands, EqualityImpact Impact,
        string ActionsProposed, IReadOnlyList<string> Timetable, string Officer, int? OrganisationId, DateOnly? CompletedOn, int Version,
        IReadOnlyList<UpdateDto> Progress);

    public static RouteGroupBuilder MapEqualityApi(this RouteGroupBuilder api)
    {
        api.MapGet("/equality-actions", List).WithTags("Equality").WithName("ListEqualityActions")
            .WithSummary("Equality actions, optionally only those of a directorate (or service), of an impact (high, medium, low, none) or of a protected characteristic (strand=disability).")
            .RequireAuthorization(Policies.Public);
        api.MapGet("/equality-actions/{actionRef}", Get).WithTags("Equality").WithName("GetEqualityAction")
            .WithSummary("One equality action with its progress each quarter.").RequireAuthorization(Policies.Public);
        return api;
    }

    private static async Task<Results<Ok<List<ActionDto>>, ProblemHttpResult>> List(EqualityQuery query, CancellationToken ct, string? directorate = null, string? impact = null, string? strand = null)
    {
        EqualityImpact? i = null;
        if (!string.IsNullOrWhiteSpace(impact))
        {
            if (!EqualityWords.TryParseImpact(impact, out var parsed))
                return TypedResults.Problem($"impact \"{impact}\" is not high, medium, low or none.", statusCode: StatusCodes.Status400BadRequest);
            i = parsed;
        }
        EqualityStrand? s = null;
        if (!string.IsNullOrWhiteSpace(strand))
        {
            if (!EqualityWords.TryParseStrand(strand, out var parsed))
                return TypedResults.Problem($"strand \"{strand}\" is not a protected characteristic; expected one of {string.Join(", ", Enum.GetValues<EqualityStrand>().Select(x => x.ToWords()))}.", statusCode: StatusCodes.Status400BadRequest);
            s = parsed;
        }
        var actions = await query.ActionPlanAsync(string.IsNullOrWhiteSpace(directorate) ? null : directorate.Trim(), i, ct, s);
        return TypedResults.Ok(actions.Select(ToDto).ToList());
    }

    private static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> Get(string actionRef, EqualityQuery query, CancellationToken ct) =>
        await query.ActionAsync(actionRef, ct) is { } a
            ? TypedResults.Ok(ToDto(a))
            : TypedResults.Problem($"No equality action has the reference \"{actionRef}\".", statusCode: StatusCodes.Status404NotFound);

    private static ActionDto ToDto(EqualityAction a) => new(
        a.Ref, a.Directorate, a.Service, a.PlanRef, a.Subject, a.Strands, a.Impact, a.ActionsProposed,
        a.TimetableYears.Select(y => Period.FinancialYear(y).ToString()).ToList(), a.Officer, a.OrganisationId, a.CompletedOn, a.Version,
        a.Updates.OrderBy(u => u.Period).Select(u => new UpdateDto(u.Period.ToString(), u.Progress, u.Commentary)).ToList());
}
