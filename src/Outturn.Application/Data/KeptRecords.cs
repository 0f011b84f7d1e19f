using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Outturn.Domain;
using Outturn.Domain.Organisations;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Data;

/// <summary>
/// What Outturn never deletes: plans and their items (retired instead), the organisations that own them, officers, figures and targets, judgements, rounds with
/// their items and events, and the audit trail; and a published report, which is never changed once written. The
/// store refuses such a save with a clear reason before anything reaches the database, whose keys restrict
/// deletion as a second line.
/// </summary>
public static class KeptRecords
{
    public static void Check(ChangeTracker tracker)
    {
        foreach (var e in tracker.Entries())
        {
            if (e.State == EntityState.Deleted && Describe(e.Entity) is { } what)
                throw new DomainException($"{what} cannot be deleted: Outturn keeps it with its history. {Instead(e.Entity)}");
            if (e.State == EntityState.Modified && e.Entity is MonitoringRound round)
            {
                var snapshot = e.Property(nameof(MonitoringRound.PublishedSnapshot));
                var at = e.Property(nameof(MonitoringRound.PublishedAt));
                if ((snapshot.IsModified && snapshot.OriginalValue is not null) || (at.IsModified && at.OriginalValue is not null))
                    throw new DomainException($"The published report of round {round.Id} ({round.Period}) cannot be changed: a published report is frozen.");
            }
        }
    }

    private static string? Describe(object entity) => entity switch
    {
        Plan p => $"The plan {p.Ref}",
        Priority p => $"The priority \"{p.Name}\"",
        Objective o => $"The objective {o.Ref}",
        Milestone m => $"The milestone {m.Ref}",
        Indicator i => $"The measure {i.Ref}",
        Officer o => $"The officer {o.Name}",
        Organisation o => $"The organisation {o.Name}",
        Target t => $"A target ({t.Period})",
        IndicatorValue v => $"A figure ({v.Period})",
        StatusOverride o => $"A status override ({o.Period})",
        ComparatorValue c => $"A comparator figure ({c.Period})",
        MilestoneUpdate u => $"A milestone update ({u.Period})",
        MonitoringRound r => $"The round for {r.Period}",
        RoundItem i => $"The round item \"{i.Label}\"",
        RoundEvent => "A round's event",
        AuditEntry => "An audit record",
        PlanVersion v => $"Version {v.Number} of a plan",
        Documents.PublishedDocument => "A published report's document",
        Domain.Governance.Board b => $"The board {b.Name}",
        Domain.Governance.BoardMember m => $"The seat of {m.Name}",
        Domain.Governance.Meeting m => $"The meeting of {m.Date:d MMMM yyyy}",
        Domain.Governance.Decision d => $"The decision \"{d.Title}\"",
        Domain.Governance.ActionItem a => $"The action \"{a.Text}\"",
        Domain.Governance.ActionUpdate => "An action's update",
        Domain.Inspections.Inspection i => $"The inspection {i.Ref}",
        Domain.Inspections.JudgementGrade g => $"The grade of {g.Area}",
        Domain.Inspections.KeyJudgement => "A key judgement",
        Domain.Inspections.Recommendation r => $"The recommendation {r.Ref}",
        Domain.Inspections.ImprovementAction => "An improvement action",
        Domain.Inspections.ImprovementQuarter q => $"An improvement action's progress ({q.Period})",
        Domain.Participation.Promise => "A promise",
        Domain.Participation.PromiseReview r => $"A promise's review ({r.Year})",
        Domain.Participation.EngagementActivity a => $"The engagement activity \"{a.Title}\"",
        _ => null,
    };

    private static string Instead(object entity) => entity switch
    {
        Priority or Objective or Milestone or Indicator => "Retire it instead: leave it out of the plan folder, or give it a date in the retired column.",
        Plan => "Retire its items instead.",
        Organisation => "Its plans, items, officers and accounts stay with it; change its name or its place in the tree instead.",
        Domain.Governance.BoardMember => "End the membership instead: give it a \"to\" date.",
        Domain.Governance.ActionItem => "Close it instead, with a note of why.",
        _ => "Record a correction instead.",
    };
}
