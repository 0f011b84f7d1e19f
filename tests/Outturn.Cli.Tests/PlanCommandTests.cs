namespace Outturn.Cli.Tests;

public sealed class PlanCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static readonly Dictionary<string, string> Plan = new()
    {
        ["plan.csv"] = "ref,title,kind,first_year,last_year\nCLI-2,Command line plan,service-plan,2015/16,2015/16\n",
        ["objectives.csv"] = "ref,title,priority,officer\nOB01,Objective,Priority one,An Officer\n",
        ["milestones.csv"] = "ref,objective,text,year,due,officer\nOB01a,OB01,Do it,2015/16,2016-03-31,\n",
        ["indicators.csv"] = "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\nM1,Measure,OB01,lower,%,1,quarterly,snapshot,10%,no\nM2,Other,OB01,lower,%,1,quarterly,snapshot,,no\n",
        ["targets.csv"] = "indicator,period,target\nM1,2015/16,10\n",
        ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,10.9,final,\n",
    };

    [Fact]
    public async Task A_dry_run_prints_each_change_and_changes_nothing_then_the_import_makes_them()
    {
        Assert.Equal(0, (await _cli.RunAsync("import", "plan", _cli.NewFolder("first", Plan))).ExitCode);
        var changed = new Dictionary<string, string>(Plan)
        {
            ["indicators.csv"] = "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\nM1,Measure renamed,OB01,lower,%,1,quarterly,snapshot,10%,no\n",
        };
        var folder = _cli.NewFolder("second", changed);

        var dry = await _cli.RunAsync("import", "plan", folder, "--dry-run");
        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("retired measure M2: Other (not in the folder)", dry.Out);
        Assert.Contains("changed measure M1: title \"Measure\" → \"Measure renamed\"", dry.Out);
        Assert.Contains("CLI-2: dry run, nothing was changed (0 added, 1 changed, 1 retired, 0 reinstated).", dry.Out);

        // Nothing was changed: the real import finds the same two changes to make.
        var real = await _cli.RunAsync("import", "plan", folder);
        Assert.Contains("CLI-2: merged (0 added, 1 changed, 1 retired, 0 reinstated).", real.Out);

        var export = _cli.NewFolder("export", new Dictionary<string, string>());
        Assert.Equal(0, (await _cli.RunAsync("export", "plan", "CLI-2", export)).ExitCode);
        var indicators = File.ReadAllLines(Path.Combine(export, "indicators.csv"));
        // Every column of indicators.csv in the order docs/import-formats.md lists them.
        Assert.Equal("ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key,priority,officer,source,type,definition,availability,retired,"
                     + "multiplier,formula,aggregation,direction_basis,minimum,maximum", indicators[0]);
        // Blank: source, type, definition, availability, retired, then the six optional kind and limit columns.
        Assert.Equal("M1,Measure renamed,OB01,lower,%,1,quarterly,snapshot,10%,no,Priority one,An Officer,,,,,,,,,,,", indicators[1]);
        Assert.Matches(@"^M2,Other,OB01,lower,%,1,quarterly,snapshot,,no,Priority one,An Officer,,,,,\d{4}-\d\d-\d\d,,,,,,$", indicators[2]);
    }

    [Fact]
    public async Task Plan_check_exits_1_on_errors_and_0_with_warnings_printed()
    {
        var withError = new Dictionary<string, string>(Plan)
        {
            ["milestones.csv"] = "ref,objective,text,year,due,officer\nOB01a,OB01,Do it,2015/16,2015-03-31,\n",
        };
        var import = await _cli.RunAsync("import", "plan", _cli.NewFolder("dated", withError));
        Assert.Equal(0, import.ExitCode);
        Assert.Contains("plan check error: milestones.csv:2: milestone OB01a is due 2015-03-31, outside its plan year 2015/16", import.Out);

        var check = await _cli.RunAsync("plan", "check", "CLI-2");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("error: milestones.csv:2: milestone OB01a is due 2015-03-31", check.Out);

        Assert.Equal(0, (await _cli.RunAsync("import", "plan", _cli.NewFolder("fixed", new Dictionary<string, string>(Plan)
        {
            ["targets.csv"] = "indicator,period,target\nM1,2015/16,tbc\n",
        }))).ExitCode);
        var warned = await _cli.RunAsync("plan", "check", "CLI-2");
        Assert.Equal(0, warned.ExitCode);
        Assert.Contains("warning: targets.csv:2: target for M1 in 2015/16 is still tbc", warned.Out);
        Assert.Equal(3, (await _cli.RunAsync("plan", "check", "NO-SUCH")).ExitCode);
    }
}
