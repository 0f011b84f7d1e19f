using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Outturn.Application;
using Outturn.Application.Data;

namespace Outturn.Web.Hosting;

/// <summary>
/// OpenTelemetry traces, metrics and logs, exported by OTLP to <c>Outturn:Telemetry:OtlpEndpoint</c> (a collector,
/// Azure Monitor's agent, Grafana Alloy…) and off when it is not set: requests (ASP.NET Core), outgoing calls (GOV.UK
/// Notify), database calls (EF Core; Npgsql on PostgreSQL), and Outturn's own imports and document generation
/// (<see cref="OutturnTelemetry"/>). Request spans are named by their route template and carry no query string.
/// </summary>
public static class Telemetry
{
    public static bool Enabled(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["Outturn:Telemetry:OtlpEndpoint"]);

    public static WebApplicationBuilder AddOutturnTelemetry(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (!Enabled(configuration)) return builder;
        var endpoint = new Uri(configuration["Outturn:Telemetry:OtlpEndpoint"]!);
        var protocolText = configuration["Outturn:Telemetry:OtlpProtocol"] ?? "http/protobuf";
        var protocol = protocolText.ToLowerInvariant() switch
        {
            "grpc" => OtlpExportProtocol.Grpc,
            "http/protobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException($"Outturn:Telemetry:OtlpProtocol is \"{protocolText}\"; expected \"http/protobuf\" or \"grpc\"."),
        };
        var postgres = DataSettings.From(configuration).Provider == DatabaseProvider.Postgres;
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["Outturn:Telemetry:ServiceName"] ?? "outturn",
                serviceVersion: typeof(Telemetry).Assembly.GetName().Version?.ToString(), serviceInstanceId: $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o =>
                    {
                        // Health probes every few seconds would drown the traces that matter.
                        o.Filter = c => !c.Request.Path.StartsWithSegments("/health");
                        o.EnrichWithHttpRequest = (activity, _) => activity.SetTag("url.query", null);
                    })
                    .AddHttpClientInstrumentation()
                    .AddSource(OutturnTelemetry.Name);
                if (postgres) Npgsql.TracerProviderBuilderExtensions.AddNpgsql(t);
                else t.AddEntityFrameworkCoreInstrumentation();
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddMeter(OutturnTelemetry.Name);
                if (postgres) Npgsql.MeterProviderBuilderExtensions.AddNpgsqlInstrumentation(m);
            })
            .WithLogging()
            .UseOtlpExporter(protocol, endpoint);
        return builder;
    }
}
