using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;

namespace Outturn.Application.Accounts;

/// <summary>What administrators do to accounts, from the web pages and the command line alike.</summary>
public sealed class AccountAdministration(UserManager<OutturnUser> users, OutturnDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Refuses sign-in from now on, ends every session at its next check (the security stamp changes) and revokes
    /// every token. Nothing is deleted: the account's name stays on the history it made.
    /// </summary>
    public async Task<AccountResult> DisableAsync(string email, string by, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return AccountResult.Fail($"No account has the e-mail address {email.Trim()}.");
        if (user.IsDisabled) return AccountResult.Ok($"{user.Email} was already disabled.");
        var now = clock.GetUtcNow();
        user.DisabledAt = now;
        user.DisabledBy = by;
        await db.Set<ApiToken>().Where(t => t.UserId == user.Id && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
        var result = await users.UpdateSecurityStampAsync(user); // also saves DisabledAt
        return result.Succeeded ? AccountResult.Ok($"{user.Email} disabled; its sessions end within a minute and its tokens are revoked.") : AccountResult.From(result);
    }

    /// <summary>Lets a disabled account sign in again (its revoked tokens stay revoked).</summary>
    public async Task<AccountResult> EnableAsync(string email, CancellationToken ct = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null) return AccountResult.Fail($"No account has the e-mail address {email.Trim()}.");
        user.DisabledAt = null;
        user.DisabledBy = null;
        var result = await users.UpdateAsync(user);
        return result.Succeeded ? AccountResult.Ok($"{user.Email} can sign in again.") : AccountResult.From(result);
    }
}

public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Messages)
{
    public static AccountResult Ok(string message) => new(true, [message]);
    public static AccountResult Fail(params string[] errors) => new(false, errors);
    public static AccountResult From(IdentityResult result) => new(result.Succeeded, result.Errors.Select(e => e.Description).ToList());
}

/// <summary>Role, organisation and linked officer: what an administrator sets on an account.</summary>
public sealed class AccountSettings(UserManager<OutturnUser> users, RoleManager<IdentityRole> roles, OutturnDbContext db)
{
    public async Task<AccountResult> SetAsync(string userId, string role, int? organisationId, int? officerId, CancellationToken ct = default, bool? leadsOrganisation = null)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountResult.Fail("That account does not exist.");
        if (!Roles.All.Contains(role)) return AccountResult.Fail($"Choose a role: {string.Join(", ", Roles.All)}.");
        if (organisationId is not null && !await db.Set<Outturn.Domain.Organisations.Organisation>().AnyAsync(o => o.Id == organisationId, ct))
            return AccountResult.Fail("Choose an organisation from the list.");
        if (officerId is not null && !await db.Officers.AnyAsync(o => o.Id == officerId, ct)) return AccountResult.Fail("Choose an officer from the list.");
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([role]))
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, role);
            await users.UpdateSecurityStampAsync(user); // the new role applies from the next check, not the next sign-in
        }
        var moved = user.OrganisationId != organisationId;
        if (leadsOrganisation is { } lead)
        {
            var held = (await users.GetClaimsAsync(user)).Where(c => c.Type == Roles.LeadClaim).ToList();
            if (lead && held.Count == 0) { await users.AddClaimAsync(user, new System.Security.Claims.Claim(Roles.LeadClaim, "yes")); moved = true; }
            if (!lead && held.Count > 0) { await users.RemoveClaimsAsync(user, held); moved = true; }
        }
        user.OrganisationId = organisationId;
        user.OfficerId = officerId;
        // A new organisation or lead flag changes what the person sees: it applies from the next check, not the next sign-in.
        if (moved) await users.UpdateSecurityStampAsync(user);
        var saved = await users.UpdateAsync(user);
        return saved.Succeeded ? AccountResult.Ok($"{user.Email} saved.") : AccountResult.From(saved);
    }
}
