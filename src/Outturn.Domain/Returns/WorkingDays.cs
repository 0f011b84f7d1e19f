using System.Globalization;

namespace Outturn.Domain.Returns;

/// <summary>
/// Working days in England: Monday to Friday less the bank holidays of england-bank-holidays.csv (2010 to 2027,
/// including the one-off days: the 2011 royal wedding, the 2012 and 2022 jubilees, the 2022 state funeral, the 2023
/// coronation, VE day moved to 8 May 2020).
/// </summary>
public static class WorkingDays
{
    public const int FirstYear = 2010;
    public const int LastYear = 2027;

    public static IReadOnlyDictionary<DateOnly, string> BankHolidays { get; } = Load();

    private static Dictionary<DateOnly, string> Load()
    {
        using var stream = typeof(WorkingDays).Assembly.GetManifestResourceStream("Outturn.Domain.Returns.england-bank-holidays.csv")
            ?? throw new InvalidOperationException("The bank holiday list is not embedded in Outturn.Domain.");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<DateOnly, string>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var comma = line.IndexOf(',');
            result[DateOnly.ParseExact(line[..comma], "yyyy-MM-dd", CultureInfo.InvariantCulture)] = line[(comma + 1)..];
        }
        return result;
    }

    public static bool IsWorkingDay(DateOnly date)
    {
        if (date.Year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Bank holidays are held for {FirstYear} to {LastYear} only.");
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.ContainsKey(date);
    }

    /// <summary>
    /// Working days after <paramref name="start"/> up to and including <paramref name="end"/>: an assessment started
    /// on a Monday and authorised the next Monday took 5; one authorised the day it started took 0.
    /// </summary>
    public static int Between(DateOnly start, DateOnly end)
    {
        if (end <= start) return 0;
        return CumulativeTo(end) - CumulativeTo(start);
    }

    private static readonly DateOnly Origin = new(FirstYear, 1, 1);
    private static readonly int[] Cumulative = BuildCumulative();

    private static int[] BuildCumulative()
    {
        var days = new DateOnly(LastYear, 12, 31).DayNumber - Origin.DayNumber + 1;
        var cumulative = new int[days];
        var count = 0;
        for (var i = 0; i < days; i++)
        {
            if (IsWorkingDay(Origin.AddDays(i))) count++;
            cumulative[i] = count;
        }
        return cumulative;
    }

    /// <summary>Working days from 1 January of the first year held up to and including the date.</summary>
    private static int CumulativeTo(DateOnly date)
    {
        if (date.Year is < FirstYear or > LastYear)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"Bank holidays are held for {FirstYear} to {LastYear} only.");
        return Cumulative[date.DayNumber - Origin.DayNumber];
    }

    /// <summary>The date <paramref name="days"/> working days after <paramref name="start"/>.</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        var d = start;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) days--;
        }
        return d;
    }
}
