using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Inspections;
using Outturn.Domain.Inspections;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Inspections;

/// <summary>
/// An improvement action: what will be done, the owner and due date; its links to the plans' milestones and
/// measures; each quarter's delivery and impact with evidence; and the history of every change to it.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ImprovementActionModel(OutturnDbContext db, InspectionHandlers handlers, InspectionQuery query, ChangeHistory history, ICurrentUser current) : RecordPageModel
{
    public ImprovementAction Action { get; private set; } = null!;
    public Inspection Inspection { get; private set; } = null!;
    public int Version { get; private set; }
    public Dictionary<(string Kind, int Id), string> LinkNames { get; private set; } = [];
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Plans { get; private set; } = [];
    public string? Error { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public Period? Quarter { get; set; }
    [BindProperty] public DeliveryStatus Delivery { get; set; }
    [BindProperty] public ImpactStatus Impact { get; set; }
    [BindProperty] public string? Evidence { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? Due { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? LinkPlan { get; set; }
    [BindProperty] public string? LinkItem { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.NotFoundWith($"No improvement action has the number {id}.");
        (Text, Owner, Due) = (Action.Text, Action.Owner, Action.DueSet ? Input(Action.Due) : "");
        return Page();
    }

    /// <summary>Records a quarter's delivery and impact.</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (ModelState.ErrorFor(nameof(Quarter)) is { } notAPeriod) Error = notAPeriod;
        else if (Quarter is not { } period) Error = "Enter the quarter, such as 2015/16 Q2.";
        else
        {
            await handlers.RecordQuarterAsync(id, period, Delivery, Impact, Evidence, current.Name, ct);
            Message = $"Progress for {period.ToDisplayString()} is recorded.";
        }
        if (!await LoadAsync(id, ct)) return this.NotFoundWith($"No improvement action has the number {id}.");
        (Text, Owner, Due) = (Action.Text, Action.Owner, Action.DueSet ? Input(Action.Due) : "");
        return Page();
    }

    /// <summary>Sets what will be done, the owner and the due date.</summary>
    public async Task<IActionResult> OnPostAssignAsync(int id, int version, CancellationToken ct)
    {
        Require(Owner, "owner", "Enter the owner: the officer or body responsible.");
        var due = ReadDate(Due, "due", "the due date");
        if (Problems.Count > 0) return await LoadAsync(id, ct) ? Page() : NotFound();
        await handlers.AssignAsync(id, version, Text, Owner!, due, Reason, ct);
        TempData["Done"] = "The action is saved.";
        return Redirect($"/improvement-actions/{id}");
    }

    /// <summary>Links the action to a plan's milestone or measure.</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(LinkPlan)) Problem("link-plan", "Choose the plan.");
        Require(LinkItem, "link-item", "Enter the milestone's or measure's reference, such as CED01a.");
        if (Problems.Count > 0) return await LoadAsync(id, ct) ? Page() : NotFound();
        await handlers.LinkAsync(id, LinkPlan!, LinkItem!, ct);
        TempData["Done"] = $"The action is linked to {LinkItem!.Trim()}.";
        return Redirect($"/improvement-actions/{id}#links");
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, int linkId, CancellationToken ct)
    {
        await handlers.UnlinkAsync(id, linkId, ct);
        TempData["Done"] = "The link is removed.";
        return Redirect($"/improvement-actions/{id}#links");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var action = await db.Set<ImprovementAction>().AsNoTracking().Include(a => a.Recommendation).Include(a => a.Quarters).Include(a => a.Links).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (action is null) return false;
        (Action, Version) = (action, action.Version);
        Inspection = await db.Set<Inspection>().AsNoTracking().SingleAsync(i => i.Id == action.Recommendation!.InspectionId, ct);
        LinkNames = await query.LinkNamesAsync(action.Links, ct);
        Plans = [("", "Choose a plan"), .. (await db.Plans.AsNoTracking().OrderBy(p => p.Ref).Select(p => new { p.Ref, p.Title }).ToListAsync(ct)).Select(p => (p.Ref, $"{p.Ref}: {p.Title}"))];
        History = await history.UnderAsync([$"improvement-action:{id}"], ct);
        return true;
    }
}
