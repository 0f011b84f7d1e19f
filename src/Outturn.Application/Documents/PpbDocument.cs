using System.Text.RegularExpressions;
using Outturn.Application.Monitoring;
using Outturn.Domain.Status;

namespace Outturn.Application.Documents;

/// <summary>One numbered item of Key Developments or Emerging Issues: its title, the responsible officer's initials, its text.</summary>
public sealed record NarrativeEntry(string? Title, string? Initials, IReadOnlyList<string> Paragraphs)
{
    private static readonly Regex TitleLine = new(@"^(?<title>.{1,200}?)\s*\((?<initials>[A-Z][A-Za-z]{0,3})\)\s*$", RegexOptions.Compiled);

    /// <summary>
    /// Splits a narrative item's text into entries. A line ending in initials in brackets, such as
    /// "Referrals to Social Care (TC)", starts an entry; the paragraphs after it (blank-line separated) are its text.
    /// Text before any such line is one entry credited to <paramref name="assignee"/>, the officer the item is assigned to.
    /// </summary>
    public static IReadOnlyList<NarrativeEntry> Parse(string? text, string? assignee)
    {
        var entries = new List<NarrativeEntry>();
        if (string.IsNullOrWhiteSpace(text)) return entries;
        string? title = null, initials = assignee;
        var paragraphs = new List<string>();
        var current = new List<string>();

        void EndParagraph()
        {
            if (current.Count > 0) paragraphs.Add(string.Join("\n", current));
            current.Clear();
        }

        void EndEntry()
        {
            EndParagraph();
            if (title is not null || paragraphs.Count > 0) entries.Add(new NarrativeEntry(title, initials, paragraphs.ToList()));
            paragraphs.Clear();
        }

        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.TrimEnd();
            var m = TitleLine.Match(line.Trim());
            if (m.Success && !line.TrimStart().StartsWith('-'))
            {
                EndEntry();
                title = m.Groups["title"].Value.Trim();
                initials = m.Groups["initials"].Value;
            }
            else if (line.Trim().Length == 0) EndParagraph();
            else current.Add(line.Trim());
        }
        EndEntry();
        return entries;
    }
}

/// <summary>What the Priority Based report is made of: the monitoring (published snapshot or live draft), the round's narrative, and sections 4, 5 and 7.</summary>
public sealed record PpbContent(
    MonitoringReport Report, bool IsDraft,
    IReadOnlyList<NarrativeEntry> KeyDevelopments, IReadOnlyList<NarrativeEntry> EmergingIssues,
    IReadOnlyList<Block> RiskControlMeasures, IReadOnlyList<Block> EqualityActions, IReadOnlyList<Block> FinancialSummaries,
    string? PublishedOn = null, IReadOnlyList<OfficerKey>? OfficersKey = null,
    IReadOnlyDictionary<string, IReadOnlyList<Block>>? Charts = null)
{
    /// <summary>The key of officers' initials: as given, else the officers responsible for the report's items.</summary>
    public IReadOnlyList<OfficerKey> Officers => OfficersKey ?? Report.Officers;
}

/// <summary>
/// The Priority Based Policy and Performance Board report in the council's layout (docs/sources.md §2.5):
/// heading block, 1.0 Introduction … 8.0 Appendix 1.
/// </summary>
public static class PpbDocument
{
    public const string Title = "Priority Based PPB Report";

    public static readonly string[] SectionHeadings =
    [
        "1.0 Introduction", "2.0 Key Developments", "3.0 Emerging Issues", "4.0 Risk Control Measures",
        "5.0 Progress against high priority equality actions", "6.0 Performance Overview", "7.0 Financial Summaries",
        "8.0 Appendix 1 – Explanation for use of symbols",
    ];

