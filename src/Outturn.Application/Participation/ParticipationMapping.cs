using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Participation;
using Outturn.Domain.Plans;

namespace Outturn.Application.Participation;

internal sealed class EngagementActivityMapping : IEntityTypeConfiguration<EngagementActivity>
{
    public void Configure(EntityTypeBuilder<EngagementActivity> e)
    {
        e.Ignore(a => a.CycleComplete);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.HasMany(a => a.Links).WithOne().HasForeignKey(l => l.EngagementActivityId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.ResponsePublished);
    }
}

internal sealed class EngagementLinkMapping : IEntityTypeConfiguration<EngagementLink>
{
    public void Configure(EntityTypeBuilder<EngagementLink> e)
    {
        // A priority is retired, never deleted: what engagement it was linked to stays on record.
        e.HasOne<Priority>().WithMany().HasForeignKey(l => l.PriorityId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Objective>().WithMany().HasForeignKey(l => l.ObjectiveId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class PromiseMapping : IEntityTypeConfiguration<Promise>
{
    public void Configure(EntityTypeBuilder<Promise> e)
    {
        e.HasOne<Plan>().WithMany().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.SetNull);
        e.HasOne<Priority>().WithMany().HasForeignKey(p => p.PriorityId).OnDelete(DeleteBehavior.NoAction);
        e.HasIndex(p => new { p.PlanTitle, p.Order });
        e.Ignore(p => p.Latest);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasMany(p => p.Reviews).WithOne().HasForeignKey(r => r.PromiseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PromiseReviewMapping : IEntityTypeConfiguration<PromiseReview>
{
    public void Configure(EntityTypeBuilder<PromiseReview> e)
    {
        e.HasIndex(r => new { r.PromiseId, r.Year }).IsUnique();
        e.Property(r => r.UpdatedBy).HasMaxLength(200);
    }
}
