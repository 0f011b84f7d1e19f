using Outturn.Domain.Finance;
using Outturn.Domain.Periods;

namespace Outturn.Application.Finance;

/// <summary>
/// A financial summary frozen in a published report (as <see cref="FinanceSummaryDto"/>) made back into the summary
/// the pages and documents print, so that the report shows the figures it was published with.
/// </summary>
public static class FinanceSnapshot
{
    public static FinancialSummary ToSummary(this FinanceSummaryDto dto, int departmentId)
    {
        var department = new Department { Id = departmentId, Name = dto.Department, Directorate = dto.Directorate };
        var period = Period.Parse(dto.Period);
        var lines = dto.Lines.Select((l, i) => new RevenueLineView(
            new BudgetLine
            {
                DepartmentId = departmentId, Period = period, Section = Enum.Parse<BudgetSection>(l.Section), Name = l.Line, Order = i,
                AnnualBudget = l.AnnualBudget, BudgetToDate = l.BudgetToDate, ExpenditureToDate = l.ExpenditureToDate, Comment = l.Comment,
                ProjectedOutturn = l.Projection == "entered" ? l.ProjectedOutturn : null,
            },
            l.ProjectedOutturn, l.Projection == "entered")).ToList();
        var totals = Enum.GetValues<RevenueTotal>().Select(t =>
        {
            var held = dto.Totals.FirstOrDefault(x => x.Total == t.Name());
            return new TotalView(t,
                held is null ? BudgetFigures.Zero : new BudgetFigures(held.AnnualBudget, held.BudgetToDate, held.ExpenditureToDate),
                held?.Printed is { } p ? new BudgetFigures(p.AnnualBudget, p.BudgetToDate, p.ExpenditureToDate) : null);
        }).ToList();
        var capital = dto.Capital.Schemes.Select((c, i) => new CapitalScheme
        {
            DepartmentId = departmentId, Period = period, Programme = c.Programme, Name = c.Scheme, Order = i,
            Allocation = c.Allocation, AllocationToDate = c.AllocationToDate, ExpenditureToDate = c.ExpenditureToDate, Comment = c.Comment,
        }).ToList();
        return new FinancialSummary(department, period, lines, totals, capital, dto.RevenueComments, dto.CapitalComments);
    }
}
