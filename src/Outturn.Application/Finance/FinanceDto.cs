using Outturn.Domain.Finance;

namespace Outturn.Application.Finance;

/// <summary>
/// A department's financial summary as `outturn finance --format json` and GET /api/v1/finance/… print it
/// (snake_case): the lines as stored, the totals as computed from them with the printed figures and their check,
/// the projection, the capital programme and the commentary. Figures in £'000; negatives are overspends or income.
/// </summary>
public sealed record FinanceSummaryDto(
    string Department, string Directorate, string Period, DateOnly AsAt,
    IReadOnlyList<FinanceLineDto> Lines, IReadOnlyList<FinanceTotalDto> Totals, FinanceProjectionDto Projection,
    FinanceCapitalDto Capital, IReadOnlyList<string> RevenueComments, IReadOnlyList<string> CapitalComments)
{
    public static FinanceSummaryDto From(FinancialSummary s) => new(
        s.Department.Name, s.Department.Directorate, s.Period.ToString(), s.AsAt,
        s.Lines.Select(l => new FinanceLineDto(
            l.Line.Section.ToString(), l.Line.Name, N(l.Line.AnnualBudget), N(l.Line.BudgetToDate), N(l.Line.ExpenditureToDate),
            N(l.Line.VarianceToDate), R(l.ProjectedOutturn), l.ProjectionEntered ? "entered" : "extrapolated", R(l.ProjectedVariance), l.Line.Comment)).ToList(),
        s.Totals.Select(t => new FinanceTotalDto(
            t.Name, N(t.Computed.AnnualBudget), N(t.Computed.BudgetToDate), N(t.Computed.ExpenditureToDate), N(t.Computed.VarianceToDate),
            t.Printed is { } p ? new FinanceFiguresDto(N(p.AnnualBudget), N(p.BudgetToDate), N(p.ExpenditureToDate), N(p.VarianceToDate)) : null,
            t.Check switch { null => "not-printed", Agreement.Agrees => "agrees", Agreement.RoundingDifference => "rounding-difference", _ => "disagrees" })).ToList(),
        new FinanceProjectionDto(R(s.Total(RevenueTotal.NetExpenditure).Computed.AnnualBudget), R(s.ProjectedOutturn), R(s.ProjectedVariance),
            s.AnyProjectionExtrapolated
                ? "Lines without an entered projection are extrapolated: annual budget − variance to date ÷ fraction of the year elapsed."
                : "Every line's projection was entered."),
        new FinanceCapitalDto(
            s.Capital.Select(c => new FinanceSchemeDto(c.Programme, c.Name, N(c.Allocation), N(c.AllocationToDate), N(c.ExpenditureToDate), N(c.VarianceToDate), c.Comment)).ToList(),
            s.Capital.Count == 0 ? null : new FinanceFiguresDto(N(s.CapitalTotal.AnnualBudget), N(s.CapitalTotal.BudgetToDate), N(s.CapitalTotal.ExpenditureToDate), N(s.CapitalTotal.VarianceToDate))),
        s.RevenueComments, s.CapitalComments);

    /// <summary>PostgreSQL returns numeric(18,6) as 4445.000000; print it as 4445.</summary>
    private static decimal N(decimal d) => d / 1.000000000000000000000000000000000m;

    /// <summary>Projections are printed in whole £'000, as every other figure.</summary>
    private static decimal R(decimal d) => N(Math.Round(d, 0, MidpointRounding.AwayFromZero));
}

public sealed record FinanceLineDto(
    string Section, string Line, decimal AnnualBudget, decimal BudgetToDate, decimal ExpenditureToDate, decimal VarianceToDate,
    decimal ProjectedOutturn, string Projection, decimal ProjectedVariance, string? Comment);

public sealed record FinanceFiguresDto(decimal AnnualBudget, decimal BudgetToDate, decimal ExpenditureToDate, decimal VarianceToDate);

public sealed record FinanceTotalDto(
    string Total, decimal AnnualBudget, decimal BudgetToDate, decimal ExpenditureToDate, decimal VarianceToDate,
    FinanceFiguresDto? Printed, string Check);

public sealed record FinanceProjectionDto(decimal AnnualBudget, decimal ProjectedOutturn, decimal ProjectedVariance, string Method);

public sealed record FinanceSchemeDto(string Programme, string Scheme, decimal Allocation, decimal AllocationToDate, decimal ExpenditureToDate, decimal VarianceToDate, string? Comment);

public sealed record FinanceCapitalDto(IReadOnlyList<FinanceSchemeDto> Schemes, FinanceFiguresDto? Total);
