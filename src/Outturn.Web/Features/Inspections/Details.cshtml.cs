using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Inspections;
using Outturn.Domain.Inspections;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Inspections;

/// <summary>
/// A published inspection's findings for anyone; signed-in staff also see each recommendation's improvement action
/// (owner, due date, latest delivery and impact).
/// </summary>
[Authorize(Policy = Policies.Public)]
public sealed class DetailsModel(InspectionQuery query) : PageModel
{
    public Inspection Inspection { get; private set; } = null!;
    public bool ShowsActions { get; private set; }
    public bool CanEdit { get; private set; }
    public Dictionary<(string Kind, int Id), string> LinkNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string inspectionRef, CancellationToken ct)
    {
        ShowsActions = User.Identity?.IsAuthenticated == true;
        var inspection = await query.GetAsync(inspectionRef, ShowsActions, ct);
        if (inspection is null) return this.NotFoundWith($"No published inspection has the reference \"{inspectionRef}\".");
        Inspection = inspection;
        CanEdit = User.IsInRole("PerformanceOfficer") || User.IsInRole("Administrator");
        LinkNames = await query.LinkNamesAsync(inspection.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Links), ct);
        return Page();
    }
}
