using Outturn.Application.Rounds;

namespace Outturn.Web.Features.Rounds;

/// <summary>
/// Sends the reminders the schedule calls for, looking every half hour (<c>Outturn:Reminders:CheckEvery</c>). Several
/// copies of the app may run this against one database: each reminder is recorded uniquely as it is sent, so it goes
/// once (see <see cref="SendReminders"/>).
/// </summary>
public sealed class ReminderScheduler(IServiceScopeFactory scopes, ReminderSettings settings, TimeProvider clock, ILogger<ReminderScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Automatic) return;
        using var timer = new PeriodicTimer(settings.CheckEvery, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<SendReminders>().ScheduledAsync(stoppingToken);
                if (sent > 0) log.LogInformation("{Count} scheduled reminders sent", sent);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failure (the mail server down, the database restarting) is tried again at the next look.
                log.LogWarning(e, "Scheduled reminders could not be sent; trying again in {Interval}", settings.CheckEvery);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
