using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Domain.Finance;
using Outturn.Domain.Periods;

namespace Outturn.Application.Finance;

/// <summary>The outcome of a finance import: what was imported or replaced, or every error and nothing changed.</summary>
public sealed record FinanceImportResult(bool Imported, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<string> Done)
{
    // A file of a million bad rows gives the first hundred errors and a count of the rest, not a million lines.
    public static FinanceImportResult Rejected(List<string> errors, List<string> warnings) => new(false, ImportErrors.Capped(errors), ImportErrors.Capped(warnings), []);
}

/// <summary>
/// Imports budget figures (docs/import-formats.md, "Finance"): departments, ledger extracts (revenue), capital
/// programmes and commentary. A file is checked whole first; with any error nothing is written. Each department and
/// period in a file replaces what is held for it, all in one transaction.
/// </summary>
public sealed class FinanceImport(OutturnDbContext db)
{
    public static readonly string[] LedgerColumns =
        ["department", "period", "section", "line", "annual_budget", "budget_to_date", "expenditure_to_date", "variance_to_date"];
    public static readonly string[] LedgerOptional = ["projected_outturn", "comment"];
    public static readonly string[] CapitalColumns =
        ["department", "period", "programme", "scheme", "allocation", "allocation_to_date", "expenditure_to_date", "variance_to_date"];
    public static readonly string[] CapitalOptional = ["comment"];
    public static readonly string[] CommentColumns = ["department", "period", "statement", "text"];
    public static readonly string[] DepartmentColumns = ["name", "directorate"];

    public const string TotalSection = "Total";

    /// <summary>Adds departments or changes their directorate; a department is matched on its name.</summary>
    public async Task<FinanceImportResult> ImportDepartmentsAsync(string path, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var rows = Sheet.Read(path, DepartmentColumns, [], errors);
        if (rows is null || errors.Count > 0) return FinanceImportResult.Rejected(errors, []);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (row["name"].Length == 0) errors.Add($"{row.Where}: column \"name\": blank; expected the department's name.");
            else if (!seen.Add(row["name"])) errors.Add($"{row.Where}: column \"name\": \"{row["name"]}\" appears twice.");
            if (row["directorate"].Length == 0) errors.Add($"{row.Where}: column \"directorate\": blank; expected the directorate the department belongs to.");
        }
        if (errors.Count > 0) return FinanceImportResult.Rejected(errors, []);

