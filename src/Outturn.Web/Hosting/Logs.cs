using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace Outturn.Web.Hosting;

/// <summary>
/// Logs as JSON lines on standard output (<c>Outturn:Logging:Format</c>: <c>json</c>, the default outside
/// Development, or <c>text</c>), for journald, a container platform or a log shipper to read; and one line per
/// request (<c>Outturn:Logging:Requests</c>, default on). A request is logged by its route's template
/// (<c>/plans/{planRef}/monitoring/{period}</c>), never by its address or query, and without who made it: addresses
/// can carry a name or e-mail typed into a form, and logs are kept longer and more widely than the data is.
/// </summary>
public static class Logs
{
    public static WebApplicationBuilder AddOutturnLogging(this WebApplicationBuilder builder)
    {
        var format = builder.Configuration["Outturn:Logging:Format"] ?? (builder.Environment.IsDevelopment() ? "text" : "json");
        switch (format.ToLowerInvariant())
        {
            case "json":
                builder.Logging.AddJsonConsole(o =>
                {
                    o.IncludeScopes = true;
                    o.UseUtcTimestamp = true;
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
                });
                break;
            case "text":
                builder.Logging.AddSimpleConsole();
                break;
            default:
                throw new InvalidOperationException($"Outturn:Logging:Format is \"{format}\"; expected \"json\" or \"text\".");
        }
        return builder;
    }

    /// <summary>One line per request: method, route template, status and time taken. Health probes are logged at Debug.</summary>
    public static void UseRequestLogging(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Outturn:Logging:Requests", true)) return;
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Outturn.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var failed = true;
            try
            {
                await next(context);
                failed = false;
            }
            finally
            {
                // A refusal answered by the exception handler has lost its endpoint; the handler's feature keeps it.
                var route = (context.GetEndpoint() ?? context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Endpoint) is RouteEndpoint endpoint
                    ? "/" + endpoint.RoutePattern.RawText?.TrimStart('/')
                    : context.Response.StatusCode == StatusCodes.Status404NotFound ? "(no route)" : "(static file)";
                var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                var level = context.Request.Path.StartsWithSegments("/health") ? LogLevel.Debug
                    : status >= 500 ? LogLevel.Warning : LogLevel.Information;
                log.Log(level, "{Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms",
                    context.Request.Method, route, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }
}
