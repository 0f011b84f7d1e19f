namespace Outturn.Application.Data;

/// <summary>One recorded change to a figure or a judgement: who, when, what, old and new, and why when a reason was given.</summary>
public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public required string Action { get; set; }
    public string? Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    /// <summary>Why the change was made ("confirmed at mid-year review"), given with the change through <see cref="OutturnDbContext.Because"/>.</summary>
    public string? Reason { get; set; }
}
