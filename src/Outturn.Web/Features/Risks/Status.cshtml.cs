using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Domain.Risks;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>Closes an open risk or reopens a closed one, with the reason.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class StatusModel(RiskQuery query, CloseRisk close, ReopenRisk reopen) : PageModel
{
    public Risk Risk { get; private set; } = null!;
    public FormErrors Errors { get; } = [];
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string riskRef, CancellationToken ct) =>
        await LoadAsync(riskRef, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(string riskRef, int version, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, ct) is { } notFound) return notFound;
        if (string.IsNullOrWhiteSpace(Reason))
        {
            Errors.Add("reason", Risk.IsClosed ? "Say why the risk is reopened." : "Say why the risk is closed.");
            return Page();
        }
        var command = new CloseRiskCommand(riskRef, version, Reason);
        var done = Risk.IsClosed ? await reopen.HandleAsync(command, ct) : await close.HandleAsync(command, ct);
        TempData["Done"] = done.IsClosed ? $"{riskRef} is closed." : $"{riskRef} is open again.";
        return Redirect(RiskFormPage.RiskHref(riskRef));
    }

    private async Task<IActionResult?> LoadAsync(string riskRef, CancellationToken ct)
    {
        if (await query.RiskAsync(riskRef, ct) is not { } risk) return this.NotFoundWith($"No risk has the reference \"{riskRef}\".");
        Risk = risk;
        return null;
    }
}
