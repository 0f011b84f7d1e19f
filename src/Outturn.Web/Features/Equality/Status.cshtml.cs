using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Equality;
using Outturn.Domain.Equality;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Equality;

/// <summary>Marks an equality action complete, or takes a completed one back to be done with the reason.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class StatusModel(EqualityQuery query, CompleteEqualityAction complete, ReopenEqualityAction reopen) : PageModel
{
    public EqualityAction Action { get; private set; } = null!;
    public FormErrors Errors { get; } = [];
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string actionRef, CancellationToken ct) => await LoadAsync(actionRef, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string actionRef, int version, CancellationToken ct)
    {
        if (await LoadAsync(actionRef, ct) is { } notFound) return notFound;
        if (Action.IsComplete && string.IsNullOrWhiteSpace(Reason))
        {
            Errors.Add("reason", "Say why the action is reopened.");
            return Page();
        }
        var command = new CompletionCommand(actionRef, version, Reason);
        var done = Action.IsComplete ? await reopen.HandleAsync(command, ct) : await complete.HandleAsync(command, ct);
        TempData["Done"] = done.IsComplete ? $"{actionRef} is complete." : $"{actionRef} is to do again.";
        return Redirect(EqualityFormPage.ActionHref(actionRef));
    }

    private async Task<IActionResult?> LoadAsync(string actionRef, CancellationToken ct)
    {
        if (await query.ActionAsync(actionRef, ct) is not { } action) return this.NotFoundWith($"No equality action has the reference \"{actionRef}\".");
        Action = action;
        return null;
    }
}
