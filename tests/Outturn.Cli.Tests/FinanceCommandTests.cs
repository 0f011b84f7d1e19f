using System.Text.Json;

namespace Outturn.Cli.Tests;

/// <summary>`outturn import ledger` and `outturn finance` through the real tool; figures from the Q2 2015/16 report (docs/sources.md §2.5).</summary>
public sealed class FinanceCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Finance_prints_the_departments_lines_and_totals_as_json()
    {
        await _cli.LoadDemoAsync();

        var result = await _cli.RunAsync("finance", "--department", "Children and Families", "--period", "2015/16 Q2", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal("Children and Families", root.GetProperty("department").GetString());
        Assert.Equal("2015/16 Q2", root.GetProperty("period").GetString());
        var lines = root.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(24, lines.Count);
        var guardianship = lines.Single(l => l.GetProperty("line").GetString() == "Special Guardianship");
        Assert.Equal((527m, 286m, 615m, -329m), (guardianship.GetProperty("annual_budget").GetDecimal(), guardianship.GetProperty("budget_to_date").GetDecimal(),
            guardianship.GetProperty("expenditure_to_date").GetDecimal(), guardianship.GetProperty("variance_to_date").GetDecimal()));
        var net = root.GetProperty("totals").EnumerateArray().Single(t => t.GetProperty("total").GetString() == "Net Expenditure");
        Assert.Equal((19233m, 10052m, 11128m, -1076m), (net.GetProperty("annual_budget").GetDecimal(), net.GetProperty("budget_to_date").GetDecimal(),
            net.GetProperty("expenditure_to_date").GetDecimal(), net.GetProperty("variance_to_date").GetDecimal()));
        Assert.Equal("agrees", net.GetProperty("check").GetString());
        Assert.Equal(-2152m, root.GetProperty("projection").GetProperty("projected_variance").GetDecimal());
    }

    [Fact]
    public async Task A_rejected_ledger_exits_non_zero_lists_errors_as_file_line_and_changes_nothing()
    {
        await _cli.LoadDemoAsync();
        var before = (await _cli.RunAsync("finance", "--department", "Children and Families", "--period", "2015/16 Q2")).Out;
        var folder = _cli.NewFolder("ledger", new Dictionary<string, string>
        {
            ["bad.csv"] = "department,period,section,line,annual_budget,budget_to_date,expenditure_to_date,variance_to_date\n" +
                          "Children and Families,2015/16 Q2,Expenditure,Employees,\"9,999\",\"4,445\",\"4,539\",(94)\n" +
                          "Social Care,2015/16 Q2,Expenditure,Premises,339,201,203,(2)\n",
        });

        var result = await _cli.RunAsync("import", "ledger", Path.Combine(folder, "bad.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.csv:3: column \"department\": unknown department \"Social Care\"", result.Error);
        Assert.Equal(before, (await _cli.RunAsync("finance", "--department", "Children and Families", "--period", "2015/16 Q2")).Out);
    }

    [Fact]
    public async Task A_good_ledger_replaces_the_department_period_and_finance_shows_it()
    {
        await _cli.LoadDemoAsync();
        var folder = _cli.NewFolder("ledger-ok", new Dictionary<string, string>
        {
            ["q2.csv"] = "department,period,section,line,annual_budget,budget_to_date,expenditure_to_date,variance_to_date\n" +
                         "Children and Families,2015/16 Q2,Expenditure,Employees,\"8,635\",\"4,445\",\"4,539\",\n" +
                         "Children and Families,2015/16 Q2,Total,Total Expenditure,\"8,635\",\"4,445\",\"4,539\",(94)\n",
        });

        var import = await _cli.RunAsync("import", "ledger", Path.Combine(folder, "q2.csv"));
        var result = await _cli.RunAsync("finance", "--department", "children and families", "--period", "Q2 2015/16", "--format", "json");

        Assert.Equal(0, import.ExitCode);
        Assert.Contains("Children and Families 2015/16 Q2: replaced, 1 lines.", import.Out);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(-94m, Assert.Single(root.GetProperty("lines").EnumerateArray()).GetProperty("variance_to_date").GetDecimal());
    }

    [Fact]
    public async Task Finance_for_an_unknown_department_or_malformed_period_is_refused()
    {
        var unknown = await _cli.RunAsync("finance", "--department", "Nowhere", "--period", "2015/16 Q2");
        var malformed = await _cli.RunAsync("finance", "--department", "Children and Families", "--period", "second quarter");

        Assert.Equal(3, unknown.ExitCode);
        Assert.Contains("No department is named \"Nowhere\"", unknown.Error);
        Assert.Equal(2, malformed.ExitCode);
        Assert.Contains("2015/16 Q2", malformed.Error);
    }
}
