using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Risks;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>The risk registers as JSON, under /api/v1: internal registers, for staff.</summary>
public static class RisksApi
{
    public sealed record ScoreDto(int Likelihood, int Impact, int Score, RiskBand Band);
    public sealed record ControlUpdateDto(string Period, MilestoneProgress? Progress, string? Commentary);
    public sealed record ControlDto(string Ref, string Text, string? Owner, DateOnly? Due, IReadOnlyList<ControlUpdateDto> Progress);
    /// <summary>One quarter of the score history, with the direction of travel of the residual score since the quarter before.</summary>
    public sealed record QuarterScoresDto(string Period, ScoreDto Initial, ScoreDto Residual, ScoreDto? Target, Direction Direction, string DirectionWords, DateOnly AssessedOn);
    public sealed record RiskDto(
        string Ref, string Directorate, string? Service, string? Plan, string? Objective, string Title, string Description,
        string? Cause, string? Event, string? Consequence, string Owner, string Category, int? OrganisationId,
        ScoreDto Initial, ScoreDto Residual, ScoreDto? Target, string? ScoredIn, Direction Direction,
        DateOnly ReviewDate, DateOnly? LastReviewed, bool OverdueForReview, RiskState State, DateOnly? ClosedOn, string? ClosureReason,
        int Version, IReadOnlyList<QuarterScoresDto> ScoreHistory, IReadOnlyList<ControlDto> Controls);

    public static RouteGroupBuilder MapRisksApi(this RouteGroupBuilder api)
    {
        var risks = api.MapGroup("/risks").WithTags("Risks").RequireAuthorization(Policies.Council);
        risks.MapGet("/", List).WithName("ListRisks")
            .WithSummary("The open risks matching the filters: directorate (or service), band (low, medium, high) of the residual score (or of the initial or target one with assessment=initial|target), owner; period=2015/16 Q2 gives the scores as they stood at that quarter; include_closed=true adds closed risks.");
        risks.MapGet("/{riskRef}", Get).WithName("GetRisk").WithSummary("One risk with its score history (every quarter scored, with the direction of travel) and its control measures with their progress.");
        return api;
    }

    private static async Task<Results<Ok<List<RiskDto>>, ProblemHttpResult>> List(
        RiskQuery query, TimeProvider clock, CancellationToken ct, string? directorate = null, string? band = null, string? owner = null,
        string? assessment = null, Period? period = null, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "include_closed")] bool includeClosed = false)
    {
        RiskBand? b = null;
        if (!string.IsNullOrWhiteSpace(band))
        {
            if (!RiskWords.TryParseBand(band, out var parsed))
                return TypedResults.Problem($"band \"{band}\" is not low, medium or high.", statusCode: StatusCodes.Status400BadRequest);
            b = parsed;
        }
        if (period is { Kind: not PeriodKind.Quarter } p)
            return TypedResults.Problem($"period \"{p}\" is not a quarter; risks are scored by quarter, e.g. 2015/16 Q2.", statusCode: StatusCodes.Status400BadRequest);
        var view = await query.RegisterAsync(new RiskFilter(Blank(directorate), b, Blank(owner), IndexModel.KindOf(assessment), period, includeClosed), ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return TypedResults.Ok(view.Risks.Select(r => ToDto(r, today)).ToList());
    }

    private static async Task<Results<Ok<RiskDto>, ProblemHttpResult>> Get(string riskRef, RiskQuery query, TimeProvider clock, CancellationToken ct) =>
        await query.RiskAsync(riskRef, ct) is { } r
            ? TypedResults.Ok(ToDto(RiskQuery.At(r, null)!, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)))
            : TypedResults.Problem($"No risk has the reference \"{riskRef}\".", statusCode: StatusCodes.Status404NotFound);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static ScoreDto Score(RiskScore s) => new(s.Likelihood, s.Impact, s.Score, s.Band);

    public static RiskDto ToDto(RiskAt at, DateOnly today)
    {
        var r = at.Risk;
        return new(
            r.Ref, r.Directorate, r.Service, r.PlanRef, r.ObjectiveRef, r.Title, r.DescriptionText, r.Cause, r.Event, r.Consequence, r.Owner, r.Category, r.OrganisationId,
            Score(at.Initial), Score(at.Residual), at.Target is { } t ? Score(t) : null, at.ScoredIn?.ToString(), at.Direction,
            r.ReviewDate, r.LastReviewed, r.IsOverdueForReview(today), r.State, r.ClosedOn, r.ClosureReason, r.Version,
            r.ScoreHistory().Select(h => new QuarterScoresDto(h.Period.ToString(), Score(h.Assessment.Initial), Score(h.Assessment.Residual),
                h.Assessment.Target is { } ht ? Score(ht) : null, h.Direction, h.Words, h.Assessment.AssessedOn)).ToList(),
            r.Controls.OrderBy(c => c.Order).Select(c => new ControlDto(c.Ref, c.Text, c.Owner, c.Due,
                c.Updates.OrderBy(u => u.Period).Select(u => new ControlUpdateDto(u.Period.ToString(), u.Progress, u.Commentary)).ToList())).ToList());
    }
}
