using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Accounts;
using Outturn.Application.Organisations;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Admin;

/// <summary>Accounts: who can sign in, with what role, for which organisation, and when they last did; invite someone new.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UsersModel(AccountInvitations invitations, OrganisationService organisations, TimeProvider clock) : PageModel
{
    public IReadOnlyList<AccountRow> Accounts { get; private set; } = [];
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];
    public List<(string Field, string Message)> Errors { get; } = [];
    public string? Sent { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    [BindProperty] public string Email { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Role { get; set; } = Roles.Contributor;
    [BindProperty] public string? OrganisationRef { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await invitations.InviteAsync(Email, Name, Role, OrganisationRef, User.Identity?.Name ?? "administrator", $"{Request.Scheme}://{Request.Host}", ct);
        if (result.Succeeded)
        {
            Sent = result.Messages[0];
            Email = Name = "";
        }
        else
            foreach (var m in result.Messages)
                Errors.Add((m.Contains("email", StringComparison.OrdinalIgnoreCase) ? "email" : m.Contains("name") ? "name" : m.Contains("role") ? "role" : "organisation", m));
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Accounts = await invitations.ListAsync(ct);
        Organisations = await organisations.ListAsync(ct);
    }
}
