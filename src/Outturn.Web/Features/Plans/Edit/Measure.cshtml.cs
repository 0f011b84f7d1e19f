using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Plans;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>Adds a measure or changes its definition: every field of the plan folder's indicators.csv, its place in the plan, officer and owning organisation.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class MeasureModel(PlanEditQuery query, SaveMeasure.Handler save, RetireItem.Handler retire) : PlanEditPage(query)
{
    [BindProperty] public string? Ref { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty(SupportsGet = true)] public string? ObjectiveRef { get; set; }
    [BindProperty] public string? PriorityId { get; set; }
    [BindProperty] public string? Officer { get; set; }
    [BindProperty] public string? OrganisationRef { get; set; }
    [BindProperty] public string? Polarity { get; set; }
    [BindProperty] public string? Unit { get; set; }
    [BindProperty] public string? Precision { get; set; }
    [BindProperty] public string? Frequency { get; set; }
    [BindProperty] public string? ValueType { get; set; }
    [BindProperty] public string? Tolerance { get; set; }
    [BindProperty] public bool IsKey { get; set; }
    [BindProperty] public string? Source { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Definition { get; set; }
    [BindProperty] public string? Availability { get; set; }
    [BindProperty] public string? Multiplier { get; set; }
    [BindProperty] public string? Formula { get; set; }
    [BindProperty] public string? Aggregation { get; set; }
    [BindProperty] public string? DirectionBasis { get; set; }
    [BindProperty] public string? Minimum { get; set; }
    [BindProperty] public string? Maximum { get; set; }

    public Indicator? Measure { get; private set; }

    public async Task<IActionResult> OnGetAsync(string planRef, string? indicatorRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, indicatorRef, ct) is { } notFound) return notFound;
        if (Measure is { } i)
        {
            (Ref, Title, ObjectiveRef, Officer) = (i.Ref, i.Title, i.Objective?.Ref, i.Officer?.Name);
            PriorityId = i.ObjectiveId is null || i.PriorityId != i.Objective?.PriorityId ? i.PriorityId.ToString(CultureInfo.InvariantCulture) : null;
            OrganisationRef = View.Organisations.FirstOrDefault(o => o.Id == i.OrganisationId)?.Ref;
            (Polarity, Unit, Precision) = (Word(i.Polarity), i.Unit, i.Precision.ToString(CultureInfo.InvariantCulture));
            (Frequency, ValueType, Tolerance, IsKey) = (Word(i.Frequency), Word(i.ValueType), i.Tolerance?.ToString(), i.IsKey);
            (Source, Type, Definition, Availability) = (i.Source, i.Type, i.Definition, i.Availability);
            (Multiplier, Formula, Aggregation, DirectionBasis) = (Number(i.Multiplier), i.Formula, i.Aggregation?.ToWord(), i.DirectionBasis?.ToWord());
            (Minimum, Maximum) = (Number(i.Minimum), Number(i.Maximum));
        }
        else (Polarity, Precision, Frequency, ValueType) = ("higher", "0", "quarterly", "snapshot");
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planRef, string? indicatorRef, string? next, CancellationToken ct)
    {
        if (await LoadAsync(planRef, indicatorRef, ct) is { } notFound) return notFound;
        var result = await save.HandleAsync(new(planRef, SeenRevision, indicatorRef, Ref, Title, ObjectiveRef, PriorityId, Officer, OrganisationRef,
            Polarity, Unit, Precision, Frequency, ValueType, Tolerance, IsKey, Source, Type, Definition, Availability,
            Multiplier, Formula, Aggregation, DirectionBasis, Minimum, Maximum), ct);
        if (result is null) return this.NotFoundWith($"{planRef} has no measure {indicatorRef}.");
        if (result.Done)
        {
            if (next == "another") return Done($"Measure {result.Ref} saved. Add another.", $"{EditHref}/measure?objectiveRef={Uri.EscapeDataString(ObjectiveRef ?? "")}");
            // A new measure's next step is its targets.
            return indicatorRef is null
                ? Done($"Measure {result.Ref} added. Now set its targets.", $"{EditHref}/measure/{Uri.EscapeDataString(result.Ref!)}/targets")
                : Done($"Measure {result.Ref} saved.");
        }
        Errors.AddRange(result.Errors);
        return Page();
    }

    public async Task<IActionResult> OnPostRetireAsync(string planRef, string indicatorRef, string? retireReason, CancellationToken ct)
    {
        if (await LoadAsync(planRef, indicatorRef, ct) is { } notFound) return notFound;
        await retire.HandleAsync(new(planRef, SeenRevision, PlanItemKind.Measure, indicatorRef, retireReason), ct);
        return Done($"Measure {indicatorRef} retired. It keeps its figures and history, and joins no new round.");
    }

    private async Task<IActionResult?> LoadAsync(string planRef, string? indicatorRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        if (indicatorRef is null) return null;
        Measure = Plan.Indicators.FirstOrDefault(i => i.Ref == indicatorRef);
        if (Measure is null) return this.NotFoundWith($"{planRef} has no measure {indicatorRef}.");
        History = await Query.HistoryAsync(Plan, PlanItemKind.Measure, indicatorRef, ct);
        return null;
    }

    private static string Word(Enum e) => e.ToString().ToLowerInvariant();

    private static string? Number(decimal? d) => d is { } x ? PlanExport.Number(x) : null;

    public IReadOnlyList<(string Value, string Text)> ObjectiveOptions =>
        [("", "None: reported under a priority"), .. Plan.Objectives.Where(o => !o.IsRetired || o.Ref == Measure?.Objective?.Ref).OrderBy(o => o.Order)
            .Select(o => (o.Ref, $"{o.Ref}: {(o.Title.Length > 80 ? o.Title[..77] + "…" : o.Title)}"))];

    public IReadOnlyList<(string Value, string Text)> PriorityOptions =>
        [("", "The objective's priority"), .. Plan.Priorities.Where(p => !p.IsRetired || p.Id == Measure?.PriorityId).OrderBy(p => p.Order)
            .Select(p => (p.Id.ToString(CultureInfo.InvariantCulture), p.Name))];

    public static IReadOnlyList<(string, string)> Options(IEnumerable<string> words, string? blank = null) =>
        [.. blank is null ? [] : new[] { ("", blank) }, .. words.Select(w => (w, char.ToUpperInvariant(w[0]) + w[1..].Replace('_', ' ')))];
}
