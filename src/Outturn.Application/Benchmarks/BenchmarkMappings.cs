using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Benchmarks;

namespace Outturn.Application.Benchmarks;

internal sealed class AreaMapping : IEntityTypeConfiguration<Area>
{
    public void Configure(EntityTypeBuilder<Area> e)
    {
        e.ToTable("Areas");
        e.HasIndex(a => a.Code).IsUnique();
        e.Property(a => a.Code).HasMaxLength(16);
        e.Property(a => a.OldCode).HasMaxLength(8);
        e.Property(a => a.RegionCode).HasMaxLength(16);
        e.Property(a => a.Name).HasMaxLength(200);
    }
}

internal sealed class ComparisonGroupMapping : IEntityTypeConfiguration<ComparisonGroup>
{
    public void Configure(EntityTypeBuilder<ComparisonGroup> e)
    {
        e.ToTable("ComparisonGroups");
        e.Property(g => g.AreaCode).HasMaxLength(16);
        e.Property(g => g.Name).HasMaxLength(200);
        e.HasIndex(g => new { g.AreaCode, g.Kind, g.Name, g.Version }).IsUnique();
        e.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.ComparisonGroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ComparisonGroupMemberMapping : IEntityTypeConfiguration<ComparisonGroupMember>
{
    public void Configure(EntityTypeBuilder<ComparisonGroupMember> e)
    {
        e.ToTable("ComparisonGroupMembers");
        e.Property(m => m.AreaCode).HasMaxLength(16);
        e.HasIndex(m => new { m.ComparisonGroupId, m.AreaCode }).IsUnique();
    }
}

/// <summary>
/// Benchmark values are written in bulk by <see cref="BenchmarkImport"/> with plain SQL, so the table and column names
/// here are the ones that SQL uses (BenchmarkSql). The key is the natural one, in the order the rank query reads it; on
/// SQLite the table is WITHOUT ROWID, clustered on that key (ADR 0304; the SQLite migration says so by hand).
/// </summary>
internal sealed class BenchmarkValueMapping : IEntityTypeConfiguration<BenchmarkValue>
{
    public void Configure(EntityTypeBuilder<BenchmarkValue> e)
    {
        e.ToTable(BenchmarkSql.Table);
        e.Property(v => v.IndicatorRef).HasMaxLength(64);
        e.Property(v => v.AreaCode).HasMaxLength(16);
        e.Property(v => v.Suppression).HasMaxLength(8);
        e.Property(v => v.Source).HasMaxLength(260);
        e.HasKey(v => new { v.IndicatorRef, v.Period, v.AreaCode });
    }
}

internal sealed class ImportProfileRecordMapping : IEntityTypeConfiguration<ImportProfileRecord>
{
    public void Configure(EntityTypeBuilder<ImportProfileRecord> e)
    {
        e.ToTable("ImportProfiles");
        e.Property(p => p.Name).HasMaxLength(100);
        e.HasIndex(p => p.Name).IsUnique();
    }
}

internal sealed class ReportCardEntryMapping : IEntityTypeConfiguration<ReportCardEntry>
{
    public void Configure(EntityTypeBuilder<ReportCardEntry> e)
    {
        e.ToTable("ReportCardEntries");
        e.Property(r => r.IndicatorRef).HasMaxLength(64);
        e.HasIndex(r => r.IndicatorRef).IsUnique();
    }
}

/// <summary>A saved import profile: its JSON definition (see docs/import-formats.md).</summary>
public class ImportProfileRecord
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Definition { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public string? SavedBy { get; set; }
}
