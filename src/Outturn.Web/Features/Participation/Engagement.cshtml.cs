using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Accounts;
using Outturn.Domain;
using Outturn.Application.Participation;
using Outturn.Domain.Participation;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Participation;

/// <summary>The register of engagement activities, published or not, with where each is in the "you said, we did" cycle.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EngagementModel(ParticipationQuery query) : PageModel
{
    public IReadOnlyList<EngagementActivity> Activities { get; private set; } = [];
    public bool CanEdit => User.IsInRole(Roles.PerformanceOfficer) || User.IsInRole(Roles.Administrator);
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Activities = await query.ActivitiesAsync(ct);

    /// <summary>Performance officers record what was done and when it was fed back, and publish the response.</summary>
    public async Task<IActionResult> OnPostRespondAsync(int activityId, string? weDid, string? fedBackOn, bool publish, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        DateOnly? fed = null;
        if (!string.IsNullOrWhiteSpace(fedBackOn) && DateOnly.TryParseExact(fedBackOn.Trim(), "yyyy-MM-dd", out var d)) fed = d;
        if (!string.IsNullOrWhiteSpace(fedBackOn) && fed is null) Error = $"\"{fedBackOn}\" is not a date as yyyy-mm-dd, for example 2016-03-31.";
        else
        {
            await query.RespondAsync(activityId, weDid ?? "", fed, publish, ct);
            Message = publish ? "The response is recorded and published." : "The response is recorded (not published).";
        }
        Activities = await query.ActivitiesAsync(ct);
        return Page();
    }
}
