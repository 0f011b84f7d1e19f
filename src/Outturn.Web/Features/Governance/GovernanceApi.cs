using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Outturn.Application.Governance;
using Outturn.Domain.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>Boards, meetings, agenda packs and action logs over the API. Part II never reaches the public.</summary>
public static class GovernanceApi
{
    public sealed record MemberDto(string Name, string Display, bool IsCouncillor, MemberKind Seat, string? Party, MemberRole Role, string? JobTitle, string? Organisation, DateOnly? From, DateOnly? To);
    public sealed record BoardDto(string Ref, string Name, BoardKind Kind, IReadOnlyList<MemberDto> Members, IReadOnlyList<MeetingSummary> Meetings, IReadOnlyList<ActionDto> OpenActions, IReadOnlyList<ActionDto> Overdue,
        IReadOnlyList<MemberDto> FormerMembers);
    public sealed record ReportDto(LinkedReportKind Kind, string Plan, string? Period, string Description, string Address);
    public sealed record ActionDto(int Id, DateOnly RaisedOn, string? Item, string Text, string Owner, string? OwnerNames, string? DeadlineText, DateOnly? Deadline, ActionStatus Status, DateOnly? ClosedOn, bool Overdue, IReadOnlyList<UpdateDto> Updates);
    public sealed record UpdateDto(DateOnly On, string Text, string By, ActionStatus Status);
    public sealed record DecisionDto(string? MinuteNumber, string Title, bool KeyDecision, string? Narrative, string? Reasons, string? AlternativesRejected, DateOnly? ImplementationDate, IReadOnlyList<string> Resolved);
    public sealed record ItemDto(string Number, string Title, bool Exempt, string Pages, CoverReport? Report, string? Minutes, IReadOnlyList<DecisionDto> Decisions, ReportDto? Takes);
    public sealed record AttendanceDto(string Name, string? Role, AttendanceKind Attendance);
    public sealed record MeetingDto(int Id, string Board, DateOnly Date, string When, string? Venue, bool AgendaPublished, bool MinutesPublished,
        IReadOnlyList<ItemDto> Items, IReadOnlyList<AttendanceDto> Attendance, IReadOnlyList<ActionDto> Actions, IReadOnlyList<ActionDto> CarriedForward, string? MinutesApprovedBy);

    private static ReportDto? ToDto(PackReport? r) => r is null ? null : new(r.Kind, r.PlanRef, r.Period?.ToString(), r.Description, r.Address);

    private static MemberDto ToDto(BoardMember m) => new(m.Name, m.Display, m.IsCouncillor, m.Kind, m.Party, m.Role, m.JobTitle, m.Organisation, m.From, m.To);
    public sealed record ActionUpdateRequest(string Note, ActionStatus Status, int? MeetingId);

    public static RouteGroupBuilder MapGovernanceApi(this RouteGroupBuilder api)
    {
        api.MapGet("/boards", async (GovernanceQuery q, ClaimsPrincipal user, CancellationToken ct) => TypedResults.Ok((await q.BoardsAsync(await q.ViewerAsync(user, ct), ct))
                ))
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
            .WithSummary("Publish a meeting's agenda (what=agenda) or its minutes once the chair has approved them (what=minutes).").RequireAuthorization(Policies.PerformanceOfficer);
        return api;
    }

    private static ProblemHttpResult NoMeeting(int id) => ApiProblems.NotFound("No such meeting", $"No published meeting has the number {id}.");

    private static ActionDto ToDto(ActionLine a) => new(a.Id, a.RaisedOn, a.ItemNumber, a.Text, a.Owner, a.OwnerNames, a.DeadlineText, a.Deadline,
        a.Status, a.ClosedOn, a.Overdue, a.Updates.Select(u => new UpdateDto(u.On, u.Text, u.By, u.Status)).ToList());

    private static async Task<Results<Ok<BoardDto>, ProblemHttpResult>> GetBoard(string boardRef, GovernanceQuery q, ClaimsPrincipal user, CancellationToken ct)
    {
        var v = await q.BoardAsync(boardRef, await q.ViewerAsync(user, ct), ct);
        if (v is null) return ApiProblems.NotFound("No such board", $"No board has the reference \"{boardRef}\".");
        return TypedResults.Ok(new BoardDto(v.Board.Ref, v.Board.Name, v.Board.Kind,
            v.Members.Select(ToDto).ToList(), v.Meetings, v.OpenActions.Select(ToDto).ToList(), v.Overdue.Select(ToDto).ToList(), v.OtherMembers.Select(ToDto).ToList()));
    }

