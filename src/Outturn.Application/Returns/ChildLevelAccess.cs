using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;

namespace Outturn.Application.Returns;

/// <summary>
/// The child-level permission outside the web: the command line names the account it acts for (<c>--as</c>), and
/// the account must exist, not be locked out, and hold the claim the web's child-level policy requires
/// (<see cref="Roles.ChildLevelClaim"/>). The same claim, so one rule decides who may see children on either side.
/// </summary>
public sealed class ChildLevelAccess(OutturnDbContext db, TimeProvider clock)
{
    /// <summary>Null when the account may see child-level records; otherwise why not.</summary>
    public async Task<string?> RefusalAsync(string? email, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email))
            return "Child-level records are shown only for an account with the child-level permission: give --as <email>.";
        var normalised = email.Trim().ToUpperInvariant();
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedEmail == normalised, ct);
        if (account is null) return $"No account has the e-mail address {email}.";
        if (account.LockoutEnd is { } until && until > clock.GetUtcNow()) return $"The account {email} is locked out.";
        var permitted = await db.UserClaims.AnyAsync(c => c.UserId == account.Id && c.ClaimType == Roles.ChildLevelClaim, ct);
        return permitted ? null : $"The account {email} does not have the child-level permission ({Roles.ChildLevelClaim}).";
    }
}
