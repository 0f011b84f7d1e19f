using Outturn.Application.Participation;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Participation;

/// <summary>The plan's promises and the published "you said, we did" responses over the API: public by nature.</summary>
public static class ParticipationApi
{
    public static RouteGroupBuilder MapParticipationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/you-said-we-did", async (ParticipationQuery q, CancellationToken ct) => TypedResults.Ok((await q.PublishedAsync(ct))
                .Select(r => new { r.Id, r.Title, r.Method, r.HeldOn, r.WhoTookPart, r.Participants, r.YouSaid, r.WeDid, r.FedBackOn, r.Informed })))
            .WithName("YouSaidWeDid").WithTags("Participation").RequireAuthorization(Policies.Public);
        api.MapGet("/promises", async (ParticipationQuery q, CancellationToken ct) => TypedResults.Ok((await q.PromisesAsync(ct)).Select(p => new { p.PlanTitle, p.ReviewedIn, p.Order, p.Theme, p.Text, p.WhatWeAchieved })))
            .WithName("ListPromises").WithTags("Participation").RequireAuthorization(Policies.Public);
        return api;
    }
}
