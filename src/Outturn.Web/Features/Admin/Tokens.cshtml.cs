using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Admin;

/// <summary>Personal access tokens for API clients: an administrator issues them (the secret is shown once) and revokes them.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class TokensModel(OutturnDbContext db, TimeProvider clock) : PageModel
{
    public List<OutturnUser> Users { get; private set; } = [];
    public List<ApiToken> Tokens { get; private set; } = [];
    public string? NewSecret { get; private set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostIssueAsync(string userId, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name)) Error = "Give the token a name that says what it is for.";
        else if (!await db.Users.AnyAsync(u => u.Id == userId, ct)) Error = "Choose a user.";
        else
        {
            NewSecret = ApiToken.NewSecret();
            db.Add(new ApiToken
            {
                UserId = userId, Name = name.Trim(), Hash = ApiToken.HashOf(NewSecret), Prefix = NewSecret[..10],
                CreatedAt = clock.GetUtcNow(), CreatedBy = User.Identity?.Name ?? "administrator",
            });
            await db.SaveChangesAsync(ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int tokenId, CancellationToken ct)
    {
        var token = await db.Set<ApiToken>().SingleOrDefaultAsync(t => t.Id == tokenId, ct);
        if (token is not null && token.RevokedAt is null)
        {
            token.RevokedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        Tokens = await db.Set<ApiToken>().AsNoTracking().Include(t => t.User).OrderByDescending(t => t.Id).ToListAsync(ct);
    }
}
