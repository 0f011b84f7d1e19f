using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Outturn.Domain.Plans;

namespace Outturn.Application.Accounts;

/// <summary>The roles of Outturn. Public visitors have no account.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string PerformanceOfficer = "PerformanceOfficer";
    public const string Contributor = "Contributor";
    public const string Approver = "Approver";
    public const string BoardMember = "BoardMember";

    public static readonly IReadOnlyList<string> All = [Administrator, PerformanceOfficer, Contributor, Approver, BoardMember];

    /// <summary>A claim an administrator grants for the child-level records behind statutory indicators.</summary>
    public const string ChildLevelClaim = "outturn:child-level";

    /// <summary>A claim an administrator grants to the lead of an organisation: they see its whole draft.</summary>
    public const string LeadClaim = "outturn:organisation-lead";

    /// <summary>Set at sign-in from the account's organisation: its id, and its id with those of every organisation beneath it.</summary>
    public const string OrganisationClaim = "outturn:organisation";
    public const string OrganisationsClaim = "outturn:organisations";

    /// <summary>Set at sign-in when the account's organisation is a partner agency or within one.</summary>
    public const string PartnerClaim = "outturn:partner";
}

/// <summary>A person who signs in. A contributor is linked to the officer whose items they update.</summary>
public class OutturnUser : IdentityUser
{
    public required string DisplayName { get; set; }
    /// <summary>The organisation as typed before the hierarchy existed; kept for display, superseded by <see cref="OrganisationId"/>.</summary>
    public string? Organisation { get; set; }
    /// <summary>The organisation whose items a contributor sees and edits (with those beneath it).</summary>
    public int? OrganisationId { get; set; }
    public int? OfficerId { get; set; }
    public Officer? Officer { get; set; }
    /// <summary>Created with the demo data: the app refuses to start outside Development while its password is the demo one.</summary>
    public bool IsDemo { get; set; }
    /// <summary>
    /// Set when an administrator disables the account: sign-in is refused, sessions end and tokens are revoked, but
    /// the account stays so that its history keeps a name.
    /// </summary>
    public DateTimeOffset? DisabledAt { get; set; }
    public string? DisabledBy { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }
    public bool IsDisabled => DisabledAt is not null;
}

/// <summary>A personal access token for API clients, sent as <c>Authorization: Bearer</c>. Only its hash is kept.</summary>
public class ApiToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public OutturnUser? User { get; set; }
    public required string Name { get; set; }
    public required string Hash { get; set; }
    /// <summary>The first characters, so a token can be recognised in a list without being usable.</summary>
    public required string Prefix { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    public static string HashOf(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewSecret() => "ott_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

internal sealed class ApiTokenMapping : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.HasIndex(t => t.Hash).IsUnique();
        e.Property(t => t.Hash).HasMaxLength(64);
        e.Property(t => t.Prefix).HasMaxLength(16);
        e.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutturnUserMapping : IEntityTypeConfiguration<OutturnUser>
{
    public void Configure(EntityTypeBuilder<OutturnUser> e)
    {
        e.HasOne(u => u.Officer).WithMany().HasForeignKey(u => u.OfficerId).OnDelete(DeleteBehavior.SetNull);
        e.Property(u => u.DisabledBy).HasMaxLength(256);
        e.Ignore(u => u.IsDisabled);
    }
}
