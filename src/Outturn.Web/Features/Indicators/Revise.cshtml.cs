using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Indicators;

/// <summary>
/// The performance team corrects a recorded figure, for instance after a report was published. The change is audited;
/// a published report keeps its figure and shows the correction as "revised since publication".
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ReviseModel(MonitoringQuery query, ReviseFigure revise, Microsoft.AspNetCore.OutputCaching.IOutputCacheStore cache) : PageModel
{
    public Plan Plan { get; private set; } = null!;
    public Indicator Indicator { get; private set; } = null!;
    /// <summary>Each problem with the field it is about, for the error summary's links and the inline messages.</summary>
    public List<(string Field, string Message)> Errors { get; } = [];
    public string? ErrorFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();
    public string? Message { get; private set; }

    [BindProperty] public Period? Period { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? InternalNote { get; set; }
    /// <summary>Why the figure is corrected; required, and shown beside the correction.</summary>
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string planRef, string indicatorRef, CancellationToken ct) =>
        await LoadAsync(planRef, indicatorRef, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string planRef, string indicatorRef, CancellationToken ct)
    {
        if (await LoadAsync(planRef, indicatorRef, ct) is { } notFound) return notFound;
        ValueStatus? status = Status switch { "final" => ValueStatus.Final, "provisional" => ValueStatus.Provisional, "unavailable" => ValueStatus.Unavailable, _ => null };
        if (ModelState.ErrorFor(nameof(Period)) is { } notAPeriod) Errors.Add(("period", notAPeriod));
        else if (Period is null) Errors.Add(("period", "Enter the period the figure is for, such as 2015/16 Q2."));
        decimal? value = null;
        if (status is null) Errors.Add(("status-final", "Say whether the figure is final, provisional or not yet available."));
        else if (status != ValueStatus.Unavailable)
        {
            if (EntryChecks.Parse(Value, "value", out value) is { } bad) Errors.Add(("value", bad.Message));
            else if (value is null) Errors.Add(("value", "Enter the corrected value, or mark the figure not yet available."));
        }
        if (string.IsNullOrWhiteSpace(Reason)) Errors.Add(("reason", "Say why the figure is being corrected: the reason is shown beside the correction."));
        if (Errors.Count == 0 && Period is { } period)
        {
            await revise.HandleAsync(new ReviseFigure.Request(planRef, indicatorRef, period, status == ValueStatus.Unavailable ? null : value, status!.Value,
                string.IsNullOrWhiteSpace(Note) ? null : Note.Trim(), Reason!.Trim(),
                string.IsNullOrWhiteSpace(InternalNote) ? null : InternalNote.Trim()), ct);
            // Copies of the plan's published reports made before the correction are no longer served anywhere (their
            // version has changed); this instance's are dropped now rather than left to expire.
            await cache.EvictByTagAsync(Outturn.Web.Hosting.PublishedReportCache.PlanTag(planRef), ct);
            Message = $"{Indicator.Ref} for {period.ToDisplayString()} is now {(status == ValueStatus.Unavailable ? "not yet available" : Indicator.Format(value))}.";
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
