namespace Outturn.Domain.Rounds;

/// <summary>One day on which reminders go: its key (unique within a round, so each is sent once) and how it reads.</summary>
public sealed record ReminderOccasion(string Key, string Words, bool Overdue);

/// <summary>
/// When contributors with items still outstanding are reminded: some days before the deadline (by default 5 and 1),
/// on the day, then every few days (by default 3) once it has passed, while the round is open for updates. Nothing
/// goes before the round's opening date.
/// </summary>
public sealed record ReminderSchedule(IReadOnlyList<int> DaysBefore, bool OnTheDay, int OverdueEvery, bool CopyPerformanceOfficer)
{
    public static readonly ReminderSchedule Default = new([5, 1], OnTheDay: true, OverdueEvery: 3, CopyPerformanceOfficer: true);

    /// <summary>The reminder due on <paramref name="today"/> for a round, or null when none is.</summary>
    public ReminderOccasion? On(DateOnly today, MonitoringRound round)
    {
        if (round.State != RoundState.Open) return null;
        if (round.OpensOn is { } opens && today < opens) return null;
        var days = round.Deadline.DayNumber - today.DayNumber;
        if (days > 0)
            return DaysBefore.Contains(days) ? new ReminderOccasion($"due-in-{days}", days == 1 ? "due tomorrow" : $"due in {days} days", false) : null;
        if (days == 0) return OnTheDay ? new ReminderOccasion("due-today", "due today", false) : null;
        var late = -days;
        return OverdueEvery > 0 && late % OverdueEvery == 0
            ? new ReminderOccasion($"overdue-{late}", late == 1 ? "1 day overdue" : $"{late} days overdue", true)
            : null;
    }

    /// <summary>Reads "5,1" as the days before the deadline; refuses anything but whole days after today.</summary>
    public static IReadOnlyList<int> ParseDays(string text)
    {
        var days = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var d) || d < 1)
                throw new DomainException($"\"{part}\" is not a number of days before the deadline, like 5.");
            days.Add(d);
        }
        return days;
    }
}
