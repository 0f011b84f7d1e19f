using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Organisations;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Admin;

/// <summary>One account: role, organisation and officer; disable or enable; resend or expire its invitation.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class UserModel(UserManager<OutturnUser> users, OutturnDbContext db, AccountSettings settings, AccountAdministration administration,
    AccountInvitations invitations, OrganisationService organisations, TimeProvider clock) : PageModel
{
    public OutturnUser Account { get; private set; } = null!;
    public AccountRow Row { get; private set; } = null!;
    public IReadOnlyList<OrganisationRow> Organisations { get; private set; } = [];
    public List<(int Id, string Name)> Officers { get; private set; } = [];
    public List<(string Field, string Message)> Errors { get; } = [];
    public string? Done { get; private set; }
    public DateTimeOffset Now => clock.GetUtcNow();

    [BindProperty] public string Role { get; set; } = "";
    [BindProperty] public int? OrganisationId { get; set; }
    [BindProperty] public int? OfficerId { get; set; }
    /// <summary>The lead of their organisation: sees its whole draft.</summary>
    [BindProperty] public bool Lead { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await LoadAsync(id, true, ct) ? Page() : this.NotFoundWith("There is no such account.");

    public Task<IActionResult> OnPostSaveAsync(string id, CancellationToken ct) => Act(id, () => settings.SetAsync(id, Role, OrganisationId, OfficerId, ct, Lead), ct);

    public Task<IActionResult> OnPostDisableAsync(string id, CancellationToken ct) =>
        Act(id, async () => await users.FindByIdAsync(id) is { } u ? await administration.DisableAsync(u.Email!, User.Identity?.Name ?? "administrator", ct) : AccountResult.Fail("That account does not exist."), ct);

    public Task<IActionResult> OnPostEnableAsync(string id, CancellationToken ct) =>
        Act(id, async () => await users.FindByIdAsync(id) is { } u ? await administration.EnableAsync(u.Email!, ct) : AccountResult.Fail("That account does not exist."), ct);

    public Task<IActionResult> OnPostResendAsync(string id, CancellationToken ct) =>
        Act(id, () => invitations.ResendAsync(id, User.Identity?.Name ?? "administrator", $"{Request.Scheme}://{Request.Host}", ct), ct);

    public Task<IActionResult> OnPostExpireAsync(string id, CancellationToken ct) => Act(id, () => invitations.ExpireAsync(id, ct), ct);

    private async Task<IActionResult> Act(string id, Func<Task<AccountResult>> action, CancellationToken ct)
    {
        var result = await action();
        if (result.Succeeded) Done = result.Messages[0];
        else Errors.AddRange(result.Messages.Select(m => ("role", m)));
        return await LoadAsync(id, result.Succeeded, ct) ? Page() : this.NotFoundWith("There is no such account.");
    }

    private async Task<bool> LoadAsync(string id, bool fromStore, CancellationToken ct)
    {
        var account = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (account is null) return false;
        Account = account;
        Row = (await invitations.ListAsync(ct)).Single(a => a.Id == id);
        Organisations = await organisations.ListAsync(ct);
        Officers = (await db.Officers.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(ct)).Select(o => (o.Id, o.Name)).ToList();
        if (fromStore)
        {
            Role = Row.Role ?? Roles.Contributor;
            OrganisationId = account.OrganisationId;
            OfficerId = account.OfficerId;
            Lead = await db.UserClaims.AnyAsync(c => c.UserId == id && c.ClaimType == Roles.LeadClaim, ct);
        }
        return true;
    }
}
