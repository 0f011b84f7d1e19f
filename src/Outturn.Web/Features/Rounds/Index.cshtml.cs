using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Web.Security;

using Outturn.Web.Features.Shared;

namespace Outturn.Web.Features.Rounds;

/// <summary>The reporting rounds, and (for the performance team) opening a new one.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class IndexModel(RoundService rounds, OutturnDbContext db, UserManager<OutturnUser> users) : PageModel
{
    public List<(MonitoringRound Round, Plan Plan)> Rounds { get; private set; } = [];
    public List<Plan> Plans { get; private set; } = [];
    public string? Error { get; private set; }

    [BindProperty] public string PlanRef { get; set; } = "";
    [BindProperty] public Domain.Periods.Period? Period { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }

    public bool RunsRounds => User.IsInRole(Roles.PerformanceOfficer) || User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!RunsRounds) return Forbid();
        if (ModelState.ErrorFor(nameof(Period)) is { } notAPeriod) Error = notAPeriod;
        else if (Period is not { } period) Error = "Enter the quarter, such as 2015/16 Q3.";
        else if (Deadline is null) Error = "Enter the deadline for updates.";
        else
        {
            var round = await rounds.OpenAsync(PlanRef, period, Deadline.Value, await users.ActorAsync(User), ct);
            return Redirect($"/rounds/{round.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Rounds = await rounds.ListAsync(ct);
        Plans = await db.Plans.AsNoTracking().OrderBy(p => p.Ref).ToListAsync(ct);
    }
}
