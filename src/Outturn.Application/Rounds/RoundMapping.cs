using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

internal sealed class MonitoringRoundMapping : IEntityTypeConfiguration<MonitoringRound>
{
    public void Configure(EntityTypeBuilder<MonitoringRound> e)
    {
        e.HasIndex(r => new { r.PlanId, r.Period }).IsUnique();
        // Rounds, their items and events are history: deleting what they point at is refused, never cascaded.
        e.HasOne<Plan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.Property(r => r.State);
        e.Property(r => r.PublishedSnapshot);
        e.Property(r => r.PublishedAt);
        e.Property(r => r.Revisions);
        e.Property(r => r.RevisionCount);
        e.Property(r => r.ConfirmedOutstanding);
        e.Property(r => r.OpensOn);
        e.Property(r => r.Deadline);
        e.Property(r => r.PlanId);
        e.Property(r => r.Period);
        e.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RoundId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(r => r.Events).WithOne().HasForeignKey(ev => ev.RoundId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RoundItemMapping : IEntityTypeConfiguration<RoundItem>
{
    public void Configure(EntityTypeBuilder<RoundItem> e)
    {
        e.Property(i => i.Version).IsConcurrencyToken();
        e.HasOne<Officer>().WithMany().HasForeignKey(i => i.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Indicator>().WithMany().HasForeignKey(i => i.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Milestone>().WithMany().HasForeignKey(i => i.MilestoneId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<Priority>().WithMany().HasForeignKey(i => i.PriorityId).OnDelete(DeleteBehavior.NoAction);
        foreach (var name in new[] { nameof(RoundItem.State), nameof(RoundItem.Value), nameof(RoundItem.ValueStatus), nameof(RoundItem.Note), nameof(RoundItem.InternalNote),
                     nameof(RoundItem.Progress), nameof(RoundItem.Commentary), nameof(RoundItem.ReturnComment), nameof(RoundItem.UpdatedBy), nameof(RoundItem.UpdatedAt),
                     nameof(RoundItem.Reason), nameof(RoundItem.UnusualChange), nameof(RoundItem.OnBehalfOf), nameof(RoundItem.EditedByHand), nameof(RoundItem.AssigneeId),
                     nameof(RoundItem.Numerator), nameof(RoundItem.Denominator), nameof(RoundItem.CommentaryFromDraft), nameof(RoundItem.CommentaryApprovedBy),
                     nameof(RoundItem.CommentaryApprovedByOfficerId), nameof(RoundItem.FilledFrom), nameof(RoundItem.Version) })
            e.Property(name);
    }
}
