using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Finance;
using Outturn.Domain.Finance;
using Outturn.Domain.Periods;

namespace Outturn.Application.Tests.Finance;

/// <summary>Ledger imports: all or nothing, replacing a department's period as one transaction. Figures from the Q2 2015/16 report (docs/sources.md §2.5).</summary>
public abstract class LedgerImportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Header = "department,period,section,line,annual_budget,budget_to_date,expenditure_to_date,variance_to_date\n";

    // Children and Families' recharges and a slice of its expenditure, with printed totals that agree.
    private const string Good = Header +
        "Children and Families,2015/16 Q2,Expenditure,Employees,\"8,635\",\"4,445\",\"4,539\",(94)\n" +
        "Children and Families,2015/16 Q2,Expenditure,Premises,339,201,203,(2)\n" +
        "Children and Families,2015/16 Q2,Income,Fees & Charges,-114,-81,-85,4\n" +
        "Children and Families,2015/16 Q2,Recharges,Premises Support Costs,288,144,144,0\n" +
        "Children and Families,2015/16 Q2,Total,Total Expenditure,\"8,974\",\"4,646\",\"4,742\",(96)\n" +
        "Children and Families,2015/16 Q2,Total,Net Expenditure,\"9,148\",\"4,709\",\"4,801\",\n";

    private bool _departments;

    /// <summary>The two departments of the report, added once per test before the first import.</summary>
    private async Task EnsureDepartments()
    {
        if (_departments) return;
        _departments = true;
        var file = Write("departments.csv", "name,directorate\n\"Education, Inclusion and Provision\",Children and Young People\nChildren and Families,Children and Young People\n");
        var result = await WithScope(sp => sp.GetRequiredService<FinanceImport>().ImportDepartmentsAsync(file));
        Assert.True(result.Imported, string.Join("\n", result.Errors));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(NewFolder("files"), name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<FinanceImportResult> Import(string path)
    {
        await EnsureDepartments();
        return await WithScope(sp => sp.GetRequiredService<FinanceImport>().ImportLedgerAsync(path));
    }

    private Task<FinancialSummary> Summary(string department = "Children and Families") => WithScope(async sp =>
    {
        var q = sp.GetRequiredService<FinanceQuery>();
        return await q.SummaryAsync((await q.DepartmentAsync(department))!, Period.Quarter(2015, 2));
    });

    private Task<(int Lines, int Totals)> Held() =>
        Db(async db => (await db.Set<BudgetLine>().CountAsync(), await db.Set<BudgetPrintedTotal>().CountAsync()));

    [Fact]
    public async Task A_valid_extract_is_imported_with_its_lines_and_totals_computed_from_them()
    {
        var result = await Import(Write("ledger.csv", Good));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        var s = await Summary();
        Assert.Equal(["Employees", "Premises", "Fees & Charges", "Premises Support Costs"], s.Lines.Select(l => l.Line.Name));
        Assert.Equal(-94m, s.Lines[0].Line.VarianceToDate);
        // 8,635 + 339 = 8,974; 4,445 + 201 = 4,646; 4,539 + 203 = 4,742.
        Assert.Equal(new BudgetFigures(8974, 4646, 4742), s.Total(RevenueTotal.TotalExpenditure).Computed);
        // Net expenditure: 8,974 − 114 + 288 = 9,148; 4,646 − 81 + 144 = 4,709; 4,742 − 85 + 144 = 4,801.
        Assert.Equal(new BudgetFigures(9148, 4709, 4801), s.Total(RevenueTotal.NetExpenditure).Computed);
        Assert.Equal(Agreement.Agrees, s.Total(RevenueTotal.NetExpenditure).Check);
        Assert.Null(s.Total(RevenueTotal.TotalIncome).Check); // not printed in this extract
    }

    [Fact]
    public async Task An_extract_with_unknown_names_bad_figures_and_wrong_totals_is_rejected_whole_naming_row_and_column()
    {
        await Import(Write("first.csv", Good));
        var before = await Held();
        var bad = Header +
            "Children and Families,2015/16 Q2,Expenditure,Employees,\"9,000\",\"4,445\",\"4,539\",(94)\n" +  // fine on its own
            "Childrens Services,2015/16 Q2,Expenditure,Premises,339,201,203,(2)\n" +                         // 3: unknown department
            "Children and Families,2015/16 Q2,Staffing,Agency,10,5,5,0\n" +                                  // 4: unknown line group
            "Children and Families,2015/16 Q2,Expenditure,Transport,eight,4,6,(2)\n" +                       // 5: not a number
            "Children and Families,2015/16 Q2,Expenditure,Care Leavers,125,56,59,3\n" +                      // 6: variance disagrees (56 − 59 = −3)
            "Children and Families,Quarter Two,Expenditure,Family Support,117,26,48,(22)\n" +                // 7: not a period
            "Children and Families,2015/16 Q2,Total,Total Expenditure,\"8,635\",\"4,445\",\"4,539\",(94)\n"; // 8: lines sum to 9,125 (9,000 + 125)

        var result = await Import(Write("bad.csv", bad));

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.StartsWith("bad.csv:3: column \"department\"") && e.Contains("unknown department \"Childrens Services\""));
        Assert.Contains(result.Errors, e => e.StartsWith("bad.csv:4: column \"section\"") && e.Contains("unknown line group \"Staffing\""));
        Assert.Contains(result.Errors, e => e.StartsWith("bad.csv:5: column \"annual_budget\"") && e.Contains("\"eight\" is not a number"));
        Assert.Contains(result.Errors, e => e.StartsWith("bad.csv:6: column \"variance_to_date\""));
        Assert.Contains(result.Errors, e => e.StartsWith("bad.csv:7: column \"period\"") && e.Contains("\"Quarter Two\""));
        Assert.Contains(result.Errors, e => e.StartsWith("bad.csv:8: column \"annual_budget\"") && e.Contains("Total Expenditure") && e.Contains("9,125"));
        Assert.Equal(before, await Held());
        var s = await Summary();
        Assert.Equal(8635m, s.Lines.Single(l => l.Line.Name == "Employees").Line.AnnualBudget); // the first import's figure stands
    }

    [Fact]
    public async Task A_total_one_away_from_its_lines_is_accepted_with_a_warning()
    {
        // EIP Total Recharges: printed 7,368, lines 205 + 296 + 1,851 + 5,017 = 7,369.
        var ledger = Header +
            "\"Education, Inclusion and Provision\",2015/16 Q2,Recharges,Premises Support Costs,205,104,104,0\n" +
            "\"Education, Inclusion and Provision\",2015/16 Q2,Recharges,Transport Support Costs,296,54,54,0\n" +
            "\"Education, Inclusion and Provision\",2015/16 Q2,Recharges,Central Support Service Costs,\"1,851\",857,857,0\n" +
            "\"Education, Inclusion and Provision\",2015/16 Q2,Recharges,Asset Rental Support Costs,\"5,017\",0,0,0\n" +
            "\"Education, Inclusion and Provision\",2015/16 Q2,Total,Total Recharges,\"7,368\",\"1,015\",\"1,015\",0\n";

        var result = await Import(Write("eip.csv", ledger));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Contains(result.Warnings, w => w.StartsWith("eip.csv:6: column \"annual_budget\"") && w.Contains("7,368") && w.Contains("7,369"));
        var total = (await Summary("Education, Inclusion and Provision")).Total(RevenueTotal.TotalRecharges);
        Assert.Equal(7369m, total.Computed.AnnualBudget);
        Assert.Equal(7368m, total.Printed!.Value.AnnualBudget);
        Assert.Equal(Agreement.RoundingDifference, total.Check);
    }

    [Fact]
    public async Task Importing_a_department_and_period_already_held_replaces_its_figures()
    {
        await Import(Write("first.csv", Good));

        var result = await Import(Write("second.csv", Header + "Children and Families,2015/16 Q2,Expenditure,Employees,\"8,700\",\"4,400\",\"4,500\",(100)\n"));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Contains(result.Done, d => d.Contains("replaced"));
        var s = await Summary();
        Assert.Equal(["Employees"], s.Lines.Select(l => l.Line.Name));
        Assert.Equal(8700m, s.Lines[0].Line.AnnualBudget);
        Assert.Equal((1, 0), await Held()); // the old printed totals went with the old lines
    }

    [Fact]
    public async Task An_xlsx_extract_is_read_like_a_csv_one_and_its_errors_name_the_worksheet_row()
    {
        var path = Path.Combine(NewFolder("xlsx"), "ledger.xlsx");
        Workbook.Write(path,
        [
            ["department", "period", "section", "line", "annual_budget", "budget_to_date", "expenditure_to_date", "variance_to_date"],
            ["Children and Families", "2015/16 Q2", "Expenditure", "Employees", 8635, 4445, 4539, -94],
            ["Children and Families", "2015/16 Q2", "Expenditure", "Special Guardianship", "527", "286", "615", "(329)"],
            ["Children and Families", "2015/16 Q2", "Total", "Total Expenditure", 9162, 4731, 5154, null],
        ]);

        var result = await Import(path);

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        var s = await Summary();
        Assert.Equal(-329m, s.Lines.Single(l => l.Line.Name == "Special Guardianship").Line.VarianceToDate);

        var bad = Path.Combine(NewFolder("xlsx-bad"), "ledger.xlsx");
        Workbook.Write(bad,
        [
            ["department", "period", "section", "line", "annual_budget", "budget_to_date", "expenditure_to_date", "variance_to_date"],
            ["Children and Families", "2015/16 Q2", "Expenditure", "Employees", "lots", 4445, 4539, null],
        ]);
        var rejected = await Import(bad);
        Assert.False(rejected.Imported);
        Assert.Contains(rejected.Errors, e => e.StartsWith("ledger.xlsx:2: column \"annual_budget\""));
        Assert.Equal(2, s.Lines.Count);
        Assert.Equal(2, (await Summary()).Lines.Count);
    }

    [Fact]
    public async Task A_file_with_a_wrong_header_is_rejected_before_any_row_is_read()
    {
        var result = await Import(Write("header.csv", "department,period,section,line,budget\nChildren and Families,2015/16 Q2,Expenditure,Employees,1\n"));

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.StartsWith("header.csv:1:") && e.Contains("unknown column \"budget\""));
        Assert.Contains(result.Errors, e => e.StartsWith("header.csv:1:") && e.Contains("missing column \"annual_budget\""));
        Assert.Equal((0, 0), await Held());
    }
}

public sealed class LedgerImportTestsOnSqlite() : LedgerImportTests(DatabaseProvider.Sqlite);

public sealed class LedgerImportTestsOnPostgres() : LedgerImportTests(DatabaseProvider.Postgres);
