using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;
using Outturn.Web.Features.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Monitoring;

/// <summary>
/// A quarter's monitoring. Once its round is published the page shows the frozen report, with any later correction
/// marked "revised since publication"; before that, only those allowed to see drafts see it.
/// </summary>
[Authorize(Policy = Policies.Public)]
[Microsoft.AspNetCore.OutputCaching.OutputCache(PolicyName = Outturn.Web.Hosting.PublishedReportCache.PolicyName)]
public sealed class IndexModel(ReportVisibility access, MonitoringQuery query,
    Application.Risks.RiskQuery risks, Application.Equality.EqualityQuery equality, Application.Finance.FinanceQuery finance,
    Application.Inspections.InspectionQuery inspections) : PageModel
{
    /// <summary>"exceptions": only the measures and milestones whose progress is red or amber.</summary>
    [BindProperty(SupportsGet = true)] public string? Show { get; set; }
    public bool ExceptionsOnly => string.Equals(Show, "exceptions", StringComparison.OrdinalIgnoreCase);

    /// <summary>The report as shown: whole, or its exceptions only.</summary>
    public MonitoringReport Shown { get; private set; } = null!;

    /// <summary>The page's contents list: each section present, with the id of its heading.</summary>
    public IReadOnlyList<(string Text, string Id)> Contents { get; private set; } = [];

    public ReportContext Context { get; private set; } = null!;
    public MonitoringReport Report { get; private set; } = null!;
    public MonitoringRound? Round { get; private set; }
    public bool IsDraft { get; private set; }
    public IReadOnlyDictionary<string, FigureRevision> Revisions { get; private set; } = new Dictionary<string, FigureRevision>();
    public string PlanRef { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string planRef, Period period, CancellationToken ct)
    {
        var p = period;
        var result = await access.GetAsync(planRef, p, User.AsViewer(), ct);
        if (ReportRefusal.For(this, result, planRef, p) is { } refusal) return refusal;
        Report = result.Report!;
        Round = result.Round;
        IsDraft = result.IsDraft;
        Revisions = result.Revisions;
        PlanRef = planRef;
        var plan = (await query.LoadPlanAsync(planRef, ct))!;
        var hidden = await access.HiddenPeriodsAsync(planRef, User.AsViewer(), ct);
        foreach (var indicator in plan.Indicators) indicator.Values.RemoveAll(v => hidden.Contains(v.Period));
        // A published report's sections 4.0, 5.0 and 7.0 are those frozen with it.
        Context = new ReportContext(plan, p, IsDraft ? null : Report.Registers);
        Shown = ExceptionsOnly ? Exceptions(Report) : Report;

        var contents = Shown.Priorities.Select((b, n) => ($"Priority: {b.Priority}", $"priority-{n + 1}")).ToList();
        // The sections the page's partials print when they hold anything for the period (the same sources they use:
        // the frozen registers of a published report, else the registers as they stand).
        var registers = Context.Registers;
        if ((registers?.Risks ?? await risks.ForPlanAsync(plan, p, ct)).HighRisks.Count > 0) contents.Add(("Risk Control Measures", "risk-control-measures"));
        if ((registers?.Equality ?? await equality.ForPlanAsync(plan, p, ct)).HighPriority.Count > 0) contents.Add(("Progress against high priority equality actions", "equality-actions"));
        if ((registers?.FinancialSummaries() ?? await finance.ForDirectorateAsync(plan.Directorate, p, ct)).Count > 0) contents.Add(("Financial Summaries", "financial-summaries"));
        if ((await inspections.ActionPlanSectionAsync(planRef, p, ct)).Count > 0) contents.Add(("Inspection action plan", "inspection-action-plan"));
        contents.Add(("Explanation of symbols", "symbols"));
        Contents = contents;
        return Page();
    }

    /// <summary>The exceptions a board asks about first: measures whose final progress is red or amber, and milestones reported red or amber.</summary>
    public static MonitoringReport Exceptions(MonitoringReport report)
    {
        static bool Measure(MeasureLine m) => m.ProgressJudgement.Final is Domain.Status.Progress.Red or Domain.Status.Progress.Amber;
        static bool Milestone(MilestoneLine m) => StatusWords.TryParseMilestoneProgress(m.Progress, out var p) && p is Domain.Status.MilestoneProgress.Red or Domain.Status.MilestoneProgress.Amber;
        return report with
        {
            Priorities = report.Priorities.Select(b => b with
            {
                KeyMeasures = b.KeyMeasures.Where(Measure).ToList(),
                Milestones = b.Milestones.Where(Milestone).ToList(),
                Measures = b.Measures.Where(Measure).ToList(),
            }).ToList(),
        };
    }
}
