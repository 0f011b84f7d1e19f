using Outturn.Application.Plans;
using Outturn.Domain.Finance;
using Outturn.Domain.Periods;

namespace Outturn.Application.Finance;

/// <summary>Reads the common cells of the finance files, adding an error that names file, line and column for each bad one.</summary>
internal sealed class FinanceRows(IReadOnlyList<Department> departments, List<string> errors)
{
    public const string FigureForms = "a figure in £'000 such as 4,445, (94) or -43";

    public List<string> Errors { get; } = errors;

    public void Error(CsvRow row, string column, string problem) => Errors.Add($"{row.Where}: column \"{column}\": {problem}");

    public Department? Department(CsvRow row, string column = "department")
    {
        var name = row[column];
        if (name.Length == 0)
        {
            Error(row, column, "blank; expected a department's name.");
            return null;
        }
        var d = departments.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase));
        if (d is null)
            Error(row, column, $"unknown department \"{name}\"; the departments held are {Known()}.");
        return d;
    }

    private string Known() => departments.Count == 0
        ? "none (add them with `outturn import departments <file>`)"
        : string.Join(", ", departments.OrderBy(d => d.Name, StringComparer.Ordinal).Select(d => $"\"{d.Name}\""));

    /// <summary>A quarter or month of a financial year, the period figures run to.</summary>
    public Period? Period(CsvRow row, string column = "period")
    {
        var text = row[column];
        if (!Domain.Periods.Period.TryParse(text, out var p))
        {
            Error(row, column, $"\"{text}\" is not a period; expected a quarter such as 2015/16 Q2 or a month such as 2015-09.");
            return null;
        }
        if (p.Kind is not (PeriodKind.Quarter or PeriodKind.Month))
        {
            Error(row, column, $"\"{text}\" is not a quarter or a month; budget figures run to the end of a quarter (2015/16 Q2) or month (2015-09).");
            return null;
        }
        return p;
    }

    public decimal? Figure(CsvRow row, string column, bool required)
    {
        var text = row[column];
        if (text.Length == 0)
        {
            if (required) Error(row, column, $"blank; expected {FigureForms}.");
            return null;
        }
        if (LedgerFigures.TryParse(text, out var value)) return value;
        Error(row, column, $"\"{text}\" is not a number; expected {FigureForms}.");
        return null;
    }

    /// <summary>Checks a printed variance against budget − spend: equal, or within the rounding allowance (a warning).</summary>
    public void CheckVariance(CsvRow row, string column, decimal? printed, decimal budgetToDate, decimal spent, string budgetColumn, List<string> warnings)
    {
        if (printed is null) return;
        var computed = LedgerArithmetic.Variance(budgetToDate, spent);
        var sum = $"{budgetColumn} − expenditure_to_date = {LedgerFigures.Format(budgetToDate)} − {LedgerFigures.Format(spent)} = {LedgerFigures.Format(computed)}";
        switch (LedgerArithmetic.Compare(printed.Value, computed))
        {
            case Agreement.Disagrees:
                Error(row, column, $"{LedgerFigures.Format(printed.Value)} does not agree with {sum}.");
                break;
            case Agreement.RoundingDifference:
                warnings.Add($"{row.Where}: column \"{column}\": {LedgerFigures.Format(printed.Value)} differs by rounding from {sum}; {LedgerFigures.Format(computed)} is used.");
                break;
        }
    }
}
