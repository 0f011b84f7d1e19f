using System.Security.Claims;
using System.Text.Json;
using Outturn.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Web.Security;
using Microsoft.AspNetCore.Identity;
using Outturn.Application.Accounts;
using Outturn.Domain.Status;

namespace Outturn.Web.Features.Rounds;

public static class RoundsApi
{
    public sealed record RoundDto(int Id, string Plan, string Period, RoundState State, DateOnly Deadline, DateTimeOffset? PublishedAt, int Items, int Submitted);
    public sealed record RevisionDto(string Published, string Now, string? Reason);
    public sealed record MonitoringDto(string Plan, string Period, RoundDto? Round, bool IsDraft, MonitoringReport Report, IReadOnlyDictionary<string, RevisionDto> Revisions);

    public static RouteGroupBuilder MapRoundsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/plans/{planRef}/monitoring/{period}", GetMonitoring).WithName("GetMonitoring").WithTags("Monitoring")
            .WithSummary("A quarter's monitoring: the published report to anyone; a report not yet published only to those allowed to see drafts.")
            .RequireAuthorization(Policies.Public).CacheOutput(Outturn.Web.Hosting.PublishedReportCache.PolicyName);
        api.MapGet("/rounds", ListRounds).WithName("ListRounds").WithTags("Monitoring").RequireAuthorization(Policies.Staff);

