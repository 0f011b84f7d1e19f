using Outturn.Application.Data;

namespace Outturn.Web.Hosting;

/// <summary>
/// The demonstration data loads in the background on a first start, so that the first page is served within seconds
/// rather than after the whole demo is written: until it is, every page says the data is still loading (and the API
/// answers 503 saying so). The load is still one transaction: a crash part way leaves no demo at all, and the next
/// start loads it again (docs/operations.md, "First start").
/// </summary>
public sealed class DemoLoading(ILogger<DemoLoading> log)
{
    public const string Message = "The demonstration data is still loading.";
    public const string PagePath = "/demonstration-data-loading";

    private volatile bool _loading;
    private volatile Task _done = Task.CompletedTask;

    public bool IsLoading => _loading;
    public Exception? Failure { get; private set; }
    /// <summary>Finished (loaded, failed, or stopped with the app).</summary>
    public Task Done => _done;

    /// <summary>Starts loading; <see cref="IsLoading"/> is true from the moment this returns until the load ends.</summary>
    public void Start(DatabaseSetup setup, CancellationToken stopping)
    {
        _loading = true;
        _done = Task.Run(async () =>
        {
            try
            {
                log.LogInformation("Loading the demonstration data into an empty database.");
                if (await setup.LoadDemoIntoEmptyAsync(stopping) is { Count: > 0 })
                    log.LogInformation("Loaded the demonstration data.");
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                log.LogInformation("Stopped before the demonstration data was loaded; nothing of it was kept, and the next start loads it.");
            }
            catch (Exception e)
            {
                Failure = e;
                log.LogError(e, "The demonstration data did not load; nothing of it was kept.");
            }
            finally
            {
                _loading = false;
            }
        }, CancellationToken.None);
    }

    /// <summary>
    /// While loading, a page request is answered by the page saying so (503, try again shortly), an API call by a
    /// problem saying so, and anything else (a form post) by a plain 503. Static files and health checks pass.
    /// </summary>
    public static void UseDemoLoadingPage(WebApplication app)
    {
        var loading = app.Services.GetRequiredService<DemoLoading>();
        app.Use(async (context, next) =>
        {
            if (!loading.IsLoading || context.Request.Path.StartsWithSegments("/health"))
            {
                await next(context);
                return;
            }
            context.Response.Headers.RetryAfter = "5";
            if (context.Request.Path.StartsWithSegments("/api"))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                await Results.Problem(statusCode: 503, title: "Still loading", detail: Message).ExecuteAsync(context);
                return;
            }
            if (HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            {
                context.Request.Path = PagePath;
                context.Request.QueryString = QueryString.Empty;
                await next(context);
                return;
            }
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await context.Response.WriteAsync(Message + " Try again in a moment.");
        });
    }
}
