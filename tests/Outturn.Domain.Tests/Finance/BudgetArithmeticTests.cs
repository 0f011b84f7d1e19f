using Outturn.Domain.Finance;
using Outturn.Domain.Periods;
using static Outturn.Domain.Finance.BudgetSection;

namespace Outturn.Domain.Tests.Finance;

/// <summary>
/// docs/spec.md §5 Budget arithmetic against the published figures of the Q2 2015/16 report, section 7.0
/// (docs/sources.md §2.5). Every line and every expected total is copied from the document.
/// </summary>
public class BudgetArithmeticTests
{
    private static (BudgetSection, BudgetFigures) L(BudgetSection s, decimal annual, decimal toDate, decimal spent) => (s, new BudgetFigures(annual, toDate, spent));

    /// <summary>Education, Inclusion and Provision: the revenue summary's lines in printed order.</summary>
    private static readonly (BudgetSection Section, BudgetFigures Figures)[] Eip =
    [
        L(Expenditure, 6889, 3201, 2998), L(Expenditure, 444, 60, 43), L(Expenditure, 3548, 1285, 1238), L(Expenditure, 5, 3, 3),
        L(Expenditure, 919, 303, 371), L(Expenditure, 2157, 675, 633), L(Expenditure, 52, 31, 15), L(Expenditure, 1541, 1258, 1258),
        L(Expenditure, 252, 0, 0), L(Expenditure, 2949, 2062, 2062), L(Expenditure, 517, 233, 233), L(Expenditure, 1036, 453, 453),
        L(Expenditure, 3, 0, 0), L(Expenditure, 191, 0, 0),
        L(Income, -425, -74, -74), L(Income, -100, -7, -10), L(Income, -79, 0, 0), L(Income, -782, -782, -782), L(Income, -9551, -2708, -2708),
        L(Income, -245, -147, -147), L(Income, -671, -253, -255), L(Income, -46, 0, 0), L(Income, -578, 0, 0), L(Income, -246, -224, -234),
        L(Recharges, 205, 104, 104), L(Recharges, 296, 54, 54), L(Recharges, 1851, 857, 857), L(Recharges, 5017, 0, 0),
    ];

    /// <summary>Children and Families: the revenue summary's lines in printed order.</summary>
    private static readonly (BudgetSection Section, BudgetFigures Figures)[] Cf =
    [
        L(Expenditure, 8635, 4445, 4539), L(Expenditure, 339, 201, 203), L(Expenditure, 962, 363, 373), L(Expenditure, 8, 4, 6),
        L(Expenditure, 252, 76, 217), L(Expenditure, 342, 104, 121), L(Expenditure, 3273, 2074, 2290), L(Expenditure, 80, 0, 0),
        L(Expenditure, 435, 327, 387), L(Expenditure, 195, 130, 182), L(Expenditure, 527, 286, 615), L(Expenditure, 1753, 879, 1009),
        L(Expenditure, 125, 56, 59), L(Expenditure, 117, 26, 48), L(Expenditure, 6, 0, 0),
        L(Income, -43, 0, 0), L(Income, -114, -81, -85), L(Income, -75, 0, 0), L(Income, -354, -146, -144), L(Income, -80, -80, -80),
        L(Recharges, 288, 144, 144), L(Recharges, 72, 30, 30), L(Recharges, 2446, 1214, 1214), L(Recharges, 44, 0, 0),
    ];

    private static void AssertFigures(BudgetFigures actual, decimal annual, decimal toDate, decimal spent, decimal variance) =>
        Assert.Equal((annual, toDate, spent, variance), (actual.AnnualBudget, actual.BudgetToDate, actual.ExpenditureToDate, actual.VarianceToDate));

    [Fact]
    public void Variance_is_budget_to_date_less_expenditure_to_date_and_an_overspend_is_negative()
    {
        Assert.Equal(-94m, LedgerArithmetic.Variance(4445, 4539));  // C&F Employees, printed (94)
        Assert.Equal(203m, LedgerArithmetic.Variance(3201, 2998));  // EIP Employees, underspend 203
        Assert.Equal(-329m, LedgerArithmetic.Variance(286, 615));   // C&F Special Guardianship (329)
    }

    [Fact]
    public void Income_is_negative_so_more_income_than_budgeted_is_a_favourable_variance()
    {
        Assert.Equal(4m, LedgerArithmetic.Variance(-81, -85));      // C&F Fees & Charges, printed 4
        Assert.Equal(3m, LedgerArithmetic.Variance(-7, -10));       // EIP Rent, printed 3
        Assert.Equal(-2m, LedgerArithmetic.Variance(-146, -144));   // C&F Reimbursements, printed (2)
    }

    [Fact]
    public void Education_inclusion_and_provision_totals_reproduce_the_published_ones()
    {
        var t = RevenueTotals.Of(Eip);

        AssertFigures(t.TotalExpenditure, 20503, 9564, 9307, 257);         // as printed
        AssertFigures(t.TotalIncome, -12723, -4195, -4210, 15);            // as printed
        AssertFigures(t.NetOperationalBudget, 7780, 5369, 5097, 272);      // as printed
        AssertFigures(t.NetExpenditure, 15149, 6384, 6112, 272);           // as printed
        // Total Recharges: printed 7,368 / 1,015 / 1,015 / 0, but 205 + 296 + 1,851 + 5,017 = 7,369.
        AssertFigures(t.TotalRecharges, 7369, 1015, 1015, 0);
    }

