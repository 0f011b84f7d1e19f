using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Governance;

namespace Outturn.Application.Governance;

/// <summary>Updates on actions and their closure (publishing agendas and minutes is in <see cref="MeetingHandlers"/>).</summary>
public sealed class GovernanceService(OutturnDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>Records an update on an action (closing it when the status is Closed); at a meeting when given.</summary>
    public async Task<ActionItem> UpdateActionAsync(int actionId, string note, ActionStatus status, int? atMeetingId, string by, DateOnly? on = null, CancellationToken ct = default)
    {
        var action = await db.Set<ActionItem>().Include(a => a.Updates).Include(a => a.Meeting).SingleOrDefaultAsync(a => a.Id == actionId, ct)
                     ?? throw new DomainException($"There is no action {actionId}.");
        var date = on ?? Today;
        if (atMeetingId is { } mid)
        {
            var at = await db.Set<Meeting>().SingleOrDefaultAsync(m => m.Id == mid, ct) ?? throw new DomainException($"There is no meeting {mid}.");
            if (at.BoardId != action.Meeting!.BoardId) throw new DomainException("An action is reviewed at a meeting of the board that set it.");
            date = on ?? at.Date;
        }
        action.Update(date, atMeetingId, note, status, by);
        await db.SaveChangesAsync(ct);
        return action;
    }
}

public static class GovernanceRegistration
{
    public static IServiceCollection AddGovernance(this IServiceCollection services) => services
        .AddScoped<GovernanceQuery>()
        .AddScoped<GovernanceService>()
        .AddScoped<BoardHandlers>()
        .AddScoped<MeetingHandlers>()
        .AddScoped<AgendaPackReports>()
        .AddScoped<Inspections.InspectionHandlers>()
        .AddScoped<Inspections.InspectionImport>()
        .AddScoped<Participation.ParticipationHandlers>()
        .AddScoped<IAgendaPackWriter, HtmlAgendaPackWriter>()
        .AddScoped<WordAgendaPackWriter>()
        .AddScoped<PdfAgendaPackWriter>()
        .AddScoped<AgendaPackWriters>()
        .AddScoped<Inspections.InspectionQuery>()
        .AddScoped<Inspections.InspectionService>()
        .AddScoped<Participation.ParticipationQuery>()
        .AddScoped<Demo.DemoGovernance>();
}
