using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Returns;

namespace Outturn.Application.Tests.Data;

public abstract class SharedSecretsTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly EmptyDatabase _database = new(provider);

    public Task InitializeAsync() => _database.InitializeAsync();

    /// <summary>`outturn db migrate` run from an instance's folder, which makes the shared keys as it finishes.</summary>
    private async Task<ServiceProvider> MigratedAsync(string name, Action<string>? inFolderFirst = null)
    {
        var instance = _database.Instance(name);
        var folder = instance.GetRequiredService<DataSettings>().DataDirectory;
        Directory.CreateDirectory(folder);
        inFolderFirst?.Invoke(folder);
        await instance.GetRequiredService<DatabaseSetup>().MigrateAsync();
        return instance;
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private static async Task<List<StoredSecret>> StoredAsync(IServiceProvider instance)
    {
        await using var scope = instance.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Set<StoredSecret>().AsNoTracking().OrderBy(s => s.Id).ToListAsync();
    }

    [Fact]
    public async Task Two_instances_with_folders_of_their_own_give_a_child_the_same_pseudonym()
    {
        var a = (await MigratedAsync("a")).GetRequiredService<ReturnsSettings>();
        var b = _database.Instance("b").GetRequiredService<ReturnsSettings>();

        Assert.Equal(a.Pseudonym("CHILD-0001"), b.Pseudonym("CHILD-0001"));
        Assert.NotEqual(a.Pseudonym("CHILD-0001"), a.Pseudonym("CHILD-0002"));
    }

    [Fact]
    public async Task The_key_is_held_once_encrypted_and_not_in_the_data_folder()
    {
        var instance = await MigratedAsync("a");
        var key = instance.GetRequiredService<ReturnsSettings>().PseudonymKey;

        var stored = Assert.Single(await StoredAsync(instance));
        Assert.Equal(SharedSecrets.PseudonymKey, stored.Purpose);
        Assert.DoesNotContain(Convert.ToBase64String(key), stored.ProtectedValue);
        Assert.Equal(32, key.Length);
        var folder = instance.GetRequiredService<DataSettings>().DataDirectory;
        Assert.False(File.Exists(Path.Combine(folder, "returns-pseudonym.key")));
    }

    [Fact]
    public async Task A_key_an_earlier_version_kept_in_the_data_folder_becomes_the_shared_key()
    {
        var old = new byte[32];
        old[0] = 7;
        var instance = await MigratedAsync("a", folder => File.WriteAllText(Path.Combine(folder, "returns-pseudonym.key"), Convert.ToBase64String(old)));

        Assert.Equal(ReturnsSettings.Pseudonymise(old, "CHILD-0001"), instance.GetRequiredService<ReturnsSettings>().Pseudonym("CHILD-0001"));
        // A second instance, without the file, reads it from the database.
        Assert.Equal(ReturnsSettings.Pseudonymise(old, "CHILD-0001"), _database.Instance("b").GetRequiredService<ReturnsSettings>().Pseudonym("CHILD-0001"));
    }

    [Fact]
    public async Task Rotating_makes_a_new_key_and_keeps_the_old_one_retired()
    {
        var instance = await MigratedAsync("a");
        var before = instance.GetRequiredService<ReturnsSettings>().Pseudonym("CHILD-0001");

        await instance.GetRequiredService<SharedSecrets>().RotateAsync(SharedSecrets.PseudonymKey);

        var stored = await StoredAsync(instance);
        Assert.Equal(2, stored.Count);
        Assert.NotNull(stored[0].RetiredAt);
        Assert.Null(stored[1].RetiredAt);
        // An instance started after the rotation uses the new key.
        Assert.NotEqual(before, _database.Instance("b").GetRequiredService<ReturnsSettings>().Pseudonym("CHILD-0001"));
    }
}

public sealed class SharedSecretsTestsOnSqlite() : SharedSecretsTests(DatabaseProvider.Sqlite);

public sealed class SharedSecretsTestsOnPostgres() : SharedSecretsTests(DatabaseProvider.Postgres);
