using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>Adds a service objective or changes one: its text, priority, responsible officer, corporate priority, key developments and emerging issues.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ObjectiveModel(PlanEditQuery query, SaveObjective.Handler save, RetireItem.Handler retire) : PlanEditPage(query)
{
    [BindProperty] public string? Ref { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? PriorityId { get; set; }
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? CorporatePriority { get; set; }
    [BindProperty] public bool IsKey { get; set; }
    [BindProperty] public string? KeyDevelopments { get; set; }
    [BindProperty] public string? EmergingIssues { get; set; }

    public Objective? Objective { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planRef, string? objectiveRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, objectiveRef, ct) is { } notFound) return notFound;
        if (Objective is { } o)
        {
            (Ref, Title, PriorityId, Officer) = (o.Ref, o.Title, o.PriorityId.ToString(System.Globalization.CultureInfo.InvariantCulture), o.Officer?.Name);
            (CorporatePriority, IsKey, KeyDevelopments, EmergingIssues) = (o.CorporatePriority, o.IsKey, o.KeyDevelopments, o.EmergingIssues);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planRef, string? objectiveRef, string? next, CancellationToken ct)
    {
        if (await LoadAsync(planRef, objectiveRef, ct) is { } notFound) return notFound;
        var result = await save.HandleAsync(new(planRef, SeenRevision, objectiveRef, Ref, Title, PriorityId, Officer, CorporatePriority, IsKey, KeyDevelopments, EmergingIssues), ct);
        if (result is null) return this.NotFoundWith($"{planRef} has no objective {objectiveRef}.");
        if (result.Done)
            return next == "another" ? Done($"Objective {result.Ref} saved. Add another.", $"{EditHref}/objective") : Done($"Objective {result.Ref} saved.");
        Errors.AddRange(result.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(string planRef, string objectiveRef, string? retireReason, CancellationToken ct)
    {
        if (await LoadAsync(planRef, objectiveRef, ct) is { } notFound) return notFound;
        await retire.HandleAsync(new(planRef, SeenRevision, PlanItemKind.Objective, objectiveRef, retireReason), ct);
        return Done($"Objective {objectiveRef} retired.");
    }

    private async Task<IActionResult?> LoadAsync(string planRef, string? objectiveRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        if (objectiveRef is null) return null;
        Objective = Plan.Objectives.FirstOrDefault(o => o.Ref == objectiveRef);
        if (Objective is null) return this.NotFoundWith($"{planRef} has no objective {objectiveRef}.");
        History = await Query.HistoryAsync(Plan, PlanItemKind.Objective, objectiveRef, ct);
        return null;
    }

    public IReadOnlyList<(string Value, string Text)> PriorityOptions =>
        [("", "Choose a priority"), .. Plan.Priorities.Where(p => !p.IsRetired || p.Id == Objective?.PriorityId).OrderBy(p => p.Order)
            .Select(p => (p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.Name))];
}
