using Outturn.Application.Monitoring;
using Outturn.Application.Risks;
using Outturn.Domain.Finance;
using Outturn.Domain.Periods;

namespace Outturn.Application.Documents;

/// <summary>
/// Sections 4.0, 5.0 and 7.0 of the Priority Based report from what Outturn holds: the progress of the control
/// measures of risks initially assessed as high, the high priority equality actions, and the directorate's
/// financial summaries. A published report's sections come from its snapshot, frozen when it was published; a
/// draft's from the registers as they stood at its quarter. The standard wording opens each section; where nothing
/// is held the standard sections stand.
/// </summary>
public sealed class RegisterReportSections(ReportRegisterQuery registers) : IReportSectionSource
{
    private readonly StandardReportSections _standard = new();

    private (string Ref, Period Period, ReportRegisters? Registers)? _live;

    // A report asks for the three sections in turn (the service is scoped), so a draft's registers are read once.
    private async Task<ReportRegisters?> RegistersAsync(SectionRequest request, CancellationToken ct)
    {
        if (request.Registers is { } frozen) return frozen;
        if (_live is { } held && held.Ref == request.PlanRef && held.Period == request.Period) return held.Registers;
        var live = await registers.ForAsync(request.PlanRef, request.Period, ct);
        _live = (request.PlanRef, request.Period, live);
        return live;
    }

    public async Task<IReadOnlyList<Block>> RiskControlMeasuresAsync(SectionRequest request, CancellationToken ct = default)
    {
        var blocks = (await _standard.RiskControlMeasuresAsync(request, ct)).ToList();
        if (await RegistersAsync(request, ct) is not { } held) return blocks;
        var section = held.Risks;
        if (section.HighRisks.Count == 0) return blocks;
        static string Scores(RiskLine r) =>
            $"{r.Title} (initial {r.Initial.Score}, residual {r.Residual.Score}{(r.Target is { } t ? $", target {t.Score}" : "")})"
            + (r.Direction == "na" || r.DirectionWords is null ? "" : $". {r.DirectionWords}.");
        var rows = section.HighRisks.SelectMany(r => r.Controls.Select(c =>
            (IReadOnlyList<Cell>)[r.Ref, Scores(r), c.Text, c.Owner ?? r.Owner,
                Progress(c.Progress, c.ProgressRecordedFor is { } at ? $" (as at {Period.Parse(at).ToDisplayString()})" : ""), c.Commentary ?? ""])).ToList();
        blocks.Add(new Table("Progress on the control measures of risks initially assessed as high",
            ["Risk", "Risk (scores)", "Control measure", "Owner", "Progress", "Commentary"], rows));
        return blocks;
    }

    public async Task<IReadOnlyList<Block>> EqualityActionsAsync(SectionRequest request, CancellationToken ct = default)
    {
        var blocks = (await _standard.EqualityActionsAsync(request, ct)).ToList();
        if (await RegistersAsync(request, ct) is not { } held) return blocks;
        var section = held.Equality;
        if (section.HighPriority.Count == 0) return blocks;
        blocks.Add(new Table("Progress against high priority equality actions",
            ["Strategy, policy or service", "Actions proposed", "Responsible officer", "Progress", "Commentary"],
            section.HighPriority.Select(a => (IReadOnlyList<Cell>)[a.Subject, a.ActionsProposed, a.Officer,
                Progress(a.Progress), a.Commentary ?? ""]).ToList()));
        return blocks;
    }

    /// <summary>A progress word held with the registers, printed as its symbol with its words (as the measures' statuses are).</summary>
    private static Cell Progress(string? word, string after = "")
    {
        var symbol = Symbols.For(Domain.Status.StatusWords.TryParseMilestoneProgress(word, out var p) ? p : (Domain.Status.MilestoneProgress?)null);
        return after.Length == 0 ? Cell.Of(symbol) : Cell.Of(symbol, new Run(after));
    }

    public async Task<IReadOnlyList<Block>> FinancialSummariesAsync(SectionRequest request, CancellationToken ct = default)
    {
        if (await RegistersAsync(request, ct) is not { } held) return await _standard.FinancialSummariesAsync(request, ct);
        var summaries = held.FinancialSummaries();
        if (summaries.Count == 0) return await _standard.FinancialSummariesAsync(request, ct);
        var blocks = new List<Block>();
        static Cell F(decimal d) => Cell.Figure(LedgerFigures.Format(d));
        foreach (var s in summaries.Where(s => s.HasRevenue))
        {
            blocks.Add(new Heading(3, $"{s.Department.Name.ToUpperInvariant()} DEPARTMENT"));
            blocks.Add(new Paragraph($"Summary financial position as at {s.AsAt:d MMMM yyyy} (£'000)"));
            var rows = new List<IReadOnlyList<Cell>>();
            foreach (var section in new[] { BudgetSection.Expenditure, BudgetSection.Income, BudgetSection.Recharges })
            {
                foreach (var l in s.In(section))
                    rows.Add([$"{section}: {l.Line.Name}", F(l.Line.AnnualBudget), F(l.Line.BudgetToDate), F(l.Line.ExpenditureToDate), F(l.Line.VarianceToDate)]);
                var total = section switch { BudgetSection.Expenditure => RevenueTotal.TotalExpenditure, BudgetSection.Income => RevenueTotal.TotalIncome, _ => RevenueTotal.TotalRecharges };
                AddTotal(total);
                if (section == BudgetSection.Income) AddTotal(RevenueTotal.NetOperationalBudget);
            }
            AddTotal(RevenueTotal.NetExpenditure);
            blocks.Add(new Table($"Revenue budget of {s.Department.Name}", ["Line", "Annual Budget", "Budget To Date", "Expenditure To Date", "Variance To Date (overspend)"], rows)
            { Widths = [36, 16, 16, 16, 16] });
            foreach (var c in s.RevenueComments) blocks.Add(new Paragraph(c));

            void AddTotal(RevenueTotal t)
            {
                var v = s.Total(t);
                rows.Add([v.Name, F(v.Computed.AnnualBudget), F(v.Computed.BudgetToDate), F(v.Computed.ExpenditureToDate), F(v.Computed.VarianceToDate)]);
            }
        }
        return blocks.Count == 0 ? await _standard.FinancialSummariesAsync(request, ct) : blocks;
    }
}
