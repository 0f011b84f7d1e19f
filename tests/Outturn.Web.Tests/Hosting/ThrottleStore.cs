using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application;
using Outturn.Application.Data;

namespace Outturn.Web.Tests.Hosting;

/// <summary>A migrated database of either provider, and any number of "instances" of the app's services on it.</summary>
public sealed class ThrottleStore(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-web-tests", Guid.NewGuid().ToString("N"));
    private readonly PostgresDatabase? _postgres = provider == DatabaseProvider.Postgres ? new PostgresDatabase() : null;
    private readonly List<ServiceProvider> _instances = [];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        if (_postgres is not null) await _postgres.InitializeAsync();
        await using var scope = NewInstance().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
    }

    public ServiceProvider NewInstance()
    {
        var settings = new Dictionary<string, string?> { ["Outturn:DataDirectory"] = _folder };
        if (_postgres is not null)
        {
            settings["Outturn:Database:Provider"] = "postgres";
            settings["ConnectionStrings:Outturn"] = _postgres.ConnectionString;
        }
        var services = new ServiceCollection();
        services.AddOutturn(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        var built = services.BuildServiceProvider();
        _instances.Add(built);
        return built;
    }

    public async Task<int> CountAsync<T>() where T : class
    {
        await using var scope = _instances[0].CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<T>().CountAsync();
    }

    public async Task<List<string>> AccountKeysAsync()
    {
        await using var scope = _instances[0].CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<Outturn.Application.Accounts.SignInWait>().Select(w => w.Account).ToListAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var i in _instances) await i.DisposeAsync();
        if (_postgres is not null) await _postgres.DisposeAsync();
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }
}
