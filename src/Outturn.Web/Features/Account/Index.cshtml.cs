using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Account;

/// <summary>Your own account: change your password and see the API tokens issued to you.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AccountModel(UserManager<OutturnUser> users, SignInManager<OutturnUser> signIn, OutturnDbContext db) : PageModel
{
    public OutturnUser Me { get; private set; } = null!;
    public List<ApiToken> Tokens { get; private set; } = [];
    public List<(string Field, string Message)> Errors { get; } = [];
    public bool Changed { get; private set; }

    [BindProperty] public string Current { get; set; } = "";
    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return Challenge();
        if (Password != Confirm) Errors.Add(("confirm", "The two new passwords are not the same."));
        else
        {
            var result = await users.ChangePasswordAsync(Me, Current ?? "", Password ?? "");
            if (result.Succeeded)
            {
                Changed = true;
                await signIn.RefreshSignInAsync(Me); // this session carries the new stamp; others end within a minute
            }
            else Errors.AddRange(result.Errors.Select(e => (e.Code == "PasswordMismatch" ? "current" : "password", e.Code == "PasswordMismatch" ? "Your current password is not right." : e.Description)));
        }
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var me = await users.GetUserAsync(User);
        if (me is null) return false;
        Me = me;
        Tokens = await db.Set<ApiToken>().AsNoTracking().Where(t => t.UserId == me.Id).OrderByDescending(t => t.Id).ToListAsync(ct);
        return true;
    }
}
