using System.Globalization;
using Outturn.Application.Documents;
using Outturn.Domain.Inspections;
using Outturn.Domain.Periods;

namespace Outturn.Application.Inspections;

/// <summary>
/// The improvement action plan in response to an inspection, as a board document (Word, PDF, HTML through the same
/// renderers as the others): the inspection's details and grades, then by timescale each recommendation with its
/// actions — what will be done, the owner, the due date, the milestones and measures it is linked to, and the latest
/// quarter's delivery and impact with evidence, as at the period asked for.
/// </summary>
public static class InspectionActionPlan
{
    private static readonly CultureInfo Gb = CultureInfo.GetCultureInfo("en-GB");

    public static Document Build(Inspection inspection, IReadOnlyDictionary<(string Kind, int Id), string> linkNames, Period asAt)
    {
        var blocks = new List<Block>
        {
            new Heading(1, $"Action plan: {inspection.Title}"),
            new Field("Inspection", $"{inspection.Type.ToWords()}, published {inspection.PublishedOn.ToString("d MMMM yyyy", Gb)}"),
            new Field("Inspectorates", inspection.Inspectorates),
        };
        if (inspection.Reference is not null) blocks.Add(new Field("Reference", inspection.Reference));
        if (inspection.ReportAddress is not null) blocks.Add(new Field("Report", inspection.ReportAddress));
        blocks.Add(new Field("Progress as at", $"the end of {asAt.ToDisplayString()}"));
        if (inspection.Grades.Count > 0)
        {
            blocks.Add(new Heading(2, "Grades"));
            blocks.Add(new Table("Judgement areas and grades", ["Judgement area", "Grade"],
                inspection.Grades.OrderBy(g => g.Order).Select(g => (IReadOnlyList<Cell>)[g.Area, $"{g.Grade}: {InspectionWords.GradeWord(g.Grade, inspection.Type)}"]).ToList())
            { Widths = [60, 40] });
        }
        var actions = 0;
        foreach (var group in inspection.Recommendations.OrderBy(r => r.Timescale).ThenBy(r => r.Order).GroupBy(r => r.Timescale))
        {
            blocks.Add(new Heading(2, group.Key.ToWords()));
            foreach (var r in group)
            {
                blocks.Add(new Heading(3, $"{r.Ref}: {r.ResponsibleBody}"));
                blocks.Add(new Paragraph(r.Text));
                if (r.Actions.Count == 0) { blocks.Add(new Paragraph("No improvement action is recorded yet.")); continue; }
                blocks.Add(new Table($"Improvement actions for {r.Ref}", ["Action", "Owner", "Due", "Linked to", $"Delivery and impact, {asAt.ToDisplayString()}"],
                    r.Actions.OrderBy(a => a.Due).ThenBy(a => a.Id).Select(a =>
                    {
                        actions++;
                        var status = a.StatusAt(asAt);
                        var links = string.Join(", ", a.Links.Select(l => l.MilestoneId is { } m ? linkNames.GetValueOrDefault(("milestone", m)) : linkNames.GetValueOrDefault(("indicator", l.IndicatorId ?? 0))).OfType<string>());
                        var progress = status is null ? "Not started; impact not yet evident (no quarter recorded)"
                            : $"{status.Delivery.ToWords()}; {status.Impact.ToWords().ToLowerInvariant()}" + (status.Period != asAt ? $" (as at {status.Period.ToDisplayString()})" : "")
                              + (status.Evidence is null ? "" : $". Evidence: {status.Evidence}");
                        return (IReadOnlyList<Cell>)[a.Text ?? r.Text, a.Owner, a.Due.ToString("d MMMM yyyy", Gb) + (a.IsOverdueAt(asAt) ? " (overdue)" : ""), links.Length == 0 ? "None" : links, progress];
                    }).ToList())
                { Widths = [30, 15, 13, 14, 28], RowHeaders = false });
            }
        }
        if (inspection.Recommendations.Count == 0) blocks.Add(new Paragraph("The inspection made no recommendations."));
        return new Document($"Action plan: {inspection.Title}", blocks) { Subject = $"{actions} improvement actions, progress as at {asAt.ToDisplayString()}" };
    }
}
