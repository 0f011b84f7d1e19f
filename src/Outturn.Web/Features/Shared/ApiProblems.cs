using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Domain.Periods;

namespace Outturn.Web.Features.Shared;

/// <summary>The API's answers for what it could not find or read, worded once for every feature.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult NotFound(string title, string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);

    public static ProblemHttpResult NoPlan(string planRef) => NotFound("Plan not found", $"No plan has the reference \"{planRef}\".");

    public static ProblemHttpResult BadRequest(string title, string detail) => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    public static ProblemHttpResult NotAPeriod(string? text) => BadRequest("Not a period", Period.NotAPeriod(text));
}
