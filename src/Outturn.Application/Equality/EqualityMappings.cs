using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Equality;

namespace Outturn.Application.Equality;

internal sealed class EqualityActionMapping : IEntityTypeConfiguration<EqualityAction>
{
    public void Configure(EntityTypeBuilder<EqualityAction> e)
    {
        e.ToTable("EqualityActions");
        e.HasIndex(a => a.Ref).IsUnique();
        e.Property(a => a.Ref).HasMaxLength(EqualityAction.RefMaxLength);
        e.Property(a => a.Directorate).HasMaxLength(200);
        e.Property(a => a.Service).HasMaxLength(200);
        e.Property(a => a.PlanRef).HasMaxLength(64);
        e.Property(a => a.Officer).HasMaxLength(200);
        e.Property(a => a.Version).IsConcurrencyToken();
        e.PrimitiveCollection(a => a.Strands).ElementType().HasConversion<string>();
        e.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionId).OnDelete(DeleteBehavior.Cascade);
        e.Ignore(a => a.Details);
    }
}

internal sealed class EqualityActionUpdateMapping : IEntityTypeConfiguration<EqualityActionUpdate>
{
    public void Configure(EntityTypeBuilder<EqualityActionUpdate> e)
    {
        e.ToTable("EqualityActionUpdates");
        e.HasIndex(u => new { u.ActionId, u.Period }).IsUnique();
    }
}