    public static Document Build(PpbContent c)
    {
        var r = c.Report;
        var blocks = new List<Block>
        {
            new Heading(1, Title),
            new Field("Directorate", r.Directorate ?? r.PlanTitle),
            new Field("Reporting Period", r.ReportingPeriod),
        };
        if (c.IsDraft) blocks.Add(new Paragraph([new Run("DRAFT: ", Bold: true), new Run("this round is not yet published. Figures and commentary may change.")]));
        else if (c.PublishedOn is not null) blocks.Add(new Paragraph($"As published on {c.PublishedOn}."));

        blocks.Add(new Heading(2, SectionHeadings[0]));
        blocks.Add(new Paragraph("This report provides an overview of issues and progress within the Directorate that have occurred during the period of the report. The way in which traffic light symbols have been used to reflect progress to date is explained within Appendix 1 (section 8).", "1.1"));
        blocks.Add(new Paragraph("Please note initials have been provided to indicate which officer is responsible for the commentary to aid Members, as requested by the Policy and Performance Board. A key is provided at the end of the report in Appendix 1 (section 8).", "1.2"));

        blocks.Add(new Heading(2, SectionHeadings[1]));
        Narrative(blocks, c.KeyDevelopments, "2");
        blocks.Add(new Heading(2, SectionHeadings[2]));
        Narrative(blocks, c.EmergingIssues, "3");
        blocks.Add(new Heading(2, SectionHeadings[3]));
        blocks.AddRange(c.RiskControlMeasures);
        blocks.Add(new Heading(2, SectionHeadings[4]));
        blocks.AddRange(c.EqualityActions);

        // Section 6.0 starts the landscape pages with its heading, so no portrait page is left holding the heading alone.
        var overview = new List<Block>
        {
            new Heading(2, SectionHeadings[5]),
            new Paragraph("The following information provides a synopsis of progress for both milestones and performance measures across the key business areas that have been identified by the Directorate.", "6.1"),
        };
        if (r.Priorities.Count == 0) overview.Add(new Paragraph("Nothing has been recorded for this period."));
        foreach (var p in r.Priorities) Priority(overview, p, r, c.Charts);
        blocks.Add(new Landscape(overview));

        blocks.Add(new Heading(2, SectionHeadings[6]));
        blocks.AddRange(c.FinancialSummaries);

        blocks.Add(new Heading(2, SectionHeadings[7]));
        Appendix(blocks, c.Officers);

        return new Document($"{Title}: {r.Directorate ?? r.PlanTitle}, {r.PeriodTitle}{(c.IsDraft ? " (draft)" : "")}", blocks)
        {
            Subject = $"Priority Based Policy and Performance Board report for {r.PlanTitle}, {r.ReportingPeriod}",
        };
    }

