using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Outturn.Application.Data;

/// <summary>What a backup or restore did, or why it did nothing.</summary>
public sealed record BackupResult(bool Done, string Message);

/// <summary>
/// Backs up and restores the whole database (docs/operations.md, "Backups"). SQLite: SQLite's online backup API,
/// a consistent copy taken while the app keeps serving. PostgreSQL: <c>pg_dump</c> in its custom format and
/// <c>pg_restore</c>, which must be on the PATH (from the postgresql-client package of the server's version or later).
/// A restore never silently overwrites data: into a database holding plans it needs <c>replace</c>, and then the
/// database as it was is backed up first, beside the other backups in the data folder.
/// </summary>
public sealed class DatabaseBackup(DataSettings settings, IServiceScopeFactory scopes, DatabaseSetup setup, TimeProvider clock)
{
    public async Task<BackupResult> BackupAsync(string file, CancellationToken ct = default)
    {
        var target = Path.GetFullPath(file);
        if (File.Exists(target)) return new(false, $"{target} exists already; a backup never overwrites another. Choose a new file name.");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and renamed when complete, so that a backup interrupted is never mistaken for one.
        var partial = target + ".partial";
        File.Delete(partial);
        try
        {
            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                await using var source = new SqliteConnection(settings.ConnectionString);
                await source.OpenAsync(ct);
                await using (var copy = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = partial, Pooling = false }.ConnectionString))
                {
                    await copy.OpenAsync(ct);
                    source.BackupDatabase(copy);
                }
            }
            else
            {
                var run = await RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file", partial], ct);
                if (run is not null) return new(false, run);
            }
            File.Move(partial, target);
        }
        finally
        {
            File.Delete(partial);
        }
        return new(true, $"Backed up the {Describe()} to {target} ({new FileInfo(target).Length:N0} bytes).");
    }

    public async Task<BackupResult> RestoreAsync(string file, bool replace, CancellationToken ct = default)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source)) return new(false, $"{source} does not exist.");
        var keptAt = "";
        if (await HoldsPlansAsync(ct))
        {
            if (!replace)
                return new(false, $"The {Describe()} holds plans. Restoring would replace them: give --replace to do so (the database as it is now is backed up first), or restore into a new, empty database.");
            var before = Path.Combine(settings.DataDirectory, "backups",
                $"before-restore-{clock.GetUtcNow():yyyyMMdd-HHmmss}{(settings.Provider == DatabaseProvider.Sqlite ? ".db" : ".dump")}");
            var kept = await BackupAsync(before, ct);
            if (!kept.Done) return new(false, "The database as it is now could not be backed up, so nothing was restored: " + kept.Message);
            keptAt = $" The database as it was is kept at {before}.";
        }

        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await using var backup = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            try
            {
                await backup.OpenAsync(ct);
                await using var check = backup.CreateCommand();
                check.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '__ef_migrations'";
                if ((long)(await check.ExecuteScalarAsync(ct))! == 0) return new(false, $"{source} is an SQLite database but not an Outturn backup (it has no migration history).");
            }
            catch (SqliteException e)
            {
                return new(false, $"{source} is not an SQLite backup: {e.Message}");
            }
            SqliteConnection.ClearAllPools();
            await using var live = new SqliteConnection(settings.ConnectionString);
            await live.OpenAsync(ct);
            // The online backup API the other way round: the live file becomes the backup's pages, in one step.
            backup.BackupDatabase(live);
        }
        else
        {
            NpgsqlConnection.ClearAllPools();
            var run = await RunAsync("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error", source], ct);
            // One transaction: a restore that fails part way leaves the database as it was.
            if (run is not null) return new(false, $"{source} was not restored, and the database is as it was: {run}");
        }
        // A backup from an earlier version is brought to this version's schema.
        await setup.MigrateAsync(ct);
        return new(true, $"Restored {source} into the {Describe()}.{keptAt}");
    }

    private string Describe()
    {
        if (settings.Provider == DatabaseProvider.Sqlite) return $"SQLite database {new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource}";
        var b = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        return $"PostgreSQL database {b.Database} on {b.Host}";
    }

    private async Task<bool> HoldsPlansAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
        if (!(await db.Database.GetAppliedMigrationsAsync(ct)).Any()) return false;
        return await db.Plans.AnyAsync(ct);
    }

    /// <summary>Runs a PostgreSQL client tool against the configured database; null when it succeeded, else why not.</summary>
    private async Task<string?> RunAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var path = FindOnPath(tool);
        if (path is null)
            return $"{tool} is not on the PATH. Install PostgreSQL's client tools of the server's version or later (Debian: apt-get install postgresql-client) and try again.";
        var b = new NpgsqlConnectionStringBuilder(settings.ConnectionString);
        var start = new ProcessStartInfo(path) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        start.ArgumentList.Add("--dbname=" + b.Database);
        // The connection goes by the environment, so that the password is never on a command line others can read.
        start.Environment["PGHOST"] = b.Host;
        start.Environment["PGPORT"] = b.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (b.Username is { Length: > 0 } user) start.Environment["PGUSER"] = user;
        if (b.Password is { Length: > 0 } password) start.Environment["PGPASSWORD"] = password;
        start.Environment["PGSSLMODE"] = b.SslMode switch
        {
            SslMode.Disable => "disable", SslMode.Allow => "allow", SslMode.Require => "require",
            SslMode.VerifyCA => "verify-ca", SslMode.VerifyFull => "verify-full", _ => "prefer",
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync(ct);
        var output = process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        await output;
        return process.ExitCode == 0 ? null : $"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()}";
    }

    public static string? FindOnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
}
