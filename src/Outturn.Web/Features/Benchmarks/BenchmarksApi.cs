using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Benchmarks;
using Outturn.Domain.Periods;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Benchmarks;

/// <summary>Benchmark positions and comparison groups as JSON, under /api/v1.</summary>
public static class BenchmarksApi
{
    public sealed record NeighboursDto(string Area, IReadOnlyList<string> Neighbours);

    public static RouteGroupBuilder MapBenchmarksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/benchmarks").WithTags("Benchmarks").RequireAuthorization(Policies.Public);
        group.MapGet("/{indicatorRef}/{period}", GetPosition).WithName("GetBenchmark")
            .WithSummary("How an area (?area=E06000006, default the council's own) compares: value, rank, of, quartile, England, region, neighbours (as `outturn benchmark`).");
        api.MapGet("/areas/{code}/neighbours", GetNeighbours).WithTags("Benchmarks").WithName("GetNeighbours").RequireAuthorization(Policies.Public);
        return api;
    }

    private static async Task<Results<Ok<BenchmarkLine>, ProblemHttpResult>> GetPosition(string indicatorRef, Period period, string? area, BenchmarkQuery query, CancellationToken ct)
    {
        var p = period;
        var code = string.IsNullOrWhiteSpace(area) ? query.HomeArea : area;
        if (await query.AreaAsync(code, ct) is not { } found)
            return TypedResults.Problem(statusCode: 404, title: "Area not found", detail: $"No area has the code \"{code}\".");
        if (await query.PositionAsync(indicatorRef, p, code, ct) is not { } position)
            return TypedResults.Problem(statusCode: 404, title: "Measure not found", detail: $"No plan holds an indicator with the ref \"{indicatorRef}\".");
        return TypedResults.Ok(BenchmarkLine.From(indicatorRef, p, found, position));
    }

    private static async Task<Results<Ok<NeighboursDto>, ProblemHttpResult>> GetNeighbours(string code, BenchmarkQuery query, CancellationToken ct) =>
        await query.AreaAsync(code, ct) is null
            ? TypedResults.Problem(statusCode: 404, title: "Area not found", detail: $"No area has the code \"{code}\".")
            : TypedResults.Ok(new NeighboursDto(code, await query.GroupAsync(code, ct: ct)));
}
