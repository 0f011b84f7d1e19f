using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Outturn.Application.Data;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Web.Hosting;

/// <summary>
/// A published round's pages (monitoring, report card, the Priority Based report and its files) and its API content
/// are made once per version of the report (the round, when it was published and how many times its corrections
/// have changed) and then served from ASP.NET Core's output cache. The version is read from the database on every
/// request, one small query, so that a correction recorded at any instance is seen at every instance at once; the
/// instance that records it also evicts its copies by the plan's tag.
/// Only anonymous requests are served from or stored in the cache: a signed-in user's pages carry their name and,
/// for staff, figures not yet published, so the public copy is never served to staff nor a staff copy to the public.
/// Parts of a published page that are not frozen with the report (the registers' sections, later quarters in the
/// charts) are at most <c>Outturn:Caching:PublishedReports</c> old (default ten minutes).
/// </summary>
public sealed class PublishedReportCache(TimeSpan lifetime) : IOutputCachePolicy
{
    public const string PolicyName = "published-report";

    public static string PlanTag(string planRef) => "plan:" + planRef;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        context.EnableOutputCaching = false;
        if (!HttpMethods.IsGet(http.Request.Method) || http.Request.Headers.ContainsKey(HeaderNames.Authorization)
            || http.User.Identity?.IsAuthenticated == true)
            return;
        if (http.GetRouteValue("planRef") is not string planRef || http.GetRouteValue("period") is not string periodText
            || !Period.TryParse(periodText, out var period))
            return;
        var db = http.RequestServices.GetRequiredService<OutturnDbContext>();
        var version = await db.Set<MonitoringRound>().AsNoTracking()
            .Where(r => r.Period == period && r.State == RoundState.Published && db.Plans.Any(p => p.Id == r.PlanId && p.Ref == planRef))
            .Select(r => new { r.Id, r.PublishedAt, r.RevisionCount })
            .SingleOrDefaultAsync(ct);
        if (version is null) return;

        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = lifetime;
        context.CacheVaryByRules.VaryByValues["report"] = $"{version.Id}.{version.PublishedAt?.UtcTicks}.{version.RevisionCount}";
        // The page's own choices (a chart's table, the exceptions-only view); any other query is not a page of its own.
        context.CacheVaryByRules.QueryKeys = new Microsoft.Extensions.Primitives.StringValues(["table", "show"]);
        context.Tags.Add(PlanTag(planRef));
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        // Only a whole, shareable answer is kept: not an error, not one that sets a cookie.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
            context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }
}

public static class PublishedReportCaching
{
    public static IServiceCollection AddPublishedReportCache(this IServiceCollection services, IConfiguration configuration)
    {
        // Registered whichever comes first: MVC adds its own TempData provider only when none is registered, and
        // otherwise the last registered is the one used.
        services.AddSingleton<ITempDataProvider>(sp => new TempDataCookieOnlyWhenUsed(ActivatorUtilities.CreateInstance<CookieTempDataProvider>(sp),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>>().Value.Cookie.Name ?? CookieTempDataProvider.CookieName));
        return services.AddOutputCache(o =>
        {
            o.AddPolicy(PublishedReportCache.PolicyName, new PublishedReportCache(configuration.GetValue("Outturn:Caching:PublishedReports", TimeSpan.FromMinutes(10))));
            o.SizeLimit = configuration.GetValue<long>("Outturn:Caching:SizeLimitBytes", 256L * 1024 * 1024);
        });
    }

    /// <summary>
    /// Every page reads TempData (a refused form's message), and the cookie provider answers an empty read by deleting
    /// its cookie, even from a browser that never had one: a Set-Cookie on every page, which keeps pages out of any
    /// shared cache. This one deletes the cookie only when the browser sent it.
    /// </summary>
    private sealed class TempDataCookieOnlyWhenUsed(CookieTempDataProvider inner, string cookieName) : ITempDataProvider
    {
        public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

        public void SaveTempData(HttpContext context, IDictionary<string, object> values)
        {
            if (values.Count == 0 && !context.Request.Cookies.ContainsKey(cookieName)) return;
            inner.SaveTempData(context, values);
        }
    }
}
