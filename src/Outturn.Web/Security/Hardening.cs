using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Outturn.Application.Data;

namespace Outturn.Web.Security;

/// <summary>
/// The web app's transport and browser defences (docs/security.md): security headers on every response, HSTS and
/// HTTPS redirection and Secure cookies outside Development, no Server header, uploads swept at start-up, and the
/// anti-forgery check on state-changing API calls made with the sign-in cookie (docs/decisions/0600).
/// </summary>
public static class Hardening
{
    /// <summary>No inline script or style anywhere: scripts and styles are files under wwwroot.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The header a cookie-authenticated API client sends its anti-forgery token in.</summary>
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static WebApplicationBuilder AddOutturnHardening(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Services.AddAntiforgery(o => o.HeaderName = AntiforgeryHeader);
        var development = builder.Environment.IsDevelopment();
        builder.Services.PostConfigure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        builder.Services.PostConfigure<AntiforgeryOptions>(o =>
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always);
        // Malformed JSON or an unbindable parameter is answered as a 400 in words by DomainErrors (docs/decisions/0007).
        builder.Services.AddHsts(o => { o.MaxAge = TimeSpan.FromDays(365); o.IncludeSubDomains = true; });
        return builder;
    }

    /// <summary>First in the pipeline, so that error pages and static files get the headers too.</summary>
    public static WebApplication UseOutturnHardening(this WebApplication app)
    {
        // Anything left in the uploads folder was orphaned by a process that died mid-import.
        PrivateFiles.SweepUploads(app.Services.GetRequiredService<DataSettings>().DataDirectory);
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers.Remove("Server");
                return Task.CompletedTask;
            });
            return next(context);
        });
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        return app;
    }

    /// <summary>
    /// State-changing API calls authenticated by the browser's sign-in cookie must carry the anti-forgery token in the
    /// <see cref="AntiforgeryHeader"/> header; a page on another site cannot read it, so it cannot forge the call.
    /// Bearer tokens are never sent by a browser on its own, so they need no such check.
    /// </summary>
    public static RouteGroupBuilder RequireAntiforgeryForCookies(this RouteGroupBuilder api)
    {
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var changes = !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method));
            if (changes && http.User.Identity is { IsAuthenticated: true } identity && identity.AuthenticationType != TokenAuthenticationHandler.SchemeName)
            {
                try { await http.RequestServices.GetRequiredService<IAntiforgery>().ValidateRequestAsync(http); }
                catch (AntiforgeryValidationException)
                {
                    return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Anti-forgery token missing",
                        detail: $"A call made with the sign-in cookie must send the page's anti-forgery token in the {AntiforgeryHeader} header; API clients use a personal access token (Authorization: Bearer) instead.");
                }
            }
            return await next(context);
        });
        return api;
    }
}
