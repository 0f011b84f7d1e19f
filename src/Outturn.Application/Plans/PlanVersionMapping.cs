using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans;

internal sealed class PlanVersionMapping : IEntityTypeConfiguration<PlanVersion>, IEntityTypeConfiguration<Plan>, IEntityTypeConfiguration<Priority>, IEntityTypeConfiguration<Objective>
{
    public void Configure(EntityTypeBuilder<PlanVersion> e)
    {
        e.HasIndex(v => new { v.PlanId, v.Number }).IsUnique();
        // A version is the record of what was approved: like the plan itself, it is never deleted.
        e.HasOne<Plan>().WithMany().HasForeignKey(v => v.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.Property(v => v.By).HasMaxLength(200);
        e.Property(v => v.Summary).HasMaxLength(2000);
        e.Property(v => v.At);
        e.Property(v => v.Snapshot);
        e.Ignore(v => v.Heading);
    }

    public void Configure(EntityTypeBuilder<Plan> e)
    {
        // Every edit raises it: a page opened before another's save is refused, not allowed to overwrite.
        e.Property(p => p.Revision).IsConcurrencyToken();
        e.Ignore(p => p.Details);
    }

    public void Configure(EntityTypeBuilder<Priority> e)
    {
        e.Property(p => p.Ref).HasMaxLength(Plan.MaxRefLength);
        e.HasIndex(p => new { p.PlanId, p.Ref }).IsUnique();
        e.Ignore(p => p.Label);
    }

    public void Configure(EntityTypeBuilder<Objective> e)
    {
        e.Property(o => o.KeyDevelopments);
        e.Property(o => o.EmergingIssues);
        e.Ignore(o => o.Label);
        e.Ignore(o => o.Details);
    }
}
