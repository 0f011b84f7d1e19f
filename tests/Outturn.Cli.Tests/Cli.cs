using System.Diagnostics;

namespace Outturn.Cli.Tests;

/// <summary>Runs the real command-line tool (outturn.dll, built beside the tests) against a temporary data folder.</summary>
public sealed class Cli : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "outturn-cli-tests", Guid.NewGuid().ToString("N"));

    public sealed record Result(int ExitCode, string Out, string Error);

    public Task<Result> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs with extra environment variables (settings such as Outturn__Cli__Account).</summary>
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
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5)); // a shared CI machine can be slow to start a process
        return new Result(process.ExitCode, await output, await error);
    }

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
