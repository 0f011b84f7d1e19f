using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Application.Data;
using Outturn.Application.Notifications;
using Outturn.Domain.Organisations;

namespace Outturn.Application.Accounts;

/// <summary>
/// An invitation to set a password, sent by e-mail as a link. Valid for seven days; a resent invitation replaces the
/// last one; an administrator can end one early. Only a hash of the link's secret is stored.
/// </summary>
public class Invitation
{
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(7);

    public int Id { get; set; }
    public required string UserId { get; set; }
    public OutturnUser? User { get; set; }
    public required string Hash { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public required string SentBy { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    /// <summary>Ended before its time: resent (a newer one replaced it) or expired by an administrator.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && EndedAt is null && ExpiresAt > now;

    public static string HashOf(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

internal sealed class InvitationMapping : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.ToTable("Invitations");
        e.HasIndex(i => i.Hash).IsUnique();
        e.Property(i => i.Hash).HasMaxLength(64);
        e.Property(i => i.SentBy).HasMaxLength(256);
        e.HasOne(i => i.User).WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>One account as administrators see it.</summary>
public sealed record AccountRow(
    string Id, string Email, string Name, string? Role, string? OrganisationRef, string? OrganisationName, string? Officer,
    DateTimeOffset? LastSignInAt, DateTimeOffset? DisabledAt, bool HasPassword, DateTimeOffset? InvitationExpiresAt)
{
    public string State(DateTimeOffset now) =>
        DisabledAt is not null ? "Disabled"
        : HasPassword ? "Active"
        : InvitationExpiresAt > now ? "Invited"
        : "Invitation expired";
}

/// <summary>Invitations and the account list.</summary>
public sealed class AccountInvitations(UserManager<OutturnUser> users, RoleManager<IdentityRole> roles, OutturnDbContext db, IEmailSender email, TimeProvider clock)
{
    /// <summary>Creates the account (no password yet) and e-mails a link to set one.</summary>
    public async Task<AccountResult> InviteAsync(string emailAddress, string name, string role, string? organisationRef, string by, string baseUrl, CancellationToken ct = default)
    {
        emailAddress = emailAddress?.Trim() ?? "";
        name = name?.Trim() ?? "";
        var errors = new List<string>();
        if (!System.Net.Mail.MailAddress.TryCreate(emailAddress, out _) || !emailAddress.Contains('@')) errors.Add("Enter an email address in the correct format, like name@example.com.");
        if (name.Length == 0) errors.Add("Enter the person's full name.");
        if (!Roles.All.Contains(role)) errors.Add($"Choose a role: {string.Join(", ", Roles.All)}.");
        int? organisationId = null;
        if (!string.IsNullOrWhiteSpace(organisationRef))
        {
            organisationId = await db.Set<Organisation>().Where(o => o.Ref == organisationRef.Trim()).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
            if (organisationId is null) errors.Add($"There is no organisation with the reference {organisationRef.Trim()}.");
        }
        if (errors.Count == 0 && await users.FindByEmailAsync(emailAddress) is not null) errors.Add($"An account with the email address {emailAddress} already exists.");
        if (errors.Count > 0) return AccountResult.Fail([.. errors]);

        // A new installation has no roles until its first account needs one.
        if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        var user = new OutturnUser { UserName = emailAddress, Email = emailAddress, DisplayName = name, OrganisationId = organisationId };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) return AccountResult.From(created);
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded) return AccountResult.From(added);
        await SendAsync(user, by, baseUrl, ct);
        return AccountResult.Ok($"Invitation sent to {emailAddress}; the link is valid for 7 days.");
    }

    /// <summary>Sends a fresh link; any earlier one stops working.</summary>
    public async Task<AccountResult> ResendAsync(string userId, string by, string baseUrl, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return AccountResult.Fail("That account does not exist.");
        if (user.IsDisabled) return AccountResult.Fail($"{user.Email} is disabled; enable it before inviting again.");
        if (await users.HasPasswordAsync(user)) return AccountResult.Fail($"{user.Email} has already set a password.");
        await SendAsync(user, by, baseUrl, ct);
        return AccountResult.Ok($"A new invitation was sent to {user.Email}; the earlier link no longer works.");
    }

    /// <summary>Ends any open invitation now.</summary>
    public async Task<AccountResult> ExpireAsync(string userId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var ended = await db.Set<Invitation>().Where(i => i.UserId == userId && i.AcceptedAt == null && i.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.EndedAt, now), ct);
        return ended == 0 ? AccountResult.Fail("There is no open invitation to expire.") : AccountResult.Ok("The invitation has expired; its link no longer works.");
    }

    /// <summary>The open invitation a link's secret names, if it is still good.</summary>
    public async Task<Invitation?> FindOpenAsync(string secret, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length > 100) return null;
        var hash = Invitation.HashOf(secret);
        var invitation = await db.Set<Invitation>().Include(i => i.User).SingleOrDefaultAsync(i => i.Hash == hash, ct);
        return invitation is not null && invitation.IsOpen(clock.GetUtcNow()) && invitation.User is { IsDisabled: false } ? invitation : null;
    }

