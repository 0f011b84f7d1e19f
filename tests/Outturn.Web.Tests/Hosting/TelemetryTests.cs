using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Outturn.Web.Tests.Hosting;

/// <summary>A small OTLP/HTTP receiver on loopback: it accepts whatever is posted and keeps the path and body.</summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();
    public string Endpoint { get; }

    public OtlpReceiver()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Endpoint = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (_listener.IsListening)
            {
                HttpListenerContext context;
                try { context = await _listener.GetContextAsync(); }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/x-protobuf";
                context.Response.Close();
            }
        });
    }

    public bool Got(string path, string text) =>
        Received.Any(r => r.Path == path && System.Text.Encoding.UTF8.GetString(r.Body).Contains(text, StringComparison.Ordinal));

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}

public sealed class TelemetryApp(string? endpoint) : OutturnApp
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (endpoint is not null) builder.UseSetting("Outturn:Telemetry:OtlpEndpoint", endpoint);
    }
}

public sealed class TelemetryTests
{
    [Fact]
    public async Task With_an_endpoint_configured_traces_and_metrics_of_requests_and_documents_are_sent_by_otlp()
    {
        using var receiver = new OtlpReceiver();
        var app = new TelemetryApp(receiver.Endpoint);
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q2/html")).StatusCode);
        // Spans and metrics are exported in batches (metrics every minute). The test asks for them now, and again until
        // they arrive, for a minute at most: on a loaded machine the request's span can end after its response has
        // reached the client, so one flush straight after the response may find it still open.
        var tracer = app.Services.GetRequiredService<TracerProvider>();
        var meter = app.Services.GetRequiredService<MeterProvider>();
        bool Arrived() => receiver.Got("/v1/traces", "reports/ppb/{period}/{format?}") && receiver.Got("/v1/traces", "document ppb html")
                          && receiver.Got("/v1/metrics", "http.server.request.duration") && receiver.Got("/v1/metrics", "outturn.document.duration");
        var until = DateTime.UtcNow.AddMinutes(1);
        while (!Arrived() && DateTime.UtcNow < until)
        {
            tracer.ForceFlush(10_000);
            meter.ForceFlush(10_000);
            if (!Arrived()) await Task.Delay(250);
        }
        await app.DisposeAsync();

        Assert.True(receiver.Got("/v1/traces", "outturn"), "no traces for the service arrived: " + string.Join(", ", receiver.Received.Select(r => r.Path)));
        Assert.True(receiver.Got("/v1/traces", "reports/ppb/{period}/{format?}"), "the request's span names its route");
        Assert.True(receiver.Got("/v1/traces", "document ppb html"), "the document's making is a span of its own");
        Assert.True(receiver.Got("/v1/metrics", "http.server.request.duration"), "request metrics were not sent");
        Assert.True(receiver.Got("/v1/metrics", "outturn.document.duration"), "document metrics were not sent");
    }

    [Fact]
    public async Task Without_an_endpoint_nothing_is_collected()
    {
        await using var app = new TelemetryApp(null);
        await app.CreateClient().GetAsync("/");

        Assert.Null(app.Services.GetService<TracerProvider>());
        Assert.Null(app.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }
}
