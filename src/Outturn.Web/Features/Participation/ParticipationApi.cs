using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Participation;
using Outturn.Domain.Participation;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Participation;

/// <summary>
/// The plans' promises with their yearly reviews and the published "you said, we did" responses, public by nature;
/// and the register of engagement activities, published or not, for signed-in staff.
/// </summary>
public static class ParticipationApi
{
    public sealed record ReviewDto(string Year, PromiseProgress Progress, string WhatWeAchieved);
    public sealed record PromiseDto(int Id, string PlanTitle, string? ReviewedIn, int Order, string Theme, string Text, string? WhatWeAchieved, IReadOnlyList<ReviewDto> Reviews);
    public sealed record ActivityDto(int Id, string Title, ParticipationMethod Method, string MethodWords, DateOnly? HeldOn, string? AgeGroups, string? Groups, int? Participants,
        string? WhatTheySaid, string? WhatWeDid, DateOnly? FedBackOn, bool ResponsePublished, bool CycleComplete, int Version);

    public static RouteGroupBuilder MapParticipationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/you-said-we-did", async (ParticipationQuery q, CancellationToken ct) => TypedResults.Ok((await q.PublishedAsync(ct))
                .Select(r => new { r.Id, r.Title, r.Method, r.HeldOn, r.WhoTookPart, r.Participants, r.YouSaid, r.WeDid, r.FedBackOn, r.Informed })))
            .WithName("YouSaidWeDid").WithTags("Participation").RequireAuthorization(Policies.Public);
        api.MapGet("/promises", async (ParticipationQuery q, CancellationToken ct) => TypedResults.Ok((await q.PromisesAsync(ct)).Select(p => new PromiseDto(p.Id, p.PlanTitle, p.ReviewedIn, p.Order, p.Theme, p.Text, p.WhatWeAchieved,
                p.Reviews.OrderBy(r => r.Year.End).Select(r => new ReviewDto(r.Year.ToString(), r.Progress, r.WhatWeAchieved)).ToList())).ToList()))
            .WithName("ListPromises").WithTags("Participation").WithSummary("Each plan's promises with their yearly reviews and the end-of-plan review.").RequireAuthorization(Policies.Public);
        api.MapGet("/engagement-activities", async (ParticipationQuery q, CancellationToken ct) => TypedResults.Ok((await q.ActivitiesAsync(ct)).Select(ToDto).ToList()))
            .WithName("ListEngagementActivities").WithTags("Participation")
            .WithSummary("Every engagement activity, published or not, with where it stands in the \"you said, we did\" cycle.").RequireAuthorization(Policies.Staff);
        api.MapGet("/engagement-activities/{id:int}", GetActivity).WithName("GetEngagementActivity").WithTags("Participation").RequireAuthorization(Policies.Staff);
        return api;
    }

    private static ActivityDto ToDto(EngagementActivity a) => new(a.Id, a.Title, a.Method, a.Method.ToWords(), a.HeldOn, a.AgeGroups, a.Groups, a.Participants,
        a.WhatTheySaid, a.WhatWeDid, a.FedBackOn, a.ResponsePublished, a.CycleComplete, a.Version);

    private static async Task<Results<Ok<ActivityDto>, ProblemHttpResult>> GetActivity(int id, ParticipationQuery q, CancellationToken ct) =>
        await q.ActivityAsync(id, ct) is { } a ? TypedResults.Ok(ToDto(a)) : ApiProblems.NotFound("No such activity", $"There is no engagement activity {id}.");
}
