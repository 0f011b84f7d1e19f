using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Domain.Governance;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;
using CoverSheet = Outturn.Domain.Governance.CoverReport;

namespace Outturn.Web.Features.Governance;

/// <summary>
/// An agenda item added or changed: number, title, place, pages, Part II, its cover sheet and the report it takes
/// among those Outturn holds; and, once the meeting is held, its minute, decisions and the actions raised under it.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class AgendaItemModel(OutturnDbContext db, MeetingHandlers meetings, ChangeHistory history) : RecordPageModel
{
    public Meeting Meeting { get; private set; } = null!;
    public Board Board { get; private set; } = null!;
    public AgendaItem? Item { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public IReadOnlyList<ActionItem> Actions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Plans { get; private set; } = [];

    [BindProperty] public string? Number { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? ParentNumber { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public string? PageFrom { get; set; }
    [BindProperty] public string? PageTo { get; set; }
    [BindProperty] public bool IsExempt { get; set; }
    [BindProperty] public string? StandingText { get; set; }
    [BindProperty] public string? ReportKind { get; set; }
    [BindProperty] public string? ReportPlan { get; set; }
    [BindProperty] public string? ReportPeriod { get; set; }
    [BindProperty] public string? ReportTo { get; set; }
    [BindProperty] public string? CoverDate { get; set; }
    [BindProperty] public string? ReportingOfficer { get; set; }
    [BindProperty] public string? Portfolio { get; set; }
    [BindProperty] public string? Subject { get; set; }
    [BindProperty] public string? Wards { get; set; }
    [BindProperty] public string? Purpose { get; set; }
    [BindProperty] public string? Recommendation { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Minutes { get; set; }
    [BindProperty] public string? ActionText { get; set; }
    [BindProperty] public string? ActionOwner { get; set; }
    [BindProperty] public string? ActionDeadline { get; set; }

    public static IReadOnlyList<(string, string)> ReportKinds =>
        [("", "None: the item has no report, or only its cover sheet"), .. Enum.GetValues<LinkedReportKind>().Select(k => (k.ToString(), k.ToWords()))];

    private async Task<bool> LoadAsync(int id, int? itemId, CancellationToken ct)
    {
        var m = await db.Set<Meeting>().AsNoTracking().Include(x => x.Board).Include(x => x.Items).ThenInclude(i => i.Decisions).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m is null) return false;
        (Meeting, Board) = (m, m.Board!);
        Plans = [("", "Choose a plan"), .. (await db.Plans.AsNoTracking().OrderBy(p => p.Ref).Select(p => new { p.Ref, p.Title }).ToListAsync(ct)).Select(p => (p.Ref, $"{p.Ref}: {p.Title}"))];
        if (itemId is { } iid)
        {
            Item = m.Items.SingleOrDefault(i => i.Id == iid);
            if (Item is null) return false;
            Version = Item.Version;
            Actions = await db.Set<ActionItem>().AsNoTracking().Where(a => a.AgendaItemId == iid).OrderBy(a => a.Id).ToListAsync(ct);
            History = await history.UnderAsync([$"meeting:{id}:item:{iid}", $"agenda-item:{iid}", .. Actions.Select(a => $"meeting:{id}:action:{a.Id}")], ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, int? itemId, CancellationToken ct)
    {
        if (!await LoadAsync(id, itemId, ct)) return this.NotFoundWith($"There is no meeting {id} with an agenda item {itemId}.");
        if (Item is { } i)
        {
            (Number, Title, ParentNumber, Position, IsExempt, StandingText, Minutes) = (i.Number, i.Title, i.ParentNumber, i.Order.ToString(System.Globalization.CultureInfo.InvariantCulture), i.IsExempt, i.StandingText, i.Minutes);
            (PageFrom, PageTo) = (i.PageFrom?.ToString(System.Globalization.CultureInfo.InvariantCulture), i.PageTo?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ReportKind = i.ReportKind?.ToString();
            ReportPlan = i.ReportPlanId is { } p ? await db.Plans.Where(x => x.Id == p).Select(x => x.Ref).SingleAsync(ct) : null;
            ReportPeriod = i.ReportPeriod?.ToString();
            if (i.Report is { } c)
                (ReportTo, CoverDate, ReportingOfficer, Portfolio, Subject, Wards, Purpose, Recommendation, Body) =
                    (c.ReportTo, c.DateText, c.ReportingOfficer, c.Portfolio, c.Subject, c.Wards, c.Purpose, c.Recommendation, c.Body);
        }
        return Page();
    }

    /// <summary>Saves the item's details, cover sheet and report link.</summary>
    public async Task<IActionResult> OnPostAsync(int id, int? itemId, int version, CancellationToken ct)
    {
        Require(Number, "number", "Enter the item's number as the agenda prints it, such as 6 or 6(A).");
        Require(Title, "title", "Enter the item's title.");
        var position = ReadWhole(Position, "position", "the position on the agenda");
        var from = ReadWhole(PageFrom, "page-from", "the first page");
        var to = ReadWhole(PageTo, "page-to", "the last page");
        LinkedReportKind? kind = Enum.TryParse<LinkedReportKind>(ReportKind, out var k) ? k : null;
        int? planId = null;
        Period? period = null;
        if (kind is not null)
        {
            planId = await db.Plans.Where(p => p.Ref == ReportPlan).Select(p => (int?)p.Id).SingleOrDefaultAsync(ct);
            if (planId is null) Problem("report-plan", "Choose the plan whose report the item takes.");
            if (kind is LinkedReportKind.MonitoringReport or LinkedReportKind.CoverReport)
            {
                if (string.IsNullOrWhiteSpace(ReportPeriod)) Problem("report-period", "Enter the quarter of the report, such as 2015/16 Q2.");
                else if (Period.TryParse(ReportPeriod, out var p)) period = p;
                else Problem("report-period", Period.NotAPeriod(ReportPeriod));
            }
        }
        if (Problems.Count > 0) return await LoadAsync(id, itemId, ct) ? Page() : NotFound();
        var details = new AgendaItemDetails(Number!, Title!, ParentNumber, IsExempt, StandingText, from, to, kind, planId, period);
        var cover = new CoverSheet { ReportTo = ReportTo, DateText = CoverDate, ReportingOfficer = ReportingOfficer, Portfolio = Portfolio, Subject = Subject, Wards = Wards, Purpose = Purpose, Recommendation = Recommendation, Body = Body };
        if (itemId is { } iid) await meetings.EditItemAsync(id, iid, version, details, position, cover, Reason, ct);
        else itemId = await meetings.AddItemAsync(id, details, position, cover, ct);
        TempData["Done"] = $"Item {Number!.Trim()} is saved.";
        return Redirect($"/meetings/{id}/items/{itemId}");
    }

    /// <summary>Records the minute of the item.</summary>
    public async Task<IActionResult> OnPostMinutesAsync(int id, int itemId, int version, CancellationToken ct)
    {
        await meetings.RecordMinutesAsync(id, itemId, version, Minutes, Reason, ct);
        TempData["Done"] = "The minute is saved.";
        return Redirect($"/meetings/{id}/items/{itemId}#minute");
    }

    /// <summary>Raises an action under the item.</summary>
    public async Task<IActionResult> OnPostActionAsync(int id, int itemId, CancellationToken ct)
    {
        Require(ActionText, "action-text", "Enter the action.");
        Require(ActionOwner, "action-owner", "Enter the owner as the minutes write it: initials (AMc, GF (TR)) or ALL.");
        if (Problems.Count > 0) return await LoadAsync(id, itemId, ct) ? Page() : NotFound();
        await meetings.RaiseActionAsync(id, itemId, ActionText!, ActionOwner!, ActionDeadline, ct);
        TempData["Done"] = "The action is recorded; it is carried forward to the board's next meetings until it is closed.";
        return Redirect($"/meetings/{id}/items/{itemId}#actions");
    }

    /// <summary>Takes the item off an agenda not yet published.</summary>
    public async Task<IActionResult> OnPostRemoveAsync(int id, int itemId, int version, CancellationToken ct)
    {
        await meetings.RemoveItemAsync(id, itemId, version, Reason, ct);
        TempData["Done"] = "The item is taken off the agenda.";
        return Redirect($"/meetings/{id}");
    }
}
