namespace Outturn.Cli.Tests;

/// <summary>`outturn import|export risks|equality` through the real tool: what export writes, import reads back unchanged.</summary>
public sealed class RegisterCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_exported_registers_import_back_as_a_merge_that_changes_nothing()
    {
        Assert.Equal(0, (await _cli.RunAsync("db", "migrate")).ExitCode);
        var risks = _cli.NewFolder("risks", new Dictionary<string, string>
        {
            ["risks.csv"] = "ref,directorate,title,owner,category,review_date,status,closure_reason\n"
                            + "R1,Children,Workforce,Tracey Coffey,Workforce,2016-03-31,,\n"
                            + "R2,Children,Placements,Tracey Coffey,Financial,2016-03-31,closed,Funding agreed\n",
            ["scores.csv"] = "risk,period,initial_likelihood,initial_impact,residual_likelihood,residual_impact,target_likelihood,target_impact\n"
                             + "R1,2015/16 Q1,4,4,4,3,2,3\nR1,2015/16 Q2,4,4,3,3,2,3\nR2,2015/16 Q1,4,3,3,3,,\n",
            ["controls.csv"] = "risk,ref,text,owner,due\nR1,a,Restructure,Tracey Coffey,2015-09-30\n",
        });
        var equality = _cli.NewFolder("equality", new Dictionary<string, string>
        {
            ["actions.csv"] = "ref,directorate,subject,impact,actions,timetable,officer,strands\nEQ1,Children,Short breaks,High,Review criteria,2015/16,Tracey Coffey,disability\n",
            ["progress.csv"] = "action,period,progress,commentary\nEQ1,2015/16 Q2,green,On track\n",
        });
        Assert.Equal("risks: 2 added, 0 merged (nothing removed).", (await _cli.RunAsync("import", "risks", risks)).Out.Trim());
        Assert.Equal("equality: 1 added, 0 merged (nothing removed).", (await _cli.RunAsync("import", "equality", equality)).Out.Trim());

        var riskOut = Path.Combine(_cli.DataDirectory, "export", "risks");
        var equalityOut = Path.Combine(_cli.DataDirectory, "export", "equality");
        Assert.Equal(0, (await _cli.RunAsync("export", "risks", riskOut)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("export", "equality", equalityOut)).ExitCode);

        Assert.Equal(["control_progress.csv", "controls.csv", "risks.csv", "scores.csv"], Directory.GetFiles(riskOut).Select(Path.GetFileName).Order());
        Assert.Equal(
            ["risk,period,initial_likelihood,initial_impact,residual_likelihood,residual_impact,target_likelihood,target_impact,assessed_on",
             "R1,2015/16 Q1,4,4,4,3,2,3,2015-06-30", "R1,2015/16 Q2,4,4,3,3,2,3,2015-09-30", "R2,2015/16 Q1,4,3,3,3,,,2015-06-30"],
            File.ReadAllLines(Path.Combine(riskOut, "scores.csv")));
        Assert.Equal("EQ1,Children,,,Short breaks,disability,High,Review criteria,2015/16,Tracey Coffey,,", File.ReadAllLines(Path.Combine(equalityOut, "actions.csv"))[1]);

        Assert.Equal("risks: 0 added, 2 merged (nothing removed).", (await _cli.RunAsync("import", "risks", riskOut)).Out.Trim());
        Assert.Equal("equality: 0 added, 1 merged (nothing removed).", (await _cli.RunAsync("import", "equality", equalityOut)).Out.Trim());
        var again = Path.Combine(_cli.DataDirectory, "export", "again");
        Assert.Equal(0, (await _cli.RunAsync("export", "risks", again)).ExitCode);
        foreach (var file in Directory.GetFiles(riskOut))
            Assert.Equal(File.ReadAllText(file), File.ReadAllText(Path.Combine(again, Path.GetFileName(file))));
    }
}
