using Microsoft.EntityFrameworkCore;
using Outturn.Application;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Web.Features.Benchmarks;
using Outturn.Web.Features.Plans;
using Outturn.Web.Security;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddOutturn(builder.Configuration);
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features");
builder.Services.AddProblemDetails();
builder.Services.AddAuthorizationBuilder().AddOutturnPolicies();
builder.Services.AddOpenApi("v1");
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);

var app = builder.Build();

await PrepareDatabaseAsync(app);

// The API answers errors with problem+json; pages answer with a page in the service's own layout.
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseExceptionHandler().UseStatusCodePages());
app.UseWhen(c => !c.Request.Path.StartsWithSegments("/api"), pages => pages
    .UseExceptionHandler("/errors/500")
    .UseStatusCodePagesWithReExecute("/errors/{0}"));
app.UseStaticFiles();
app.UseRouting();
app.UseAuthorization();
app.UseAntiforgery();

app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(Policies.Public);
app.MapGroup("/api/v1").MapPlansApi();
app.MapGroup("/api/v1").MapBenchmarksApi();
app.MapRazorPages();
app.Run();

static async Task PrepareDatabaseAsync(WebApplication app)
{
    using var scope = app.Services.CreateScope();
    var db = scope.ServiceProvider.GetRequiredService<OutturnDbContext>();
    await db.Database.MigrateAsync();
    // Demo data is loaded once, into an empty database; a database someone has started using is left alone.
    if (app.Configuration.GetValue("Outturn:Demo:LoadOnFirstStart", true) && !await db.Plans.AnyAsync())
        await scope.ServiceProvider.GetRequiredService<DemoData>().LoadAsync();
}

/// <summary>Lets the integration tests start the real app.</summary>
public partial class Program;
