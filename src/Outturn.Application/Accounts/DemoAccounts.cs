using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;

namespace Outturn.Application.Accounts;

/// <summary>One demo account per role (listed in the README), created with the demo data.</summary>
public sealed class DemoAccounts(UserManager<OutturnUser> users, RoleManager<IdentityRole> roles, OutturnDbContext db)
{
    public const string Password = "Outturn-demo-2015";

    public sealed record Account(string Email, string Name, string Role, string? Officer, string? Organisation, bool ChildLevel = false, string? OrganisationRef = "HBC");

    public static readonly IReadOnlyList<Account> All =
    [
        new("admin@outturn.example", "Alex Admin", Roles.Administrator, null, "Halton Borough Council"),
        new("performance@outturn.example", "Pat Performance", Roles.PerformanceOfficer, null, "Halton Borough Council", ChildLevel: true),
        new("ann.mcintyre@outturn.example", "Ann McIntyre", Roles.Contributor, "Ann McIntyre", "Halton Borough Council"),
        new("tracey.coffey@outturn.example", "Tracey Coffey", Roles.Contributor, "Tracey Coffey", "Halton Borough Council"),
        new("director@outturn.example", "Dana Director", Roles.Approver, null, "Halton Borough Council"),
        new("councillor@outturn.example", "Cllr Chris Member", Roles.BoardMember, null, "Children, Young People and Families Policy and Performance Board", OrganisationRef: null),
        // A partner: updates the Trust's items for the health visiting and school nursing service, and no one else's.
        new("nina.health@outturn.example", "Nina Patel", Roles.Contributor, "Nina Patel", "Bridgewater Community Healthcare NHS Trust", OrganisationRef: "NHS-BRIDGEWATER"),
    ];

    public async Task<IReadOnlyList<string>> EnsureAsync()
    {
        var report = new List<string>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        foreach (var a in All)
        {
            if (await users.FindByEmailAsync(a.Email) is not null) continue;
            var officerId = a.Officer is null ? null : await db.Officers.Where(o => o.Name == a.Officer).Select(o => (int?)o.Id).FirstOrDefaultAsync();
            var organisationId = a.OrganisationRef is null ? null
                : await db.Set<Outturn.Domain.Organisations.Organisation>().Where(o => o.Ref == a.OrganisationRef).Select(o => (int?)o.Id).FirstOrDefaultAsync();
            var user = new OutturnUser { UserName = a.Email, Email = a.Email, EmailConfirmed = true, DisplayName = a.Name, Organisation = a.Organisation, OrganisationId = organisationId, OfficerId = officerId, IsDemo = true };
            Check(await users.CreateAsync(user, Password), a.Email);
            Check(await users.AddToRoleAsync(user, a.Role), a.Email);
            if (a.ChildLevel) Check(await users.AddClaimAsync(user, new System.Security.Claims.Claim(Roles.ChildLevelClaim, "yes")), a.Email);
            report.Add($"demo account {a.Email} ({a.Role})");
        }
        return report;
    }

    /// <summary>Demo accounts whose password is still the published one.</summary>
    public async Task<IReadOnlyList<string>> StillUsingDemoPasswordAsync()
    {
        var demo = await db.Users.Where(u => u.IsDemo).ToListAsync();
        return demo.Where(u => u.PasswordHash is not null &&
                               users.PasswordHasher.VerifyHashedPassword(u, u.PasswordHash, Password) != PasswordVerificationResult.Failed)
            .Select(u => u.Email!).ToList();
    }

    private static void Check(IdentityResult result, string who)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Demo account {who}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }
}
