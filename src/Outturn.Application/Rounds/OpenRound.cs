using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Rounds;

/// <summary>Opens a round with every measure, this year's milestones and the narrative sections assigned to their officers.</summary>
public sealed class OpenRound(OutturnDbContext db, MonitoringQuery monitoring, TimeProvider clock)
{
    public sealed record Request(string PlanRef, Period Period, DateOnly Deadline, DateOnly? OpensOn = null);

    public async Task<MonitoringRound> HandleAsync(Request request, Actor actor, CancellationToken ct = default)
    {
        var (planRef, period) = (request.PlanRef, request.Period);
        var plan = await monitoring.LoadPlanAsync(planRef, ct) ?? throw new DomainException($"No plan has the reference \"{planRef}\".");
        if (!plan.Covers(period)) throw new DomainException($"{plan.Ref} covers {plan.Span}; it has no {period.ToDisplayString()}.");
        if (await db.Set<MonitoringRound>().AnyAsync(r => r.PlanId == plan.Id && r.Period == period, ct))
            throw new DomainException($"A round for {plan.Ref} {period.ToDisplayString()} already exists; it cannot be opened twice.", DomainRefusal.Conflict);

        var round = MonitoringRound.Open(plan.Id, period, request.Deadline, actor.Name, clock.GetUtcNow(), request.OpensOn);
        // Each item goes to the officer responsible for it; failing that, to the lead officer of its priority (the
        // officer of the priority's first objective), and failing that to the plan's lead officer.
        var lead = plan.Objectives.OrderBy(o => o.Order).Select(o => o.OfficerId).FirstOrDefault(id => id is not null);
        int? LeadOf(int priorityId) => plan.Objectives.Where(o => o.PriorityId == priorityId).OrderBy(o => o.Order).Select(o => o.OfficerId).FirstOrDefault(id => id is not null) ?? lead;
        // Retired items keep their earlier rounds' items but join no new round.
        foreach (var i in plan.Indicators.Where(i => !i.IsRetired).OrderBy(i => i.Order))
            round.Items.Add(new RoundItem(i.OfficerId ?? i.Objective?.OfficerId ?? LeadOf(i.PriorityId)) { Kind = ItemKind.Measure, IndicatorId = i.Id, Label = $"{i.Ref}: {i.Title}" });
        var year = period.ContainingFinancialYear().Year;
        foreach (var m in plan.Milestones.Where(m => m.Year == year && !m.IsRetired).OrderBy(m => m.Order))
            round.Items.Add(new RoundItem(m.OfficerId ?? LeadOf(m.PriorityId)) { Kind = ItemKind.Milestone, MilestoneId = m.Id, Label = $"{m.Ref}: {m.Text}" });
        foreach (var section in new[] { NarrativeSection.KeyDevelopments, NarrativeSection.EmergingIssues, NarrativeSection.RiskControlMeasures, NarrativeSection.EqualityActions })
            round.Items.Add(new RoundItem(lead) { Kind = ItemKind.Narrative, Section = section, Label = SectionTitle(section) });
        // A priority's supporting commentary is compiled by the performance team from its measures and milestones, so
        // it is assigned to no contributor.
        foreach (var p in plan.Priorities.Where(p => !p.IsRetired).OrderBy(p => p.Order))
            round.Items.Add(new RoundItem(null) { Kind = ItemKind.Narrative, Section = NarrativeSection.SupportingCommentary, PriorityId = p.Id, Label = $"Supporting commentary: {p.Name}" });
        db.Add(round);
        await db.SaveChangesAsync(ct);
        return round;
    }

    private static string SectionTitle(NarrativeSection s) => s switch
    {
        NarrativeSection.KeyDevelopments => "Key developments",
        NarrativeSection.EmergingIssues => "Emerging issues",
        NarrativeSection.RiskControlMeasures => "Risk control measures",
        NarrativeSection.EqualityActions => "Progress against high priority equality actions",
        _ => "Supporting commentary",
    };
}
