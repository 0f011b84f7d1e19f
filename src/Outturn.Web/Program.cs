using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Outturn.Application;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Web.Features.Account;
using Outturn.Web.Features.Finance;
using Outturn.Web.Features.Benchmarks;
using Outturn.Web.Features.Governance;
using Outturn.Web.Features.Inspections;
using Outturn.Web.Features.Participation;
using Outturn.Web.Features.Equality;
using Outturn.Web.Features.Risks;
using Outturn.Web.Features.Plans;
using Outturn.Web.Features.Returns;
using Outturn.Web.Features.Reports;
using Outturn.Web.Features.Rounds;
using Outturn.Web.Features.Shared;
using Outturn.Web.Hosting;
using Outturn.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddOutturnLogging();
builder.AddOutturnHardening();
builder.Services.AddOutturn(builder.Configuration);
// Production plumbing (docs/operations.md): trusted proxies, health checks, telemetry when configured, published
// reports served from the output cache, and the demo loaded in the background on a first start.
builder.Services.AddOutturnProxy(builder.Configuration);
builder.Services.AddOutturnHealth(Outturn.Application.Data.DataSettings.From(builder.Configuration));
builder.AddOutturnTelemetry();
builder.Services.AddPublishedReportCache(builder.Configuration);
builder.Services.AddSingleton<DemoLoading>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<ICurrentUser, WebCurrentUser>();
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
    .AddMvcOptions(o =>
    {
        o.ModelBinderProviders.Insert(0, new PeriodModelBinderProvider());
        o.Filters.Add<PeriodInAddressFilter>();
        o.Filters.Add<RefusedFormFilter>();
    });
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<DomainErrors>();
builder.Services.AddHostedService<Outturn.Web.Features.Rounds.ReminderScheduler>();
// Unreadable API input reaches DomainErrors as an exception, to be answered in words rather than a bare 400.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
{
    // Published figures are open data: say under which licence, in the API description as in its answers (OpenDataLicence).
    document.Info.License = new() { Name = "Open Government Licence v3.0", Url = new Uri(OpenDataLicence.Url) };
    return Task.CompletedTask;
}));
builder.Services.ConfigureHttpJsonOptions(o => OutturnJson.Configure(o.SerializerOptions));

// Accounts: local Identity accounts by cookie in the browser, personal access tokens for API clients,
// and optionally a council's OpenID Connect provider (Outturn:Oidc:Authority).
new IdentityBuilder(typeof(OutturnUser), typeof(IdentityRole), builder.Services).AddSignInManager<OutturnSignInManager>();
// A session ends within a minute of its account being disabled or its password changed (both change the security stamp).
builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = builder.Configuration.GetValue("Outturn:SignIn:SessionCheckInterval", TimeSpan.FromMinutes(1)));
var auth = builder.Services.AddAuthentication(o =>
    {
        o.DefaultScheme = "Outturn";
        o.DefaultChallengeScheme = "Outturn";
        o.DefaultSignInScheme = IdentityConstants.ApplicationScheme;
    })
    .AddPolicyScheme("Outturn", "Cookie or token", o => o.ForwardDefaultSelector = c =>
        c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? TokenAuthenticationHandler.SchemeName
            : IdentityConstants.ApplicationScheme)
    .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null);
auth.AddIdentityCookies();
builder.Services.ConfigureApplicationCookie(o =>
{
    o.LoginPath = "/sign-in";
    o.LogoutPath = "/sign-out";
    o.AccessDeniedPath = "/errors/403";
    o.Cookie.Name = "outturn";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.ExpireTimeSpan = TimeSpan.FromHours(8);
    // The API answers 401/403; only pages redirect to the sign-in page.
    o.Events.OnRedirectToLogin = c => ApiAware(c, StatusCodes.Status401Unauthorized);
    o.Events.OnRedirectToAccessDenied = c => ApiAware(c, StatusCodes.Status403Forbidden);
});
OidcSignIn.AddIfConfigured(auth, builder.Configuration);
builder.Services.AddAuthorizationBuilder().AddOutturnPolicies();

// Failed sign-in attempts are counted per address and per account; page views are not (Security/SignInThrottle.cs).
builder.Services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection("Outturn:SignIn"));
builder.Services.AddSingleton<SignInThrottle>();

var app = builder.Build();

// The client's address and scheme, from a trusted proxy only, before anything reads them.
if (Proxy.Configured(app.Configuration)) app.UseForwardedHeaders();
app.UseRequestLogging();
await app.PrepareDatabaseAsync();
app.UseOutturnHardening();

// The API answers errors with problem+json; pages answer with a page in the service's own layout.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler().UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages
    .UseExceptionHandler("/errors/500")
    .UseStatusCodePagesWithReExecute("/errors/{0}"));
app.UseStaticFiles();
DemoLoading.UseDemoLoadingPage(app);
app.UseOpenDataLicence();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.UseOutputCache();
app.UseAntiforgery();

app.MapOutturnHealth();
app.MapReports();
app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Public);
var api = app.MapGroup("/api/v1").RequireAntiforgeryForCookies();
api.MapPlansApi();
api.MapRoundsApi();
api.MapBenchmarksApi();
api.MapRisksApi();
api.MapEqualityApi();
api.MapFinanceApi();
api.MapReturnsApi();
api.MapGovernanceApi();
api.MapInspectionsApi();
api.MapParticipationApi();
app.MapOidcSignIn();
app.MapRazorPages();
app.Run();

static Task ApiAware(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> c, int status)
{
    if (c.Request.Path.StartsWithSegments("/api"))
    {
        c.Response.StatusCode = status;
        return Task.CompletedTask;
    }
    c.Response.Redirect(c.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>Lets the integration tests start the real app.</summary>
public partial class Program;
