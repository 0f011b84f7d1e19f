using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Governance;
using Outturn.Application.Inspections;
using Outturn.Application.Participation;
using Outturn.Domain;
using Outturn.Domain.Governance;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Plans;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>Boards, meetings, agenda packs, inspections and "you said, we did" over the API. Part II never reaches the public.</summary>
public static class GovernanceApi
{
    public sealed record MemberDto(string Name, string Display, bool IsCouncillor, string? Party, string Role, string? JobTitle, string? Organisation);
    public sealed record BoardDto(string Ref, string Name, string Kind, IReadOnlyList<MemberDto> Members, IReadOnlyList<MeetingSummary> Meetings, IReadOnlyList<ActionDto> OpenActions, IReadOnlyList<ActionDto> Overdue);
    public sealed record ActionDto(int Id, DateOnly RaisedOn, string? Item, string Text, string Owner, string? OwnerNames, string? DeadlineText, DateOnly? Deadline, string Status, DateOnly? ClosedOn, bool Overdue, IReadOnlyList<UpdateDto> Updates);
    public sealed record UpdateDto(DateOnly On, string Text, string By, string Status);
    public sealed record DecisionDto(string? MinuteNumber, string Title, bool KeyDecision, string? Narrative, string? Reasons, string? AlternativesRejected, DateOnly? ImplementationDate, IReadOnlyList<string> Resolved);
    public sealed record ItemDto(string Number, string Title, bool Exempt, string Pages, CoverReport? Report, string? Minutes, IReadOnlyList<DecisionDto> Decisions);
    public sealed record AttendanceDto(string Name, string? Role, string Attendance);
    public sealed record MeetingDto(int Id, string Board, DateOnly Date, string When, string? Venue, bool AgendaPublished, bool MinutesPublished,
        IReadOnlyList<ItemDto> Items, IReadOnlyList<AttendanceDto> Attendance, IReadOnlyList<ActionDto> Actions, IReadOnlyList<ActionDto> CarriedForward);
    public sealed record ActionUpdateRequest(string Note, string Status, int? MeetingId);

