using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

/// <summary>Fill a period's values of a plan's linked measures from the returns held (provisional; the officer finalises and comments as usual).</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class FillModel(OutturnDbContext db, ReturnsFill fill, ReturnsQuery query, ReturnsSettings settings) : PageModel
{
    public IReadOnlyList<string> Plans { get; private set; } = [];
    public IReadOnlyList<Period> Periods { get; private set; } = [];
    public FillResult? Result { get; private set; }
    public string? Plan { get; private set; }
    public Period? Chosen { get; private set; }
    public int? Population { get; private set; }
    /// <summary>The refusal, linked to the field it is about (the period, once one was chosen).</summary>
    public IReadOnlyList<(string Field, string Message)> Errors =>
        Result?.Error is { } error ? [(Chosen is null ? "plan" : "period", error)] : [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string? plan, Period? period, int? population, CancellationToken ct)
    {
        await LoadAsync(ct);
        Plan = plan;
        Population = population;
        if (string.IsNullOrEmpty(plan) || period is not { } p)
        {
            Result = new("Choose a plan and a period.", [], []);
            return Page();
        }
        Chosen = p;
        Result = await fill.FillAsync(plan, p, population, null, ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Plans = await (from m in db.Set<MeasureSource>()
                       join i in db.Indicators on m.IndicatorId equals i.Id
                       join p in db.Plans on i.PlanId equals p.Id
                       select p.Ref).Distinct().OrderBy(r => r).ToListAsync(ct);
        var years = (await query.ImportsAsync(ct)).Select(i => i.Year).Distinct().Order().ToList();
        Periods = years.SelectMany(y => Enumerable.Range(1, 4).Select(q => Period.Quarter(y, q))).ToList();
        Population ??= settings.ChildPopulation;
    }
}
