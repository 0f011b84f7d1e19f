using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Organisations;
using Outturn.Application.Risks;
using Outturn.Domain.Risks;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>
/// The performance team changes what a risk says about itself and when it is next reviewed. The form carries the
/// version it was loaded with: saving over someone else's later change is refused.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class EditModel(RiskQuery query, OrganisationService organisations, EditRisk edit) : RiskFormPage(query, organisations)
{
    public Risk Risk { get; private set; } = null!;
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string riskRef, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, ct) is { } notFound) return notFound;
        Show(Risk);
        return Page();
    }

    // The version comes as a parameter, not a bound property: a refused form comes back with what was typed but the
    // version as it is now.
    public async Task<IActionResult> OnPostAsync(string riskRef, int version, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, ct) is { } notFound) return notFound;
        var details = ReadDetails();
        var review = ReadReviewDate(required: true);
        if (Errors.Count > 0) return Page();
        await edit.HandleAsync(new EditRiskCommand(riskRef, version, details, review!.Value, Reason), ct);
        TempData["Done"] = $"Changes to {riskRef} saved.";
        return Redirect(RiskHref(riskRef));
    }

    private async Task<IActionResult?> LoadAsync(string riskRef, CancellationToken ct)
    {
        if (await Query.RiskAsync(riskRef, ct) is not { } risk) return this.NotFoundWith($"No risk has the reference \"{riskRef}\".");
        Risk = risk;
        await LoadChoicesAsync(ct);
        return null;
    }
}
