using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Web.Hosting;

public static class DatabaseStartup
{
    /// <summary>
    /// Whether the app migrates the database as it starts (<c>Outturn:Database:MigrateOnStart</c>): by default yes
    /// for SQLite (one instance, nothing else to run) and no for PostgreSQL, where `outturn db migrate` is the
    /// deployment step and instances only check that the schema is current.
    /// </summary>
    public static bool MigrateOnStart(IConfiguration configuration, DataSettings data) =>
        configuration.GetValue("Outturn:Database:MigrateOnStart", data.Provider == DatabaseProvider.Sqlite);

    /// <summary>
    /// Whether the demo is loaded into an empty database (<c>Outturn:Demo:LoadOnFirstStart</c>): by default only in
    /// Development, so that a production instance never fills a new council database with Halton's.
    /// </summary>
    public static bool LoadDemo(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Outturn:Demo:LoadOnFirstStart", environment.IsDevelopment());

    /// <summary>
    /// Whether the demo loads after the app has started serving (<c>Outturn:Demo:LoadInBackground</c>), pages saying
    /// meanwhile that it is still loading, so that a first start shows a page within seconds. Only in Development:
    /// elsewhere the app must not serve before the demo accounts' passwords have been checked, so it loads first.
    /// </summary>
    public static bool LoadDemoInBackground(IConfiguration configuration, IHostEnvironment environment) =>
        environment.IsDevelopment() && configuration.GetValue("Outturn:Demo:LoadInBackground", true);

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var setup = app.Services.GetRequiredService<DatabaseSetup>();
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Outturn.Database");
        if (MigrateOnStart(app.Configuration, app.Services.GetRequiredService<DataSettings>()))
            await setup.MigrateAsync();
        else if (await setup.PendingMigrationsAsync() is { Count: > 0 } pending)
        {
            // Readiness reports this too; the instance stays out of the load balancer until `outturn db migrate` runs.
            log.LogError("The database lacks {Count} migrations ({Migrations}); run `outturn db migrate`.", pending.Count, string.Join(", ", pending));
            return;
        }
        else await setup.EnsureSharedKeysAsync();
        if (LoadDemo(app.Configuration, app.Environment))
        {
            if (LoadDemoInBackground(app.Configuration, app.Environment))
            {
                // Only a database with no plan gets the demo: that is one quick query, and otherwise nothing to wait for.
                if (!await setup.HoldsAPlanAsync())
                    app.Services.GetRequiredService<DemoLoading>().Start(setup, app.Lifetime.ApplicationStopping);
            }
            else if (await setup.LoadDemoIntoEmptyAsync() is { Count: > 0 })
                log.LogInformation("Loaded the demonstration data into an empty database.");
        }
        if (!app.Environment.IsDevelopment())
        {
            using var scope = app.Services.CreateScope();
            var weak = await scope.ServiceProvider.GetRequiredService<DemoAccounts>().StillUsingDemoPasswordAsync();
            if (weak.Count > 0)
                throw new InvalidOperationException(
                    $"Outturn will not start outside Development while demo accounts keep the published demo password: {string.Join(", ", weak)}. " +
                    "Change them with `outturn users set-password --email <address>` or remove them with `outturn users remove --email <address>`.");
        }
    }
}
