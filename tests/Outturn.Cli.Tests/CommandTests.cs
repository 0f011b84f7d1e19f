using System.Text.Json;

namespace Outturn.Cli.Tests;

public sealed class CommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly Dictionary<string, string> SmallPlan = new()
    {
        ["plan.csv"] = "ref,title,kind,first_year,last_year\nCLI-1,Command line plan,service-plan,2015/16,2015/16\n",
        ["objectives.csv"] = "ref,title,priority,officer\nOB01,Objective,Priority one,An Officer\n",
        ["milestones.csv"] = "ref,objective,text,year,due,officer\nOB01a,OB01,Do it,2015/16,2016-03-31,\n",
        ["indicators.csv"] = "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\nM1,Measure,OB01,lower,%,1,quarterly,snapshot,10%,no\n",
        ["targets.csv"] = "indicator,period,target\nM1,2015/16,10\n",
        ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,10.9,final,\nM1,2014/15 Q2,12,final,\n",
    };

    [Fact]
    public async Task Status_prints_one_json_object_per_measure_with_the_computed_statuses()
    {
        Assert.Equal(0, (await _cli.RunAsync("demo", "load")).ExitCode);

        var result = await _cli.RunAsync("status", "--plan", "HBC-CYP-2015-16", "--period", "2015/16 Q2", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var lines = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(68, lines.GetArrayLength());
        var ced033 = lines.EnumerateArray().Single(l => l.GetProperty("ref").GetString() == "CED033");
        Assert.Equal(JsonValueKind.Number, ced033.GetProperty("target").ValueKind);
        Assert.Equal(95m, ced033.GetProperty("target").GetDecimal());
        Assert.Equal(75m, ced033.GetProperty("current").GetDecimal());
        Assert.Equal(JsonValueKind.Null, ced033.GetProperty("previous").ValueKind);
        Assert.Equal("red", ced033.GetProperty("progress").GetString());
        Assert.Equal("na", ced033.GetProperty("direction").GetString());
        Assert.Equal("amber", ced033.GetProperty("final_progress").GetString());
    }

    [Fact]
    public async Task Status_json_gives_a_ratio_measures_counts_interval_significance_and_direction_basis()
    {
        var plan = new Dictionary<string, string>(SmallPlan)
        {
            ["indicators.csv"] = "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key,multiplier,direction_basis\n" +
                "M1,Measure,OB01,lower,%,1,quarterly,snapshot,10%,no,,\n" +
                "R1,Ratio,OB01,higher,%,1,quarterly,snapshot,,no,100,previous_year_outturn\n",
            ["values.csv"] = "indicator,period,value,status,note,numerator,denominator\n" +
                "M1,2015/16 Q2,10.9,final,,,\nM1,2014/15 Q2,12,final,,,\n" +
                "R1,2015/16 Q2,,final,,30,40\nR1,2014/15,,final,,66,80\n",
        };
        Assert.Equal(0, (await _cli.RunAsync("import", "plan", _cli.NewFolder("ratio", plan))).ExitCode);

        var result = await _cli.RunAsync("status", "--plan", "CLI-1", "--period", "2015/16 Q2", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        var lines = JsonDocument.Parse(result.Out).RootElement.EnumerateArray().ToList();
        var r1 = lines.Single(l => l.GetProperty("ref").GetString() == "R1");
        Assert.Equal(75m, r1.GetProperty("current").GetDecimal());          // 30 ÷ 40 × 100
        Assert.Equal(30m, r1.GetProperty("numerator").GetDecimal());
        Assert.Equal(40m, r1.GetProperty("denominator").GetDecimal());
        // Wilson for 30/40: centre 0.798018 ÷ 1.096037 = 0.728095, half-width 1.788229 × 0.072717 = 0.130034.
        Assert.Equal(59.806m, r1.GetProperty("interval_low").GetDecimal());
        Assert.Equal(85.8129m, r1.GetProperty("interval_high").GetDecimal());
        // Against 2014/15's 82.5% (66/80): worse by the rules, but within noise.
        Assert.Equal("worse", r1.GetProperty("direction").GetString());
        Assert.False(r1.GetProperty("change_significant").GetBoolean());
        Assert.Equal("previous_year_outturn", r1.GetProperty("direction_basis").GetString());
        Assert.Equal(JsonValueKind.Null, r1.GetProperty("previous").ValueKind); // same period last year, as before

        var m1 = lines.Single(l => l.GetProperty("ref").GetString() == "M1");
        foreach (var field in new[] { "numerator", "denominator", "interval_low", "interval_high", "change_significant" })
            Assert.Equal(JsonValueKind.Null, m1.GetProperty(field).ValueKind);
        Assert.Equal("same_period_last_year", m1.GetProperty("direction_basis").GetString());
        Assert.Equal("better", m1.GetProperty("direction").GetString());
    }

    [Fact]
    public async Task Import_plan_then_status_as_csv_applies_a_relative_tolerance()
    {
        var import = await _cli.RunAsync("import", "plan", _cli.NewFolder("ok", SmallPlan));
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("CLI-1: imported.", import.Out);

        var result = await _cli.RunAsync("status", "--plan", "CLI-1", "--period", "Q2 2015/16", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        var rows = result.Out.Trim().Split('\n');
        Assert.StartsWith("ref,title,target,current,previous,progress,direction,final_progress", rows[0]);
        // Lower is better: 10.9 against 10 with 10% tolerance (1.0): shortfall 0.9 → amber; 10.9 < 12 a year before → better.
        Assert.Equal("M1,Measure,10,10.9,12,amber,better,amber,better,", rows[1]);
    }

    [Fact]
    public async Task A_rejected_plan_folder_exits_non_zero_lists_errors_on_standard_error_and_changes_nothing()
    {
        var bad = new Dictionary<string, string>(SmallPlan)
        {
            ["milestones.csv"] = "ref,objective,text,year,due,officer\nOB01a,OB99,Do it,2015/16,31/03/2016,\n",
            ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,ten,final,\n",
        };

        var result = await _cli.RunAsync("import", "plan", _cli.NewFolder("bad", bad));

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("milestones.csv:2: objective \"OB99\" is not in objectives.csv.", result.Error);
        Assert.Contains("milestones.csv:2: due \"31/03/2016\" is not a date", result.Error);
        Assert.Contains("values.csv:2: value \"ten\" is not a number.", result.Error);
        Assert.Equal("", result.Out);
        var status = await _cli.RunAsync("status", "--plan", "CLI-1", "--period", "2015/16 Q2");
        Assert.Equal(3, status.ExitCode);
        Assert.Contains("No plan has the ref \"CLI-1\"", status.Error);
    }

    [Fact]
    public async Task A_malformed_period_is_refused_with_the_accepted_forms()
    {
        var result = await _cli.RunAsync("status", "--plan", "HBC-CYP-2015-16", "--period", "second quarter");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("\"second quarter\" is not a period. Accepted forms:", result.Error);
        Assert.Contains("\"2015/16 Q2\"", result.Error);
    }

    [Fact]
    public async Task Db_migrate_creates_the_sqlite_file_in_the_data_directory()
    {
        var result = await _cli.RunAsync("db", "migrate");
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Path.Combine(_cli.DataDirectory, "outturn.db")));
    }
}
