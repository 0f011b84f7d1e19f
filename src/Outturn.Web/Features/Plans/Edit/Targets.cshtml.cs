using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Plans;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>
/// A measure's targets for each year of the plan and, as a quarterly profile, each quarter. Changing a target an
/// approved plan already has, once its year has begun, needs a reason; the measure's history shows it beside the change.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class TargetsModel(PlanEditQuery query, SetTargets.Handler set) : PlanEditPage(query)
{
    public sealed class RowInput
    {
        public string Period { get; set; } = "";
        public string? Text { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public List<RowInput> Rows { get; set; } = [];
    [BindProperty] public string? Reason { get; set; }

    public Indicator Measure { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string planRef, string indicatorRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, indicatorRef, ct) is { } notFound) return notFound;
        Rows = Periods().Select(p =>
        {
            var t = Measure.Targets.FirstOrDefault(x => x.Period == p);
            return new RowInput { Period = p.ToString(), Text = t is null ? null : t.State switch { TargetState.Set => PlanExport.Number(t.Value!.Value), TargetState.ToBeConfirmed => "tbc", _ => "n/a" }, Note = t?.Note };
        }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string planRef, string indicatorRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, indicatorRef, ct) is { } notFound) return notFound;
        var result = await set.HandleAsync(new(planRef, SeenRevision, indicatorRef, Rows.Select(r => new SetTargets.Row(r.Period, r.Text, r.Note)).ToList(), Reason), ct);
        if (result is null) return this.NotFoundWith($"{planRef} has no measure {indicatorRef}.");
        if (result.Done) return Done($"The targets of {indicatorRef} are saved.");
        Errors.AddRange(result.Errors);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string planRef, string indicatorRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, ct) is { } notFound) return notFound;
        var measure = Plan.Indicators.FirstOrDefault(i => i.Ref == indicatorRef);
        if (measure is null) return this.NotFoundWith($"{planRef} has no measure {indicatorRef}.");
        Measure = measure;
        History = await Query.HistoryAsync(Plan, PlanItemKind.Measure, indicatorRef, ct);
        return null;
    }

    /// <summary>Each plan year, then its quarters (the quarterly profile), and any other period a target is held for.</summary>
    public IReadOnlyList<Period> Periods() => Enumerable.Range(Plan.FirstYear, Plan.LastYear - Plan.FirstYear + 1)
        .SelectMany(y => new[] { Period.FinancialYear(y) }.Concat(Enumerable.Range(1, 4).Select(q => Period.Quarter(y, q))))
        .Concat(Measure.Targets.Select(t => t.Period)).Distinct().ToList();

    public static string Label(Period p) => p.Kind == PeriodKind.FinancialYear ? $"{p} (the year)" : p.ToDisplayString();
}
