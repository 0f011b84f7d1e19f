using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Outturn.Application.Data;
using Outturn.Web.Security;

namespace Outturn.Web.Hosting;

/// <summary>
/// <c>/health/live</c>: the process is up and answering (a load balancer or systemd restarts it otherwise).
/// <c>/health/ready</c>: it can serve: the database answers and its schema is at this version's latest migration
/// (an instance started before <c>outturn db migrate</c> has run stays out of the pool until it has). Both answer
/// in words and JSON, and say nothing about the database beyond whether it is usable.
/// </summary>
public static class Health
{
    public const string Ready = "ready";

    public static IServiceCollection AddOutturnHealth(this IServiceCollection services, DataSettings data)
    {
        var checks = services.AddHealthChecks();
        if (data.Provider == DatabaseProvider.Postgres)
            checks.AddNpgSql(data.ConnectionString, name: "database", tags: [Ready], timeout: TimeSpan.FromSeconds(5));
        else
            checks.AddCheck<SqliteReachable>("database", tags: [Ready]);
        services.AddSingleton<MigrationsCurrent>();
        checks.Add(new HealthCheckRegistration("migrations", sp => sp.GetRequiredService<MigrationsCurrent>(), HealthStatus.Unhealthy, [Ready]));
        checks.AddCheck<DemoLoadingCheck>("demonstration data", tags: [Ready]);
        return services;
    }

    public static void MapOutturnHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .RequireAuthorization(Policies.Public);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .RequireAuthorization(Policies.Public);
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = Word(report.Status),
            checks = report.Entries.Select(e => new { name = e.Key, status = Word(e.Value.Status), description = e.Value.Description }),
        }));
    }

    private static string Word(HealthStatus s) => s switch { HealthStatus.Healthy => "healthy", HealthStatus.Degraded => "degraded", _ => "unhealthy" };

    /// <summary>The SQLite file opens and answers a query.</summary>
    private sealed class SqliteReachable(IServiceScopeFactory scopes) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.ExecuteSqlRawAsync("SELECT 1", ct);
                return HealthCheckResult.Healthy("The database answers.");
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or IOException)
            {
                return HealthCheckResult.Unhealthy("The database does not answer.");
            }
        }
    }

    /// <summary>
    /// Every migration this version knows is applied. Once it is, it stays so (a newer version's migrations are
    /// not this one's concern), so the answer is remembered and the history table is not read again.
    /// </summary>
    private sealed class MigrationsCurrent(IServiceScopeFactory scopes) : IHealthCheck
    {
        private volatile bool _current;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            if (_current) return HealthCheckResult.Healthy("The database is at the latest migration.");
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var pending = (await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.GetPendingMigrationsAsync(ct)).ToList();
                if (pending.Count > 0)
                    return HealthCheckResult.Unhealthy($"The database lacks {pending.Count} migration{(pending.Count == 1 ? "" : "s")}: run `outturn db migrate`.");
                _current = true;
                return HealthCheckResult.Healthy("The database is at the latest migration.");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("The database's migrations could not be read.");
            }
        }
    }

    /// <summary>While the demonstration data loads, the instance serves a page saying so: usable, but not yet itself.</summary>
    private sealed class DemoLoadingCheck(DemoLoading loading) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
            Task.FromResult(loading.IsLoading ? HealthCheckResult.Degraded(DemoLoading.Message)
                : loading.Failure is not null ? HealthCheckResult.Degraded("The demonstration data did not load (nothing of it was kept); see the log.")
                : HealthCheckResult.Healthy("Nothing is loading."));
    }
}
