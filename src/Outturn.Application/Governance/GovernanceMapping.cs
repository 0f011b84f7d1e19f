using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Application.Accounts;
using Outturn.Domain.Governance;

namespace Outturn.Application.Governance;

internal sealed class BoardMapping : IEntityTypeConfiguration<Board>
{
    public void Configure(EntityTypeBuilder<Board> e)
    {
        e.HasIndex(b => b.Ref).IsUnique();
        e.Property(b => b.Ref).HasMaxLength(64);
        e.Property(b => b.Version).IsConcurrencyToken();
        e.HasOne<Board>().WithMany().HasForeignKey(b => b.ParentBoardId).OnDelete(DeleteBehavior.SetNull);
        e.HasMany(b => b.Members).WithOne().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BoardMemberMapping : IEntityTypeConfiguration<BoardMember>
{
    public void Configure(EntityTypeBuilder<BoardMember> e)
    {
        e.Ignore(m => m.Initials);
        e.Ignore(m => m.Display);
        e.Ignore(m => m.Kind);
        e.Ignore(m => m.Detail);
        e.Property(m => m.Version).IsConcurrencyToken();
        e.HasOne<OutturnUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class MeetingMapping : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.Ignore(m => m.When);
        e.Ignore(m => m.MinutesApproved);
        e.Property(m => m.Version).IsConcurrencyToken();
        e.Property(m => m.MinutesApprovedBy).HasMaxLength(200);
        e.HasOne(m => m.Board).WithMany().HasForeignKey(m => m.BoardId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => new { m.BoardId, m.Date });
        e.HasMany(m => m.Items).WithOne().HasForeignKey(i => i.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AgendaItemMapping : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> e)
    {
        e.Ignore(i => i.Pages);
        e.Property(i => i.Number).HasMaxLength(16);
        e.Property(i => i.ParentNumber).HasMaxLength(16);
        e.Property(i => i.Version).IsConcurrencyToken();
        e.OwnsOne(i => i.Report, r => r.Ignore(c => c.IsEmpty));
        // Plans are never deleted (their items retire), so the link holds.
        e.HasOne<Outturn.Domain.Plans.Plan>().WithMany().HasForeignKey(i => i.ReportPlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(i => i.Decisions).WithOne().HasForeignKey(d => d.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionMapping : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> e) => e.Property(d => d.Version).IsConcurrencyToken();
}

internal sealed class AttendanceMapping : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> e) => e.Ignore(a => a.Initials);
}

internal sealed class ActionItemMapping : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> e)
    {
        e.Ignore(a => a.IsOngoing);
        e.HasOne(a => a.Meeting).WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AgendaItem>().WithMany().HasForeignKey(a => a.AgendaItemId).OnDelete(DeleteBehavior.NoAction);
        e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.ClosedAtMeetingId).OnDelete(DeleteBehavior.NoAction);
        e.HasMany(a => a.Updates).WithOne().HasForeignKey(u => u.ActionItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(a => a.Status);
    }
}

internal sealed class ActionUpdateMapping : IEntityTypeConfiguration<ActionUpdate>
{
    public void Configure(EntityTypeBuilder<ActionUpdate> e) =>
        e.HasOne<Meeting>().WithMany().HasForeignKey(u => u.MeetingId).OnDelete(DeleteBehavior.NoAction);
}
