using Outturn.Application.Documents;

namespace Outturn.Application.Tests.Documents;

/// <summary>What a published report freezes, for comparing it before and after a change.</summary>
public static class FrozenText
{
    /// <summary>
    /// The document without the trend charts beside key measures (their pictures and tables): those are drawn from
    /// the plan's targets and the benchmarks as they are when the document is made, not frozen with the report
    /// (docs/reporting-round.md, "What a published report freezes").
    /// </summary>
    public static Document WithoutTrendCharts(Document document) => document with { Blocks = Without(document.Blocks) };

    private static IReadOnlyList<Block> Without(IReadOnlyList<Block> blocks) => blocks
        .Where(b => !(b is Figure || b is Table t && t.Caption.Contains(" by year: ", StringComparison.Ordinal)))
        .Select(b => b is Landscape l ? new Landscape(Without(l.Blocks)) : b).ToList();
}
