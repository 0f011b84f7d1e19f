using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Outturn.Application.Data;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>
/// Where the data lives. <c>Outturn:DataDirectory</c> (env <c>Outturn__DataDirectory</c>) holds the SQLite file
/// and other files the app writes; <c>Outturn:Database:Provider</c> is <c>sqlite</c> (default) or <c>postgres</c>,
/// with <c>ConnectionStrings:Outturn</c> for PostgreSQL (or to place the SQLite file elsewhere).
/// </summary>
public sealed record DataSettings(string DataDirectory, DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// A relative data directory is taken from the repository root when run from a checkout (the folder holding
    /// Outturn.slnx, found upwards from the working folder), so that `dotnet run --project src/Outturn.Web` and
    /// `dotnet run --project src/Outturn.Cli`, which each run in their own project folder, share one `data/`;
    /// elsewhere (an installed build) it is relative to the working folder.
    /// </summary>
    public static string ResolveDataDirectory(string configured, string workingFolder)
    {
        if (Path.IsPathRooted(configured)) return Path.GetFullPath(configured);
        for (var folder = new DirectoryInfo(workingFolder); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "Outturn.slnx"))) return Path.GetFullPath(Path.Combine(folder.FullName, configured));
        return Path.GetFullPath(Path.Combine(workingFolder, configured));
    }

    public static DataSettings From(IConfiguration configuration)
    {
        var dir = ResolveDataDirectory(configuration["Outturn:DataDirectory"] is { Length: > 0 } d ? d : "data", Directory.GetCurrentDirectory());
        var providerText = configuration["Outturn:Database:Provider"] ?? "sqlite";
        var provider = providerText.ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
            _ => throw new InvalidOperationException(
                $"Outturn:Database:Provider is \"{providerText}\"; expected \"sqlite\" or \"postgres\"."),
        };
        var connection = configuration.GetConnectionString("Outturn");
        if (string.IsNullOrWhiteSpace(connection))
        {
            if (provider == DatabaseProvider.Postgres)
                throw new InvalidOperationException("The postgres provider needs ConnectionStrings:Outturn (env ConnectionStrings__Outturn).");
            connection = $"Data Source={Path.Combine(dir, "outturn.db")}";
        }
        return new DataSettings(dir, provider, connection);
    }
}

public static class OutturnData
{
    /// <summary>Registers the store chosen by configuration, with the audit interceptor.</summary>
    public static IServiceCollection AddOutturnData(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = DataSettings.From(configuration);
        services.AddSingleton(settings);
        services.TryAddSingleton(TimeProvider.System);
        // Never the operating-system user (often a shared service account): the web names the signed-in account and the
        // command line the account given with --as or Outturn:Cli:Account; anything else is the system itself.
        services.TryAddScoped<ICurrentUser>(_ => new SystemUser(SystemUser.Unnamed));
        services.AddScoped<AuditInterceptor>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(settings.DataDirectory);
            services.AddDbContext<SqliteOutturnDbContext>((sp, o) => Configure(o, settings).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<OutturnDbContext>(sp => sp.GetRequiredService<SqliteOutturnDbContext>());
        }
        else
        {
            services.AddDbContext<PostgresOutturnDbContext>((sp, o) => Configure(o, settings).AddInterceptors(sp.GetRequiredService<AuditInterceptor>()));
            services.AddScoped<OutturnDbContext>(sp => sp.GetRequiredService<PostgresOutturnDbContext>());
        }
        return services;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder o, DataSettings settings) =>
        settings.Provider == DatabaseProvider.Sqlite
            ? o.UseSqlite(settings.ConnectionString, s => s.MigrationsHistoryTable("__ef_migrations"))
            : o.UseNpgsql(settings.ConnectionString, s => s.MigrationsHistoryTable("__ef_migrations"));
}

// Design-time factories, used only by `dotnet ef migrations add`.
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteOutturnDbContext>
{
    public SqliteOutturnDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOutturnDbContext>().UseSqlite("Data Source=design.db", s => s.MigrationsHistoryTable("__ef_migrations")).Options);
}

public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresOutturnDbContext>
{
    public PostgresOutturnDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOutturnDbContext>().UseNpgsql("Host=localhost;Database=design", s => s.MigrationsHistoryTable("__ef_migrations")).Options);
}
