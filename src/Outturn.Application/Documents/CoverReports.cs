using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Application.Data;
using Outturn.Domain;
using Outturn.Domain.Documents;
using Outturn.Domain.Periods;

namespace Outturn.Application.Documents;

internal sealed class CoverReportMapping : IEntityTypeConfiguration<CoverReport>
{
    public void Configure(EntityTypeBuilder<CoverReport> b)
    {
        b.HasIndex(c => new { c.PlanId, c.Period }).IsUnique();
        // Plans are never deleted (their items are retired); a key that cascaded would take the covers with a plan.
        b.HasOne<Domain.Plans.Plan>().WithMany().HasForeignKey(c => c.PlanId).OnDelete(DeleteBehavior.Restrict);
        foreach (var p in new[] { nameof(CoverReport.ReportTo), nameof(CoverReport.Date), nameof(CoverReport.ReportingOfficer), nameof(CoverReport.Subject), nameof(CoverReport.Wards) })
            b.Property(p).HasMaxLength(300);
        b.Property(c => c.UpdatedBy).HasMaxLength(200);
    }
}

/// <summary>The committee cover reports: the stored (edited) fields for a plan and period, or the default wording.</summary>
public sealed class CoverReports(OutturnDbContext db, TimeProvider clock)
{
    /// <summary>The cover as stored, or the default for the plan and period (not saved); null when no plan has the ref.</summary>
    public async Task<CoverReport?> GetAsync(string planRef, Period period, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Ref == planRef, ct);
        if (plan is null) return null;
        var stored = await db.Set<CoverReport>().AsNoTracking().SingleOrDefaultAsync(c => c.PlanId == plan.Id && c.Period == period, ct);
        if (stored is not null) return stored;
        // The functional areas reporting to the board: the services the plan's officers direct.
        var areas = await db.Officers.AsNoTracking()
            .Where(o => db.Objectives.Any(x => x.PlanId == plan.Id && x.OfficerId == o.Id) || db.Indicators.Any(x => x.PlanId == plan.Id && x.OfficerId == o.Id) || db.Milestones.Any(x => x.PlanId == plan.Id && x.OfficerId == o.Id))
            .Select(o => o.JobTitle).ToListAsync(ct);
        var services = areas.OfType<string>().Select(t => t.StartsWith("Operational Director, ", StringComparison.Ordinal) ? t["Operational Director, ".Length..] : t).Distinct().Order(StringComparer.Ordinal);
        return CoverReport.Default(plan.Id, period, plan.Directorate, services);
    }

    /// <summary>Saves the edited fields; refuses (changing nothing) when a required field is empty.</summary>
    public async Task<IReadOnlyList<(string Field, string Problem)>> SaveAsync(string planRef, Period period, CoverReport fields, string by, CancellationToken ct = default)
    {
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Ref == planRef, ct) ?? throw new DomainException($"No plan has the reference \"{planRef}\".");
        var problems = fields.Problems();
        if (problems.Count > 0) return problems;
        var stored = await db.Set<CoverReport>().SingleOrDefaultAsync(c => c.PlanId == plan.Id && c.Period == period, ct);
        if (stored is null) db.Add(stored = new CoverReport { PlanId = plan.Id, Period = period });
        stored.ReportTo = fields.ReportTo.Trim();
        stored.Date = fields.Date.Trim();
        stored.ReportingOfficer = fields.ReportingOfficer.Trim();
        stored.Subject = fields.Subject.Trim();
        stored.Wards = fields.Wards.Trim();
        stored.Purpose = fields.Purpose.Trim();
        stored.Recommended = fields.Recommended.Trim();
        stored.SupportingInformation = fields.SupportingInformation.Trim();
        stored.PolicyImplications = fields.PolicyImplications.Trim();
        stored.OtherImplications = fields.OtherImplications.Trim();
        stored.CouncilPriorities = fields.CouncilPriorities.Trim();
        stored.RiskAnalysis = fields.RiskAnalysis.Trim();
        stored.EqualityAndDiversity = fields.EqualityAndDiversity.Trim();
        stored.BackgroundPapers = fields.BackgroundPapers.Trim();
        stored.UpdatedBy = by;
        stored.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>The cover report as a document: heading block, then 1.0 to 9.0 with paragraphs numbered 1.1, 1.2…</summary>
    public static Document Build(CoverReport c)
    {
        var blocks = new List<Block>
        {
            new Heading(1, c.Subject),
            new Field("REPORT TO", c.ReportTo),
            new Field("DATE", c.Date),
            new Field("REPORTING OFFICER", c.ReportingOfficer),
            new Field("SUBJECT", c.Subject),
            new Field("WARDS", c.Wards),
        };
        var n = 0;
        foreach (var (heading, text) in c.Sections)
        {
            n++;
            blocks.Add(new Heading(2, heading));
            var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (paragraphs.Length == 0) blocks.Add(new Paragraph("None."));
            var k = 0;
            foreach (var p in paragraphs)
            {
                // A paragraph that is a list, or that introduces one on the following lines, is printed as text and bullets.
                var lines = p.Split('\n');
                var bullets = lines.SkipWhile(l => !l.StartsWith("- ", StringComparison.Ordinal)).ToList();
                var lead = string.Join("\n", lines.TakeWhile(l => !l.StartsWith("- ", StringComparison.Ordinal)));
                if (lead.Length > 0) blocks.Add(new Paragraph(lead, $"{n}.{++k}"));
                if (bullets.Count > 0) blocks.Add(new BulletList(bullets.Select(b => b.TrimStart('-', ' ')).ToList()));
            }
        }
        return new Document($"Cover report: {c.Subject}", blocks) { Subject = $"{c.ReportTo}, {c.Date}" };
    }
}