    public static RouteGroupBuilder MapGovernanceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/boards", async (GovernanceQuery q, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok((await q.BoardsAsync(await q.ViewerAsync(user, ct), ct))
                .Select(b => new { b.Ref, b.Name, Kind = Snake(b.Kind.ToString()), b.Members, b.Meetings, b.LastMeeting })))
            .WithName("ListBoards").WithTags("Governance").RequireAuthorization(Policies.Public);
        api.MapGet("/boards/{boardRef}", GetBoard).WithName("GetBoard").WithTags("Governance")
            .WithSummary("A board's members, meetings and open actions, with the overdue ones for the chair.").RequireAuthorization(Policies.Public);
        api.MapGet("/meetings/{id:int}", GetMeeting).WithName("GetMeeting").WithTags("Governance")
            .WithSummary("A meeting's agenda, attendance, minutes, decisions and actions; Part II items only for officers and the board's members.").RequireAuthorization(Policies.Public);
        api.MapGet("/meetings/{id:int}/pack", GetPack).WithName("GetAgendaPack").WithTags("Governance")
            .WithSummary("The agenda pack's content: front sheet, membership, items with page numbers, reports in order.").RequireAuthorization(Policies.Public);
        api.MapGet("/meetings/{id:int}/pack.{format:regex(^(html|docx|pdf)$)}", GetPackFile).WithName("GetAgendaPackFile").WithTags("Governance")
            .WithSummary("The agenda pack as one document: printable HTML, Word (.docx) or PDF.").RequireAuthorization(Policies.Public);
        api.MapPost("/actions/{id:int}/updates", PostActionUpdate).WithName("UpdateAction").WithTags("Governance")
            .WithSummary("Record an update on an action; status closed closes it.").RequireAuthorization(Policies.PerformanceOfficer);
        api.MapPost("/meetings/{id:int}/publish", PublishMeeting).WithName("PublishMeeting").WithTags("Governance")
            .WithSummary("Publish a meeting's agenda (what=agenda) or minutes (what=minutes).").RequireAuthorization(Policies.PerformanceOfficer);
        api.MapGet("/inspections", async (InspectionQuery q, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok(await q.ListAsync(user.Identity?.IsAuthenticated == true, ct)))
            .WithName("ListInspections").WithTags("Inspections").RequireAuthorization(Policies.Public);
        api.MapGet("/inspections/{inspectionRef}", GetInspection).WithName("GetInspection").WithTags("Inspections").RequireAuthorization(Policies.Public);
        api.MapGet("/plans/{planRef}/inspection-action-plan/{period}", GetActionPlan).WithName("GetInspectionActionPlan").WithTags("Inspections")
            .WithSummary("The quarterly report's inspection action plan section for a plan and period, overdue actions first.").RequireAuthorization(Policies.Staff);
        api.MapGet("/you-said-we-did", async (ParticipationQuery q, CancellationToken ct) => TypedResults.Ok((await q.PublishedAsync(ct))
                .Select(r => new { r.Id, r.Title, Method = Snake(r.Method.ToString()), r.HeldOn, r.WhoTookPart, r.Participants, r.YouSaid, r.WeDid, r.FedBackOn, r.Informed })))
            .WithName("YouSaidWeDid").WithTags("Participation").RequireAuthorization(Policies.Public);
        api.MapGet("/promises", async (ParticipationQuery q, CancellationToken ct) => TypedResults.Ok((await q.PromisesAsync(ct)).Select(p => new { p.PlanTitle, p.ReviewedIn, p.Order, p.Theme, p.Text, p.WhatWeAchieved })))
            .WithName("ListPromises").WithTags("Participation").RequireAuthorization(Policies.Public);
        return api;
    }

    private static ProblemHttpResult NoMeeting(int id) => TypedResults.Problem(statusCode: 404, title: "No such meeting", detail: $"No published meeting has the number {id}.");

    private static ActionDto ToDto(ActionLine a) => new(a.Id, a.RaisedOn, a.ItemNumber, a.Text, a.Owner, a.OwnerNames, a.DeadlineText, a.Deadline,
        StatusWord(a.Status), a.ClosedOn, a.Overdue, a.Updates.Select(u => new UpdateDto(u.On, u.Text, u.By, StatusWord(u.Status))).ToList());

    private static string StatusWord(ActionStatus s) => s switch { ActionStatus.Open => "open", ActionStatus.InProgress => "in_progress", _ => "closed" };

    private static async Task<Results<Ok<BoardDto>, ProblemHttpResult>> GetBoard(string boardRef, GovernanceQuery q, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = await q.BoardAsync(boardRef, await q.ViewerAsync(user, ct), ct);
        if (v is null) return TypedResults.Problem(statusCode: 404, title: "No such board", detail: $"No board has the reference \"{boardRef}\".");
        return TypedResults.Ok(new BoardDto(v.Board.Ref, v.Board.Name, v.Board.Kind.ToString(),
            v.Members.Select(m => new MemberDto(m.Name, m.Display, m.IsCouncillor, m.Party, m.Role.ToString(), m.JobTitle, m.Organisation)).ToList(),
            v.Meetings, v.OpenActions.Select(ToDto).ToList(), v.Overdue.Select(ToDto).ToList()));
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult, UnauthorizedHttpResult>> GetMeeting(int id, GovernanceQuery q, ClaimsPrincipal user, CancellationToken ct)
    {
        var (visibility, v) = await q.MeetingAsync(id, await q.ViewerAsync(user, ct), ct);
        if (visibility == Visibility.NotPublished && user.Identity?.IsAuthenticated != true) return TypedResults.Unauthorized();
        if (v is null) return NoMeeting(id);
        var m = v.Meeting;
        return TypedResults.Ok(new MeetingDto(m.Id, v.Board.Ref, m.Date, m.When, m.Venue, m.AgendaPublishedAt is not null, m.MinutesPublishedAt is not null,
            v.Items.Select(i => new ItemDto(i.Number, i.Title, i.IsExempt, i.Pages, i.Report, i.Minutes,
                i.Decisions.Select(d => new DecisionDto(d.MinuteNumber, d.Title, d.IsKeyDecision, d.Narrative, d.Reasons, d.AlternativesRejected, d.ImplementationDate, d.Resolved.Split('\n'))).ToList())).ToList(),
            v.Attendance.Select(a => new AttendanceDto(a.Name, a.Role, a.Kind.ToString().ToLowerInvariant())).ToList(),
            v.ActionsRaised.Select(ToDto).ToList(), v.CarriedForward.Select(ToDto).ToList()));
    }

    public sealed record PackItemDto(string Number, string Title, string? ParentNumber, bool Exempt, string? StandingText, string Pages, CoverReport? Report, IReadOnlyList<DecisionDto> Decisions);
    public sealed record PackDto(string Board, string When, string? Venue, string? SignedBy, string? Contact, string? NextMeeting, IReadOnlyList<PackMember> Membership,
        IReadOnlyList<PackItemDto> PartI, IReadOnlyList<PackItemDto> PartIi, IReadOnlyList<ActionDto> CarriedForward);

    private static PackItemDto ToDto(PackItem i) => new(i.Number, i.Title, i.ParentNumber, i.IsExempt, i.StandingText, i.Pages, i.Report,
        i.Decisions.Select(d => new DecisionDto(d.MinuteNumber, d.Title, d.IsKeyDecision, d.Narrative, d.Reasons, d.AlternativesRejected, d.ImplementationDate, d.Resolved.Split('\n'))).ToList());

    private static async Task<Results<Ok<PackDto>, ProblemHttpResult, UnauthorizedHttpResult>> GetPack(int id, GovernanceQuery q, ClaimsPrincipal user, CancellationToken ct)
    {
        var (visibility, pack) = await q.PackAsync(id, await q.ViewerAsync(user, ct), ct);
        if (visibility == Visibility.NotPublished && user.Identity?.IsAuthenticated != true) return TypedResults.Unauthorized();
        if (pack is null) return NoMeeting(id);
        return TypedResults.Ok(new PackDto(pack.Board, pack.When, pack.Venue, pack.SignedBy, pack.Contact, pack.NextMeeting, pack.Membership,
            pack.PartI.Select(ToDto).ToList(), pack.PartII.Select(ToDto).ToList(), pack.CarriedForward.Select(ToDto).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, UnauthorizedHttpResult>> GetPackFile(int id, string format, GovernanceQuery q, AgendaPackWriters writers, ClaimsPrincipal user, CancellationToken ct)
    {
        var writer = writers.For(format);
        var (visibility, pack) = await q.PackAsync(id, await q.ViewerAsync(user, ct), ct);
        if (visibility == Visibility.NotPublished && user.Identity?.IsAuthenticated != true) return TypedResults.Unauthorized();
        if (pack is null) return NoMeeting(id);
        using var buffer = new MemoryStream();
        await writer.WriteAsync(pack, buffer, ct);
        return TypedResults.File(buffer.ToArray(), writer.ContentType, $"agenda-pack-{id}{writer.FileExtension}");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> PublishMeeting(int id, string what, GovernanceService service, CancellationToken ct)
    {
        try
        {
            switch (what)
            {
                case "agenda": await service.PublishAgendaAsync(id, ct); break;
                case "minutes": await service.PublishMinutesAsync(id, ct); break;
                default: return TypedResults.Problem(statusCode: 400, title: "Bad request", detail: $"what is \"{what}\"; expected agenda or minutes.");
            }
            return TypedResults.NoContent();
        }
        catch (DomainException e) { return TypedResults.Problem(statusCode: 400, title: "Publication refused", detail: e.Message); }
    }

    private static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> PostActionUpdate(int id, ActionUpdateRequest request, GovernanceService service, GovernanceQuery q, Outturn.Application.Data.ICurrentUser current, CancellationToken ct)
    {
        var status = request.Status?.ToLowerInvariant() switch { "open" => ActionStatus.Open, "in_progress" => ActionStatus.InProgress, "closed" => ActionStatus.Closed, _ => (ActionStatus?)null };
        if (status is null) return TypedResults.Problem(statusCode: 400, title: "Bad status", detail: $"status is \"{request.Status}\"; expected open, in_progress or closed.");
        try
        {
            var action = await service.UpdateActionAsync(id, request.Note ?? "", status.Value, request.MeetingId, current.Name, null, ct);
            return TypedResults.Ok(new ActionDto(action.Id, action.Meeting!.Date, action.ItemNumber, action.Text, action.Owner, action.OwnerNames, action.DeadlineText, action.Deadline,
                StatusWord(action.Status), action.ClosedOn, action.IsOverdue(q.Today), action.Updates.Select(u => new UpdateDto(u.On, u.Text, u.By, StatusWord(u.Status))).ToList()));
        }
        catch (DomainException e) { return TypedResults.Problem(statusCode: 400, title: "Update refused", detail: e.Message); }
    }

    public sealed record GradeDto(string Area, int Grade, string Words);
    public sealed record KeyJudgementDto(string Area, string Kind, string Text, string? Paragraph);
    public sealed record QuarterDto(string Period, string Delivery, string Impact, string? Evidence);
    public sealed record ImprovementDto(int Id, string Owner, DateOnly Due, bool DueSet, IReadOnlyList<QuarterDto> Quarters);
    public sealed record RecommendationDto(string Ref, string Timescale, string ResponsibleBody, string Text, string? Area, ImprovementDto? Action);
    public sealed record InspectionDto(string Ref, string Type, string Title, IReadOnlyList<string> Inspectorates, DateOnly PublishedOn, string? Reference,
        IReadOnlyList<GradeDto> Grades, IReadOnlyList<KeyJudgementDto> KeyJudgements, IReadOnlyList<RecommendationDto> Recommendations);

    private static string Snake(string word) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(word);

    private static async Task<Results<Ok<InspectionDto>, ProblemHttpResult>> GetInspection(string inspectionRef, InspectionQuery q, ClaimsPrincipal user, CancellationToken ct)
    {
        var staff = user.Identity?.IsAuthenticated == true;
        var i = await q.GetAsync(inspectionRef, staff, ct);
        if (i is null) return TypedResults.Problem(statusCode: 404, title: "No such inspection", detail: $"No published inspection has the reference \"{inspectionRef}\".");
        // Improvement progress is for staff; the findings are public.
        return TypedResults.Ok(new InspectionDto(i.Ref, Snake(i.Type.ToString()), i.Title, i.Inspectorates.Split("; "), i.PublishedOn, i.Reference,
            i.Grades.OrderBy(g => g.Order).Select(g => new GradeDto(g.Area, g.Grade, g.Words)).ToList(),
            i.KeyJudgements.OrderBy(k => k.Order).Select(k => new KeyJudgementDto(k.Area, Snake(k.Kind.ToString()), k.Text, k.Paragraph)).ToList(),
            i.Recommendations.OrderBy(r => r.Order).Select(r => new RecommendationDto(r.Ref, Snake(r.Timescale.ToString()), r.ResponsibleBody, r.Text, r.Area,
                staff && r.Action is { } a ? new ImprovementDto(a.Id, a.Owner, a.Due, a.DueSet, a.Quarters.OrderBy(x => x.Period.End)
                    .Select(x => new QuarterDto(x.Period.ToString(), Snake(x.Delivery.ToString()), Snake(x.Impact.ToString()), x.Evidence)).ToList()) : null)).ToList()));
    }

    public sealed record ActionPlanLineDto(int ActionId, string Inspection, string InspectionRef, string RecommendationRef, string Recommendation, string Timescale,
        string Owner, DateOnly Due, bool Overdue, string Delivery, string Impact, string? Evidence, string? StatusPeriod, IReadOnlyList<string> Links);

    private static async Task<Results<Ok<List<ActionPlanLineDto>>, ProblemHttpResult>> GetActionPlan(string planRef, string period, InspectionQuery q, CancellationToken ct)
    {
        if (!Period.TryParse(period, out var p)) return PlansApi.BadPeriod(period);
        return TypedResults.Ok((await q.ActionPlanSectionAsync(planRef, p, ct)).Select(l => new ActionPlanLineDto(l.ActionId, l.Inspection, l.InspectionRef, l.RecommendationRef,
            l.Recommendation, Snake(l.Timescale.ToString()), l.Owner, l.Due, l.Overdue, Snake(l.Delivery.ToString()), Snake(l.Impact.ToString()), l.Evidence, l.StatusPeriod?.ToString(), l.Links)).ToList());
    }
}
