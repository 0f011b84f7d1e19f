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
public sealed class IndexModel(RoundViews rounds, OpenRound open, OutturnDbContext db, UserManager<OutturnUser> users) : PageModel
{
    public List<(MonitoringRound Round, Plan Plan)> Rounds { get; private set; } = [];
    public List<Plan> Plans { get; private set; } = [];
    /// <summary>Each problem with the field it is about, for the error summary's links and the inline messages.</summary>
    public List<(string Field, string Message)> Errors { get; } = [];
    public string? ErrorFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    [BindProperty] public string PlanRef { get; set; } = "";
    [BindProperty] public Domain.Periods.Period? Period { get; set; }
    [BindProperty] public DateOnly? Deadline { get; set; }
    /// <summary>The day contributors are asked to start; reminders go only from then.</summary>
    [BindProperty] public DateOnly? OpensOn { get; set; }

    public bool RunsRounds => User.IsInRole(Roles.PerformanceOfficer) || User.IsInRole(Roles.Administrator);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!RunsRounds) return Forbid();
        if (ModelState.ErrorFor(nameof(Period)) is { } notAPeriod) Errors.Add(("period", notAPeriod));
        else if (Period is null) Errors.Add(("period", "Enter the quarter, such as 2015/16 Q3."));
        if (Deadline is null) Errors.Add(("deadline", "Enter the deadline for updates."));
        if (Errors.Count == 0 && Period is { } period)
        {
            var round = await open.HandleAsync(new OpenRound.Request(PlanRef, period, Deadline!.Value, OpensOn), await users.ActorAsync(User), ct);
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
