using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Risks;

namespace Outturn.Application.Risks;

internal sealed class RiskMapping : IEntityTypeConfiguration<Risk>
{
    public void Configure(EntityTypeBuilder<Risk> e)
    {
        e.ToTable("Risks");
        e.HasIndex(r => r.Ref).IsUnique();
        e.Property(r => r.Ref).HasMaxLength(Risk.RefMaxLength);
        e.Property(r => r.Directorate).HasMaxLength(200);
        e.Property(r => r.Service).HasMaxLength(200);
        e.Property(r => r.PlanRef).HasMaxLength(64);
        e.Property(r => r.ObjectiveRef).HasMaxLength(64);
        e.Property(r => r.Owner).HasMaxLength(200);
        e.Property(r => r.Category).HasMaxLength(100);
        e.Property(r => r.Version).IsConcurrencyToken();
        // Risks held before risks could be closed are open; every new risk says so itself (no value is the sentinel).
        e.Property(r => r.State).HasDefaultValue(RiskState.Open).HasSentinel((RiskState)(-1));
        e.HasIndex(r => r.Directorate);
        e.HasMany(r => r.Controls).WithOne().HasForeignKey(c => c.RiskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(r => r.Assessments).WithOne().HasForeignKey(a => a.RiskId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(r => r.Details);
    }
}

internal sealed class RiskAssessmentMapping : IEntityTypeConfiguration<RiskAssessment>
{
    public void Configure(EntityTypeBuilder<RiskAssessment> e)
    {
        e.ToTable("RiskAssessments");
        e.HasIndex(a => new { a.RiskId, a.Period }).IsUnique();
    }
}

internal sealed class RiskControlMeasureMapping : IEntityTypeConfiguration<RiskControlMeasure>
{
    public void Configure(EntityTypeBuilder<RiskControlMeasure> e)
    {
        e.ToTable("RiskControlMeasures");
        e.Property(c => c.Ref).HasMaxLength(RiskControlMeasure.RefMaxLength);
        e.HasIndex(c => new { c.RiskId, c.Ref }).IsUnique();
        e.HasMany(c => c.Updates).WithOne().HasForeignKey(u => u.ControlId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskControlUpdateMapping : IEntityTypeConfiguration<RiskControlUpdate>
{
    public void Configure(EntityTypeBuilder<RiskControlUpdate> e)
    {
        e.ToTable("RiskControlUpdates");
        e.HasIndex(u => new { u.ControlId, u.Period }).IsUnique();
    }
}
