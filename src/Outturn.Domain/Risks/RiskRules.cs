namespace Outturn.Domain.Risks;

/// <summary>One cell of a likelihood × impact heat map and the risks in it.</summary>
public sealed record HeatMapCell(int Likelihood, int Impact, IReadOnlyList<string> RiskRefs)
{
    public int Score => Likelihood * Impact;
    public RiskBand Band => RiskScore.BandOf(Score);
    public int Count => RiskRefs.Count;
}

/// <summary>A likelihood × impact grid: rows likelihood 4 (top) to 1, columns impact 1 to 4, as registers draw it.</summary>
public sealed record HeatMap(string Name, IReadOnlyList<IReadOnlyList<HeatMapCell>> Rows)
{
    public int Total => Rows.Sum(r => r.Sum(c => c.Count));

    public int CountIn(RiskBand band) => Rows.Sum(r => r.Where(c => c.Band == band).Sum(c => c.Count));

    public HeatMapCell Cell(int likelihood, int impact) => Rows[RiskScore.Max - likelihood][impact - 1];

    public static HeatMap Of(string name, IEnumerable<(string Ref, RiskScore Score)> risks)
    {
        var list = risks.ToList();
        var rows = Enumerable.Range(RiskScore.Min, RiskScore.Max).Reverse()
            .Select(l => (IReadOnlyList<HeatMapCell>)Enumerable.Range(RiskScore.Min, RiskScore.Max)
                .Select(i => new HeatMapCell(l, i, list.Where(r => r.Score.Likelihood == l && r.Score.Impact == i).Select(r => r.Ref).ToList()))
                .ToList())
            .ToList();
        return new HeatMap(name, rows);
    }
}
