using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Monitoring;
using Outturn.Application.Plans;
using Outturn.Application.Returns;

namespace Outturn.Application;

public static class ServiceRegistration
{
    /// <summary>The store and the feature services shared by the web app and the command line.</summary>
    public static IServiceCollection AddOutturn(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOutturnData(configuration)
            .AddScoped<PlanImport>()
            .AddScoped<DemoData>()
            .AddScoped<MonitoringQuery>()
            .AddReturns(configuration);
}
