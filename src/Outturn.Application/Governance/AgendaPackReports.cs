using Outturn.Application.Accounts;
using Outturn.Application.Documents;
using Outturn.Application.Monitoring;
using Outturn.Domain.Governance;

namespace Outturn.Application.Governance;

/// <summary>
/// Puts into an agenda pack the reports its items take, so the pack holds each report itself after its cover sheet,
/// like the council's printed pack. A quarter's monitoring report comes through the one rule for round content
/// (<see cref="ReportVisibility"/>): its frozen snapshot once the round is published; before that only a reader
/// allowed the draft gets it, and everyone else a line saying it is not yet published.
/// </summary>
public sealed class AgendaPackReports(ReportVisibility visibility, BoardReports reports, CoverReports covers, DocumentContent content)
{
    public async Task<AgendaPack> WithReportsAsync(AgendaPack pack, Viewer viewer, CancellationToken ct = default) => pack with
    {
        PartI = await AttachAsync(pack.PartI, viewer, ct),
        PartII = await AttachAsync(pack.PartII, viewer, ct),
    };

    private async Task<IReadOnlyList<PackItem>> AttachAsync(IReadOnlyList<PackItem> items, Viewer viewer, CancellationToken ct)
    {
        var result = new List<PackItem>();
        foreach (var item in items)
        {
            if (item.Linked is not { } linked) { result.Add(item); continue; }
            var (document, withheld) = await DocumentAsync(linked, viewer, ct);
            result.Add(item with { Attached = document, Withheld = withheld });
        }
        return result;
    }

    private async Task<(Document? Document, string? Withheld)> DocumentAsync(PackReport linked, Viewer viewer, CancellationToken ct)
    {
        switch (linked.Kind)
        {
            case LinkedReportKind.MonitoringReport:
                var period = linked.Period!.Value;
                var visible = await visibility.GetAsync(linked.PlanRef, period, viewer, ct);
                if (visible.Outcome != ReportOutcome.Ok || visible.Report is null)
                    return (null, visible.Outcome is ReportOutcome.NeedsSignIn or ReportOutcome.Forbidden
                        ? $"The Priority Based report for {period.ToDisplayString()} of {linked.PlanTitle} is not yet published; it is part of this pack once it is."
                        : $"There is no Priority Based report of {linked.PlanTitle} for {period.ToDisplayString()}.");
                return (await reports.PpbAsync(visible.Report, visible.Round, visible.IsDraft || visible.Round is null, ct), null);
            case LinkedReportKind.CoverReport:
                var cover = await covers.GetAsync(linked.PlanRef, linked.Period!.Value, ct);
                return cover is null ? (null, $"The cover report of {linked.PlanTitle} is not held.") : (CoverReports.Build(cover), null);
            case LinkedReportKind.BusinessPlan:
                return (await content.BusinessPlanAsync(linked.PlanRef, ct), null);
            default:
                return (await content.PlanReviewAsync(linked.PlanRef, ct), null);
        }
    }
}
