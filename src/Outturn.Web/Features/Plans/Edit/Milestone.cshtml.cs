using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>Adds a milestone or changes one: its objective, text, plan year, due date and responsible officer.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class MilestoneModel(PlanEditQuery query, SaveMilestone.Handler save, RetireItem.Handler retire) : PlanEditPage(query)
{
    [BindProperty] public string? Ref { get; set; }
    [BindProperty(SupportsGet = true)] public string? ObjectiveRef { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public string? DueDay { get; set; }
    [BindProperty] public string? DueMonth { get; set; }
    [BindProperty] public string? DueYear { get; set; }
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? PriorityId { get; set; }

    public Milestone? Milestone { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planRef, string? milestoneRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, milestoneRef, ct) is { } notFound) return notFound;
        if (Milestone is { } m)
        {
            (Ref, ObjectiveRef, Text, Year, Officer) = (m.Ref, m.Objective?.Ref, m.Text, Fy(m.Year), m.Officer?.Name);
            (DueDay, DueMonth, DueYear) = m.Due is { } d ? (d.Day.ToString(CultureInfo.InvariantCulture), d.Month.ToString(CultureInfo.InvariantCulture), d.Year.ToString(CultureInfo.InvariantCulture)) : (null, null, null);
            PriorityId = m.PriorityId != m.Objective?.PriorityId ? m.PriorityId.ToString(CultureInfo.InvariantCulture) : null;
        }
        else Year ??= Fy(Plan.FirstYear);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planRef, string? milestoneRef, string? next, CancellationToken ct)
    {
        if (await LoadAsync(planRef, milestoneRef, ct) is { } notFound) return notFound;
        var result = await save.HandleAsync(new(planRef, SeenRevision, milestoneRef, Ref, ObjectiveRef, Text, Year, DueDay, DueMonth, DueYear, Officer, PriorityId), ct);
        if (result is null) return this.NotFoundWith($"{planRef} has no milestone {milestoneRef}.");
        if (result.Done)
            return next == "another"
                ? Done($"Milestone {result.Ref} saved. Add another.", $"{EditHref}/milestone?objectiveRef={Uri.EscapeDataString(ObjectiveRef ?? "")}")
                : Done($"Milestone {result.Ref} saved.");
        Errors.AddRange(result.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(string planRef, string milestoneRef, string? retireReason, CancellationToken ct)
    {
        if (await LoadAsync(planRef, milestoneRef, ct) is { } notFound) return notFound;
        await retire.HandleAsync(new(planRef, SeenRevision, PlanItemKind.Milestone, milestoneRef, retireReason), ct);
        return Done($"Milestone {milestoneRef} retired.");
    }

    private async Task<IActionResult?> LoadAsync(string planRef, string? milestoneRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        if (milestoneRef is null) return null;
        Milestone = Plan.Milestones.FirstOrDefault(m => m.Ref == milestoneRef);
        if (Milestone is null) return this.NotFoundWith($"{planRef} has no milestone {milestoneRef}.");
        History = await Query.HistoryAsync(Plan, PlanItemKind.Milestone, milestoneRef, ct);
        return null;
    }

    public IReadOnlyList<(string Value, string Text)> ObjectiveOptions =>
        [("", "Choose an objective"), .. Plan.Objectives.Where(o => !o.IsRetired || o.Ref == Milestone?.Objective?.Ref).OrderBy(o => o.Order)
            .Select(o => (o.Ref, $"{o.Ref}: {(o.Title.Length > 80 ? o.Title[..77] + "…" : o.Title)}"))];

    public IReadOnlyList<(string Value, string Text)> PriorityOptions =>
        [("", "The objective's priority"), .. Plan.Priorities.Where(p => !p.IsRetired).OrderBy(p => p.Order).Select(p => (p.Id.ToString(CultureInfo.InvariantCulture), p.Name))];
}
