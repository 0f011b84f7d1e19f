using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Domain.Governance;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Governance;

/// <summary>A decision minuted under an agenda item: RESOLVED text, reasons, alternatives considered and rejected, implementation date.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class DecisionModel(OutturnDbContext db, MeetingHandlers meetings) : RecordPageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public AgendaItem Item { get; private set; } = null!;
    public Decision? Decision { get; private set; }
    public int Version { get; private set; }

    [BindProperty] public string? MinuteNumber { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public bool IsKeyDecision { get; set; }
    [BindProperty] public string? Narrative { get; set; }
    [BindProperty] public string? Reasons { get; set; }
    [BindProperty] public string? Alternatives { get; set; }
    [BindProperty] public string? ImplementationDate { get; set; }
    [BindProperty] public string? Resolved { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private async Task<bool> LoadAsync(int id, int itemId, int? decisionId, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().Include(x => x.Board).Include(x => x.Items).ThenInclude(i => i.Decisions).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m?.Items.SingleOrDefault(i => i.Id == itemId) is not { } item) return false;
        (Meeting, Item) = (m, item);
        if (decisionId is { } did)
        {
            Decision = item.Decisions.SingleOrDefault(d => d.Id == did);
            if (Decision is null) return false;
            Version = Decision.Version;
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, int itemId, int? decisionId, CancellationToken ct)
    {
        if (!await LoadAsync(id, itemId, decisionId, ct)) return this.NotFoundWith("There is no such decision.");
        if (Decision is { } d)
            (MinuteNumber, Title, IsKeyDecision, Narrative, Reasons, Alternatives, ImplementationDate, Resolved) =
                (d.MinuteNumber, d.Title, d.IsKeyDecision, d.Narrative, d.Reasons, d.AlternativesRejected, Input(d.ImplementationDate), d.Resolved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int itemId, int? decisionId, int version, CancellationToken ct)
    {
        Require(Title, "title", "Enter the decision's title, as minuted.");
        Require(Resolved, "resolved", "Enter what was RESOLVED, one resolution a line.");
        var when = ReadDate(ImplementationDate, "implementation-date", "the implementation date");
        if (Problems.Count > 0) return await LoadAsync(id, itemId, decisionId, ct) ? Page() : NotFound();
        var details = new DecisionDetails(MinuteNumber, Title!, IsKeyDecision, Narrative, Reasons, Alternatives, when, Resolved!);
        if (decisionId is { } did) await meetings.EditDecisionAsync(id, itemId, did, version, details, Reason, ct);
        else await meetings.AddDecisionAsync(id, itemId, details, ct);
        TempData["Done"] = "The decision is saved.";
        return Redirect($"/meetings/{id}/items/{itemId}#decisions");
    }
}
