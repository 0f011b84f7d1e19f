using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Outturn.Web.Tests.Hosting;

/// <summary>A new, empty database on the PostgreSQL server named by OUTTURN_TEST_POSTGRES (./test.sh sets it), dropped afterwards.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    private readonly string _name = "outturn_web_" + Guid.NewGuid().ToString("N")[..12];

    public static string Server =>
        Environment.GetEnvironmentVariable("OUTTURN_TEST_POSTGRES")
        ?? throw new InvalidOperationException("OUTTURN_TEST_POSTGRES is not set: these tests need a PostgreSQL server. Run ./test.sh, which starts one.");

    public string ConnectionString => new NpgsqlConnectionStringBuilder(Server) { Database = _name }.ConnectionString;

    public async Task InitializeAsync()
    {
        await using var conn = new NpgsqlConnection(Server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE DATABASE {_name}", conn);
        await cmd.ExecuteNonQueryAsync();
    }

    public async Task<long> CountAsync(string table)
    {
        await using var conn = new NpgsqlConnection(ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT count(*) FROM \"{table}\"", conn);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var conn = new NpgsqlConnection(Server);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", conn);
        await cmd.ExecuteNonQueryAsync();
    }
}

/// <summary>The real app on a PostgreSQL database, migrating on start as a single-server install would be told to.</summary>
public sealed class PostgresOutturnApp(string connectionString, IReadOnlyDictionary<string, string>? settings = null) : OutturnApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outturn:Database:Provider", "postgres");
        builder.UseSetting("ConnectionStrings:Outturn", connectionString);
        builder.UseSetting("Outturn:Database:MigrateOnStart", "true");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }
}
