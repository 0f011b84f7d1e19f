using System.Globalization;
using System.Text.RegularExpressions;

namespace Outturn.Domain.Finance;

/// <summary>Figures as the financial summaries write them: 4,445; (94) and -43 for negatives; £'000.</summary>
public static partial class LedgerFigures
{
    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Reads "4,445", "(94)", "-43", "−43", "(1,078)", "12.5"; thousands separators must be in groups of three.</summary>
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = Figure().Match(text.Trim());
        if (!m.Success) return false;
        var bracketed = m.Groups["open"].Success;
        if (bracketed != m.Groups["close"].Success) return false;
        var minus = m.Groups["minus"].Success;
        if (bracketed && minus) return false;
        if (!decimal.TryParse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)) return false;
        value = bracketed || minus ? -n : n;
        return true;
    }

    /// <summary>Whole £'000 with thousands separators, negatives in brackets: −1,078 → "(1,078)".</summary>
    public static string Format(decimal value)
    {
        var rounded = Math.Round(value, 0, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("#,0", Gb);
        return rounded < 0 ? $"({text})" : text;
    }

    [GeneratedRegex(@"^(?<open>\()?(?<minus>[-−])?£?(?<n>(\d{1,3}(,\d{3})+|\d+)(\.\d+)?)(?<close>\))?$")]
    private static partial Regex Figure();
}
