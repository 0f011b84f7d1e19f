using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Outturn.Web.Tests.Hosting;

/// <summary>
/// The built web app (Outturn.Web.dll, beside the tests) run as a process of its own with `dotnet`, as a service
/// manager runs it: its own environment, its standard output kept line by line, killed outright when a test says.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    public string Name { get; }
    public int Port { get; }
    public string BaseUrl => $"http://127.0.0.1:{Port}";
    public ConcurrentQueue<string> Output { get; } = new();
    public bool HasExited => _process.HasExited;
    public int Id => _process.Id;

    private AppProcess(string name, int port, Process process)
    {
        Name = name;
        Port = port;
        _process = process;
    }

    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    /// <summary>The checkout's root (the folder holding Outturn.slnx), where deploy/ is.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
                if (File.Exists(Path.Combine(folder.FullName, "Outturn.slnx"))) return folder.FullName;
            throw new InvalidOperationException("The tests are not inside an Outturn checkout.");
        }
    }

    /// <summary>The Environment= settings of deploy/outturn.service, the systemd unit the app is deployed with.</summary>
    public static Dictionary<string, string> ServiceUnitEnvironment()
    {
        var settings = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(RepositoryRoot, "deploy", "outturn.service")))
        {
            if (!line.StartsWith("Environment=", StringComparison.Ordinal)) continue;
            var pair = line["Environment=".Length..].Split('=', 2);
            settings[pair[0]] = pair[1];
        }
        return settings;
    }

    /// <summary>Starts the app; it is not yet serving when this returns (see <see cref="WaitUntilAsync"/>).</summary>
    public static AppProcess Start(string name, IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var p = port ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Outturn.Web.dll"));
        foreach (var (key, value) in environment) start.Environment[key] = value;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{p}";
        var process = new Process { StartInfo = start };
        var app = new AppProcess(name, p, process);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) app.Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) app.Output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Polls an address until it answers with what the test wants, failing with the app's output if it dies or takes too long.</summary>
    public async Task<HttpResponseMessage> WaitUntilAsync(string path, Func<HttpResponseMessage, string, bool> done, TimeSpan within)
    {
        using var client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(10) };
        var until = DateTime.UtcNow + within;
        while (true)
        {
            if (HasExited) throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode}:\n{string.Join("\n", Output.TakeLast(40))}");
            try
            {
                var response = await client.GetAsync(path);
                if (done(response, await response.Content.ReadAsStringAsync())) return response;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > until) throw new TimeoutException($"{Name} did not answer {path} as wanted within {within}:\n{string.Join("\n", Output.TakeLast(40))}");
            await Task.Delay(200);
        }
    }

    /// <summary>Whether /health/ready's answer says the instance as a whole is healthy (not only some of its checks).</summary>
    public static bool Healthy(HttpResponseMessage response, string body)
    {
        if (response.StatusCode != HttpStatusCode.OK) return false;
        try { return System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status").GetString() == "healthy"; }
        catch (System.Text.Json.JsonException) { return false; }
    }

    /// <summary>Kills the process outright (SIGKILL), as a crash or a power cut would.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
