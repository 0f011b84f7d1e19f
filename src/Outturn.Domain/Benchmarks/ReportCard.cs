namespace Outturn.Domain.Benchmarks;

/// <summary>The life course the Children's Trust report card groups its key indicators by.</summary>
public enum LifeStage { EarlyYears, Primary, Secondary, SixteenToNineteen, CareLeavers }

/// <summary>An indicator (by ref, across plans) on the report card, under a life stage, in order.</summary>
public class ReportCardEntry
{
    public int Id { get; set; }
    public required string IndicatorRef { get; set; }
    public LifeStage LifeStage { get; set; }
    public int Order { get; set; }
}

public static class LifeStages
{
    public static readonly IReadOnlyDictionary<string, LifeStage> ByWord = new Dictionary<string, LifeStage>(StringComparer.OrdinalIgnoreCase)
    {
        ["early-years"] = LifeStage.EarlyYears,
        ["primary"] = LifeStage.Primary,
        ["secondary"] = LifeStage.Secondary,
        ["16-19"] = LifeStage.SixteenToNineteen,
        ["care-leavers"] = LifeStage.CareLeavers,
    };

    public static string ToWords(this LifeStage stage) => stage switch
    {
        LifeStage.EarlyYears => "Early years",
        LifeStage.Primary => "Primary",
        LifeStage.Secondary => "Secondary",
        LifeStage.SixteenToNineteen => "16–19",
        _ => "Care leavers",
    };
}
