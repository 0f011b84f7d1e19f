using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Outturn.Application.Benchmarks;

public static class BenchmarkRegistration
{
    public static IServiceCollection AddBenchmarks(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(BenchmarkSettings.From(configuration))
            .AddScoped<ImportProfiles>()
            .AddScoped<BenchmarkImport>()
            .AddScoped<BenchmarkQuery>()
            .AddScoped<ComparisonGroups>()
            .AddScoped<ReportCardQuery>()
            .AddScoped<FunnelQuery>()
            .AddScoped<BenchmarkDemo>();
}
