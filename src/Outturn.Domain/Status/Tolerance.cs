using System.Globalization;

namespace Outturn.Domain.Status;

/// <summary>
/// How far short of target a measure may fall and still be amber: absolute (in the measure's units) or relative
/// (a percentage of the target). With none set, 5% of the target's absolute value.
/// </summary>
public sealed record Tolerance(decimal Amount, bool IsRelative)
{
    public static readonly Tolerance Default = new(5m, true);

    public decimal AllowanceFor(decimal target) => IsRelative ? Math.Abs(target) * Amount / 100m : Amount;

    public override string ToString() =>
        IsRelative ? Amount.ToString(CultureInfo.InvariantCulture) + "%" : Amount.ToString(CultureInfo.InvariantCulture);

    /// <summary>Blank is "use the default" (null); "2" is absolute; "10%" is relative.</summary>
    public static bool TryParse(string? text, out Tolerance? tolerance)
    {
        tolerance = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        var s = text.Trim();
        var relative = s.EndsWith('%');
        if (relative) s = s[..^1];
        if (!decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var amount) || amount < 0) return false;
        tolerance = new Tolerance(amount, relative);
        return true;
    }
}
