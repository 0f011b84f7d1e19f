using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Finance;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Equality;
using Outturn.Web.Features.Risks;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Finance;

/// <summary>Budget monitoring as JSON, under /api/v1.</summary>
public static class FinanceApi
{
    public sealed record DepartmentDto(string Name, string Directorate, IReadOnlyList<string> Periods);

    public static RouteGroupBuilder MapFinanceApi(this RouteGroupBuilder api)
    {
        var finance = api.MapGroup("/finance").WithTags("Finance").RequireAuthorization(Policies.Public);
        finance.MapGet("/departments", ListDepartments).WithName("ListDepartments");
        finance.MapGet("/{department}/{period}", GetSummary).WithName("GetFinancialSummary")
            .WithSummary("A department's revenue lines, totals (computed, and as printed), projection, capital programme and commentary (as `outturn finance`).");
        return api;
    }

    /// <summary>The departments with financial summaries held, and the periods of each.</summary>
    private static async Task<Ok<List<DepartmentDto>>> ListDepartments(FinanceQuery query, CancellationToken ct)
    {
        var result = new List<DepartmentDto>();
        foreach (var d in await query.DepartmentsAsync(ct))
            result.Add(new DepartmentDto(d.Name, d.Directorate, (await query.PeriodsAsync(d.Id, ct)).Select(p => p.ToString()).ToList()));
        return TypedResults.Ok(result);
    }

    private static async Task<Results<Ok<FinanceSummaryDto>, ProblemHttpResult>> GetSummary(string department, Period period, FinanceQuery query, CancellationToken ct)
    {
        var p = period;
        var d = await query.DepartmentAsync(department, ct);
        if (d is null) return ApiProblems.NotFound("No such department", $"No department is named \"{department}\".");
        var summary = await query.SummaryAsync(d, p, ct);
        if (!summary.HasRevenue && summary.Capital.Count == 0)
            return TypedResults.Problem($"{d.Name} has no figures for {p}.", statusCode: StatusCodes.Status404NotFound);
        return TypedResults.Ok(FinanceSummaryDto.From(summary));
    }
}
