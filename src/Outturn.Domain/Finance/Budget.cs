using Outturn.Domain.Periods;

namespace Outturn.Domain.Finance;

/// <summary>The groups a revenue summary's lines fall under (section 7.0 of the quarterly report).</summary>
public enum BudgetSection { Expenditure, Income, Recharges }

/// <summary>The printed totals of a revenue summary, checked against their lines.</summary>
public enum RevenueTotal { TotalExpenditure, TotalIncome, NetOperationalBudget, TotalRecharges, NetExpenditure }

/// <summary>Which statement a department's commentary belongs to.</summary>
public enum FinanceStatement { Revenue, Capital }

/// <summary>A department whose budget is monitored, within a directorate (e.g. Children and Families, in Children and Young People).</summary>
public class Department
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Directorate { get; set; }
    public int Order { get; set; }
}

/// <summary>
/// The three figures of a budget line in £'000, and its variance. Variance to date = budget to date − expenditure to
/// date: positive is an underspend (or more income than budgeted), negative an overspend, printed in brackets.
/// </summary>
public readonly record struct BudgetFigures(decimal AnnualBudget, decimal BudgetToDate, decimal ExpenditureToDate)
{
    public static readonly BudgetFigures Zero = new(0, 0, 0);

    public decimal VarianceToDate => BudgetToDate - ExpenditureToDate;

    public static BudgetFigures operator +(BudgetFigures a, BudgetFigures b) =>
        new(a.AnnualBudget + b.AnnualBudget, a.BudgetToDate + b.BudgetToDate, a.ExpenditureToDate + b.ExpenditureToDate);

    public static BudgetFigures Sum(IEnumerable<BudgetFigures> figures) => figures.Aggregate(Zero, (a, b) => a + b);
}

/// <summary>One line of a department's revenue summary for a period (Employees, Fees &amp; Charges…), as imported.</summary>
public class BudgetLine
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Department? Department { get; set; }
    /// <summary>The period the figures run to: a quarter (2015/16 Q2) or a month of a financial year.</summary>
    public Period Period { get; set; }
    public BudgetSection Section { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    public decimal AnnualBudget { get; set; }
    public decimal BudgetToDate { get; set; }
    public decimal ExpenditureToDate { get; set; }
    /// <summary>The year-end outturn a budget holder entered; null to extrapolate from the year to date.</summary>
    public decimal? ProjectedOutturn { get; set; }
    public string? Comment { get; set; }

    public BudgetFigures Figures => new(AnnualBudget, BudgetToDate, ExpenditureToDate);
    public decimal VarianceToDate => Figures.VarianceToDate;
}

/// <summary>A printed total of an imported summary, kept to show where it differs from its lines by rounding.</summary>
public class BudgetPrintedTotal
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Period Period { get; set; }
    public RevenueTotal Total { get; set; }
    public decimal AnnualBudget { get; set; }
    public decimal BudgetToDate { get; set; }
    public decimal ExpenditureToDate { get; set; }

    public BudgetFigures Figures => new(AnnualBudget, BudgetToDate, ExpenditureToDate);
}

/// <summary>A scheme of a department's capital programme for a year, to date.</summary>
public class CapitalScheme
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Period Period { get; set; }
    /// <summary>The programme heading the scheme is listed under (Schools).</summary>
    public required string Programme { get; set; }
    public required string Name { get; set; }
    public int Order { get; set; }
    /// <summary>The year's capital allocation.</summary>
    public decimal Allocation { get; set; }
    public decimal AllocationToDate { get; set; }
    public decimal ExpenditureToDate { get; set; }
    public string? Comment { get; set; }

    public BudgetFigures Figures => new(Allocation, AllocationToDate, ExpenditureToDate);
    public decimal VarianceToDate => AllocationToDate - ExpenditureToDate;
}

/// <summary>A paragraph of a department's commentary on its revenue or capital position for a period.</summary>
public class FinanceComment
{
    public int Id { get; set; }
    public int DepartmentId { get; set; }
    public Period Period { get; set; }
    public FinanceStatement Statement { get; set; }
    public int Order { get; set; }
    public required string Text { get; set; }
}
