using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Outturn.Application.Data;
using Outturn.Domain.Organisations;

namespace Outturn.Application.Accounts;

/// <summary>
/// How sign-in with the council's OpenID Connect provider maps onto Outturn accounts, from <c>Outturn:Oidc</c>:
/// <list type="bullet">
/// <item><c>JustInTime:Domains</c>: e-mail domains (e.g. <c>halton.gov.uk</c>) whose people get an account on first
/// sign-in, with <c>JustInTime:Role</c> (default Contributor) and <c>JustInTime:Organisation</c> (a reference).</item>
/// <item><c>RoleClaims</c>: the claim types read for groups and app roles (default <c>groups</c> and <c>roles</c>).</item>
/// <item><c>Roles:&lt;claim value&gt;</c> = an Outturn role, and <c>Organisations:&lt;claim value&gt;</c> = an
/// organisation's reference: a person in a mapped group takes that role or organisation at each sign-in.</item>
/// </list>
/// </summary>
public sealed record SingleSignOnSettings(
    IReadOnlyList<string> JustInTimeDomains, string JustInTimeRole, string? JustInTimeOrganisation,
    IReadOnlyList<string> RoleClaims, IReadOnlyDictionary<string, string> Roles, IReadOnlyDictionary<string, string> Organisations)
{
    public static SingleSignOnSettings From(IConfiguration configuration)
    {
        var oidc = configuration.GetSection("Outturn:Oidc");
        static IReadOnlyList<string> List(IConfigurationSection s) =>
            s.Value is { Length: > 0 } v ? v.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : s.GetChildren().Select(c => c.Value).OfType<string>().Select(x => x.Trim()).Where(x => x.Length > 0).ToList();
        static IReadOnlyDictionary<string, string> Map(IConfigurationSection s) =>
            s.GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value!.Trim(), StringComparer.OrdinalIgnoreCase);
        var claims = List(oidc.GetSection("RoleClaims"));
        return new SingleSignOnSettings(
            List(oidc.GetSection("JustInTime:Domains")).Select(d => d.TrimStart('@').ToLowerInvariant()).ToList(),
            oidc["JustInTime:Role"] is { Length: > 0 } role ? role.Trim() : Accounts.Roles.Contributor,
            oidc["JustInTime:Organisation"] is { Length: > 0 } org ? org.Trim() : null,
            claims.Count > 0 ? claims : ["groups", "roles"],
            Map(oidc.GetSection("Roles")), Map(oidc.GetSection("Organisations")));
    }
}

/// <summary>What the provider said about the person: e-mail address, name, and the values of their group and role claims.</summary>
public sealed record ProviderIdentity(string? Email, string? Name, IReadOnlyList<string> Groups)
{
    /// <summary>Reads the claims as the provider sent them (claim types unmapped): email, then preferred_username or upn.</summary>
    public static ProviderIdentity From(ClaimsPrincipal? principal, SingleSignOnSettings settings)
    {
        string? First(params string[] types) => types.Select(t => principal?.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        var email = First("email", ClaimTypes.Email, "preferred_username", "upn", ClaimTypes.Upn);
        var groups = settings.RoleClaims.SelectMany(t => principal?.FindAll(t) ?? []).Select(c => c.Value).Distinct().ToList();
        return new ProviderIdentity(email?.Trim(), First("name", ClaimTypes.Name), groups);
    }
}

public abstract record SingleSignOnOutcome
{
    public sealed record SignIn(OutturnUser User, bool Created) : SingleSignOnOutcome;
    public sealed record Refused(string Reason) : SingleSignOnOutcome;
}

/// <summary>
/// Finds (or, for a listed domain, creates) the Outturn account of someone the provider has signed in, and applies
/// the role and organisation their groups map to. A disabled account is refused; so is an unknown person outside
/// the listed domains. The provider proves who someone is; what they may do stays in Outturn.
/// </summary>
public sealed class SingleSignOn(UserManager<OutturnUser> users, RoleManager<IdentityRole> roles, OutturnDbContext db, SingleSignOnSettings settings)
{
    /// <summary>Highest first: a person in several mapped groups takes the role that can do most.</summary>
    private static readonly string[] Precedence = [Roles.Administrator, Roles.PerformanceOfficer, Roles.Approver, Roles.Contributor, Roles.BoardMember];

    public async Task<SingleSignOnOutcome> AccountForAsync(ProviderIdentity who, CancellationToken ct = default)
    {
        if (who.Email is not { } email || !email.Contains('@'))
            return new SingleSignOnOutcome.Refused("Your organisation's sign-in did not give an email address, so no Outturn account can be matched.");
        var mappedRole = Precedence.FirstOrDefault(r => who.Groups.Any(g => settings.Roles.TryGetValue(g, out var role) && string.Equals(role, r, StringComparison.OrdinalIgnoreCase)));
        var mappedOrganisation = who.Groups.Select(g => settings.Organisations.GetValueOrDefault(g)).FirstOrDefault(o => o is not null);

        var user = await users.FindByEmailAsync(email);
        var created = false;
        if (user is null)
        {
            var domain = email[(email.LastIndexOf('@') + 1)..].ToLowerInvariant();
            if (!settings.JustInTimeDomains.Contains(domain))
                return new SingleSignOnOutcome.Refused($"There is no Outturn account for {email}. Ask your administrator to invite you.");
            var organisation = await OrganisationIdAsync(mappedOrganisation ?? settings.JustInTimeOrganisation, ct);
            user = new OutturnUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = string.IsNullOrWhiteSpace(who.Name) ? email : who.Name.Trim(), OrganisationId = organisation };
            var made = await users.CreateAsync(user);
            if (!made.Succeeded) return new SingleSignOnOutcome.Refused(string.Join(" ", made.Errors.Select(e => e.Description)));
            var role = mappedRole ?? settings.JustInTimeRole;
            if (!Roles.All.Contains(role)) role = Roles.Contributor;
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
            await users.AddToRoleAsync(user, role);
            created = true;
        }
        else
        {
            if (user.IsDisabled) return new SingleSignOnOutcome.Refused($"The account {email} has been disabled.");
            // Groups the configuration maps decide the role and organisation; otherwise the administrator's settings stand.
            if (mappedRole is not null)
            {
                var current = await users.GetRolesAsync(user);
                if (!current.SequenceEqual([mappedRole]))
                {
                    if (!await roles.RoleExistsAsync(mappedRole)) await roles.CreateAsync(new IdentityRole(mappedRole));
                    await users.RemoveFromRolesAsync(user, current);
                    await users.AddToRoleAsync(user, mappedRole);
                }
            }
            if (mappedOrganisation is not null && await OrganisationIdAsync(mappedOrganisation, ct) is { } organisation && organisation != user.OrganisationId)
            {
                user.OrganisationId = organisation;
                await users.UpdateAsync(user);
            }
        }
        return new SingleSignOnOutcome.SignIn(user, created);
    }

    private async Task<int?> OrganisationIdAsync(string? reference, CancellationToken ct) =>
        reference is null ? null : await db.Set<Organisation>().Where(o => o.Ref == reference).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
}
