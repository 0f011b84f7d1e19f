using Outturn.Domain.Periods;

namespace Outturn.Domain.Finance;

/// <summary>How a printed figure compares with the figure computed from its parts.</summary>
public enum Agreement { Agrees, RoundingDifference, Disagrees }

/// <summary>A department's revenue totals computed from its lines.</summary>
public sealed record RevenueTotals(
    BudgetFigures TotalExpenditure,
    BudgetFigures TotalIncome,
    BudgetFigures NetOperationalBudget,
    BudgetFigures TotalRecharges,
    BudgetFigures NetExpenditure)
{
    public BudgetFigures this[RevenueTotal total] => total switch
    {
        RevenueTotal.TotalExpenditure => TotalExpenditure,
        RevenueTotal.TotalIncome => TotalIncome,
        RevenueTotal.NetOperationalBudget => NetOperationalBudget,
        RevenueTotal.TotalRecharges => TotalRecharges,
        _ => NetExpenditure,
    };

    /// <summary>
    /// Total Expenditure, Total Income and Total Recharges are the sums of their lines; Net Operational Budget =
    /// Total Expenditure + Total Income; Net Expenditure = Net Operational Budget + Total Recharges.
    /// </summary>
    public static RevenueTotals Of(IEnumerable<(BudgetSection Section, BudgetFigures Figures)> lines)
    {
        var list = lines.ToList();
        BudgetFigures Sum(BudgetSection s) => BudgetFigures.Sum(list.Where(l => l.Section == s).Select(l => l.Figures));
        var expenditure = Sum(BudgetSection.Expenditure);
        var income = Sum(BudgetSection.Income);
        var recharges = Sum(BudgetSection.Recharges);
        var netOperational = expenditure + income;
        return new RevenueTotals(expenditure, income, netOperational, recharges, netOperational + recharges);
    }
}

/// <summary>The budget arithmetic of docs/spec.md §5 Budget arithmetic.</summary>
public static class LedgerArithmetic
{
    /// <summary>Figures are rounded to £'000 line by line, so a printed figure may be 1 away from the sum of its printed parts.</summary>
    public const decimal RoundingAllowance = 1m;

    public static decimal Variance(decimal budgetToDate, decimal expenditureToDate) => budgetToDate - expenditureToDate;

    /// <summary>A difference of up to 1 is a rounding difference (accepted with a warning); more is an error.</summary>
    public static Agreement Compare(decimal printed, decimal computed)
    {
        var difference = Math.Abs(printed - computed);
        return difference == 0 ? Agreement.Agrees : difference <= RoundingAllowance ? Agreement.RoundingDifference : Agreement.Disagrees;
    }

    /// <summary>
    /// A line's projected year-end outturn: the one entered, or else extrapolated from the year to date on the
    /// assumption that the variance goes on accruing at the rate so far — annual budget − variance to date ÷ the
    /// fraction of the year elapsed. Budgets to date are profiled (1,258 of 1,541 by half-year), so spending to date
    /// is not grossed up; the variance against the profile is.
    /// </summary>
    public static decimal ProjectedOutturn(BudgetFigures line, decimal? entered, Period period)
    {
        if (entered is { } e) return e;
        var fraction = period.FractionOfFinancialYearElapsed();
        return line.AnnualBudget - line.VarianceToDate / fraction;
    }

    /// <summary>The projected over/underspend for the year: annual budget − projected outturn (negative is an overspend).</summary>
    public static decimal ProjectedVariance(decimal annualBudget, decimal projectedOutturn) => annualBudget - projectedOutturn;

    public static string Name(this RevenueTotal total) => total switch
    {
        RevenueTotal.TotalExpenditure => "Total Expenditure",
        RevenueTotal.TotalIncome => "Total Income",
        RevenueTotal.NetOperationalBudget => "Net Operational Budget",
        RevenueTotal.TotalRecharges => "Total Recharges",
        _ => "Net Expenditure",
    };

    public static bool TryParseTotal(string? text, out RevenueTotal total)
    {
        foreach (var t in Enum.GetValues<RevenueTotal>())
            if (string.Equals(t.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase)) { total = t; return true; }
        total = default;
        return false;
    }

    public static bool TryParseSection(string? text, out BudgetSection section) =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out section) && Enum.IsDefined(section) && !int.TryParse(text, out _);
}
