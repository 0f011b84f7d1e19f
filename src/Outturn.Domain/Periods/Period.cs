using System.Globalization;
using System.Text.RegularExpressions;

namespace Outturn.Domain.Periods;

public enum PeriodKind
{
    FinancialYear,
    Quarter,
    Month,
    CalendarYear,
    AcademicYear,
}

/// <summary>
/// A reporting period as the documents write them: financial years ("2015/16", April–March) and their quarters
/// ("2015/16 Q2"), months ("2015-09"), calendar years ("2015") and academic years ("AY 2015/16", September–August).
/// </summary>
/// <remarks>
/// <see cref="Year"/> is the calendar year in which the period starts for financial and academic years,
/// the financial year's start year for quarters, and the calendar year for months and calendar years.
/// </remarks>
public readonly partial record struct Period(PeriodKind Kind, int Year, int Number = 0) : IComparable<Period>
{
    public const string AcceptedForms =
        "\"2015/16\" (financial year), \"2015/16 Q2\", \"Q2 2015/16\" or \"Quarter 2 2015/16\" (quarter), " +
        "\"2015-16-Q2\" or \"FY-2015-16\" (as in web addresses), \"2015-09\" (month), \"2015\" (calendar year), \"AY 2015/16\" (academic year)";

    public static Period FinancialYear(int startYear) => new(PeriodKind.FinancialYear, startYear);

    public static Period Quarter(int financialYearStart, int quarter)
    {
        if (quarter is < 1 or > 4) throw new ArgumentOutOfRangeException(nameof(quarter), "A quarter is 1 to 4.");
        return new(PeriodKind.Quarter, financialYearStart, quarter);
    }

    public static Period Month(int year, int month)
    {
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), "A month is 1 to 12.");
        return new(PeriodKind.Month, year, month);
    }

    public static Period CalendarYear(int year) => new(PeriodKind.CalendarYear, year);

    public static Period AcademicYear(int startYear) => new(PeriodKind.AcademicYear, startYear);

    public DateOnly Start => Kind switch
    {
        PeriodKind.FinancialYear => new DateOnly(Year, 4, 1),
        PeriodKind.Quarter => new DateOnly(Year, 4, 1).AddMonths(3 * (Number - 1)),
        PeriodKind.Month => new DateOnly(Year, Number, 1),
        PeriodKind.CalendarYear => new DateOnly(Year, 1, 1),
        PeriodKind.AcademicYear => new DateOnly(Year, 9, 1),
        _ => throw new InvalidOperationException(),
    };

    public DateOnly End => Kind switch
    {
        PeriodKind.FinancialYear => new DateOnly(Year + 1, 3, 31),
        PeriodKind.Quarter => Start.AddMonths(3).AddDays(-1),
        PeriodKind.Month => Start.AddMonths(1).AddDays(-1),
        PeriodKind.CalendarYear => new DateOnly(Year, 12, 31),
        PeriodKind.AcademicYear => new DateOnly(Year + 1, 8, 31),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The same period one year earlier: the comparison for direction of travel.</summary>
    public Period SamePeriodLastYear() => this with { Year = Year - 1 };

    /// <summary>The financial year a quarter or month falls in; a financial year is its own.</summary>
    public Period ContainingFinancialYear() => Kind switch
    {
        PeriodKind.FinancialYear => this,
        PeriodKind.Quarter => FinancialYear(Year),
        PeriodKind.Month => FinancialYear(Number >= 4 ? Year : Year - 1),
        _ => throw new InvalidOperationException($"{this} does not fall within one financial year."),
    };

    /// <summary>
    /// The fraction of the financial year elapsed at the end of this period, used to profile a cumulative target:
    /// quarters elapsed ÷ 4, or months elapsed ÷ 12 for monthly data.
    /// </summary>
    public decimal FractionOfFinancialYearElapsed() => Kind switch
    {
        PeriodKind.FinancialYear => 1m,
        PeriodKind.Quarter => Number / 4m,
        PeriodKind.Month => ((Number + 8) % 12 + 1) / 12m,
        _ => 1m,
    };

    public override string ToString() => Kind switch
    {
        PeriodKind.FinancialYear => YearPair(Year),
        PeriodKind.Quarter => $"{YearPair(Year)} Q{Number}",
        PeriodKind.Month => $"{Year:D4}-{Number:D2}",
        PeriodKind.CalendarYear => Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.AcademicYear => $"AY {YearPair(Year)}",
        _ => throw new InvalidOperationException(),
    };

    /// <summary>How the reports name the period: "Quarter 2 2015/16", "September 2015", "2015/16 academic year".</summary>
    public string ToDisplayString() => Kind switch
    {
        PeriodKind.Quarter => $"Quarter {Number} {YearPair(Year)}",
        PeriodKind.Month => Start.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")),
        PeriodKind.AcademicYear => $"{YearPair(Year)} academic year",
        _ => ToString(),
    };

    /// <summary>The heading line of a report: "Quarter 2, 01 July 2015 – 30 September 2015".</summary>
    public string ToReportingPeriodString()
    {
        var gb = CultureInfo.GetCultureInfo("en-GB");
        var name = Kind == PeriodKind.Quarter ? $"Quarter {Number}" : ToDisplayString();
        return $"{name}, {Start.ToString("dd MMMM yyyy", gb)} – {End.ToString("dd MMMM yyyy", gb)}";
    }

    /// <summary>The form used in web addresses: "2015-16-Q2", "FY-2015-16", "2015-09", "2015", "AY-2015-16".</summary>
    public string ToSlug() => (Kind == PeriodKind.FinancialYear ? "FY-" : "") + ToString().Replace("/", "-").Replace(' ', '-');

    /// <summary>The short column heading of the reports: "15/16".</summary>
    public string ToShortYearString() => $"{Year % 100:D2}/{(Year + 1) % 100:D2}";

    public int CompareTo(Period other)
    {
        var byStart = Start.CompareTo(other.Start);
        return byStart != 0 ? byStart : End.CompareTo(other.End);
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period)
            ? period
            : throw new FormatException(NotAPeriod(text));

    /// <summary>The one message for text that is not a period, wherever it was written (web address, form, command line, file).</summary>
    public static string NotAPeriod(string? text) => $"\"{text}\" is not a period. Accepted forms: {AcceptedForms}.";

    /// <summary>Reads a financial year ("2015/16", "2015-16") and nothing else: a quarter or a month is not one.</summary>
    public static bool TryParseFinancialYear(string? text, out Period year)
    {
        if (TryParse(text, out year) && year.Kind == PeriodKind.FinancialYear) return true;
        year = default;
        return false;
    }

    /// <summary>The one message for text that should be a financial year and is not.</summary>
    public static string NotAFinancialYear(string? text) => $"\"{text?.Trim()}\" is not a financial year; write it as 2015/16.";

    public static bool TryParse(string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = WhiteSpace().Replace(text.Trim(), " ");

        var m = QuarterAfter().Match(s);
        if (m.Success) return TryYearPair(m.Groups["y1"].Value, m.Groups["y2"].Value, out var y) && Make(PeriodKind.Quarter, y, int.Parse(m.Groups["q"].Value), out period);
        m = QuarterBefore().Match(s);
        if (m.Success) return TryYearPair(m.Groups["y1"].Value, m.Groups["y2"].Value, out var y) && Make(PeriodKind.Quarter, y, int.Parse(m.Groups["q"].Value), out period);
        m = Academic().Match(s);
        if (m.Success) return TryYearPair(m.Groups["y1"].Value, m.Groups["y2"].Value, out var y) && Make(PeriodKind.AcademicYear, y, 0, out period);
        // "2015-09" is a month; a hyphenated year pair is read as a financial year only where it cannot be a month
        // ("2015-16"), so "2008-09" is September 2008 and the financial year is written "2008/09" or "FY-2008-09".
        m = MonthOnly().Match(s);
        if (m.Success && int.Parse(m.Groups["m"].Value) <= 12) return Make(PeriodKind.Month, int.Parse(m.Groups["y"].Value), int.Parse(m.Groups["m"].Value), out period);
        m = YearPairOnly().Match(s);
        if (m.Success) return TryYearPair(m.Groups["y1"].Value, m.Groups["y2"].Value, out var y) && Make(PeriodKind.FinancialYear, y, 0, out period);
        m = CalendarOnly().Match(s);
        if (m.Success) return Make(PeriodKind.CalendarYear, int.Parse(m.Groups["y"].Value), 0, out period);
        return false;
    }

    private static bool Make(PeriodKind kind, int year, int number, out Period period)
    {
        period = default;
        if (year is < 1900 or > 2199) return false;
        if (kind == PeriodKind.Quarter && number is < 1 or > 4) return false;
        if (kind == PeriodKind.Month && number is < 1 or > 12) return false;
        period = new Period(kind, year, number);
        return true;
    }

    /// <summary>"2015/16", "2015-16", "2005/6": the second year must follow the first.</summary>
    private static bool TryYearPair(string first, string second, out int year)
    {
        year = int.Parse(first, CultureInfo.InvariantCulture);
        var next = (year + 1) % (second.Length == 1 ? 10 : second.Length == 2 ? 100 : 10000);
        return int.Parse(second, CultureInfo.InvariantCulture) == next;
    }

    private static string YearPair(int year) => $"{year:D4}/{(year + 1) % 100:D2}";

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"^(?<y1>\d{4})[/-](?<y2>\d{1,2})[ -]Q(?<q>\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterAfter();

    [GeneratedRegex(@"^(?:Q|Quarter )(?<q>\d),? (?<y1>\d{4})[/-](?<y2>\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterBefore();

    [GeneratedRegex(@"^AY[ -](?<y1>\d{4})[/-](?<y2>\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex Academic();

    [GeneratedRegex(@"^(?:FY[ -])?(?<y1>\d{4})[/-](?<y2>\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex YearPairOnly();

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})$")]
    private static partial Regex MonthOnly();

    [GeneratedRegex(@"^(?<y>\d{4})$")]
    private static partial Regex CalendarOnly();
}
