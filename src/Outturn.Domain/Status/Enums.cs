namespace Outturn.Domain.Status;

/// <summary>Which way is better for a measure. <see cref="None"/> marks contextual measures that get no status.</summary>
public enum Polarity { Higher, Lower, None }

/// <summary>Progress against target: the traffic light of the quarterly report.</summary>
public enum Progress { Green, Amber, Red, NotApplicable }

/// <summary>Direction of travel against the same period last year.</summary>
public enum Direction { Better, Same, Worse, NotApplicable }

/// <summary>A milestone's quarterly progress, the responsible officer's judgement.</summary>
public enum MilestoneProgress { Green, Amber, Red, Complete }

public enum ValueType { Snapshot, Cumulative, Rolling }

public enum Frequency { Quarterly, Annual, Monthly }

public enum ValueStatus { Final, Provisional, Unavailable }

public static class StatusWords
{
    public static string ToWord(this Progress p) => p switch
    {
        Progress.Green => "green", Progress.Amber => "amber", Progress.Red => "red", _ => "na",
    };

    public static string ToWord(this Direction d) => d switch
    {
        Direction.Better => "better", Direction.Same => "same", Direction.Worse => "worse", _ => "na",
    };

    public static string ToWord(this MilestoneProgress p) => p.ToString().ToLowerInvariant();

    public static bool TryParseProgress(string? s, out Progress p)
    {
        p = (s ?? "").Trim().ToLowerInvariant() switch
        {
            "green" => Progress.Green, "amber" => Progress.Amber, "red" => Progress.Red,
            "na" or "n/a" => Progress.NotApplicable, _ => (Progress)(-1),
        };
        return Enum.IsDefined(p);
    }

    public static bool TryParseDirection(string? s, out Direction d)
    {
        d = (s ?? "").Trim().ToLowerInvariant() switch
        {
            "better" => Direction.Better, "same" => Direction.Same, "worse" => Direction.Worse,
            "na" or "n/a" => Direction.NotApplicable, _ => (Direction)(-1),
        };
        return Enum.IsDefined(d);
    }

    public static bool TryParseMilestoneProgress(string? s, out MilestoneProgress p)
    {
        p = (s ?? "").Trim().ToLowerInvariant() switch
        {
            "green" => MilestoneProgress.Green, "amber" => MilestoneProgress.Amber, "red" => MilestoneProgress.Red,
            "complete" => MilestoneProgress.Complete, _ => (MilestoneProgress)(-1),
        };
        return Enum.IsDefined(p);
    }

    /// <summary>The report's symbol and the words a screen reader hears for it.</summary>
    public static (string Symbol, string Words) Describe(this Progress p) => p switch
    {
        Progress.Green => ("✓", "Green: on course to achieve the annual target"),
        Progress.Amber => ("?", "Amber: uncertain or too early to say"),
        Progress.Red => ("✗", "Red: target will not be achieved without intervention"),
        _ => ("N/A", "Not applicable"),
    };

    public static (string Symbol, string Words) Describe(this Direction d) => d switch
    {
        Direction.Better => ("↑", "Better than the same period last year"),
        Direction.Same => ("⇔", "The same as the same period last year"),
        Direction.Worse => ("↓", "Worse than the same period last year"),
        _ => ("N/A", "Cannot be compared with the same period last year"),
    };

    public static (string Symbol, string Words) Describe(this MilestoneProgress p) => p switch
    {
        MilestoneProgress.Green => ("✓", "Green: on course to be achieved within the timeframe"),
        MilestoneProgress.Amber => ("?", "Amber: uncertain or too early to say"),
        MilestoneProgress.Red => ("✗", "Red: highly likely or certain not to be achieved within the timeframe"),
        _ => ("✓✓", "Complete"),
    };
}
