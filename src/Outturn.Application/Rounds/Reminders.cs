using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Notifications;
using Outturn.Domain;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>
/// <c>Outturn:Reminders</c>: when reminders go (days before the deadline, on the day, every few days once overdue),
/// whether the performance officers get a copy, how often the scheduler looks, and the address put in the e-mails.
/// </summary>
public sealed class ReminderSettings
{
    public string DaysBefore { get; set; } = "5,1";
    public bool OnTheDay { get; set; } = true;
    public int OverdueEvery { get; set; } = 3;
    public bool CopyPerformanceOfficer { get; set; } = true;
    /// <summary>False stops the scheduler (reminders can still be sent from the round page).</summary>
    public bool Automatic { get; set; } = true;
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(30);
    /// <summary>The address of the site, for the links in e-mails sent when no request is being served.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    public ReminderSchedule Schedule() => new(ReminderSchedule.ParseDays(DaysBefore), OnTheDay, OverdueEvery, CopyPerformanceOfficer);
}

/// <summary>
/// One reminder sent: to whom (the address in lower case), for which round, on which occasion ("due-in-5",
/// "overdue-3", or a hand-sent one with its time). The row is the reminder's claim, written before the sending and
/// unique, so that however many copies of the app look at the schedule together, each reminder goes once
/// (<see cref="ReminderClaims"/>).
/// </summary>
public class ReminderSent
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public required string Recipient { get; set; }
    public required string Occasion { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public required string SentBy { get; set; }
}

