using Microsoft.Data.Sqlite;

namespace Outturn.Cli.Tests;

/// <summary>Changes made at the command line are recorded against a named account, never the operating-system user.</summary>
public sealed class CommandLineAccountTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A plan whose import records audited figures (a target and values) on a merge.</summary>
    private string Plan(string name, string target) => _cli.NewFolder(name, new Dictionary<string, string>
    {
        ["plan.csv"] = "ref,title,kind,first_year,last_year\nCLI-AS,Attribution plan,service-plan,2015/16,2015/16\n",
        ["objectives.csv"] = "ref,title,priority,officer\nOB01,Objective,Priority one,An Officer\n",
        ["milestones.csv"] = "ref,objective,text,year,due,officer\n",
        ["indicators.csv"] = "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\nM1,Measure,OB01,lower,%,1,quarterly,snapshot,10%,no\n",
        ["targets.csv"] = $"indicator,period,target\nM1,2015/16,{target}\n",
        ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,10.9,final,\n",
    });

    private List<string> WhoChangedTheTarget()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_cli.DataDirectory, "outturn.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"By\" FROM \"AuditEntries\" WHERE \"Entity\" = 'Target' AND \"Field\" = 'Value' ORDER BY \"Id\"";
        using var reader = command.ExecuteReader();
        var who = new List<string>();
        while (reader.Read()) who.Add(reader.GetString(0));
        return who;
    }

    [Fact]
    public async Task A_change_is_recorded_against_the_account_named_with_as_or_configured_and_never_the_operating_system_user()
    {
        await _cli.LoadDemoAsync();
        Assert.Equal(0, (await _cli.RunAsync("import", "plan", Plan("first", "10"))).ExitCode);

        var named = await _cli.RunAsync("import", "plan", Plan("second", "9"), "--as", "performance@outturn.example");
        Assert.True(named.ExitCode == 0, named.Error);
        var configured = await _cli.RunWithAsync(new Dictionary<string, string> { ["Outturn__Cli__Account"] = "admin@outturn.example" }, "import", "plan", Plan("third", "8"));
        Assert.True(configured.ExitCode == 0, configured.Error);
        var unnamed = await _cli.RunAsync("import", "plan", Plan("fourth", "7"));
        Assert.True(unnamed.ExitCode == 0, unnamed.Error);

        var who = WhoChangedTheTarget();
        Assert.Equal(["performance@outturn.example", "admin@outturn.example", "command line (no account named)"], who.TakeLast(3));
        Assert.DoesNotContain(Environment.UserName, who);
    }

    [Fact]
    public async Task An_unknown_or_disabled_account_is_refused_before_anything_changes()
    {
        await _cli.LoadDemoAsync();
        Assert.Equal(0, (await _cli.RunAsync("import", "plan", Plan("first", "10"))).ExitCode);
        var before = WhoChangedTheTarget().Count;

        var stranger = await _cli.RunAsync("import", "plan", Plan("second", "9"), "--as", "nobody@outturn.example");
        Assert.Equal(4, stranger.ExitCode);
        Assert.Contains("No account has the e-mail address nobody@outturn.example", stranger.Error);

        Assert.Equal(0, (await _cli.RunAsync("users", "disable", "--email", "tracey.coffey@outturn.example", "--as", "admin@outturn.example")).ExitCode);
        var disabled = await _cli.RunAsync("import", "plan", Plan("third", "8"), "--as", "tracey.coffey@outturn.example");
        Assert.Equal(4, disabled.ExitCode);
        Assert.Contains("disabled", disabled.Error);

        Assert.Equal(before, WhoChangedTheTarget().Count);
    }

    [Fact]
    public async Task Where_an_account_is_required_a_change_without_one_is_refused_and_nothing_is_saved()
    {
        await _cli.LoadDemoAsync();
        Assert.Equal(0, (await _cli.RunAsync("import", "plan", Plan("first", "10"))).ExitCode);
        var before = WhoChangedTheTarget().Count;
        var required = new Dictionary<string, string> { ["Outturn__Cli__RequireAccount"] = "true" };

        var refused = await _cli.RunWithAsync(required, "import", "plan", Plan("second", "9"));
        Assert.Equal(4, refused.ExitCode);
        Assert.Contains("--as <email>", refused.Error);
        Assert.DoesNotContain("   at ", refused.Error);
        Assert.Equal(before, WhoChangedTheTarget().Count);

        var named = await _cli.RunWithAsync(required, "import", "plan", Plan("third", "8"), "--as", "admin@outturn.example");
        Assert.True(named.ExitCode == 0, named.Error);
        Assert.Equal("admin@outturn.example", WhoChangedTheTarget()[^1]);
    }
}
