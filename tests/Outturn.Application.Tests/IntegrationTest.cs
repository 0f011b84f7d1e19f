using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outturn.Application.Data;

namespace Outturn.Application.Tests;

/// <summary>
/// Each test gets a new, migrated database of its provider: an SQLite file in a temporary folder, or a new
/// database on the PostgreSQL server named by OUTTURN_TEST_POSTGRES (./test.sh starts one and sets it).
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
            await using (var conn = new NpgsqlConnection(_pgServer))
            {
                await conn.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
                await cmd.ExecuteNonQueryAsync();
            }
            settings["Outturn:Database:Provider"] = "postgres";
            settings["ConnectionStrings:Outturn"] = new NpgsqlConnectionStringBuilder(_pgServer) { Database = _pgDatabase }.ConnectionString;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        AddServices(services);
        services.AddOutturn(configuration);
        services.AddSingleton<ICurrentUser>(new SystemUser("test-user"));
        Services = services.BuildServiceProvider();
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
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

    protected string NewFolder(string name)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(path);
        return path;
    }
}
