using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans;

/// <summary>An approved plan's versions: as approved, then as amended on each day it was changed, with what each changed.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class VersionsModel(PlanEditQuery query) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public IReadOnlyList<PlanVersion> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string planRef, CancellationToken ct)
    {
        var view = await query.LoadAsync(planRef, ct);
        if (view is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        Plan = view.Plan;
        Versions = await query.VersionsAsync(Plan.Id, ct);
        return Page();
    }
}

/// <summary>What one version of a plan changed from the version before it, item by item.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class VersionModel(PlanEditQuery query) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public PlanVersion Version { get; private set; } = null!;
    public PlanVersion? Previous { get; private set; }
    public IReadOnlyList<PlanAmendment> Changes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string planRef, int number, CancellationToken ct)
    {
        var view = await query.LoadAsync(planRef, ct);
        if (view is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        Plan = view.Plan;
        if (await query.ChangesAsync(Plan.Id, number, ct) is not { } found) return this.NotFoundWith($"{planRef} has no version {number}.");
        (Version, Previous, Changes) = found;
        return Page();
    }

    public static string KindWords(string kind) => kind switch
    {
        "plan" => "Plan details",
        "priority" => "Priorities",
        "objective" => "Objectives",
        "milestone" => "Milestones",
        "measure" => "Measures",
        _ => "Targets",
    };
}
