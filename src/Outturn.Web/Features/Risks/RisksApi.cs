using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Risks;
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
    public sealed record RiskDto(
        string Ref, string Directorate, string? Service, string? Plan, string? Objective, string Title, string? Cause, string? Event, string? Consequence,
        string Owner, string Category, ScoreDto Initial, ScoreDto Residual, DateOnly ReviewDate, DateOnly? LastReviewed, bool OverdueForReview,
        IReadOnlyList<ControlDto> Controls);

    public static RouteGroupBuilder MapRisksApi(this RouteGroupBuilder api)
    {
        var risks = api.MapGroup("/risks").WithTags("Risks").RequireAuthorization(Policies.Council);
        risks.MapGet("/", List).WithName("ListRisks")
            .WithSummary("The risks matching the filters: directorate (or service), band (low, medium, high) of the residual score, or of the initial one with assessment=initial, and owner.");
        risks.MapGet("/{riskRef}", Get).WithName("GetRisk");
        return api;
    }

    private static async Task<Results<Ok<List<RiskDto>>, ProblemHttpResult>> List(
        RiskQuery query, TimeProvider clock, CancellationToken ct, string? directorate = null, string? band = null, string? owner = null, string? assessment = null)
    {
        RiskBand? b = null;
        if (!string.IsNullOrWhiteSpace(band))
        {
            if (!RiskWords.TryParseBand(band, out var parsed))
                return TypedResults.Problem($"band \"{band}\" is not low, medium or high.", statusCode: StatusCodes.Status400BadRequest);
            b = parsed;
        }
        var basis = string.Equals(assessment, "initial", StringComparison.OrdinalIgnoreCase) ? RiskAssessment.Initial : RiskAssessment.Residual;
        var view = await query.RegisterAsync(new RiskFilter(Blank(directorate), b, Blank(owner), basis), ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return TypedResults.Ok(view.Risks.Select(r => ToDto(r, today)).ToList());
    }

    private static async Task<Results<Ok<RiskDto>, ProblemHttpResult>> Get(string riskRef, RiskQuery query, TimeProvider clock, CancellationToken ct) =>
        await query.RiskAsync(riskRef, ct) is { } r
            ? TypedResults.Ok(ToDto(r, DateOnly.FromDateTime(clock.GetLocalNow().DateTime)))
            : TypedResults.Problem($"No risk has the reference \"{riskRef}\".", statusCode: StatusCodes.Status404NotFound);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static ScoreDto Score(RiskScore s) => new(s.Likelihood, s.Impact, s.Score, s.Band);

    public static RiskDto ToDto(Risk r, DateOnly today) => new(
        r.Ref, r.Directorate, r.Service, r.PlanRef, r.ObjectiveRef, r.Title, r.Cause, r.Event, r.Consequence, r.Owner, r.Category,
        Score(r.Initial), Score(r.Residual), r.ReviewDate, r.LastReviewed, r.IsOverdueForReview(today),
        r.Controls.OrderBy(c => c.Order).Select(c => new ControlDto(c.Ref, c.Text, c.Owner, c.Due,
            c.Updates.OrderBy(u => u.Period).Select(u => new ControlUpdateDto(u.Period.ToString(), u.Progress, u.Commentary)).ToList())).ToList());
}