    /// <summary>Sets the invited person's password (checked against the password rules) and closes the invitation.</summary>
    public async Task<AccountResult> AcceptAsync(string secret, string password, CancellationToken ct = default)
    {
        var invitation = await FindOpenAsync(secret, ct);
        if (invitation?.User is not { } user) return AccountResult.Fail("This invitation link has expired or has already been used. Ask your administrator to send a new one.");
        var result = await users.AddPasswordAsync(user, password ?? "");
        if (!result.Succeeded) return AccountResult.From(result);
        user.EmailConfirmed = true;
        await users.UpdateAsync(user);
        invitation.AcceptedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return AccountResult.Ok($"Your password is set. Sign in with {user.Email}.");
    }

    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken ct = default)
    {
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(r => r.Name).Order()));
        var organisations = await db.Set<Organisation>().AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var officers = await db.Officers.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var invitations = (await db.Set<Invitation>().AsNoTracking().Where(i => i.AcceptedAt == null && i.EndedAt == null).ToListAsync(ct))
            .GroupBy(i => i.UserId).ToDictionary(g => g.Key, g => g.Max(i => i.ExpiresAt));
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        return accounts.Select(u => new AccountRow(u.Id, u.Email!, u.DisplayName, roleOf.GetValueOrDefault(u.Id),
                u.OrganisationId is { } o ? organisations[o].Ref : null, u.OrganisationId is { } p ? organisations[p].Name : u.Organisation,
                u.OfficerId is { } f ? officers.GetValueOrDefault(f) : null, u.LastSignInAt, u.DisabledAt, u.PasswordHash is not null,
                invitations.TryGetValue(u.Id, out var exp) ? exp : null))
            .ToList();
    }

    private async Task SendAsync(OutturnUser user, string by, string baseUrl, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await db.Set<Invitation>().Where(i => i.UserId == user.Id && i.AcceptedAt == null && i.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.EndedAt, now), ct);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        db.Add(new Invitation { UserId = user.Id, Hash = Invitation.HashOf(secret), SentAt = now, SentBy = by, ExpiresAt = now + Invitation.ValidFor });
        await db.SaveChangesAsync(ct);
        var link = $"{baseUrl.TrimEnd('/')}/invitation/{secret}";
        var expires = TimeZoneInfo.ConvertTime(now + Invitation.ValidFor, UkTime).ToString("d MMMM yyyy 'at' HH:mm", System.Globalization.CultureInfo.GetCultureInfo("en-GB"));
        await email.SendAsync(new EmailMessage(user.Email!, user.DisplayName, "Your Outturn account",
            $"""
             {user.DisplayName},

             An account has been set up for you on Outturn, the performance reporting service.

             To choose your password, open this link:

             {link}

             The link works once and until {expires}. If it has expired, ask your administrator to send a new one.
             """), ct);
    }

    private static readonly TimeZoneInfo UkTime = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
}
