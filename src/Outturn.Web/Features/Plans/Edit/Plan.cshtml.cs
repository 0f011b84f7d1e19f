using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>
/// A plan's editing page: its details as a summary list with change links, its status and version, and every
/// priority, objective, milestone and measure with links to change it and buttons to move it or bring it back.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class PlanModel(PlanEditQuery query, ApprovePlan.Handler approve, MoveItem.Handler move, ReinstateItem.Handler reinstate) : PlanEditPage(query)
{
    public async Task<IActionResult> OnGetAsync(string planRef, CancellationToken ct) => await LoadAsync(planRef, ct) ?? Page();

    public async Task<IActionResult> OnPostApproveAsync(string planRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        await approve.HandleAsync(new(planRef, SeenRevision), ct);
        return Done($"{planRef} is approved: this is version 1. Changes from now on make new versions.");
    }

    public async Task<IActionResult> OnPostMoveAsync(string planRef, string kind, string key, int by, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        if (!PlanItems.TryParse(kind, out var k)) return this.BadRequestWith($"\"{kind}\" is not a kind of plan item.");
        if (await move.HandleAsync(new(planRef, SeenRevision, k, key, by < 0 ? -1 : 1), ct) is null) return this.NotFoundWith($"{planRef} has no {kind} {key}.");
        return Done($"{Capitalise(k.Word())} {Label(k, key)} moved {(by < 0 ? "up" : "down")}.");
    }

    public async Task<IActionResult> OnPostReinstateAsync(string planRef, string kind, string key, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        if (!PlanItems.TryParse(kind, out var k)) return this.BadRequestWith($"\"{kind}\" is not a kind of plan item.");
        if (await reinstate.HandleAsync(new(planRef, SeenRevision, k, key, null), ct) is null) return this.NotFoundWith($"{planRef} has no {kind} {key}.");
        return Done($"{Capitalise(k.Word())} {Label(k, key)} reinstated: it joins rounds opened from now on.");
    }

    private string Label(PlanItemKind kind, string key) =>
        kind == PlanItemKind.Priority ? $"\"{Plan.Priorities.FirstOrDefault(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == key)?.Name}\"" : key;

    private static string Capitalise(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    public IEnumerable<Priority> Priorities => Plan.Priorities.OrderBy(p => p.Order).ThenBy(p => p.Id);

    public IReadOnlyList<Objective> ObjectivesOf(Priority p) => Plan.Objectives.Where(o => o.PriorityId == p.Id).OrderBy(o => o.Order).ThenBy(o => o.Id).ToList();

    public IReadOnlyList<Milestone> MilestonesOf(Objective o) => Plan.Milestones.Where(m => m.ObjectiveId == o.Id).OrderBy(m => m.Order).ThenBy(m => m.Id).ToList();

    public IReadOnlyList<Indicator> MeasuresOf(Objective o) => Plan.Indicators.Where(i => i.ObjectiveId == o.Id).OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();

    public IReadOnlyList<Indicator> MeasuresUnder(Priority p) => Plan.Indicators.Where(i => i.ObjectiveId is null && i.PriorityId == p.Id).OrderBy(i => i.Order).ThenBy(i => i.Id).ToList();

    public string ItemHref(string kind, string key) => $"{EditHref}/{kind}/{Uri.EscapeDataString(key)}";

    public string? OwnerName => View.Organisations.FirstOrDefault(o => o.Id == Plan.OrganisationId)?.Name;
}

/// <summary>One row's actions on the plan's editing page.</summary>
public sealed record ItemActions(string Kind, string Key, string Label, string ChangeHref, bool Retired, bool First, bool Last, int PlanRevision, string? TargetsHref = null);
