using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Application.Finance;
using Outturn.Application.Risks;
using Outturn.Domain.Finance;
using Outturn.Domain.Status;

namespace Outturn.Application.Documents;

/// <summary>
/// Sections 4.0, 5.0 and 7.0 of the Priority Based report from what Outturn holds: the progress of the control
/// measures of risks initially assessed as high, the high priority equality actions, and the directorate's
/// financial summaries. The standard wording opens each section; where nothing is held the standard sections stand.
/// </summary>
public sealed class RegisterReportSections(OutturnDbContext db, RiskQuery risks, EqualityQuery equality, FinanceQuery finance) : IReportSectionSource
{
    private readonly StandardReportSections _standard = new();

    private (string Ref, Domain.Plans.Plan? Plan)? _plan;

    // The sections need the plan, its directorate and objectives, not its measures and figures; a report asks for
    // the three sections in turn (the service is scoped), so the plan is read once.
    private async Task<Domain.Plans.Plan?> PlanAsync(string planRef, CancellationToken ct)
    {
        if (_plan is { } held && held.Ref == planRef) return held.Plan;
        var plan = await db.Plans.AsNoTracking().Include(p => p.Objectives).SingleOrDefaultAsync(p => p.Ref == planRef, ct);
        _plan = (planRef, plan);
        return plan;
    }

    public async Task<IReadOnlyList<Block>> RiskControlMeasuresAsync(SectionRequest request, CancellationToken ct = default)
    {
        var blocks = (await _standard.RiskControlMeasuresAsync(request, ct)).ToList();
        if (await PlanAsync(request.PlanRef, ct) is not { } plan) return blocks;
        var section = await risks.ForPlanAsync(plan, request.Period, ct);
        if (section.HighRisks.Count == 0) return blocks;
        var rows = section.HighRisks.SelectMany(r => r.Controls.OrderBy(c => c.Order).Select(c =>
        {
            var update = c.For(request.Period);
            return (IReadOnlyList<Cell>)[r.Ref, $"{r.Title} (initial {r.Initial.Score}, residual {r.Residual.Score})", c.Text, c.Owner ?? r.Owner,
                Cell.Of(Symbols.For(update?.Progress)), update?.Commentary ?? ""];
        })).ToList();
        blocks.Add(new Table("Progress on the control measures of risks initially assessed as high",
            ["Risk", "Risk (scores)", "Control measure", "Owner", "Progress", "Commentary"], rows));
        return blocks;
    }

    public async Task<IReadOnlyList<Block>> EqualityActionsAsync(SectionRequest request, CancellationToken ct = default)
    {
        var blocks = (await _standard.EqualityActionsAsync(request, ct)).ToList();
        if (await PlanAsync(request.PlanRef, ct) is not { } plan) return blocks;
        var section = await equality.ForPlanAsync(plan, request.Period, ct);
        if (section.HighPriority.Count == 0) return blocks;
        blocks.Add(new Table("Progress against high priority equality actions",
            ["Strategy, policy or service", "Actions proposed", "Responsible officer", "Progress", "Commentary"],
            section.HighPriority.Select(a => (IReadOnlyList<Cell>)[a.Subject, a.ActionsProposed, a.Officer,
                Cell.Of(Symbols.For(a.For(request.Period)?.Progress)), a.For(request.Period)?.Commentary ?? ""]).ToList()));
        return blocks;
    }

    public async Task<IReadOnlyList<Block>> FinancialSummariesAsync(SectionRequest request, CancellationToken ct = default)
    {
        if (await PlanAsync(request.PlanRef, ct) is not { } plan) return await _standard.FinancialSummariesAsync(request, ct);
        var summaries = await finance.ForDirectorateAsync(plan.Directorate, request.Period, ct);
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
