using System.Globalization;
using Microsoft.Extensions.Configuration;
using Outturn.Application.Accounts;
using Outturn.Domain.Statistics;

namespace Outturn.Application.Monitoring;

/// <summary>
/// The small-number rules as configured: <c>Outturn:Statistics:SmallDenominator</c> (a value with a denominator under
/// this is flagged "small number: interpret with care"; default 30) and <c>Outturn:Statistics:SuppressBelow</c> (a
/// count of children under this, and above zero, is shown as <c>c</c> outside child-level views; default 5).
/// </summary>
public static class StatisticsSettings
{
    public static SmallNumberRules From(IConfiguration configuration)
    {
        var defaults = SmallNumberRules.Default;
        int Read(string key, int fallback, int least)
        {
            var text = configuration[$"Outturn:Statistics:{key}"];
            if (string.IsNullOrWhiteSpace(text)) return fallback;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < least)
                throw new InvalidOperationException($"Outturn:Statistics:{key} is \"{text}\"; expected a whole number of at least {least}.");
            return n;
        }
        return new SmallNumberRules(Read("SmallDenominator", defaults.SmallDenominator, 1), Read("SuppressBelow", defaults.SuppressBelow, 0));
    }
}

/// <summary>
/// The one rule for showing a count of children: outside a child-level view (the viewer's child-level permission
/// decides) a count from one to four is shown as <c>c</c>, as the Department for Education publishes. A ratio's two
/// counts are withheld together, with its interval: any one of them with the value would give the other away.
/// Pages, the API and documents all ask here.
/// </summary>
public sealed class ChildCounts(SmallNumberRules rules)
{
    public SmallNumberRules Rules => rules;

    /// <summary>True when this count is shown to this viewer as <c>c</c>.</summary>
    public bool Withholds(decimal? count, Viewer viewer) => rules.IsSuppressed(count, viewer.ChildLevel);

    /// <summary>True when a ratio's numerator and denominator (and its interval) are withheld from this viewer.</summary>
    public bool WithholdsCounts(decimal? numerator, decimal? denominator, Viewer viewer) =>
        Withholds(numerator, viewer) || Withholds(denominator, viewer);

    /// <summary>A count as this viewer may read it: the number (en-GB, no decimals unless it has them), or <c>c</c>.</summary>
    public string Text(decimal? count, Viewer viewer) =>
        count is not { } n ? "" : Withholds(n, viewer) ? SmallNumberRules.Suppressed : n.ToString("#,##0.######", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>A count for JSON: null when withheld (the line's <c>suppression</c> then says <c>c</c>).</summary>
    public int? Value(int count, Viewer viewer) => Withholds(count, viewer) ? null : count;

    /// <summary>The monitoring as this viewer may read it: ratio counts of fewer than five children withheld.</summary>
    public MonitoringReport For(MonitoringReport report, Viewer viewer)
    {
        if (!report.AllMeasures.Any(m => WithholdsCounts(m.Numerator, m.Denominator, viewer))) return report;
        MeasureLine Line(MeasureLine m) => WithholdsCounts(m.Numerator, m.Denominator, viewer)
            ? m with
            {
                Numerator = null, Denominator = null, IntervalLow = null, IntervalHigh = null,
                IntervalText = WithheldText, Suppression = SmallNumberRules.Suppressed,
            }
            : m;
        return report with
        {
            Priorities = report.Priorities.Select(p => p with
            {
                KeyMeasures = p.KeyMeasures.Select(Line).ToList(),
                Measures = p.Measures.Select(Line).ToList(),
            }).ToList(),
        };
    }

    /// <summary>The status lines as this viewer may read them (the status API and command).</summary>
    public IReadOnlyList<StatusLine> For(IReadOnlyList<StatusLine> lines, Viewer viewer) =>
        lines.Select(l => WithholdsCounts(l.Numerator, l.Denominator, viewer)
            ? l with { Numerator = null, Denominator = null, IntervalLow = null, IntervalHigh = null, Suppression = SmallNumberRules.Suppressed }
            : l).ToList();

    /// <summary>What is printed where a withheld value's interval would be.</summary>
    public string WithheldText => $"95% interval not shown: it would reveal a count of fewer than {rules.SuppressBelow} children ({SmallNumberRules.Suppressed})";
}
