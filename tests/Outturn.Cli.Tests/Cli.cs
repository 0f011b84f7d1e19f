using System.Diagnostics;

namespace Outturn.Cli.Tests;

/// <summary>Runs the real command-line tool (outturn.dll, built beside the tests) against a temporary data folder.</summary>
public sealed class Cli : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "outturn-cli-tests", Guid.NewGuid().ToString("N"));

    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>More settings for every run, as environment variables (such as the PostgreSQL connection).</summary>
    public Dictionary<string, string> Environment { get; } = [];

    public Task<Result> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables for this run only (settings such as Outturn__Cli__Account).</summary>
    public async Task<Result> RunWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "outturn.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["Outturn__DataDirectory"] = DataDirectory;
        foreach (var (key, value) in Environment) start.Environment[key] = value;
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5)); // a shared CI machine can be slow to start a process
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>
    /// Gives this run the demo: loaded once per test run by the real tool (<c>outturn demo load</c>) into a folder of
    /// its own, and copied from there. Loading it is a process of some fifteen seconds, and twenty-odd tests start from
    /// it; the test that checks the load itself still runs it (<see cref="CommandTests"/>).
    /// </summary>
    public async Task LoadDemoAsync()
    {
        var template = await DemoTemplate.Value;
        Directory.CreateDirectory(DataDirectory);
        foreach (var file in Directory.GetFiles(template))
            File.Copy(file, Path.Combine(DataDirectory, Path.GetFileName(file)), overwrite: true);
    }

    private static readonly Lazy<Task<string>> DemoTemplate = new(async () =>
    {
        var template = new Cli();
        var load = await template.RunAsync("demo", "load");
        if (load.ExitCode != 0) throw new InvalidOperationException($"outturn demo load failed ({load.ExitCode}): {load.Error}");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        return template.DataDirectory;
    });

    public string NewFolder(string name, IReadOnlyDictionary<string, string> files)
    {
        var path = Path.Combine(DataDirectory, "folders", name);
        Directory.CreateDirectory(path);
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(path, file), text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(DataDirectory, true); } catch (IOException) { }
    }
}
