using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Inspections;
using Outturn.Domain;
using Outturn.Domain.Inspections;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Inspections;

/// <summary>The performance team records a quarter's delivery and impact for an improvement action, with evidence.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ImprovementActionModel(OutturnDbContext db, InspectionService service, ICurrentUser current) : PageModel
{
    public ImprovementAction Action { get; private set; } = null!;
    public Inspection Inspection { get; private set; } = null!;
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public Period? Quarter { get; set; }
    [BindProperty] public DeliveryStatus Delivery { get; set; }
    [BindProperty] public ImpactStatus Impact { get; set; }
    [BindProperty] public string? Evidence { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No improvement action has the number {id}.");

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (ModelState.ErrorFor(nameof(Quarter)) is { } notAPeriod) Error = notAPeriod;
        else if (Quarter is not { } period) Error = "Enter the quarter, such as 2015/16 Q2.";
        else
        {
            await service.RecordQuarterAsync(id, period, Delivery, Impact, Evidence, current.Name, ct);
            Message = $"Progress for {period.ToDisplayString()} is recorded.";
        }
        return await LoadAsync(id, ct) ? Page() : this.NotFoundWith($"No improvement action has the number {id}.");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var action = await db.Set<ImprovementAction>().AsNoTracking().Include(a => a.Recommendation).Include(a => a.Quarters).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return false;
        Action = action;
        Inspection = await db.Set<Inspection>().AsNoTracking().SingleAsync(i => i.Id == action.Recommendation!.InspectionId, ct);
        return true;
    }
}
