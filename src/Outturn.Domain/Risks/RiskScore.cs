namespace Outturn.Domain.Risks;

/// <summary>The overall level of a risk, from its score (docs/spec.md §4 Risk scores; the service plan's band table, docs/sources.md §3).</summary>
public enum RiskBand { Low, Medium, High }

/// <summary>
/// A risk's assessment: likelihood (probability) and impact (severity on the objective), each 1 to 4.
/// Score = likelihood × impact; 1–4 LOW, 5–10 MEDIUM, 11–16 HIGH.
/// </summary>
public readonly record struct RiskScore
{
    public const int Min = 1;
    public const int Max = 4;

    public int Likelihood { get; }
    public int Impact { get; }

    public RiskScore(int likelihood, int impact)
    {
        if (likelihood is < Min or > Max) throw new DomainException($"A risk's likelihood is 1 to 4; {likelihood} is outside that range.");
        if (impact is < Min or > Max) throw new DomainException($"A risk's impact is 1 to 4; {impact} is outside that range.");
        Likelihood = likelihood;
        Impact = impact;
    }

    public int Score => Likelihood * Impact;

    public RiskBand Band => BandOf(Score);

    /// <summary>The band of any score 1–16, including those a 4 × 4 product cannot give (5, 7, 10, 11, 13…).</summary>
    public static RiskBand BandOf(int score) => score switch
    {
        >= 1 and <= 4 => RiskBand.Low,
        >= 5 and <= 10 => RiskBand.Medium,
        >= 11 and <= 16 => RiskBand.High,
        _ => throw new DomainException($"A risk score is 1 to 16; {score} is outside that range."),
    };

    public static bool IsValidFactor(int value) => value is >= Min and <= Max;

    public override string ToString() => $"{Score} ({Band.ToWord()})";
}

public static class RiskWords
{
    public static string ToWord(this RiskBand band) => band.ToString().ToLowerInvariant();

    /// <summary>As the service plan prints it: LOW, MEDIUM, HIGH.</summary>
    public static string ToLabel(this RiskBand band) => band.ToString().ToUpperInvariant();

    public static bool TryParseBand(string? s, out RiskBand band)
    {
        band = (s ?? "").Trim().ToLowerInvariant() switch
        {
            "low" => RiskBand.Low, "medium" => RiskBand.Medium, "high" => RiskBand.High, _ => (RiskBand)(-1),
        };
        return Enum.IsDefined(band);
    }

    /// <summary>The words read beside a likelihood or impact factor.</summary>
    public static string LikelihoodWord(int likelihood) => likelihood switch
    {
        1 => "Unlikely", 2 => "Possible", 3 => "Likely", 4 => "Highly likely", _ => likelihood.ToString(),
    };

    public static string ImpactWord(int impact) => impact switch
    {
        1 => "Low", 2 => "Medium", 3 => "High", 4 => "Extreme", _ => impact.ToString(),
    };
}
