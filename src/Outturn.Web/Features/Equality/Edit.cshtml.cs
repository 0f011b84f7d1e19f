using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Equality;
using Outturn.Application.Organisations;
using Outturn.Application.Risks;
using Outturn.Domain.Equality;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Equality;

/// <summary>The performance team changes an equality action; a form loaded before someone else's change meets a conflict.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class EditModel(RiskQuery plans, OrganisationService organisations, EqualityQuery query, EditEqualityAction edit) : EqualityFormPage(plans, organisations)
{
    public EqualityAction Action { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string actionRef, CancellationToken ct)
    {
        if (await LoadAsync(actionRef, ct) is { } notFound) return notFound;
        Show(Action);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string actionRef, int version, CancellationToken ct)
    {
        if (await LoadAsync(actionRef, ct) is { } notFound) return notFound;
        var details = ReadDetails();
        if (Errors.Count > 0) return Page();
        await edit.HandleAsync(new EditEqualityActionCommand(actionRef, version, details, Reason), ct);
        TempData["Done"] = $"Changes to {actionRef} saved.";
        return Redirect(ActionHref(actionRef));
    }

    private async Task<IActionResult?> LoadAsync(string actionRef, CancellationToken ct)
    {
        if (await query.ActionAsync(actionRef, ct) is not { } action) return this.NotFoundWith($"No equality action has the reference \"{actionRef}\".");
        Action = action;
        await LoadChoicesAsync(ct);
        return null;
    }
}
