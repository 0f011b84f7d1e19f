using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Outturn.Web.Tests.Accounts;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a loopback port, standing in for a council's Entra ID:
/// discovery, signing keys, the authorisation code flow with a confidential client, and identity tokens carrying
/// email, name and group claims. Whoever the test names in <see cref="Next"/> is the person already signed in at
/// the provider, as with single sign-on at work.
/// </summary>
public sealed class TestOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "outturn";
    public const string ClientSecret = "outturn-test-client-secret";

    public sealed record Person(string Email, string Name, params string[] Groups);

    private readonly WebApplication _app;
    private readonly string _database;

    /// <summary>The person the provider signs in at the next authorisation request; null refuses it.</summary>
    public Person? Next { get; set; }

    public string BaseUrl { get; }

    private TestOpenIdProvider(WebApplication app, string database, string baseUrl)
    {
        _app = app;
        _database = database;
        BaseUrl = baseUrl;
    }

    /// <summary>Starts the provider and registers Outturn as a client that may return to <paramref name="redirectUri"/>.</summary>
    public static async Task<TestOpenIdProvider> StartAsync(string redirectUri)
    {
        var database = Path.Combine(Path.GetTempPath(), $"outturn-oidc-provider-{Guid.NewGuid():N}.db");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<DbContext>(o =>
        {
            o.UseSqlite($"Data Source={database}");
            o.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<DbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AllowAuthorizationCodeFlow();
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                // Plain HTTP on the loopback address only: there is no certificate in a test run.
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            });
        var app = builder.Build();
        TestOpenIdProvider? provider = null;
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext context) =>
        {
            var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (provider?.Next is not { } person) return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, person.Email)
                .SetClaim(Claims.Email, person.Email)
                .SetClaim(Claims.Name, person.Name)
                .SetClaims("groups", person.Groups.ToImmutableArray());
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider = new TestOpenIdProvider(app, database, address.TrimEnd('/') + "/");

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DbContext>().Database.EnsureCreatedAsync();
        await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            ApplicationType = ApplicationTypes.Web,
            DisplayName = "Outturn",
            RedirectUris = { new Uri(redirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile,
            },
        });
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { File.Delete(_database); } catch (IOException) { }
    }
}
