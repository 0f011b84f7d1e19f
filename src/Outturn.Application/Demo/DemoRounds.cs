using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Demo;

/// <summary>
/// The demo's reporting rounds of HBC-CYP-2015-16: Quarter 2 2015/16 as published (from the figures of the
/// published report), and Quarter 3 open, with a few updates drafted and submitted (demonstration figures).
/// </summary>
public sealed class DemoRounds(OutturnDbContext db, RoundViews rounds, OpenRound open, ChangeStage stage, SaveItem save)
{
    public const string PlanRef = "HBC-CYP-2015-16";

    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken ct = default)
    {
        var report = new List<string>();
        var plan = await db.Plans.AsNoTracking().SingleOrDefaultAsync(p => p.Ref == PlanRef, ct);
        if (plan is null) return report;
        var q2 = Period.Quarter(2015, 2);
        var q3 = Period.Quarter(2015, 3);
        var performance = new Actor("Pat Performance", null, RunsRounds: true);

        if (await rounds.FindAsync(PlanRef, q2, ct) is null)
        {
            var round = await open.HandleAsync(new OpenRound.Request(PlanRef, q2, new DateOnly(2015, 10, 30)), performance, ct);
            var values = await db.IndicatorValues.AsNoTracking().Where(v => v.Period == q2).ToDictionaryAsync(v => v.IndicatorId, ct);
            var updates = await db.MilestoneUpdates.AsNoTracking().Where(u => u.Period == q2).ToDictionaryAsync(u => u.MilestoneId, ct);
            var commentary = await db.Commentaries.AsNoTracking().Where(c => c.Period == q2).ToListAsync(ct);
            var at = new DateTimeOffset(2015, 10, 30, 12, 0, 0, TimeSpan.Zero);
            foreach (var item in round.Items)
            {
                var update = item.Kind switch
                {
                    ItemKind.Measure when values.TryGetValue(item.IndicatorId!.Value, out var v) => new ItemUpdate(v.Value, v.Status, v.Note, null, null, InternalNote: v.InternalNote),
                    ItemKind.Measure => new ItemUpdate(null, ValueStatus.Unavailable, "Not reported in the Quarter 2 2015/16 report", null, null),
                    ItemKind.Milestone => new ItemUpdate(null, null, null, updates.GetValueOrDefault(item.MilestoneId!.Value)?.Progress, updates.GetValueOrDefault(item.MilestoneId!.Value)?.Commentary),
                    _ when item.PriorityId is { } pid => new ItemUpdate(null, null, null, null, string.Join("\n\n", commentary.Where(c => c.PriorityId == pid).OrderBy(c => c.Order).Select(c => c.Text))),
                    _ => new ItemUpdate(null, null, null, null, Q2Narrative(item.Section!.Value)),
                };
                item.RecordAsReported(update, "Loaded from the published report", at);
            }
            await db.SaveChangesAsync(ct);
            // The pack for the Policy and Performance Board of 4 January 2016 went out in December 2015.
            await stage.HandleAsync(new ChangeStage.Request(round.Id, RoundStep.MoveToReview, At: new DateTimeOffset(2015, 11, 16, 9, 0, 0, TimeSpan.Zero)), performance, ct);
            await stage.HandleAsync(new ChangeStage.Request(round.Id, RoundStep.SignOff, At: new DateTimeOffset(2015, 12, 1, 9, 0, 0, TimeSpan.Zero)), new Actor("Dana Director", null, false), ct);
            await stage.HandleAsync(new ChangeStage.Request(round.Id, RoundStep.Publish, At: new DateTimeOffset(2015, 12, 21, 9, 0, 0, TimeSpan.Zero)), performance, ct);
            report.Add($"{PlanRef} {q2}: round loaded as published.");
        }

        if (await rounds.FindAsync(PlanRef, q3, ct) is null)
        {
            var round = await open.HandleAsync(new OpenRound.Request(PlanRef, q3, new DateOnly(2016, 1, 15)), performance, ct);
            var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Name, o => o.Id, ct);
            Actor As(string name) => new(name, officers.GetValueOrDefault(name), false);
            RoundItem Item(string label) => round.Items.First(i => i.Label.StartsWith(label, StringComparison.Ordinal));
            // Demonstration figures for a quarter the documents do not report.
            await Save(Item("CED033:"), new ItemUpdate(78m, ValueStatus.Provisional, null, null, "Improving as the new assessment team beds in (demonstration figure)."), submit: true);
            await Save(Item("CED047:"), new ItemUpdate(4.9m, ValueStatus.Final, null, null, "Demonstration figure."), submit: false);
            await Save(Item("CED08a:"), new ItemUpdate(null, null, null, MilestoneProgress.Green, "On course (demonstration update)."), submit: true);
            await Save(Item("CED02a:"), new ItemUpdate(null, null, null, MilestoneProgress.Amber, "Sufficiency assessment delayed by a month (demonstration update)."), submit: false);
            // The partner's measure goes to the Trust's officer for this quarter, who has drafted it.
            if (officers.TryGetValue(DemoOrganisations.PartnerOfficer, out var partner))
            {
                var partners = Item(DemoOrganisations.PartnerMeasure + ":");
                partners.Reassign(partner);
                await db.SaveChangesAsync(ct);
                await Save(partners, new ItemUpdate(31.9m, ValueStatus.Provisional, null, null, "School nursing drop-in sessions extended to both colleges (health demonstration figure)."), submit: false);
            }
            report.Add($"{PlanRef} {q3}: round open, some updates drafted and some submitted.");

            async Task Save(RoundItem item, ItemUpdate update, bool submit)
            {
                var officer = await db.Officers.AsNoTracking().SingleAsync(o => o.Id == item.AssigneeId, ct);
                var result = await save.HandleAsync(new SaveItem.Request(round.Id, item.Id, item.Version, update, submit), As(officer.Name), ct);
                if (result is not SaveResult.Saved) throw new InvalidOperationException($"Demo update of {item.Label} was refused: {result}");
            }
        }
        return report;
    }

    public static string RoundsFolder => Path.Combine(AppContext.BaseDirectory, "Demo", "rounds");

    /// <summary>
    /// Sections 2.0 to 5.0 of the published Quarter 2 2015/16 report (docs/sources.md §2.5): key developments and
    /// emerging issues from the files in Demo/rounds (each item headed by its title and the officer's initials), risk
    /// control and equality as printed.
    /// </summary>
    private static string Q2Narrative(NarrativeSection section) => section switch
    {
        NarrativeSection.KeyDevelopments => File.ReadAllText(Path.Combine(RoundsFolder, "HBC-CYP-2015-16_2015-16-Q2_key-developments.txt")),
        NarrativeSection.EmergingIssues => File.ReadAllText(Path.Combine(RoundsFolder, "HBC-CYP-2015-16_2015-16-Q2_emerging-issues.txt")),
        NarrativeSection.RiskControlMeasures =>
            "Risk control forms an integral part of the Council's Business Planning and performance monitoring arrangements. As such, Directorate Risk Registers were updated in tandem with the development of the 2015-17 Directorate Business Plans.\n\n" +
            "Progress concerning the implementation of all Directorate high risk mitigation measures relevant to this Directorate will be reported at quarter two.",
        _ =>
            "Equality issues continue to form a routine element of the Council's business planning and operational decision making processes. Additionally the Council must have evidence to demonstrate compliance with the Public Sector Equality Duty (PSED) which came into force in April 2011.\n\n" +
            "The council's latest annual progress report in relation to achievement of its equality objectives is published on the Council's website.",
    };
}