    private static void Narrative(List<Block> blocks, IReadOnlyList<NarrativeEntry> entries, string section)
    {
        if (entries.Count == 0)
        {
            blocks.Add(new Paragraph("None reported."));
            return;
        }
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var number = $"{section}.{i + 1}";
            var by = e.Initials is null ? "" : $" ({e.Initials})";
            var paragraphs = e.Paragraphs;
            if (e.Title is not null) blocks.Add(new Paragraph([new Run(e.Title + by, Bold: true)], number));
            else if (paragraphs.Count > 0)
            {
                blocks.Add(new Paragraph([new Run(paragraphs[0] + by)], number));
                paragraphs = paragraphs.Skip(1).ToList();
            }
            foreach (var text in paragraphs) AddText(blocks, text);
        }
    }

    /// <summary>A paragraph, or a bulleted list when every line starts with "- ".</summary>
    internal static void AddText(List<Block> blocks, string text)
    {
        var lines = text.Split('\n');
        if (lines.All(l => l.StartsWith("- ", StringComparison.Ordinal))) blocks.Add(new BulletList(lines.Select(l => l[2..].Trim()).ToList()));
        else blocks.Add(new Paragraph(text));
    }

    private static void Priority(List<Block> blocks, PriorityReport p, MonitoringReport r, IReadOnlyDictionary<string, IReadOnlyList<Block>>? charts)
    {
        blocks.Add(new Heading(3, "Priority: " + p.Priority));
        if (p.KeyMeasures.Count > 0)
            blocks.Add(new Table("Key Milestones and Measures", ["Ref", "Measure", "Current progress", "Target", "Quarterly Progress", "Direction of Travel"],
                p.KeyMeasures.Select(m => (IReadOnlyList<Cell>)[m.Ref, m.Title, m.CurrentText, m.TargetText, ProgressCell(m), DirectionCell(m)]).ToList())
            { Widths = [10, 34, 16, 12, 14, 14] });
        // Each key measure's chart against its target and comparators, as in the published report's headline boxes,
        // followed by its figures as a table (the chart's alternative text points to it).
        foreach (var m in p.KeyMeasures)
            if (charts?.GetValueOrDefault(m.Ref) is { } chart) blocks.AddRange(chart);
        if (p.Milestones.Count > 0)
            blocks.Add(new Table("Milestones", ["Ref", "Milestones", "Quarterly progress"],
                p.Milestones.Select(m => (IReadOnlyList<Cell>)[m.Ref, MilestoneText(m), MilestoneCell(m)]).ToList())
            { Widths = [10, 72, 18] });
        if (p.Measures.Count > 0)
            blocks.Add(new Table("Measures", ["Ref", "Measure", r.PreviousYearHeading, r.YearHeading, "Current", "Direction of Travel", "Quarterly progress"],
                p.Measures.Select(m => (IReadOnlyList<Cell>)[m.Ref, m.Title, m.PreviousYearActual, m.TargetText, m.CurrentText, DirectionCell(m), ProgressCell(m)]).ToList())
            { Widths = [10, 34, 11, 11, 12, 11, 11] });
        if (p.Commentary.Count > 0)
        {
            blocks.Add(new Paragraph([new Run("Supporting Commentary (key measures and notable exception reporting)", Bold: true)]));
            foreach (var text in p.Commentary) AddText(blocks, text);
        }
    }

    private static Cell MilestoneText(MilestoneLine m) =>
        string.IsNullOrWhiteSpace(m.Commentary) ? m.Text : Cell.Of(new Run(m.Text), new Run("\n" + m.Commentary));

    private static Cell MilestoneCell(MilestoneLine m)
    {
        StatusWords.TryParseMilestoneProgress(m.Progress, out var progress);
        var reported = m.Progress is null ? (MilestoneProgress?)null : progress;
        return Cell.Of(Symbols.For(reported));
    }

    private static Cell ProgressCell(MeasureLine m)
    {
        var j = m.ProgressJudgement;
        var cell = new List<Inline> { Symbols.For(j.Final) };
        // The computed status is a status too: printed as its symbol with its words, never as a bare word.
        if (j.IsOverridden) cell.AddRange([new Run("\n(officer's judgement; computed: "), Symbols.For(j.Computed), new Run(")")]);
        return new Cell(cell);
    }

    private static Cell DirectionCell(MeasureLine m)
    {
        var j = m.DirectionJudgement;
        var cell = new List<Inline> { Symbols.For(j.Final) };
        // The computed status is a status too: printed as its symbol with its words, never as a bare word.
        if (j.IsOverridden) cell.AddRange([new Run("\n(officer's judgement; computed: "), Symbols.For(j.Computed), new Run(")")]);
        return new Cell(cell);
    }

    private static void Appendix(List<Block> blocks, IReadOnlyList<OfficerKey> officers)
    {
        blocks.Add(new Paragraph("Symbols are used in the following manner:", "8.1"));
        blocks.Add(new Table("Progress", ["Progress", "Milestone", "Measure"],
        [
            [Cell.Of(Symbols.For(Progress.Green)), "Indicates that the milestone is on course to be achieved within the appropriate timeframe.", "Indicates that the annual target is on course to be achieved."],
            [Cell.Of(Symbols.For(Progress.Amber)), "Indicates that it is uncertain or too early to say at this stage whether the milestone will be achieved within the appropriate timeframe.", "Indicates that it is uncertain or too early to say at this stage whether the annual target is on course to be achieved."],
            [Cell.Of(Symbols.For(Progress.Red)), "Indicates that it is highly likely or certain that the objective will not be achieved within the appropriate timeframe.", "Indicates that the target will not be achieved unless there is an intervention or remedial action taken."],
        ]) { Widths = [16, 42, 42] });
        blocks.Add(new Paragraph("Direction of Travel Indicator", "8.2"));
        blocks.Add(new Paragraph("Where possible measures will also identify a direction of travel using the following convention:"));
        blocks.Add(new Table("Direction of travel", ["Direction", "Meaning"],
        [
            [Cell.Of(Symbols.For(Direction.Better)), "Indicates that performance is better as compared to the same period last year."],
            [Cell.Of(Symbols.For(Direction.Same)), "Indicates that performance is the same as compared to the same period last year."],
            [Cell.Of(Symbols.For(Direction.Worse)), "Indicates that performance is worse as compared to the same period last year."],
            [Cell.Of(Symbols.For(Direction.NotApplicable)), "Indicates that the measure cannot be compared to the same period last year."],
        ]) { Widths = [16, 84] });
        blocks.Add(new Paragraph("Key for Operational Directors", "8.3"));
        if (officers.Count == 0) blocks.Add(new Paragraph("No officers' initials are used in this report."));
        else
            blocks.Add(new Table("Key of officers' initials", ["Initials", "Officer", "Role"],
                officers.Select(o => (IReadOnlyList<Cell>)[o.Initials, o.Name, o.JobTitle ?? ""]).ToList()) { Widths = [12, 28, 60] });
    }
}
