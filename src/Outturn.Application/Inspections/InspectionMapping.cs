using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Inspections;
using Outturn.Domain.Plans;

namespace Outturn.Application.Inspections;

internal sealed class InspectionMapping : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> e)
    {
        e.HasIndex(i => i.Ref).IsUnique();
        e.Property(i => i.Ref).HasMaxLength(64);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.Property(i => i.ReportAddress).HasMaxLength(2000);
        e.HasMany(i => i.Grades).WithOne().HasForeignKey(g => g.InspectionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(i => i.KeyJudgements).WithOne().HasForeignKey(k => k.InspectionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(i => i.Recommendations).WithOne().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class JudgementGradeMapping : IEntityTypeConfiguration<JudgementGrade>
{
    public void Configure(EntityTypeBuilder<JudgementGrade> e)
    {
        e.Ignore(g => g.Words);
        e.ToTable(t => t.HasCheckConstraint("CK_JudgementGrade_Grade", "\"Grade\" BETWEEN 1 AND 4"));
    }
}

internal sealed class RecommendationMapping : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> e)
    {
        e.HasIndex(r => new { r.InspectionId, r.Ref }).IsUnique();
        e.Property(r => r.Version).IsConcurrencyToken();
        e.HasMany(r => r.Actions).WithOne(a => a.Recommendation).HasForeignKey(a => a.RecommendationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImprovementActionMapping : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> e)
    {
        e.HasOne<Officer>().WithMany().HasForeignKey(a => a.OfficerId).OnDelete(DeleteBehavior.SetNull);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasMany(a => a.Links).WithOne().HasForeignKey(l => l.ImprovementActionId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(a => a.Quarters).WithOne().HasForeignKey(q => q.ImprovementActionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImprovementLinkMapping : IEntityTypeConfiguration<ImprovementLink>
{
    public void Configure(EntityTypeBuilder<ImprovementLink> e)
    {
        // Milestones and measures are retired, never deleted, so an improvement action keeps its links to them.
        e.HasOne<Milestone>().WithMany().HasForeignKey(l => l.MilestoneId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Indicator>().WithMany().HasForeignKey(l => l.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ImprovementQuarterMapping : IEntityTypeConfiguration<ImprovementQuarter>
{
    public void Configure(EntityTypeBuilder<ImprovementQuarter> e) =>
        e.HasIndex(q => new { q.ImprovementActionId, q.Period }).IsUnique();
}
