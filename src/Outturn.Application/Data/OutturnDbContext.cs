using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;

namespace Outturn.Application.Data;

/// <summary>
/// The one store of Outturn. Each provider has a subclass only so that its migrations live apart
/// (SQLite and PostgreSQL differ in column types); the model is this one.
/// </summary>
public class OutturnDbContext(DbContextOptions options) : IdentityDbContext<OutturnUser>(options), IDataProtectionKeyContext
{
    /// <summary>Data-protection keys (cookies, anti-forgery tokens, shared secrets), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<Priority> Priorities => Set<Priority>();
    public DbSet<Officer> Officers => Set<Officer>();
    public DbSet<Objective> Objectives => Set<Objective>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<MilestoneUpdate> MilestoneUpdates => Set<MilestoneUpdate>();
    public DbSet<Commentary> Commentaries => Set<Commentary>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<Target> Targets => Set<Target>();
    public DbSet<IndicatorValue> IndicatorValues => Set<IndicatorValue>();
    public DbSet<StatusOverride> StatusOverrides => Set<StatusOverride>();
    public DbSet<ComparatorValue> ComparatorValues => Set<ComparatorValue>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The reason recorded with every audit entry of the next save (see <see cref="Because"/>).</summary>
    public string? ChangeReason { get; private set; }

    /// <summary>
    /// Gives the reason for the changes about to be saved: the audit interceptor writes it beside each old and new
    /// value, and it is forgotten once they are saved, so that it never explains a later change.
    /// </summary>
    public OutturnDbContext Because(string? reason)
    {
        ChangeReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        return this;
    }

    internal void ForgetReason() => ChangeReason = null;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        KeptRecords.Check(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        KeptRecords.Check(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<Period>().HaveConversion<PeriodConverter>().HaveMaxLength(16);
        builder.Properties<Tolerance>().HaveConversion<ToleranceConverter>().HaveMaxLength(16);
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
        // SQLite has no decimal type; figures are stored as text there to keep them exact.
        builder.Properties<decimal>().HavePrecision(18, 6);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        // Feature folders keep their own mappings (IEntityTypeConfiguration classes) beside their code.
        b.ApplyConfigurationsFromAssembly(typeof(OutturnDbContext).Assembly);
        // Nothing is lost: a plan, its items and their figures are never deleted (items are retired instead), so every
        // key to them restricts deletion rather than cascading it (docs/import-formats.md, "Importing a plan again").
        b.Entity<Plan>(e =>
        {
            e.HasIndex(p => p.Ref).IsUnique();
            e.Property(p => p.Ref).HasMaxLength(64);
            e.HasMany(p => p.Priorities).WithOne().HasForeignKey(p => p.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Objectives).WithOne().HasForeignKey(o => o.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Milestones).WithOne().HasForeignKey(m => m.PlanId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Indicators).WithOne().HasForeignKey(i => i.PlanId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Priority>().HasIndex(p => new { p.PlanId, p.Name }).IsUnique();
        b.Entity<Officer>().HasIndex(o => o.Name).IsUnique();
        b.Entity<Objective>(e =>
        {
            e.HasIndex(o => new { o.PlanId, o.Ref }).IsUnique();
            e.HasOne(o => o.Priority).WithMany().HasForeignKey(o => o.PriorityId).OnDelete(DeleteBehavior.NoAction);
            e.HasOne(o => o.Officer).WithMany().HasForeignKey(o => o.OfficerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Milestone>(e =>
        {
            e.HasIndex(m => new { m.PlanId, m.Ref }).IsUnique();
            e.HasOne(m => m.Objective).WithMany().HasForeignKey(m => m.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(m => m.Priority).WithMany().HasForeignKey(m => m.PriorityId).OnDelete(DeleteBehavior.NoAction);
            e.HasOne(m => m.Officer).WithMany().HasForeignKey(m => m.OfficerId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(m => m.Updates).WithOne().HasForeignKey(u => u.MilestoneId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<MilestoneUpdate>().HasIndex(u => new { u.MilestoneId, u.Period }).IsUnique();
        b.Entity<Commentary>(e =>
        {
            e.HasOne(c => c.Priority).WithMany().HasForeignKey(c => c.PriorityId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(c => new { c.PriorityId, c.Period, c.Order });
        });
        b.Entity<Indicator>(e =>
        {
            e.HasIndex(i => new { i.PlanId, i.Ref }).IsUnique();
            e.HasOne(i => i.Objective).WithMany().HasForeignKey(i => i.ObjectiveId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(i => i.Priority).WithMany().HasForeignKey(i => i.PriorityId).OnDelete(DeleteBehavior.NoAction);
            e.HasOne(i => i.Officer).WithMany().HasForeignKey(i => i.OfficerId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Values).WithOne().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Overrides).WithOne().HasForeignKey(o => o.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(i => i.Comparators).WithOne().HasForeignKey(c => c.IndicatorId).OnDelete(DeleteBehavior.Restrict);
            // A ratio measure's multiplier, a formula measure's expression, and how either rolls up and is compared;
            // all null for a measure holding one entered number a period (the defaults apply).
            e.Property(i => i.Multiplier);
            e.Property(i => i.Formula).HasMaxLength(1000);
            e.Property(i => i.Aggregation);
            e.Property(i => i.DirectionBasis);
            e.Ignore(i => i.Basis);
            e.Ignore(i => i.RollUpAggregation);
        });
        b.Entity<Target>().HasIndex(t => new { t.IndicatorId, t.Period }).IsUnique();
        b.Entity<IndicatorValue>(e =>
        {
            e.HasIndex(v => new { v.IndicatorId, v.Period }).IsUnique();
            // The counts a ratio measure's value is computed from (null for other measures).
            e.Property(v => v.Numerator);
            e.Property(v => v.Denominator);
        });
        b.Entity<StatusOverride>().HasIndex(o => new { o.IndicatorId, o.Period, o.Kind }).IsUnique();
        b.Entity<ComparatorValue>().HasIndex(c => new { c.IndicatorId, c.Period, c.Comparator }).IsUnique();
        b.Entity<AuditEntry>().HasIndex(a => new { a.Entity, a.EntityKey });
        b.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
    }

    private sealed class PeriodConverter() : ValueConverter<Period, string>(p => p.ToString(), s => Period.Parse(s));

    private sealed class ToleranceConverter() : ValueConverter<Tolerance, string>(t => t.ToString(), s => ParseTolerance(s));

    private static Tolerance ParseTolerance(string s) =>
        Tolerance.TryParse(s, out var t) && t is not null ? t : Tolerance.Default;
}

public sealed class SqliteOutturnDbContext(DbContextOptions<SqliteOutturnDbContext> options) : OutturnDbContext(options);

public sealed class PostgresOutturnDbContext(DbContextOptions<PostgresOutturnDbContext> options) : OutturnDbContext(options);
