using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Rounds;

/// <summary>
/// <c>Outturn:Dashboard:AsAt</c>: the date the dashboard is measured at. Unset, it is today (in the UK); the
/// demonstration sets the Policy and Performance Board's date, 4 January 2016, so that its figures are not judged
/// against today's clock.
/// </summary>
public sealed class DashboardSettings
{
    public DateOnly? AsAt { get; set; }

    public DateOnly Today(TimeProvider clock) => AsAt ?? UkDates.Today(clock);
}

public sealed record DashboardMeasure(string Plan, string Ref, string Title, string Value, string Progress, string Direction, string? Commentary);
public sealed record DashboardMilestone(string Plan, string Ref, string Text, DateOnly Due, string Progress);
public sealed record DashboardCompleteness(string Organisation, int Submitted, int Items);

/// <summary>The current round of one plan as the dashboard shows it.</summary>
public sealed record DashboardRound(
    string Plan, string PlanTitle, Period Period, RoundState State, bool IsDraft, DateOnly Deadline,
    IReadOnlyList<DashboardMeasure> RedsAndAmbers, IReadOnlyList<DashboardMeasure> Worsened,
    IReadOnlyList<DashboardMilestone> OverdueMilestones, IReadOnlyList<DashboardCompleteness> Completeness);

/// <summary>
/// What needs attention in each plan's current round, as at the dashboard's date: the red and amber measures, the
/// measures whose direction of travel is worse, milestones past their due date and not complete, and how complete
/// each organisation's updates are. What a viewer may not see yet (a draft) is left to the one rule for drafts.
/// </summary>
public sealed class RoundDashboard(OutturnDbContext db, ReportVisibility access, DashboardSettings settings, TimeProvider clock)
{
    public DateOnly AsAt => settings.Today(clock);

    public async Task<IReadOnlyList<DashboardRound>> CurrentAsync(Viewer viewer, CancellationToken ct = default)
    {
        var asAt = AsAt;
        var rounds = await db.Set<MonitoringRound>().AsNoTracking().Include(r => r.Items).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().ToDictionaryAsync(p => p.Id, ct);
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Organisation, ct);
        var result = new List<DashboardRound>();
        // Each plan's current round: the latest whose quarter has begun by the dashboard's date.
        foreach (var round in rounds.Where(r => r.Period.Start <= asAt).GroupBy(r => r.PlanId).Select(g => g.OrderByDescending(r => r.Period).First()))
        {
            var plan = plans[round.PlanId];
            var visible = await access.GetAsync(plan.Ref, round.Period, viewer, ct);
            if (visible.Report is not { } report) continue;
            var commentary = round.Items.Where(i => i.IndicatorId is not null && i.Commentary is not null).ToDictionary(i => i.IndicatorId!.Value, i => i.Commentary);
            var ids = await db.Indicators.AsNoTracking().Where(i => i.PlanId == plan.Id).ToDictionaryAsync(i => i.Ref, i => i.Id, ct);
            DashboardMeasure Line(MeasureLine m) => new(plan.Ref, m.Ref, m.Title, m.CurrentText, m.FinalProgress, m.FinalDirection,
                m.Commentary ?? (visible.IsDraft && ids.TryGetValue(m.Ref, out var id) ? commentary.GetValueOrDefault(id) : null));
            var year = round.Period.ContainingFinancialYear().Year;
            var milestones = await db.Milestones.AsNoTracking().Include(m => m.Updates)
                .Where(m => m.PlanId == plan.Id && m.Year == year && m.Due != null).ToListAsync(ct);
            var overdue = milestones.Where(m => m.RetiredOn is null && m.Due < asAt)
                .Select(m => (m, Latest: m.Updates.Where(u => u.Period.CompareTo(round.Period) <= 0 && u.Progress != null).OrderBy(u => u.Period).LastOrDefault()))
                .Where(x => x.Latest?.Progress != Domain.Status.MilestoneProgress.Complete)
                .OrderBy(x => x.m.Due).ThenBy(x => x.m.Order)
                .Select(x => new DashboardMilestone(plan.Ref, x.m.Ref, x.m.Text, x.m.Due!.Value, x.Latest?.Progress?.ToWord() ?? "no update"))
                .ToList();
            var completeness = round.Items.Where(i => !i.IsSupportingCommentary)
                .GroupBy(i => i.AssigneeId is { } a ? officers.GetValueOrDefault(a) ?? "No organisation" : "Not assigned")
                .Select(g => new DashboardCompleteness(g.Key, g.Count(i => i.State == ItemState.Submitted), g.Count()))
                .OrderBy(c => c.Organisation, StringComparer.Ordinal).ToList();
            result.Add(new DashboardRound(plan.Ref, plan.Title, round.Period, round.State, visible.IsDraft, round.Deadline,
                report.AllMeasures.Where(m => m.FinalProgress is "red" or "amber").OrderBy(m => m.FinalProgress == "red" ? 0 : 1).Select(Line).ToList(),
                report.AllMeasures.Where(m => m.FinalDirection == "worse").Select(Line).ToList(),
                overdue, completeness));
        }
        return result.OrderBy(r => r.Plan, StringComparer.Ordinal).ToList();
    }
}
