using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Outturn.Web.Hosting;

/// <summary>
/// Behind a reverse proxy or load balancer (nginx, Azure App Service, a cloud load balancer) the connection comes
/// from the proxy, which passes the client's address and scheme in X-Forwarded-For and X-Forwarded-Proto. Those
/// headers are believed only from the proxies named in <c>Outturn:Proxy:KnownProxies</c> (addresses) and
/// <c>Outturn:Proxy:KnownNetworks</c> (CIDR ranges); from anyone else, or when neither is set, they are ignored,
/// since a client could otherwise claim any address and escape the sign-in limits. docs/operations.md, "Behind a
/// proxy", gives the settings for nginx and for Azure App Service.
/// </summary>
public static class Proxy
{
    public static IServiceCollection AddOutturnProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = List(configuration, "Outturn:Proxy:KnownProxies");
        var networks = List(configuration, "Outturn:Proxy:KnownNetworks");
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what is configured is trusted.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies)
                o.KnownProxies.Add(IPAddress.TryParse(p, out var address) ? address
                    : throw new InvalidOperationException($"Outturn:Proxy:KnownProxies holds \"{p}\", which is not an IP address (such as 10.0.0.4 or ::1)."));
            foreach (var n in networks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(n, out var network) ? network
                    : throw new InvalidOperationException($"Outturn:Proxy:KnownNetworks holds \"{n}\", which is not a network in CIDR form (such as 10.0.0.0/24)."));
            // Proxies in front of proxies (a load balancer before nginx) each add an address: one per hop trusted.
            o.ForwardLimit = configuration.GetValue("Outturn:Proxy:ForwardLimit", 1);
        });
        return services;
    }

    /// <summary>Whether any proxy is trusted: without one, forwarded headers are not read at all.</summary>
    public static bool Configured(IConfiguration configuration) =>
        List(configuration, "Outturn:Proxy:KnownProxies").Count + List(configuration, "Outturn:Proxy:KnownNetworks").Count > 0;

    /// <summary>A list setting, as an array (<c>KnownProxies:0</c>, <c>KnownProxies__0</c>) or as one comma-separated value.</summary>
    public static IReadOnlyList<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { Length: > 0 } single) items.Add(single);
        return items.SelectMany(i => i.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
    }
}