        const string round = "/plans/{planRef}/monitoring/{period}";
        api.MapGet(round + "/items", ListItems).WithName("ListRoundItems").WithTags("Rounds")
            .WithSummary("Every item of a quarter's round: ref, kind, title, assignee, state and version.").RequireAuthorization(Policies.Contributor);
        api.MapPut(round + "/items/{itemRef}", PutItem).WithName("PutRoundItem").WithTags("Rounds")
            .WithSummary("Pushes one item's figure, progress or commentary; 409 when the version is stale, 403 when the item is not yours, 422 naming each field refused.")
            .RequireAuthorization(Policies.Contributor);
        api.MapPost(round + "/open", Open).WithName("OpenRound").WithTags("Rounds").RequireAuthorization(Policies.PerformanceOfficer);
        api.MapPost(round + "/review", Review).WithName("ReviewRound").WithTags("Rounds").RequireAuthorization(Policies.PerformanceOfficer);
        api.MapPost(round + "/sign-off", SignOff).WithName("SignOffRound").WithTags("Rounds").RequireAuthorization(Policies.Approver);
        api.MapPost(round + "/send-back", SendBack).WithName("SendBackRound").WithTags("Rounds").RequireAuthorization(Policies.Approver);
        api.MapPost(round + "/publish", Publish).WithName("PublishRound").WithTags("Rounds").RequireAuthorization(Policies.PerformanceOfficer);
        return api;
    }

    /// <summary>
    /// A pushed item. Figures are read as JSON numbers (or numeric strings) here rather than by the binder, so that a
    /// number too long to hold gets the checks' own message in a 422 naming the field, not a bare 400.
    /// </summary>
    public sealed record PutItemBody(JsonElement? Value, ValueStatus? Status, string? Note, string? Commentary, MilestoneProgress? Progress, string? Reason, bool? Submit, int? Version,
        JsonElement? Numerator = null, JsonElement? Denominator = null, string? InternalNote = null);
    public sealed record OpenBody(DateOnly? Deadline, DateOnly? OpensOn = null);
    public sealed record ReviewBody(int? ConfirmOutstanding);
    public sealed record SignOffBody(string? Comment);
    public sealed record SendBackBody(string? Reason);

    private static ProblemHttpResult NoRound(string planRef, Period period) =>
        ApiProblems.NotFound("Round not found", $"{planRef} has no round for {period.ToDisplayString()}.");

    private static async Task<Results<Ok<IReadOnlyList<RoundItemSummary>>, ProblemHttpResult>> ListItems(
        string planRef, Period period, RoundApiHandlers handlers, UserManager<OutturnUser> users, ClaimsPrincipal user, CancellationToken ct) =>
        await handlers.ItemsAsync(planRef, period, ct, await users.ActorAsync(user)) is { } items ? TypedResults.Ok(items) : NoRound(planRef, period);

    private static async Task<Results<Ok<RoundItemDetail>, ProblemHttpResult>> PutItem(
        string planRef, Period period, string itemRef, PutItemBody body, RoundApiHandlers handlers, UserManager<OutturnUser> users, ClaimsPrincipal user, CancellationToken ct)
    {
        var unreadable = new Dictionary<string, string[]>();
        var value = Figure(body.Value, "value", unreadable);
        var numerator = Figure(body.Numerator, "numerator", unreadable);
        var denominator = Figure(body.Denominator, "denominator", unreadable);
        if (body.Version is null) unreadable["version"] = ["Give the version of the item you are changing, as listed."];
        if (unreadable.Count > 0 || body.Version is not { } version) return Unprocessable("The item was not saved.", unreadable, []);
        var request = new SaveItemRequest(planRef, period, itemRef, value, body.Status, body.Note, body.Commentary, body.Progress, body.Reason, body.Submit ?? false, version, numerator, denominator, body.InternalNote);
        var outcome = await handlers.SaveItemAsync(request, await users.ActorAsync(user), ct);
        if (outcome is RoundApiHandlers.PushResult.NotFound nf) return ApiProblems.NotFound("Item not found", nf.Detail);
        var done = (RoundApiHandlers.PushResult.Done)outcome;
        return done.Result switch
        {
            SaveResult.Saved => TypedResults.Ok(done.Item!),
            SaveResult.Conflict c => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed since your version",
                detail: $"{c.Theirs.Label} is at version {c.Theirs.Version}, not {version}: someone saved it after you read it. Read it again and resend.",
                extensions: new Dictionary<string, object?> { ["current"] = done.Item }),
            SaveResult.Forbidden f => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Not assigned to you", detail: f.Reason),
            SaveResult.Closed closed => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Updates closed", detail: closed.Reason),
            SaveResult.Invalid invalid => Unprocessable("The item was not saved.",
                invalid.Fields.GroupBy(f => f.Field).ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray()), invalid.Warnings),
            _ => throw new InvalidOperationException("Unknown save result."),
        };
    }

    private static decimal? Figure(JsonElement? element, string field, Dictionary<string, string[]> problems)
    {
        if (element is not { } e || e.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return null;
        var text = e.ValueKind switch { JsonValueKind.Number => e.GetRawText(), JsonValueKind.String => e.GetString(), _ => null };
        if (text is null) { problems[field] = [$"Give the {field} as a number, like 75 or 16.8."]; return null; }
        if (EntryChecks.Parse(text, field, out var d) is { } problem) { problems[field] = [problem.Message]; return null; }
        return d;
    }

    private static ProblemHttpResult Unprocessable(string detail, IDictionary<string, string[]> errors, IReadOnlyList<EntryWarning> warnings) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Refused", detail: detail,
            extensions: new Dictionary<string, object?> { ["errors"] = errors, ["warnings"] = warnings });

    private static async Task<Results<Ok<RoundStage>, ProblemHttpResult>> Open(string planRef, Period period, OpenBody body, RoundApiHandlers handlers, UserManager<OutturnUser> users, ClaimsPrincipal user, CancellationToken ct)
    {
        if (body.Deadline is not { } deadline) return ApiProblems.BadRequest("Bad request", "Give the round's deadline, as a date like 2016-01-15.");
        return TypedResults.Ok(await handlers.OpenAsync(new OpenRound.Request(planRef, period, deadline, body.OpensOn), await users.ActorAsync(user), ct));
    }

    private static async Task<Results<Ok<RoundStage>, ProblemHttpResult>> Review(string planRef, Period period, ReviewBody? body, RoundApiHandlers handlers, UserManager<OutturnUser> users, ClaimsPrincipal user, CancellationToken ct) =>
        await handlers.StepAsync(planRef, period, RoundStep.MoveToReview, await users.ActorAsync(user), confirmOutstanding: body?.ConfirmOutstanding, ct: ct) is { } stage ? TypedResults.Ok(stage) : NoRound(planRef, period);

    private static async Task<Results<Ok<RoundStage>, ProblemHttpResult>> SignOff(string planRef, Period period, SignOffBody? body, RoundApiHandlers handlers, UserManager<OutturnUser> users, ClaimsPrincipal user, CancellationToken ct) =>
        await handlers.StepAsync(planRef, period, RoundStep.SignOff, await users.ActorAsync(user), body?.Comment, ct: ct) is { } stage ? TypedResults.Ok(stage) : NoRound(planRef, period);

    private static async Task<Results<Ok<RoundStage>, ProblemHttpResult>> SendBack(string planRef, Period period, SendBackBody? body, RoundApiHandlers handlers, UserManager<OutturnUser> users, ClaimsPrincipal user, CancellationToken ct) =>
        await handlers.StepAsync(planRef, period, RoundStep.SendBack, await users.ActorAsync(user), body?.Reason ?? "", ct: ct) is { } stage ? TypedResults.Ok(stage) : NoRound(planRef, period);

    private static async Task<Results<Ok<RoundStage>, ProblemHttpResult>> Publish(string planRef, Period period, RoundApiHandlers handlers, UserManager<OutturnUser> users, ClaimsPrincipal user, CancellationToken ct) =>
        await handlers.StepAsync(planRef, period, RoundStep.Publish, await users.ActorAsync(user), ct: ct) is { } stage ? TypedResults.Ok(stage) : NoRound(planRef, period);

    private static async Task<Results<Ok<MonitoringDto>, ProblemHttpResult, UnauthorizedHttpResult, ForbidHttpResult>> GetMonitoring(
        string planRef, Period period, ReportVisibility access, ClaimsPrincipal user, CancellationToken ct)
    {
        var p = period;
        var result = await access.GetAsync(planRef, p, user.AsViewer(), ct);
        return result.Outcome switch
        {
            ReportOutcome.NoPlan => ApiProblems.NoPlan(planRef),
            ReportOutcome.NotCovered => ApiProblems.NotFound("Period not covered", $"{planRef} does not cover {p.ToDisplayString()}."),
            ReportOutcome.NeedsSignIn => TypedResults.Unauthorized(),
            ReportOutcome.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Ok(new MonitoringDto(planRef, p.ToString(), result.Round is null ? null : ToDto(result.Round, planRef), result.IsDraft, result.Report!,
                result.Revisions.ToDictionary(r => r.Key, r => new RevisionDto(r.Value.Published, r.Value.Now, r.Value.Reason)))),
        };
    }

    private static async Task<Ok<List<RoundDto>>> ListRounds(RoundViews rounds, CancellationToken ct) =>
        TypedResults.Ok((await rounds.ListAsync(ct)).Select(r => ToDto(r.Round, r.Plan.Ref)).ToList());

    public static RoundDto ToDto(MonitoringRound r, string planRef) => new(
        r.Id, planRef, r.Period.ToString(), r.State,
        r.Deadline, r.PublishedAt, r.Items.Count, r.Items.Count(i => i.State == ItemState.Submitted));
}
