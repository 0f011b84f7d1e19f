using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outturn.Application.Data;
using Outturn.Application.Demo;

[assembly: Xunit.TestFramework("Outturn.Application.Tests.TestRun", "Outturn.Application.Tests")]

namespace Outturn.Application.Tests;

/// <summary>
/// xUnit's own test framework, which xUnit disposes when the run's last test is done: then the templates of
/// <see cref="IntegrationTest"/> are removed. (A process-exit handler is not enough: the runner may stop
/// the test host before it has run.) A run that is killed leaves them behind, as it does its test databases.
/// </summary>
public sealed class TestRun : Xunit.Sdk.XunitTestFramework
{
    public TestRun(Xunit.Abstractions.IMessageSink sink) : base(sink) => DisposalTracker.Add(new Removal());

    private sealed class Removal : IDisposable
    {
        public void Dispose() => IntegrationTest.RemoveTemplates();
    }
}

/// <summary>
/// Each test gets a new, migrated database of its provider: an SQLite file in a temporary folder, or a new
/// database on the PostgreSQL server named by OUTTURN_TEST_POSTGRES (./test.sh starts one and sets it), copied from
/// one migrated once per test run.
/// A test that needs the demo only as its starting point calls <see cref="LoadDemoAsync"/>, which gives it a copy of
/// the demo loaded once per provider per test run (see there); a test of loading the demo itself loads it for real.
/// </summary>
public abstract class IntegrationTest(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-tests", Guid.NewGuid().ToString("N"));
    private string? _pgDatabase;
    private string? _pgServer;

    protected ServiceProvider Services { get; private set; } = null!;
    protected DatabaseProvider Provider => provider;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("OUTTURN_TEST_POSTGRES")
        ?? throw new InvalidOperationException(
            "OUTTURN_TEST_POSTGRES is not set: the PostgreSQL half of the suite needs a server. Run ./test.sh, which starts one.");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string?> { ["Outturn:DataDirectory"] = _folder };
        if (provider == DatabaseProvider.Postgres)
        {
            _pgServer = PostgresServer;
            _pgDatabase = "outturn_test_" + Guid.NewGuid().ToString("N")[..12];
            // Migrating a PostgreSQL database takes a second or two, copying a migrated one a fraction of that.
            var migrated = await MigratedTemplate.Value;
            await using (var conn = new NpgsqlConnection(_pgServer))
            {
                await conn.OpenAsync();
                await TemplateCopies.WaitAsync();
                try
                {
                    await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase} TEMPLATE {migrated}", conn);
                    await cmd.ExecuteNonQueryAsync();
                }
                finally { TemplateCopies.Release(); }
            }
            settings["Outturn:Database:Provider"] = "postgres";
            settings["ConnectionStrings:Outturn"] = new NpgsqlConnectionStringBuilder(_pgServer) { Database = _pgDatabase }.ConnectionString;
        }
        Services = Build(settings, AddServices);
        if (provider == DatabaseProvider.Sqlite)
        {
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentQueue<string> TemplateFolders = new();
    private static readonly System.Collections.Concurrent.ConcurrentQueue<(string Server, string Name)> TemplateDatabases = new();

    /// <summary>
    /// A template's name carries the minute it was made, so that a run can drop those a killed or cut-short run left
    /// behind (the test host may be stopped while <see cref="RemoveTemplates"/> is still at work) once they are old
    /// enough that no run can still be using them.
    /// </summary>
    private static string TemplateName(string kind) =>
        $"outturn_{kind}_tmpl_{DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 60}_{Guid.NewGuid().ToString("N")[..8]}";

    private static readonly TimeSpan StaleTemplate = TimeSpan.FromHours(6);

    private static async Task DropStaleTemplatesAsync(NpgsqlConnection conn)
    {
        var stale = new List<string>();
        await using (var list = new NpgsqlCommand(@"SELECT datname FROM pg_database WHERE datname ~ '^outturn_(demo|migrated)_tmpl_[0-9]+_[0-9a-f]+$'", conn))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync())
            {
                var name = reader.GetString(0);
                var minute = long.Parse(name.Split('_')[3], System.Globalization.CultureInfo.InvariantCulture);
                if (DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(minute * 60) > StaleTemplate) stale.Add(name);
            }
        foreach (var name in stale)
        {
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static readonly Lazy<Task<string>> MigratedTemplate = new(() => Task.Run(async () =>
    {
        var server = PostgresServer;
        var name = TemplateName("migrated");
        await using var conn = new NpgsqlConnection(server);
        await conn.OpenAsync();
        await DropStaleTemplatesAsync(conn);
        await using (var create = new NpgsqlCommand($"CREATE DATABASE {name}", conn))
            await create.ExecuteNonQueryAsync();
        TemplateDatabases.Enqueue((server, name));
        var settings = new Dictionary<string, string?>
        {
            ["Outturn:DataDirectory"] = Path.Combine(Path.GetTempPath(), "outturn-tests", "migrated-template"),
            ["Outturn:Database:Provider"] = "postgres",
            ["ConnectionStrings:Outturn"] = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString,
        };
        await using (var services = Build(settings, _ => { }))
        await using (var scope = services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
        NpgsqlConnection.ClearPool(new NpgsqlConnection(settings["ConnectionStrings:Outturn"]));
        await using (var close = new NpgsqlCommand($"ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false", conn))
            await close.ExecuteNonQueryAsync();
        return name;
    }));

    private static void DropDatabase(string server, string name)
    {
        using var conn = new NpgsqlConnection(server);
        conn.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings, Action<IServiceCollection> first)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        first(services);
        services.AddOutturn(configuration);
        services.AddSingleton<ICurrentUser>(new SystemUser("test-user"));
        return services.BuildServiceProvider();
    }

    /// <summary>Services a test puts first, before the application's own (which are added only where none is given): a fixed clock.</summary>
    protected virtual void AddServices(IServiceCollection services) { }

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    protected async Task<T> WithScope<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected Task<T> Db<T>(Func<OutturnDbContext, Task<T>> work) =>
        WithScope(sp => work(sp.GetRequiredService<OutturnDbContext>()));

    /// <summary>
    /// The demo, as <c>DemoData.LoadAsync()</c> run here would leave it, in place of this test's empty database. Loading
    /// the demo takes 10–30 seconds (more on PostgreSQL) and dozens of tests only start from it, so it is loaded once per
    /// provider per test run, by the same services and user as a test's, into a template: an SQLite file, or a PostgreSQL
    /// database no one connects to, which a copy is made from (CREATE DATABASE … TEMPLATE). The files the demo writes into
    /// the data folder (returns-population.json) are copied too; the data protection keys and the pseudonym key are in
    /// the database. The demo reads today's date (plan import), so a test on a clock of its own loads it for real.
    /// </summary>
    protected async Task LoadDemoAsync()
    {
        if (Services.GetRequiredService<TimeProvider>() != TimeProvider.System)
        {
            await WithScope(sp => sp.GetRequiredService<DemoData>().LoadAsync());
            return;
        }
        var template = await DemoTemplates[provider].Value;
        var data = Services.GetRequiredService<DataSettings>();
        if (provider == DatabaseProvider.Sqlite)
        {
            // The copy replaces the file under this test's pool: its idle connections go first (none is in use here).
            SqliteConnection.ClearPool(new SqliteConnection(data.ConnectionString));
            foreach (var file in Directory.GetFiles(_folder, "outturn.db*")) File.Delete(file);
        }
        else
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(data.ConnectionString));
            await using var conn = new NpgsqlConnection(_pgServer);
            await conn.OpenAsync();
            // One copy at a time: CREATE DATABASE refuses a template another session is using.
            await TemplateCopies.WaitAsync();
            try
            {
                await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn))
                    await drop.ExecuteNonQueryAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase} TEMPLATE {template.PgDatabase}", conn);
                await create.ExecuteNonQueryAsync();
            }
            finally { TemplateCopies.Release(); }
        }
        CopyFolder(template.Folder, _folder);
    }

    private sealed record DemoTemplate(string Folder, string? PgDatabase);

    // Built off the test runner's threads, which are as many as the cores: the tests waiting for it free theirs meanwhile.
    private static readonly Dictionary<DatabaseProvider, Lazy<Task<DemoTemplate>>> DemoTemplates = new()
    {
        [DatabaseProvider.Sqlite] = new(() => Task.Run(() => MakeDemoTemplateAsync(DatabaseProvider.Sqlite))),
        [DatabaseProvider.Postgres] = new(() => Task.Run(() => MakeDemoTemplateAsync(DatabaseProvider.Postgres))),
    };

    private static readonly SemaphoreSlim TemplateCopies = new(1, 1);

    /// <summary>Removes the templates, the folders first as that is quick; <see cref="TestRun"/> calls it when the last test is done.</summary>
    internal static void RemoveTemplates()
    {
        while (TemplateFolders.TryDequeue(out var folder))
            try { Directory.Delete(folder, true); } catch (IOException) { }
        while (TemplateDatabases.TryDequeue(out var database)) DropDatabase(database.Server, database.Name);
    }

    private static async Task<DemoTemplate> MakeDemoTemplateAsync(DatabaseProvider provider)
    {
        var folders = Path.Combine(Path.GetTempPath(), "outturn-tests");
        foreach (var stale in Directory.Exists(folders) ? Directory.GetDirectories(folders, "demo-template-*") : [])
            if (DateTime.UtcNow - Directory.GetLastWriteTimeUtc(stale) > StaleTemplate)
                try { Directory.Delete(stale, true); } catch (IOException) { }
        var folder = Path.Combine(folders, "demo-template-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        TemplateFolders.Enqueue(folder);
        var settings = new Dictionary<string, string?> { ["Outturn:DataDirectory"] = folder };
        string? pgDatabase = null, pgServer = null;
        if (provider == DatabaseProvider.Postgres)
        {
            pgServer = PostgresServer;
            pgDatabase = TemplateName("demo");
            await using var conn = new NpgsqlConnection(pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"CREATE DATABASE {pgDatabase}", conn);
            await cmd.ExecuteNonQueryAsync();
            TemplateDatabases.Enqueue((pgServer, pgDatabase));
            settings["Outturn:Database:Provider"] = "postgres";
            settings["ConnectionStrings:Outturn"] = new NpgsqlConnectionStringBuilder(pgServer) { Database = pgDatabase }.ConnectionString;
        }
        string connectionString;
        await using (var services = Build(settings, _ => { }))
        {
            connectionString = services.GetRequiredService<DataSettings>().ConnectionString;
            await using (var scope = services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
            await using (var scope = services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync();
        }
        // No connection may stay open on the template: PostgreSQL copies only a database no one is connected to, and
        // closing SQLite's last connection folds its journal back into the file, which is then complete on its own.
        if (provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearPool(new SqliteConnection(connectionString));
            if (Directory.GetFiles(folder, "outturn.db-*").Length > 0)
                throw new InvalidOperationException($"The demo template in {folder} still has a journal beside it after its connections closed.");
        }
        else
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
            await using var conn = new NpgsqlConnection(pgServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"ALTER DATABASE {pgDatabase} WITH ALLOW_CONNECTIONS false", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        return new DemoTemplate(folder, pgDatabase);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)), overwrite: true);
    }

    protected string NewFolder(string name)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
