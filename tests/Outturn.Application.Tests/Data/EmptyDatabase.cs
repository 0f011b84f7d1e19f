using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Outturn.Application.Data;

namespace Outturn.Application.Tests.Data;

/// <summary>
/// A new database of the provider with no schema at all, and any number of "instances" on it: each its own
/// service provider, as separate app processes would have.
/// </summary>
public sealed class EmptyDatabase(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-tests", Guid.NewGuid().ToString("N"));
    private readonly List<ServiceProvider> _instances = [];
    private string? _pgDatabase;

    public DatabaseProvider Provider => provider;
    public string? ConnectionString { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (provider != DatabaseProvider.Postgres) return;
        _pgDatabase = "outturn_test_" + Guid.NewGuid().ToString("N")[..12];
        await using var conn = new NpgsqlConnection(IntegrationTest.PostgresServer);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_pgDatabase}", conn);
        await cmd.ExecuteNonQueryAsync();
        ConnectionString = new NpgsqlConnectionStringBuilder(IntegrationTest.PostgresServer) { Database = _pgDatabase }.ConnectionString;
    }

    public IReadOnlyDictionary<string, string?> Settings(string instance)
    {
        // Each instance has a data folder of its own: nothing they share may live there.
        var settings = new Dictionary<string, string?> { ["Outturn:DataDirectory"] = Path.Combine(_folder, instance) };
        if (provider == DatabaseProvider.Postgres)
        {
            settings["Outturn:Database:Provider"] = "postgres";
            settings["ConnectionStrings:Outturn"] = ConnectionString;
        }
        else settings["ConnectionStrings:Outturn"] = $"Data Source={Path.Combine(_folder, "outturn.db")}";
        return settings;
    }

    public ServiceProvider Instance(string name, Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(name)).Build();
        var services = new ServiceCollection();
        services.AddOutturn(configuration);
        services.AddSingleton<ICurrentUser>(new SystemUser("test-user"));
        configure?.Invoke(services);
        var built = services.BuildServiceProvider();
        _instances.Add(built);
        return built;
    }

    public async Task DisposeAsync()
    {
        foreach (var i in _instances) await i.DisposeAsync();
        if (_pgDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(IntegrationTest.PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_pgDatabase} WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
