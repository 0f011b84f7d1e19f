using Npgsql;

namespace Outturn.Cli.Tests;

/// <summary>
/// `outturn db backup` and `outturn db restore` round trip on each provider: what was held is held again after a
/// restore, and a restore never overwrites a database in use unless told to, keeping a backup of it first.
/// </summary>
public abstract class BackupCommandTests : IAsyncLifetime
{
    protected readonly Cli Cli = new();

    private static readonly Dictionary<string, string> Plan = new()
    {
        ["plan.csv"] = "ref,title,kind,first_year,last_year\nBAK-1,Backed up plan,service-plan,2015/16,2015/16\n",
        ["objectives.csv"] = "ref,title,priority,officer\nOB01,Objective,Priority one,An Officer\n",
        ["milestones.csv"] = "ref,objective,text,year,due,officer\nOB01a,OB01,Do it,2015/16,2016-03-31,\n",
        ["indicators.csv"] = "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\nM1,Measure,OB01,lower,%,1,quarterly,snapshot,10%,no\n",
        ["targets.csv"] = "indicator,period,target\nM1,2015/16,10\n",
        ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,10.9,final,\n",
    };

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        Cli.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Makes the configured database a new, empty one (the target of a restore drill).</summary>
    protected abstract Task UseNewDatabaseAsync();

    private async Task<string> M1Async()
    {
        var status = await Cli.RunAsync("status", "--plan", "BAK-1", "--period", "2015/16 Q2", "--format", "csv");
        Assert.Equal(0, status.ExitCode);
        return status.Out.Split('\n')[1];
    }

    [Fact]
    public async Task A_backup_restored_into_a_new_database_holds_what_was_backed_up()
    {
        Assert.Equal(0, (await Cli.RunAsync("import", "plan", Cli.NewFolder("plan", Plan))).ExitCode);
        var before = await M1Async();
        var file = Path.Combine(Cli.DataDirectory, "backups", "drill.backup");

        var backup = await Cli.RunAsync("db", "backup", "--out", file);
        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.Contains("Backed up", backup.Out);
        // A second backup to the same file is refused rather than overwriting the first.
        var again = await Cli.RunAsync("db", "backup", "--out", file);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("never overwrites", again.Error);

        await UseNewDatabaseAsync();
        Assert.NotEqual(0, (await Cli.RunAsync("status", "--plan", "BAK-1", "--period", "2015/16 Q2")).ExitCode);
        var restore = await Cli.RunAsync("db", "restore", file);

        Assert.True(restore.ExitCode == 0, restore.Error);
        Assert.Equal(before, await M1Async());
        Assert.StartsWith("M1,Measure,10,10.9,", before); // the figure and target as imported
    }

    [Fact]
    public async Task A_restore_over_a_database_holding_plans_needs_replace_and_keeps_what_was_there()
    {
        Assert.Equal(0, (await Cli.RunAsync("import", "plan", Cli.NewFolder("plan", Plan))).ExitCode);
        var file = Path.Combine(Cli.DataDirectory, "backups", "before-change.backup");
        Assert.Equal(0, (await Cli.RunAsync("db", "backup", "--out", file)).ExitCode);
        var changed = new Dictionary<string, string>(Plan) { ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,7.5,final,\n" };
        Assert.Equal(0, (await Cli.RunAsync("import", "plan", Cli.NewFolder("changed", changed))).ExitCode);
        Assert.StartsWith("M1,Measure,10,7.5,", await M1Async());

        var refused = await Cli.RunAsync("db", "restore", file);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("--replace", refused.Error);
        Assert.StartsWith("M1,Measure,10,7.5,", await M1Async());

        var replaced = await Cli.RunAsync("db", "restore", file, "--replace");
        Assert.True(replaced.ExitCode == 0, replaced.Error);
        Assert.StartsWith("M1,Measure,10,10.9,", await M1Async());
        Assert.Contains("kept at", replaced.Out);
        Assert.Single(Directory.GetFiles(Path.Combine(Cli.DataDirectory, "backups"), "before-restore-*"));
    }

    [Fact]
    public async Task A_file_that_is_not_a_backup_is_refused_and_changes_nothing()
    {
        var notABackup = Path.Combine(Cli.DataDirectory, "not-a-backup.txt");
        Directory.CreateDirectory(Cli.DataDirectory);
        await File.WriteAllTextAsync(notABackup, "indicator,period,value\n");

        var result = await Cli.RunAsync("db", "restore", notABackup);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not-a-backup.txt", result.Error);
    }
}

public sealed class BackupCommandTestsOnSqlite : BackupCommandTests
{
    private int _databases;

    protected override Task UseNewDatabaseAsync()
    {
        Cli.Environment["ConnectionStrings__Outturn"] = $"Data Source={Path.Combine(Cli.DataDirectory, $"restored-{++_databases}.db")}";
        return Task.CompletedTask;
    }
}

public sealed class BackupCommandTestsOnPostgres : BackupCommandTests
{
    private static string Server =>
        System.Environment.GetEnvironmentVariable("OUTTURN_TEST_POSTGRES") ?? throw new InvalidOperationException("OUTTURN_TEST_POSTGRES is not set.");

    private readonly List<string> _databases = [];

    public override async Task InitializeAsync()
    {
        Cli.Environment["Outturn__Database__Provider"] = "postgres";
        await UseNewDatabaseAsync();
    }

    protected override async Task UseNewDatabaseAsync()
    {
        var name = "outturn_cli_" + Guid.NewGuid().ToString("N")[..12];
        await using (var conn = new NpgsqlConnection(Server))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        _databases.Add(name);
        Cli.Environment["ConnectionStrings__Outturn"] = new NpgsqlConnectionStringBuilder(Server) { Database = name, Pooling = false }.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await using var conn = new NpgsqlConnection(Server);
        await conn.OpenAsync();
        foreach (var name in _databases)
        {
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
