using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Plans;
using Outturn.Domain.Returns;

namespace Outturn.Application.Returns;

/// <summary>One imported return: a kind and collection year, from which files, when and by whom. Importing the same kind and year again replaces it.</summary>
public class ReturnImport
{
    public int Id { get; set; }
    public ReturnKind Kind { get; set; }
    /// <summary>The collection year's first calendar year: 2015 for 2015/16.</summary>
    public int Year { get; set; }
    public required string Files { get; set; }
    /// <summary>The files' own date (last written), which the figures computed from them cite.</summary>
    public DateTimeOffset FileDate { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public int RowCount { get; set; }
    public List<ReturnTable> Tables { get; set; } = [];

    public string YearText => $"{Year}/{(Year + 1) % 100:D2}";
    public string Describe() => $"{KindName(Kind)} {YearText} ({Files}, dated {FileDate:yyyy-MM-dd})";

    public static string KindName(ReturnKind kind) => kind switch
    {
        ReturnKind.Ssda903 => "SSDA903",
        ReturnKind.Cin => "CIN census",
        _ => "Annex A",
    };
}

/// <summary>
/// One table of an imported return (Episodes, CINdetails…) as one record: its rows kept as the file gave them, with
/// their file and line, in compact JSON (<see cref="TableContent"/>), typed again when read. One record per table
/// keeps a national-size import to a few writes.
/// </summary>
public class ReturnTable
{
    public int Id { get; set; }
    public int ImportId { get; set; }
    public required string Table { get; set; }
    public int RowCount { get; set; }
    public required string Content { get; set; }
}

/// <summary>The stored form of a table: column names once, then per row the file index, line and values.</summary>
public sealed record TableContent(string[] Files, string[] Columns, List<string[]> Rows);

/// <summary>Which statutory definition fills a plan's measure (CED047 ← lac-3plus-placements).</summary>
public class MeasureSource
{
    public int Id { get; set; }
    public int IndicatorId { get; set; }
    public required string Definition { get; set; }
}

/// <summary>How a value was computed from the returns: numerator, denominator, definition and version, the files.</summary>
public class ComputedValue
{
    public int Id { get; set; }
    /// <summary>The recorded figure it explains; null while the figure waits in a round item's draft for its officer to submit.</summary>
    public int? IndicatorValueId { get; set; }
    /// <summary>The round item whose draft was filled with it.</summary>
    public int? RoundItemId { get; set; }
    public required string Definition { get; set; }
    public int Version { get; set; }
    public int Numerator { get; set; }
    public int Denominator { get; set; }
    public DateOnly WindowStart { get; set; }
    public DateOnly WindowEnd { get; set; }
    public required string Source { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
    public required string ComputedBy { get; set; }
}

public sealed class ReturnImportConfiguration : IEntityTypeConfiguration<ReturnImport>
{
    public void Configure(EntityTypeBuilder<ReturnImport> e)
    {
        e.HasIndex(i => new { i.Kind, i.Year }).IsUnique();
        e.Property(i => i.Files).HasMaxLength(2000);
        e.Property(i => i.ImportedBy).HasMaxLength(200);
        e.HasMany(i => i.Tables).WithOne().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(i => i.YearText);
    }
}

public sealed class ReturnTableConfiguration : IEntityTypeConfiguration<ReturnTable>
{
    public void Configure(EntityTypeBuilder<ReturnTable> e)
    {
        e.Property(r => r.Table).HasMaxLength(64);
        e.HasIndex(r => new { r.ImportId, r.Table }).IsUnique();
    }
}

public sealed class MeasureSourceConfiguration : IEntityTypeConfiguration<MeasureSource>
{
    public void Configure(EntityTypeBuilder<MeasureSource> e)
    {
        e.HasIndex(m => m.IndicatorId).IsUnique();
        e.Property(m => m.Definition).HasMaxLength(64);
        e.HasOne<Indicator>().WithMany().HasForeignKey(m => m.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ComputedValueConfiguration : IEntityTypeConfiguration<ComputedValue>
{
    public void Configure(EntityTypeBuilder<ComputedValue> e)
    {
        e.HasIndex(c => c.IndicatorValueId).IsUnique();
        e.Property(c => c.Definition).HasMaxLength(64);
        e.Property(c => c.Source).HasMaxLength(2000);
        e.Property(c => c.ComputedBy).HasMaxLength(200);
        e.HasOne<IndicatorValue>().WithMany().HasForeignKey(c => c.IndicatorValueId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => c.RoundItemId);
        e.HasOne<Domain.Rounds.RoundItem>().WithMany().HasForeignKey(c => c.RoundItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
