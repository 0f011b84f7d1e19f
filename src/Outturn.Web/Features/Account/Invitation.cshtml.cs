using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Accounts;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Account;

/// <summary>The page an invitation's link opens: the invited person chooses their password.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class InvitationModel(AccountInvitations invitations) : PageModel
{
    public string? Email { get; private set; }
    public bool Valid { get; private set; }
    public bool Accepted { get; private set; }
    public List<(string Field, string Message)> Errors { get; } = [];

    [BindProperty] public string Password { get; set; } = "";
    [BindProperty] public string Confirm { get; set; } = "";

    public async Task OnGetAsync(string token, CancellationToken ct)
    {
        var open = await invitations.FindOpenAsync(token, ct);
        Valid = open is not null;
        Email = open?.User?.Email;
    }

    public async Task OnPostAsync(string token, CancellationToken ct)
    {
        await OnGetAsync(token, ct);
        if (!Valid) return;
        if (Password != Confirm)
        {
            Errors.Add(("confirm", "The two passwords are not the same."));
            return;
        }
        var result = await invitations.AcceptAsync(token, Password, ct);
        if (result.Succeeded) Accepted = true;
        else Errors.AddRange(result.Messages.Select(m => ("password", m)));
    }
}
