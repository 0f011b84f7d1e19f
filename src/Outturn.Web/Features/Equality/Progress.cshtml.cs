using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Equality;
using Outturn.Domain.Equality;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Equality;

/// <summary>An equality action's progress and commentary for a quarter; "complete" completes the action.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ProgressModel(EqualityQuery query, RecordEqualityProgress record) : PageModel
{
    public EqualityAction Action { get; private set; } = null!;
    public FormErrors Errors { get; } = [];

    [BindProperty] public Period? Quarter { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Commentary { get; set; }

    public async Task<IActionResult> OnGetAsync(string actionRef, Period? quarter, CancellationToken ct)
    {
        if (await LoadAsync(actionRef, ct) is { } notFound) return notFound;
        Quarter = quarter ?? Action.Updates.OrderByDescending(u => u.Period).FirstOrDefault()?.Period;
        if (Quarter is { } q && Action.For(q) is { } u) (Status, Commentary) = (u.Progress?.ToWord(), u.Commentary);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string actionRef, int version, CancellationToken ct)
    {
        if (await LoadAsync(actionRef, ct) is { } notFound) return notFound;
        if (ModelState.ErrorFor(nameof(Quarter)) is { } notAPeriod) Errors.Add("quarter", notAPeriod);
        else if (Quarter is not { Kind: PeriodKind.Quarter }) Errors.Add("quarter", "Enter the quarter the progress is for, such as 2015/16 Q3.");
        MilestoneProgress? progress = null;
        if (!string.IsNullOrWhiteSpace(Status))
        {
            if (StatusWords.TryParseMilestoneProgress(Status, out var p)) progress = p;
            else Errors.Add("status", "Choose green, amber, red or complete.");
        }
        if (progress is null && string.IsNullOrWhiteSpace(Commentary) && Errors.Count == 0)
            Errors.Add("status", "Choose the action's progress or write a commentary.");
        if (Errors.Count > 0) return Page();
        await record.HandleAsync(new EqualityProgressCommand(actionRef, version, Quarter!.Value, progress, Commentary), ct);
        TempData["Done"] = $"Progress on {actionRef} for {Quarter.Value.ToDisplayString()} saved.";
        return Redirect(EqualityFormPage.ActionHref(actionRef));
    }

    private async Task<IActionResult?> LoadAsync(string actionRef, CancellationToken ct)
    {
        if (await query.ActionAsync(actionRef, ct) is not { } action) return this.NotFoundWith($"No equality action has the reference \"{actionRef}\".");
        Action = action;
        return null;
    }
}
