using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Equality;
using Outturn.Application.Organisations;
using Outturn.Application.Risks;
using Outturn.Domain.Equality;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Equality;

/// <summary>The performance team adds an action to an equality action plan.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class NewModel(RiskQuery plans, OrganisationService organisations, CreateEqualityAction create) : EqualityFormPage(plans, organisations)
{
    [BindProperty] public string? Ref { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        foreach (var p in EqualityAction.RefProblems(Ref)) Errors.Add(p.Field, p.Message);
        if (Ref?.Trim().ToLowerInvariant() == "new") Errors.Add("ref", "\"new\" is the address of this page; choose another reference.");
        var details = ReadDetails();
        if (Errors.Count > 0) return Page();
        var action = await create.HandleAsync(new CreateEqualityActionCommand(Ref!, details), ct);
        TempData["Done"] = $"{action.Ref} is on the action plan.";
        return Redirect(ActionHref(action.Ref));
    }
}