internal sealed class ReminderSentMapping : IEntityTypeConfiguration<ReminderSent>
{
    public void Configure(EntityTypeBuilder<ReminderSent> e)
    {
        e.HasIndex(r => new { r.RoundId, r.Recipient, r.Occasion }).IsUnique();
        e.Property(r => r.Recipient).HasMaxLength(256);
        e.Property(r => r.Occasion).HasMaxLength(64);
        e.Property(r => r.SentBy).HasMaxLength(256);
        e.HasOne<MonitoringRound>().WithMany().HasForeignKey(r => r.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>Reminds the officers who still have items to submit: on the schedule, or when the performance team asks.</summary>
public sealed class SendReminders(OutturnDbContext db, IEmailSender email, TimeProvider clock, ReminderSettings settings, ILogger<SendReminders>? log = null)
{
    private readonly ILogger log = log ?? NullLogger<SendReminders>.Instance;

    public sealed record Request(int RoundId, IReadOnlyCollection<int>? OfficerIds, string BaseUrl);

    /// <summary>Reminds now, by hand: every officer with outstanding items, or only those chosen. Returns who was reminded.</summary>
    public async Task<IReadOnlyList<string>> NowAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var round = await db.Set<MonitoringRound>().Include(r => r.Items).SingleOrDefaultAsync(r => r.Id == request.RoundId, ct)
                    ?? throw new DomainException("No such round.");
        if (!round.AcceptsUpdates) throw new DomainException($"The round is {MonitoringRound.Describe(round.State)}: nobody has anything to submit.", DomainRefusal.Conflict);
        var occasion = new ReminderOccasion($"by-hand-{clock.GetUtcNow():yyyyMMddHHmmss}", $"due {round.Deadline:d MMMM yyyy}", round.IsOverdue(Today));
        return await SendAsync(round, occasion, request.OfficerIds, actor.Name, request.BaseUrl, copy: false, ct);
    }

    private DateOnly Today => UkDates.Today(clock);

    /// <summary>
    /// Sends the reminders the schedule calls for today in every open round; each goes once, whichever copy of the app
    /// sends it. Returns how many e-mails went.
    /// </summary>
    public async Task<int> ScheduledAsync(CancellationToken ct = default)
    {
        var schedule = settings.Schedule();
        var today = Today;
        var sent = 0;
        var roundIds = await db.Set<MonitoringRound>().Where(r => r.State == RoundState.Open).Select(r => r.Id).ToListAsync(ct);
        foreach (var id in roundIds)
        {
            db.ChangeTracker.Clear();
            var round = await db.Set<MonitoringRound>().Include(r => r.Items).SingleAsync(r => r.Id == id, ct);
            if (schedule.On(today, round) is not { } occasion) continue;
            sent += (await SendAsync(round, occasion, null, "Outturn (reminder schedule)", settings.PublicUrl, schedule.CopyPerformanceOfficer, ct)).Count;
        }
        return sent;
    }

    private async Task<IReadOnlyList<string>> SendAsync(MonitoringRound round, ReminderOccasion occasion, IReadOnlyCollection<int>? only, string by, string baseUrl, bool copy, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == round.PlanId).Select(p => p.Title).SingleAsync(ct);
        var outstanding = round.Items.Where(i => i.State != ItemState.Submitted && i.AssigneeId is { } a && (only is null || only.Contains(a)))
            .GroupBy(i => i.AssigneeId!.Value).ToList();
        var officerIds = outstanding.Select(g => g.Key).ToList();
        var users = await db.Users.AsNoTracking().Where(u => u.OfficerId != null && officerIds.Contains(u.OfficerId!.Value) && u.Email != null).ToListAsync(ct);
        var period = round.Period.ToDisplayString();
        var reminded = new List<(string Name, int Items)>();
        var link = baseUrl.TrimEnd('/') + "/my-updates";
        foreach (var group in outstanding)
        {
            foreach (var user in users.Where(u => u.OfficerId == group.Key))
            {
                var subject = occasion.Overdue
                    ? $"Overdue: your {period} updates were due {round.Deadline:d MMMM yyyy}"
                    : $"Reminder: your {period} updates are {occasion.Words} ({round.Deadline:d MMMM yyyy})";
                var body = $"Dear {user.DisplayName},\n\n{group.Count()} of your updates for {plan}, {period}, " +
                           $"{(group.Count() == 1 ? "is" : "are")} still to be submitted. The deadline {(occasion.Overdue ? "was" : "is")} {round.Deadline:d MMMM yyyy}.\n\n" +
                           string.Join("\n", group.Select(i => $"- {i.Label} ({i.State.ToWords()})")) +
                           $"\n\nUpdate them at {link}\n";
                if (await OnceAsync(round, user.Email!, occasion.Key, by, new EmailMessage(user.Email!, user.DisplayName, subject, body), ct))
                    reminded.Add((user.DisplayName, group.Count()));
            }
        }
        if (copy && reminded.Count > 0)
        {
            var officers = await PerformanceOfficersAsync(ct);
            var summary = $"Reminders went today to the officers with {period} updates for {plan} still to submit ({occasion.Words}):\n\n" +
                          string.Join("\n", reminded.Select(r => $"- {r.Name}: {r.Items} item{(r.Items == 1 ? "" : "s")}")) + "\n";
            foreach (var officer in officers)
                await OnceAsync(round, officer.Email!, occasion.Key, by,
                    new EmailMessage(officer.Email!, officer.DisplayName, $"Copy: {period} reminders sent ({occasion.Words})", $"Dear {officer.DisplayName},\n\n{summary}"), ct);
        }
        return reminded.Select(r => r.Name).ToList();
    }

    /// <summary>
    /// Claims the reminder, sends it, and then records it in the round's history. A second copy of the app trying the
    /// same reminder finds it claimed and sends nothing; if the sending fails, the claim is given back and the reminder
    /// is tried again at the next look.
    /// </summary>
    private async Task<bool> OnceAsync(MonitoringRound round, string recipient, string occasion, string by, EmailMessage message, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var claims = new ReminderClaims(db);
        // Already sent, by this copy of the app or another.
        if (!await claims.ClaimAsync(round.Id, occasion, recipient, by, now, ct)) return false;
        try
        {
            await email.SendAsync(message, ct);
        }
        catch
        {
            await claims.ReleaseAsync(round.Id, occasion, recipient, CancellationToken.None);
            throw;
        }
        db.ChangeTracker.Clear();
        var tracked = await db.Set<MonitoringRound>().SingleAsync(r => r.Id == round.Id, ct);
        tracked.RecordReminder(by, now, recipient);
        await db.SaveChangesAsync(ct);
        // Not to whom: logs carry no personal data (the round's history and the claim say who).
        log.LogInformation("Reminder {Occasion} for round {Round} sent", occasion, round.Id);
        return true;
    }

    private async Task<List<OutturnUser>> PerformanceOfficersAsync(CancellationToken ct)
    {
        var roleId = await db.Roles.Where(r => r.Name == Roles.PerformanceOfficer).Select(r => r.Id).SingleOrDefaultAsync(ct);
        if (roleId is null) return [];
        return await db.Users.AsNoTracking()
            .Where(u => u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId))
            .OrderBy(u => u.Email).ToListAsync(ct);
    }
}

/// <summary>Dates as they are in the UK, whatever the server's clock zone: a reminder "due today" means today in England.</summary>
public static class UkDates
{
    private static readonly TimeZoneInfo Uk = Find();

    private static TimeZoneInfo Find()
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById("Europe/London"); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
    }

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Uk).DateTime);
}
