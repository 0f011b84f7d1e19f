using System.Diagnostics;

namespace Outturn.Cli.Tests;

/// <summary>Runs the real command-line tool (outturn.dll, built beside the tests) against a temporary data folder.</summary>
public sealed class Cli : IDisposable
{
    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "outturn-cli-tests", Guid.NewGuid().ToString("N"));

    public sealed record Result(int ExitCode, string Out, string Error);

    /// <summary>More settings for the tool's environment, as an operator would set them (Outturn__Documents__Chromium, …).</summary>
    public Dictionary<string, string> Environment { get; } = new();

    public async Task<Result> RunAsync(params string[] args)
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
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
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