        var held = await db.Set<Department>().ToListAsync(ct);
        var done = new List<string>();
        var order = held.Count == 0 ? 0 : held.Max(d => d.Order) + 1;
        foreach (var row in rows)
        {
            var existing = held.FirstOrDefault(d => string.Equals(d.Name, row["name"], StringComparison.OrdinalIgnoreCase));
            if (existing is null)
            {
                db.Add(new Department { Name = row["name"], Directorate = row["directorate"], Order = order++ });
                done.Add($"{row["name"]}: added.");
            }
            else
            {
                existing.Directorate = row["directorate"];
                done.Add($"{existing.Name}: held; directorate {existing.Directorate}.");
            }
        }
        await db.SaveChangesAsync(ct);
        return new FinanceImportResult(true, [], [], done);
    }

    /// <summary>A ledger extract: one row per revenue line, with printed totals as rows of section Total.</summary>
    public async Task<FinanceImportResult> ImportLedgerAsync(string path, CancellationToken ct = default)
    {
        using var work = OutturnTelemetry.Import("ledger");
        var result = await ImportLedgerRowsAsync(path, ct);
        if (result.Imported) work.Succeeded();
        return result;
    }

    private async Task<FinanceImportResult> ImportLedgerRowsAsync(string path, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var rows = Sheet.Read(path, LedgerColumns, LedgerOptional, errors);
        if (rows is null || errors.Count > 0) return FinanceImportResult.Rejected(errors, warnings);
        var departments = await db.Set<Department>().ToListAsync(ct);
        var read = new FinanceRows(departments, errors);

        var lines = new List<(CsvRow Row, BudgetLine Line)>();
        var totals = new List<(CsvRow Row, BudgetPrintedTotal Total, decimal? Variance)>();
        foreach (var row in rows)
        {
            var department = read.Department(row);
            var period = read.Period(row);
            var sectionText = row["section"];
            BudgetSection? section = null;
            var isTotal = string.Equals(sectionText, TotalSection, StringComparison.OrdinalIgnoreCase);
            if (!isTotal)
            {
                if (LedgerArithmetic.TryParseSection(sectionText, out var s)) section = s;
                else read.Error(row, "section", $"unknown line group \"{sectionText}\"; expected Expenditure, Income, Recharges or Total.");
            }
            var name = row["line"];
            RevenueTotal? total = null;
            if (name.Length == 0) read.Error(row, "line", "blank; expected the line's name (Employees, Fees & Charges…).");
            else if (isTotal)
            {
                if (LedgerArithmetic.TryParseTotal(name, out var t)) total = t;
                else read.Error(row, "line", $"\"{name}\" is not a printed total; a Total row is one of {string.Join(", ", Enum.GetValues<RevenueTotal>().Select(x => x.Name()))}.");
            }
            var annual = read.Figure(row, "annual_budget", true);
            var budget = read.Figure(row, "budget_to_date", true);
            var spent = read.Figure(row, "expenditure_to_date", true);
            var variance = read.Figure(row, "variance_to_date", false);
            var projected = read.Figure(row, "projected_outturn", false);
            if (isTotal && (projected is not null || row["comment"].Length > 0))
                read.Error(row, projected is not null ? "projected_outturn" : "comment", "a Total row carries only the printed figures; put projections and comments on the lines.");
            if (budget is { } b && spent is { } sp)
                read.CheckVariance(row, "variance_to_date", variance, b, sp, "budget_to_date", warnings);
            if (department is null || period is null || annual is null || budget is null || spent is null || name.Length == 0) continue;
            if (isTotal && total is { } tt)
                totals.Add((row, new BudgetPrintedTotal
                {
                    DepartmentId = department.Id, Period = period.Value, Total = tt,
                    AnnualBudget = annual.Value, BudgetToDate = budget.Value, ExpenditureToDate = spent.Value,
                }, variance));
            else if (section is { } sec)
                lines.Add((row, new BudgetLine
                {
                    DepartmentId = department.Id, Department = department, Period = period.Value, Section = sec, Name = name,
                    AnnualBudget = annual.Value, BudgetToDate = budget.Value, ExpenditureToDate = spent.Value,
                    ProjectedOutturn = projected, Comment = row.Optional("comment"),
                }));
        }

        foreach (var dup in lines.GroupBy(l => (l.Line.DepartmentId, l.Line.Period, l.Line.Section, Name: l.Line.Name.ToLowerInvariant())).Where(g => g.Count() > 1))
            foreach (var (row, line) in dup.Skip(1))
                read.Error(row, "line", $"\"{line.Name}\" appears twice under {line.Section} for {line.Department!.Name} {line.Period} (first at line {dup.First().Row.Line}).");
        foreach (var dup in totals.GroupBy(t => (t.Total.DepartmentId, t.Total.Period, t.Total.Total)).Where(g => g.Count() > 1))
            foreach (var (row, t, _) in dup.Skip(1))
                read.Error(row, "line", $"{t.Total.Name()} appears twice for this department and period (first at line {dup.First().Row.Line}).");

        // Printed totals must equal the sums of their lines, within the rounding allowance.
        var groups = lines.Select(l => (l.Line.DepartmentId, l.Line.Period)).Concat(totals.Select(t => (t.Total.DepartmentId, t.Total.Period))).Distinct().ToList();
        foreach (var (departmentId, period) in groups)
        {
            var groupLines = lines.Where(l => l.Line.DepartmentId == departmentId && l.Line.Period == period).ToList();
            var groupTotals = totals.Where(t => t.Total.DepartmentId == departmentId && t.Total.Period == period).ToList();
            if (groupLines.Count == 0)
            {
                foreach (var (row, _, _) in groupTotals)
                    read.Error(row, "section", "a Total row with no lines for its department and period; the lines must be in the same file.");
                continue;
            }
            var computed = RevenueTotals.Of(groupLines.Select(l => (l.Line.Section, l.Line.Figures)));
            foreach (var (row, printed, printedVariance) in groupTotals)
            {
                var sum = computed[printed.Total];
                Check(row, printed.Total, "annual_budget", printed.AnnualBudget, sum.AnnualBudget, read, warnings);
                Check(row, printed.Total, "budget_to_date", printed.BudgetToDate, sum.BudgetToDate, read, warnings);
                Check(row, printed.Total, "expenditure_to_date", printed.ExpenditureToDate, sum.ExpenditureToDate, read, warnings);
                if (printedVariance is { } pv) Check(row, printed.Total, "variance_to_date", pv, sum.VarianceToDate, read, warnings);
            }
        }
        if (errors.Count > 0) return FinanceImportResult.Rejected(errors, warnings);
        if (lines.Count == 0)
        {
            errors.Add($"{Path.GetFileName(path)}: no lines; expected one row per budget line.");
            return FinanceImportResult.Rejected(errors, warnings);
        }

        // Replace: the old lines and printed totals of each department and period are deleted by one statement each
        // (budget figures are not audited row by row; the import is the audited act), then the new ones are added in
        // one save, all inside one transaction.
        var done = new List<string>();
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        var replacedGroups = new HashSet<(int, Period)>();
        foreach (var (departmentId, period) in groups)
        {
            var deleted = await db.Set<BudgetLine>().Where(l => l.DepartmentId == departmentId && l.Period == period).ExecuteDeleteAsync(ct);
            await db.Set<BudgetPrintedTotal>().Where(t => t.DepartmentId == departmentId && t.Period == period).ExecuteDeleteAsync(ct);
            if (deleted > 0) replacedGroups.Add((departmentId, period));
        }
        var linesByGroup = lines.ToLookup(l => (l.Line.DepartmentId, l.Line.Period), l => l.Line);
        foreach (var (departmentId, period) in groups)
        {
            var department = departments.Single(d => d.Id == departmentId);
            var order = 0;
            foreach (var line in linesByGroup[(departmentId, period)])
            {
                line.Order = order++;
                line.Department = null;
            }
            var replaced = replacedGroups.Contains((departmentId, period));
            done.Add($"{department.Name} {period}: {(replaced ? "replaced" : "imported")}, {order} lines.");
        }
        db.AddRange(lines.Select(l => l.Line));
        db.AddRange(totals.Select(t => t.Total));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new FinanceImportResult(true, [], warnings, done);
    }

    private static void Check(CsvRow row, RevenueTotal total, string column, decimal printed, decimal computed, FinanceRows read, List<string> warnings)
    {
        var what = $"{total.Name()} {LedgerFigures.Format(printed)} against the sum of its lines, {LedgerFigures.Format(computed)}";
        switch (LedgerArithmetic.Compare(printed, computed))
        {
            case Agreement.Disagrees:
                read.Error(row, column, $"printed {what}: they differ by {LedgerFigures.Format(Math.Abs(printed - computed))}, more than the rounding allowance of 1.");
                break;
            case Agreement.RoundingDifference:
                warnings.Add($"{row.Where}: column \"{column}\": printed {what}: a rounding difference of 1, accepted.");
                break;
        }
    }

    /// <summary>A capital programme: one row per scheme, the printed total as a row of programme Total.</summary>
    public async Task<FinanceImportResult> ImportCapitalAsync(string path, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var rows = Sheet.Read(path, CapitalColumns, CapitalOptional, errors);
        if (rows is null || errors.Count > 0) return FinanceImportResult.Rejected(errors, warnings);
        var departments = await db.Set<Department>().ToListAsync(ct);
        var read = new FinanceRows(departments, errors);
        var schemes = new List<(CsvRow Row, CapitalScheme Scheme)>();
        var totals = new List<(CsvRow Row, int DepartmentId, Period Period, BudgetFigures Figures, decimal? Variance)>();
        foreach (var row in rows)
        {
            var department = read.Department(row);
            var period = read.Period(row);
            var programme = row["programme"];
            var isTotal = string.Equals(programme, TotalSection, StringComparison.OrdinalIgnoreCase);
            if (programme.Length == 0) read.Error(row, "programme", "blank; expected the programme heading (Schools) or Total.");
            if (!isTotal && row["scheme"].Length == 0) read.Error(row, "scheme", "blank; expected the scheme's name.");
            var allocation = read.Figure(row, "allocation", true);
            var toDate = read.Figure(row, "allocation_to_date", true);
            var spent = read.Figure(row, "expenditure_to_date", true);
            var variance = read.Figure(row, "variance_to_date", false);
            if (toDate is { } a && spent is { } s) read.CheckVariance(row, "variance_to_date", variance, a, s, "allocation_to_date", warnings);
            if (department is null || period is null || allocation is null || toDate is null || spent is null || programme.Length == 0) continue;
            if (isTotal) totals.Add((row, department.Id, period.Value, new BudgetFigures(allocation.Value, toDate.Value, spent.Value), variance));
            else if (row["scheme"].Length > 0)
                schemes.Add((row, new CapitalScheme
                {
                    DepartmentId = department.Id, Period = period.Value, Programme = programme, Name = row["scheme"],
                    Allocation = allocation.Value, AllocationToDate = toDate.Value, ExpenditureToDate = spent.Value, Comment = row.Optional("comment"),
                }));
        }
        foreach (var dup in schemes.GroupBy(x => (x.Scheme.DepartmentId, x.Scheme.Period, P: x.Scheme.Programme.ToLowerInvariant(), N: x.Scheme.Name.ToLowerInvariant())).Where(g => g.Count() > 1))
            foreach (var (row, scheme) in dup.Skip(1))
                read.Error(row, "scheme", $"\"{scheme.Name}\" appears twice (first at line {dup.First().Row.Line}).");
        foreach (var (row, departmentId, period, printed, printedVariance) in totals)
        {
            var sum = BudgetFigures.Sum(schemes.Where(x => x.Scheme.DepartmentId == departmentId && x.Scheme.Period == period).Select(x => x.Scheme.Figures));
            CheckCapital(row, "allocation", printed.AnnualBudget, sum.AnnualBudget, read, warnings);
            CheckCapital(row, "allocation_to_date", printed.BudgetToDate, sum.BudgetToDate, read, warnings);
            CheckCapital(row, "expenditure_to_date", printed.ExpenditureToDate, sum.ExpenditureToDate, read, warnings);
            if (printedVariance is { } pv) CheckCapital(row, "variance_to_date", pv, sum.VarianceToDate, read, warnings);
        }
        if (errors.Count > 0) return FinanceImportResult.Rejected(errors, warnings);

        var groups = schemes.Select(x => (x.Scheme.DepartmentId, x.Scheme.Period)).Distinct().ToList();
        var done = new List<string>();
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        foreach (var (departmentId, period) in groups)
        {
            var old = await db.Set<CapitalScheme>().Where(s => s.DepartmentId == departmentId && s.Period == period).ToListAsync(ct);
            db.RemoveRange(old);
            await db.SaveChangesAsync(ct);
            var order = 0;
            foreach (var (_, scheme) in schemes.Where(x => x.Scheme.DepartmentId == departmentId && x.Scheme.Period == period))
            {
                scheme.Order = order++;
                db.Add(scheme);
            }
            done.Add($"{departments.Single(d => d.Id == departmentId).Name} {period} capital: {(old.Count > 0 ? "replaced" : "imported")}, {order} schemes.");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new FinanceImportResult(true, [], warnings, done);
    }

    private static void CheckCapital(CsvRow row, string column, decimal printed, decimal computed, FinanceRows read, List<string> warnings)
    {
        var what = $"printed total {LedgerFigures.Format(printed)} against the sum of the schemes, {LedgerFigures.Format(computed)}";
        switch (LedgerArithmetic.Compare(printed, computed))
        {
            case Agreement.Disagrees: read.Error(row, column, $"{what}: more than the rounding allowance of 1 apart."); break;
            case Agreement.RoundingDifference: warnings.Add($"{row.Where}: column \"{column}\": {what}: a rounding difference of 1, accepted."); break;
        }
    }

    /// <summary>Commentary on a department's revenue or capital position; each department, period and statement in the file is replaced.</summary>
    public async Task<FinanceImportResult> ImportCommentsAsync(string path, CancellationToken ct = default)
    {
        var errors = new List<string>();
        var rows = Sheet.Read(path, CommentColumns, [], errors);
        if (rows is null || errors.Count > 0) return FinanceImportResult.Rejected(errors, []);
        var departments = await db.Set<Department>().ToListAsync(ct);
        var read = new FinanceRows(departments, errors);
        var comments = new List<FinanceComment>();
        foreach (var row in rows)
        {
            var department = read.Department(row);
            var period = read.Period(row);
            FinanceStatement? statement = row["statement"].ToLowerInvariant() switch
            {
                "revenue" => FinanceStatement.Revenue, "capital" => FinanceStatement.Capital, _ => null,
            };
            if (statement is null) read.Error(row, "statement", $"\"{row["statement"]}\" is not a statement; expected revenue or capital.");
            if (row["text"].Length == 0) read.Error(row, "text", "blank; expected a paragraph of commentary.");
            if (department is null || period is null || statement is null || row["text"].Length == 0) continue;
            comments.Add(new FinanceComment { DepartmentId = department.Id, Period = period.Value, Statement = statement.Value, Text = row["text"] });
        }
        if (errors.Count > 0) return FinanceImportResult.Rejected(errors, []);
        var done = new List<string>();
        await using var tx = await db.Database.BeginOrJoinTransactionAsync(ct);
        foreach (var group in comments.GroupBy(c => (c.DepartmentId, c.Period, c.Statement)))
        {
            var (departmentId, period, statement) = group.Key;
            db.RemoveRange(await db.Set<FinanceComment>().Where(c => c.DepartmentId == departmentId && c.Period == period && c.Statement == statement).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            var order = 0;
            foreach (var c in group) { c.Order = order++; db.Add(c); }
            done.Add($"{departments.Single(d => d.Id == departmentId).Name} {period} {statement.ToString().ToLowerInvariant()} commentary: {order} paragraphs.");
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new FinanceImportResult(true, [], [], done);
    }
}