    [Fact]
    public void The_printed_7368_against_lines_summing_to_7369_is_a_rounding_difference_not_an_error()
    {
        var sum = RevenueTotals.Of(Eip).TotalRecharges.AnnualBudget;

        Assert.Equal(Agreement.RoundingDifference, LedgerArithmetic.Compare(7368, sum));
        // Net Expenditure 15,149 = 7,780 + 7,369: the document itself used the true sum.
        Assert.Equal(Agreement.Agrees, LedgerArithmetic.Compare(15149, RevenueTotals.Of(Eip).NetExpenditure.AnnualBudget));
    }

    [Theory]
    [InlineData(100, 100, Agreement.Agrees)]
    [InlineData(100, 101, Agreement.RoundingDifference)]
    [InlineData(101, 100, Agreement.RoundingDifference)]
    [InlineData(100, 102, Agreement.Disagrees)]
    [InlineData(9000, 8635, Agreement.Disagrees)]
    public void A_printed_total_may_differ_from_its_lines_by_at_most_1(decimal printed, decimal computed, Agreement expected) =>
        Assert.Equal(expected, LedgerArithmetic.Compare(printed, computed));

    [Fact]
    public void Children_and_families_totals_reproduce_the_published_ones()
    {
        var t = RevenueTotals.Of(Cf);

        AssertFigures(t.TotalExpenditure, 17049, 8971, 10049, -1078);      // as printed, (1,078)
        AssertFigures(t.TotalIncome, -666, -307, -309, 2);                 // as printed
        AssertFigures(t.NetOperationalBudget, 16383, 8664, 9740, -1076);   // as printed, NET OPERATIONAL BUDGET (1,076)
        AssertFigures(t.TotalRecharges, 2850, 1388, 1388, 0);              // as printed
        AssertFigures(t.NetExpenditure, 19233, 10052, 11128, -1076);       // as printed
    }

    [Fact]
    public void The_capital_programme_total_is_the_sum_of_its_schemes()
    {
        // EIP capital programme: allocation, allocation to date, expenditure to date of the 17 schemes.
        BudgetFigures[] schemes =
        [
            new(5, 1, 1), new(1015, 791, 791), new(62, 52, 52), new(20, 3, 3), new(75, 26, 26), new(70, 15, 15), new(35, 1, 1),
            new(12, 0, 0), new(212, 0, 0), new(475, 66, 66), new(30, 0, 0), new(28, 4, 4), new(460, 157, 157), new(12, 12, 12),
            new(183, 63, 63), new(2, 0, 0), new(10, 0, 0),
        ];

        AssertFigures(BudgetFigures.Sum(schemes), 2706, 1191, 1191, 0); // the unlabelled total row
    }

    [Fact]
    public void The_projected_outturn_extrapolates_the_variance_so_far_over_the_whole_year()
    {
        var q2 = Period.Quarter(2015, 2); // half the year elapsed
        // C&F Employees: 8,635 budget, variance (94) at half-year → (94) ÷ ½ = (188) projected; outturn 8,635 + 188 = 8,823.
        Assert.Equal(8823m, LedgerArithmetic.ProjectedOutturn(new BudgetFigures(8635, 4445, 4539), null, q2));
        // EIP Asset Rental Support Costs: 5,017 budget, none profiled or spent to date: projected to budget, not to 0.
        Assert.Equal(5017m, LedgerArithmetic.ProjectedOutturn(new BudgetFigures(5017, 0, 0), null, q2));
        // At Q1 a quarter of the year has elapsed: a variance of (10) becomes (40).
        Assert.Equal(140m, LedgerArithmetic.ProjectedOutturn(new BudgetFigures(100, 30, 40), null, Period.Quarter(2015, 1)));
    }

    [Fact]
    public void An_entered_projection_is_used_as_entered()
    {
        Assert.Equal(9000m, LedgerArithmetic.ProjectedOutturn(new BudgetFigures(8635, 4445, 4539), 9000m, Period.Quarter(2015, 2)));
        Assert.Equal(-365m, LedgerArithmetic.ProjectedVariance(8635, 9000)); // an overspend of 365
    }

    [Fact]
    public void Children_and_families_projected_overspend_at_quarter_2_is_twice_the_half_year_variance()
    {
        // Net expenditure variance (1,076) at 30 September → (2,152) for the year, the order of the
        // "approximately £2.5m" the report's commentary expects.
        var q2 = Period.Quarter(2015, 2);
        var projected = Cf.Sum(l => LedgerArithmetic.ProjectedOutturn(l.Figures, null, q2));

        Assert.Equal(19233m + 2152m, projected);
        Assert.Equal(-2152m, LedgerArithmetic.ProjectedVariance(19233, projected));
    }

    [Theory]
    [InlineData("Total Expenditure", RevenueTotal.TotalExpenditure)]
    [InlineData("NET OPERATIONAL BUDGET", RevenueTotal.NetOperationalBudget)] // as C&F prints it
    [InlineData("net expenditure", RevenueTotal.NetExpenditure)]
    public void Printed_total_names_are_recognised_whatever_their_case(string name, RevenueTotal expected)
    {
        Assert.True(LedgerArithmetic.TryParseTotal(name, out var total));
        Assert.Equal(expected, total);
    }

    [Theory]
    [InlineData("Expenditure", true)]
    [InlineData("income", true)]
    [InlineData("Recharges", true)]
    [InlineData("Costs", false)]
    [InlineData("1", false)]
    public void Only_the_three_line_groups_are_sections(string text, bool ok) =>
        Assert.Equal(ok, LedgerArithmetic.TryParseSection(text, out _));
}
