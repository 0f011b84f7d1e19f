using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Finance;

namespace Outturn.Application.Finance;

internal sealed class DepartmentMapping : IEntityTypeConfiguration<Department>
{
    public void Configure(EntityTypeBuilder<Department> e)
    {
        e.ToTable("Departments");
        e.Property(d => d.Name).HasMaxLength(200);
        e.Property(d => d.Directorate).HasMaxLength(200);
        e.HasIndex(d => d.Name).IsUnique();
    }
}

internal sealed class BudgetLineMapping : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> e)
    {
        e.ToTable("BudgetLines");
        e.Property(l => l.Name).HasMaxLength(200);
        e.HasOne(l => l.Department).WithMany().HasForeignKey(l => l.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(l => new { l.DepartmentId, l.Period, l.Section, l.Name }).IsUnique();
    }
}

internal sealed class BudgetPrintedTotalMapping : IEntityTypeConfiguration<BudgetPrintedTotal>
{
    public void Configure(EntityTypeBuilder<BudgetPrintedTotal> e)
    {
        e.ToTable("BudgetPrintedTotals");
        e.HasOne<Department>().WithMany().HasForeignKey(t => t.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(t => new { t.DepartmentId, t.Period, t.Total }).IsUnique();
    }
}

internal sealed class CapitalSchemeMapping : IEntityTypeConfiguration<CapitalScheme>
{
    public void Configure(EntityTypeBuilder<CapitalScheme> e)
    {
        e.ToTable("CapitalSchemes");
        e.Property(s => s.Programme).HasMaxLength(200);
        e.Property(s => s.Name).HasMaxLength(200);
        e.HasOne<Department>().WithMany().HasForeignKey(s => s.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(s => new { s.DepartmentId, s.Period, s.Programme, s.Name }).IsUnique();
    }
}

internal sealed class FinanceCommentMapping : IEntityTypeConfiguration<FinanceComment>
{
    public void Configure(EntityTypeBuilder<FinanceComment> e)
    {
        e.ToTable("FinanceComments");
        e.HasOne<Department>().WithMany().HasForeignKey(c => c.DepartmentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(c => new { c.DepartmentId, c.Period, c.Statement, c.Order });
    }
}
