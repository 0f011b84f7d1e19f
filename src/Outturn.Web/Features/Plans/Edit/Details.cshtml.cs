using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Plans;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>Changes a plan's title, kind, years, owning organisation, directorate and description.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class DetailsModel(PlanEditQuery query, ChangePlanDetails.Handler change) : PlanEditPage(query)
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? FirstYear { get; set; }
    [BindProperty] public string? LastYear { get; set; }
    [BindProperty] public string? Organisation { get; set; }
    [BindProperty] public string? Directorate { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? OrganisationRef { get; set; }

    public async Task<IActionResult> OnGetAsync(string planRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        (Title, Kind, FirstYear, LastYear) = (Plan.Title, Plan.Kind.ToWord(), Fy(Plan.FirstYear), Fy(Plan.LastYear));
        (Organisation, Directorate, Description) = (Plan.Organisation, Plan.Directorate, Plan.Description);
        OrganisationRef = View.Organisations.FirstOrDefault(o => o.Id == Plan.OrganisationId)?.Ref;
        History = await Query.PlanHistoryAsync(Plan, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        var result = await change.HandleAsync(new(planRef, SeenRevision, Title, Kind, FirstYear, LastYear, Organisation, Directorate, Description, OrganisationRef), ct);
        if (result!.Done) return Done("The plan's details are saved.");
        Errors.AddRange(result.Errors);
        History = await Query.PlanHistoryAsync(Plan, ct);
        return Page();
    }
}
