using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Domain.Finance;
using Outturn.Domain.Periods;

namespace Outturn.Application.Finance;

/// <summary>A revenue line with its variance and projection.</summary>
public sealed record RevenueLineView(BudgetLine Line, decimal ProjectedOutturn, bool ProjectionEntered)
{
    public decimal ProjectedVariance => LedgerArithmetic.ProjectedVariance(Line.AnnualBudget, ProjectedOutturn);
}

/// <summary>A total as computed from its lines, and as printed in the imported extract when it was.</summary>
public sealed record TotalView(RevenueTotal Total, BudgetFigures Computed, BudgetFigures? Printed)
{
    public string Name => Total.Name();

    /// <summary>The worst agreement of the three printed figures with the computed ones; null when not printed.</summary>
    public Agreement? Check => Printed is { } p
        ? new[] { LedgerArithmetic.Compare(p.AnnualBudget, Computed.AnnualBudget), LedgerArithmetic.Compare(p.BudgetToDate, Computed.BudgetToDate), LedgerArithmetic.Compare(p.ExpenditureToDate, Computed.ExpenditureToDate) }.Max()
        : null;
}

/// <summary>A department's financial summary for a period: section 7.0 of the quarterly report.</summary>
public sealed record FinancialSummary(
    Department Department,
    Period Period,
    IReadOnlyList<RevenueLineView> Lines,
    IReadOnlyList<TotalView> Totals,
    IReadOnlyList<CapitalScheme> Capital,
    IReadOnlyList<string> RevenueComments,
    IReadOnlyList<string> CapitalComments)
{
    public DateOnly AsAt => Period.End;
    public bool HasRevenue => Lines.Count > 0;

    public IEnumerable<RevenueLineView> In(BudgetSection section) => Lines.Where(l => l.Line.Section == section);

    public TotalView Total(RevenueTotal total) => Totals.Single(t => t.Total == total);

    /// <summary>The department's projected year-end outturn: the sum of the lines' projections.</summary>
    public decimal ProjectedOutturn => Lines.Sum(l => l.ProjectedOutturn);

    /// <summary>Projected over/underspend for the year against the net expenditure budget (negative is an overspend).</summary>
    public decimal ProjectedVariance => LedgerArithmetic.ProjectedVariance(Total(RevenueTotal.NetExpenditure).Computed.AnnualBudget, ProjectedOutturn);

    /// <summary>The projected outturn of a total: the sum of its lines' projections.</summary>
    public decimal ProjectedFor(RevenueTotal total) => total switch
    {
        RevenueTotal.TotalExpenditure => In(BudgetSection.Expenditure).Sum(l => l.ProjectedOutturn),
        RevenueTotal.TotalIncome => In(BudgetSection.Income).Sum(l => l.ProjectedOutturn),
        RevenueTotal.TotalRecharges => In(BudgetSection.Recharges).Sum(l => l.ProjectedOutturn),
        RevenueTotal.NetOperationalBudget => Lines.Where(l => l.Line.Section != BudgetSection.Recharges).Sum(l => l.ProjectedOutturn),
        _ => ProjectedOutturn,
    };

    public BudgetFigures CapitalTotal => BudgetFigures.Sum(Capital.Select(c => c.Figures));

    public bool AnyProjectionExtrapolated => Lines.Any(l => !l.ProjectionEntered);
}

/// <summary>Reads the financial summaries for the pages, the quarterly report, the API and the command line.</summary>
public sealed class FinanceQuery(OutturnDbContext db)
{
    public Task<List<Department>> DepartmentsAsync(CancellationToken ct = default) =>
        db.Set<Department>().AsNoTracking().OrderBy(d => d.Order).ThenBy(d => d.Name).ToListAsync(ct);

    public Task<Department?> DepartmentAsync(string name, CancellationToken ct = default)
    {
        var lower = name.Trim().ToLower();
        return db.Set<Department>().AsNoTracking().FirstOrDefaultAsync(d => d.Name.ToLower() == lower, ct);
    }

    /// <summary>The periods a department has revenue or capital figures for, latest first.</summary>
    public async Task<List<Period>> PeriodsAsync(int departmentId, CancellationToken ct = default)
    {
        var revenue = await db.Set<BudgetLine>().Where(l => l.DepartmentId == departmentId).Select(l => l.Period).Distinct().ToListAsync(ct);
        var capital = await db.Set<CapitalScheme>().Where(l => l.DepartmentId == departmentId).Select(l => l.Period).Distinct().ToListAsync(ct);
        return revenue.Concat(capital).Distinct().OrderDescending().ToList();
    }

    public async Task<FinancialSummary> SummaryAsync(Department department, Period period, CancellationToken ct = default)
    {
        var lines = await db.Set<BudgetLine>().AsNoTracking().Where(l => l.DepartmentId == department.Id && l.Period == period).ToListAsync(ct);
        var printed = await db.Set<BudgetPrintedTotal>().AsNoTracking().Where(t => t.DepartmentId == department.Id && t.Period == period).ToListAsync(ct);
        var capital = await db.Set<CapitalScheme>().AsNoTracking().Where(s => s.DepartmentId == department.Id && s.Period == period).ToListAsync(ct);
        var comments = await db.Set<FinanceComment>().AsNoTracking().Where(c => c.DepartmentId == department.Id && c.Period == period).ToListAsync(ct);

        var ordered = lines.OrderBy(l => l.Section).ThenBy(l => l.Order).ToList();
        var computed = RevenueTotals.Of(ordered.Select(l => (l.Section, l.Figures)));
        var totals = Enum.GetValues<RevenueTotal>()
            .Select(t => new TotalView(t, computed[t], printed.FirstOrDefault(p => p.Total == t)?.Figures))
            .ToList();
        return new FinancialSummary(
            department, period,
            ordered.Select(l => new RevenueLineView(l, LedgerArithmetic.ProjectedOutturn(l.Figures, l.ProjectedOutturn, period), l.ProjectedOutturn is not null)).ToList(),
            totals,
            capital.OrderBy(c => c.Order).ToList(),
            comments.Where(c => c.Statement == FinanceStatement.Revenue).OrderBy(c => c.Order).Select(c => c.Text).ToList(),
            comments.Where(c => c.Statement == FinanceStatement.Capital).OrderBy(c => c.Order).Select(c => c.Text).ToList());
    }

    /// <summary>The summaries of a directorate's departments for a period (those with figures), for the quarterly report.</summary>
    public async Task<List<FinancialSummary>> ForDirectorateAsync(string? directorate, Period period, CancellationToken ct = default)
    {
        if (directorate is null || period.Kind is not (PeriodKind.Quarter or PeriodKind.Month)) return [];
        var lower = directorate.ToLower();
        var departments = await db.Set<Department>().AsNoTracking().Where(d => d.Directorate.ToLower() == lower)
            .OrderBy(d => d.Order).ToListAsync(ct);
        var result = new List<FinancialSummary>();
        foreach (var d in departments)
        {
            var summary = await SummaryAsync(d, period, ct);
            if (summary.HasRevenue || summary.Capital.Count > 0) result.Add(summary);
        }
        return result;
    }
}

public static class FinanceRegistration
{
    public static IServiceCollection AddFinance(this IServiceCollection services) =>
        services.AddScoped<FinanceImport>().AddScoped<FinanceQuery>();
}


