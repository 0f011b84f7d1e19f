using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Organisations;
using Outturn.Application.Risks;
using Outturn.Domain.Risks;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>The performance team puts a new risk on the register, scored for the quarter it is entered in.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class NewModel(RiskQuery query, OrganisationService organisations, CreateRisk create) : RiskFormPage(query, organisations)
{
    [BindProperty] public string? Ref { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        foreach (var p in Risk.RefProblems(Ref)) Errors.Add(p.Field, p.Message);
        // The register's own pages live beside the risks' addresses.
        if (Ref?.Trim().ToLowerInvariant() is "new" or "movement") Errors.Add("ref", $"\"{Ref.Trim()}\" is the address of a register page; choose another reference.");
        var details = ReadDetails();
        var review = ReadReviewDate(required: true);
        var quarter = ReadQuarter();
        var scores = ReadScores();
        if (Errors.Count > 0) return Page();
        var risk = await create.HandleAsync(new CreateRiskCommand(Ref!, details, review!.Value, quarter!.Value, scores!), ct);
        TempData["Done"] = $"{risk.Ref} is on the register, scored for {quarter.Value.ToDisplayString()}.";
        return Redirect(RiskHref(risk.Ref));
    }
}
