using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>Adds a priority (a theme the plan's objectives and measures are reported under) or renames one.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class PriorityModel(PlanEditQuery query, SavePriority.Handler save, RetireItem.Handler retire) : PlanEditPage(query)
{
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Ref { get; set; }

    public Priority? Priority { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planRef, int? id, CancellationToken ct)
    {
        if (await LoadAsync(planRef, id, ct) is { } notFound) return notFound;
        (Name, Ref) = (Priority?.Name, Priority?.Ref);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planRef, int? id, string? next, CancellationToken ct)
    {
        if (await LoadAsync(planRef, id, ct) is { } notFound) return notFound;
        var result = await save.HandleAsync(new(planRef, SeenRevision, id, Name, Ref), ct);
        if (result is null) return this.NotFoundWith($"{planRef} has no such priority.");
        if (result.Done)
            return next == "another"
                ? Done($"Priority \"{Name!.Trim()}\" saved. Add another.", $"{EditHref}/priority")
                : Done($"Priority \"{Name!.Trim()}\" saved.");
        Errors.AddRange(result.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(string planRef, int id, string? retireReason, CancellationToken ct)
    {
        if (await LoadAsync(planRef, id, ct) is { } notFound) return notFound;
        await retire.HandleAsync(new(planRef, SeenRevision, PlanItemKind.Priority, id.ToString(System.Globalization.CultureInfo.InvariantCulture), retireReason), ct);
        return Done($"Priority \"{Priority!.Name}\" retired.");
    }

    private async Task<IActionResult?> LoadAsync(string planRef, int? id, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        if (id is null) return null;
        Priority = Plan.Priorities.FirstOrDefault(p => p.Id == id);
        if (Priority is null) return this.NotFoundWith($"{planRef} has no such priority.");
        History = await Query.HistoryAsync(Plan, PlanItemKind.Priority, id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ct);
        return null;
    }
}
