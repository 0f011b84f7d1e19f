using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Indicators;

/// <summary>
/// The performance team corrects a recorded figure, for instance after a report was published. The change is audited;
/// a published report keeps its figure and shows the correction as "revised since publication".
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ReviseModel(MonitoringQuery query, RoundService rounds) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public Indicator Indicator { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public Period? Period { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? InternalNote { get; set; }

    public async Task<IActionResult> OnGetAsync(string planRef, string indicatorRef, CancellationToken ct) =>
        await LoadAsync(planRef, indicatorRef, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string planRef, string indicatorRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, indicatorRef, ct) is { } notFound) return notFound;
        decimal? value = null;
        ValueStatus? status = Status switch { "final" => ValueStatus.Final, "provisional" => ValueStatus.Provisional, "unavailable" => ValueStatus.Unavailable, _ => null };
        if (ModelState.ErrorFor(nameof(Period)) is { } notAPeriod) Error = notAPeriod;
        else if (Period is not { } period) Error = "Enter the period the figure is for, such as 2015/16 Q2.";
        else if (status is null) Error = "Say whether the figure is final, provisional or not yet available.";
        else if (status != ValueStatus.Unavailable && !decimal.TryParse(Value, NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) Error = $"The value must be a number; \"{Value}\" is not.";
        else
        {
            if (status != ValueStatus.Unavailable) value = decimal.Parse(Value!, CultureInfo.InvariantCulture);
            await rounds.ReviseAsync(planRef, indicatorRef, period, value, status.Value, string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(),
                string.IsNullOrWhiteSpace(InternalNote) ? null : InternalNote.Trim(), ct);
            Message = $"{Indicator.Ref} for {period.ToDisplayString()} is now {(value is null ? "not yet available" : Indicator.Format(value))}.";
        }
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string planRef, string indicatorRef, CancellationToken ct)
    {
        var plan = await query.LoadPlanAsync(planRef, ct);
        var indicator = plan?.Indicators.FirstOrDefault(i => i.Ref == indicatorRef);
        if (plan is null || indicator is null) return this.NotFoundWith($"No measure \"{indicatorRef}\" in a plan \"{planRef}\".");
        Plan = plan;
        Indicator = indicator;
        return null;
    }
}