    private static async Task<Results<Ok<MeetingDto>, ProblemHttpResult, UnauthorizedHttpResult>> GetMeeting(int id, GovernanceQuery q, ClaimsPrincipal user, CancellationToken ct)
    {
        var (visibility, v) = await q.MeetingAsync(id, await q.ViewerAsync(user, ct), ct);
        if (visibility == Visibility.NotPublished && user.Identity?.IsAuthenticated != true) return TypedResults.Unauthorized();
        if (v is null) return NoMeeting(id);
        var m = v.Meeting;
        return TypedResults.Ok(new MeetingDto(m.Id, v.Board.Ref, m.Date, m.When, m.Venue, m.AgendaPublishedAt is not null, m.MinutesPublishedAt is not null,
            v.Items.Select(i => new ItemDto(i.Number, i.Title, i.IsExempt, i.Pages, i.Report, i.Minutes,
                i.Decisions.Select(d => new DecisionDto(d.MinuteNumber, d.Title, d.IsKeyDecision, d.Narrative, d.Reasons, d.AlternativesRejected, d.ImplementationDate, d.Resolved.Split('\n'))).ToList(),
                ToDto(v.Reports.GetValueOrDefault(i.Id)))).ToList(),
            v.Attendance.Select(a => new AttendanceDto(a.Name, a.Role, a.Kind)).ToList(),
            v.ActionsRaised.Select(ToDto).ToList(), v.CarriedForward.Select(ToDto).ToList(), v.ShowsMinutes ? m.MinutesApprovedBy : null));
    }

    public sealed record PackItemDto(string Number, string Title, string? ParentNumber, bool Exempt, string? StandingText, string Pages, CoverReport? Report, IReadOnlyList<DecisionDto> Decisions, ReportDto? Takes);
    public sealed record PackDto(string Board, string When, string? Venue, string? SignedBy, string? Contact, string? NextMeeting, IReadOnlyList<PackMember> Membership,
        IReadOnlyList<PackItemDto> PartI, IReadOnlyList<PackItemDto> PartIi, IReadOnlyList<ActionDto> CarriedForward);

    private static PackItemDto ToDto(PackItem i) => new(i.Number, i.Title, i.ParentNumber, i.IsExempt, i.StandingText, i.Pages, i.Report,
        i.Decisions.Select(d => new DecisionDto(d.MinuteNumber, d.Title, d.IsKeyDecision, d.Narrative, d.Reasons, d.AlternativesRejected, d.ImplementationDate, d.Resolved.Split('\n'))).ToList(),
        ToDto(i.Linked));

    private static async Task<Results<Ok<PackDto>, ProblemHttpResult, UnauthorizedHttpResult>> GetPack(int id, GovernanceQuery q, ClaimsPrincipal user, CancellationToken ct)
    {
        var (visibility, pack) = await q.PackAsync(id, await q.ViewerAsync(user, ct), ct);
        if (visibility == Visibility.NotPublished && user.Identity?.IsAuthenticated != true) return TypedResults.Unauthorized();
        if (pack is null) return NoMeeting(id);
        return TypedResults.Ok(new PackDto(pack.Board, pack.When, pack.Venue, pack.SignedBy, pack.Contact, pack.NextMeeting, pack.Membership,
            pack.PartI.Select(ToDto).ToList(), pack.PartII.Select(ToDto).ToList(), pack.CarriedForward.Select(ToDto).ToList()));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult, UnauthorizedHttpResult>> GetPackFile(int id, string format, GovernanceQuery q, AgendaPackReports reports, AgendaPackWriters writers, ClaimsPrincipal user, CancellationToken ct)
    {
        var writer = writers.For(format);
        var viewer = await q.ViewerAsync(user, ct);
        var (visibility, pack) = await q.PackAsync(id, viewer, ct);
        if (visibility == Visibility.NotPublished && user.Identity?.IsAuthenticated != true) return TypedResults.Unauthorized();
        if (pack is null) return NoMeeting(id);
        // The reports themselves, after their cover sheets: a published quarter's from its snapshot.
        pack = await reports.WithReportsAsync(pack, viewer, ct);
        using var buffer = new MemoryStream();
        try
        {
            await writer.WriteAsync(pack, buffer, ct);
        }
        catch (Outturn.Application.Documents.PdfUnavailableException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF not available on this server", detail: $"{e.Message} Ask for pack.docx or pack.html instead.");
        }
        return TypedResults.File(buffer.ToArray(), writer.ContentType, $"agenda-pack-{id}{writer.FileExtension}");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> PublishMeeting(int id, string what, MeetingHandlers meetings, CancellationToken ct)
    {
        switch (what)
        {
            case "agenda": await meetings.PublishAgendaAsync(id, ct); break;
            case "minutes": await meetings.PublishMinutesAsync(id, ct); break;
            default: return ApiProblems.BadRequest("Bad request", $"what is \"{what}\"; expected agenda or minutes.");
        }
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ActionDto>, ProblemHttpResult>> PostActionUpdate(int id, ActionUpdateRequest request, GovernanceService service, GovernanceQuery q, Outturn.Application.Data.ICurrentUser current, CancellationToken ct)
    {
        var action = await service.UpdateActionAsync(id, request.Note ?? "", request.Status, request.MeetingId, current.Name, null, ct);
        return TypedResults.Ok(new ActionDto(action.Id, action.Meeting!.Date, action.ItemNumber, action.Text, action.Owner, action.OwnerNames, action.DeadlineText, action.Deadline,
            action.Status, action.ClosedOn, action.IsOverdue(q.Today), action.Updates.Select(u => new UpdateDto(u.On, u.Text, u.By, u.Status)).ToList()));
    }
}
