using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Rounds;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Updates;

/// <summary>
/// One item's update. The computed status is shown from the server's rules ("Check status" without JavaScript,
/// as you type with it), with the officer's own judgement beside it; a figure the checks find unusual needs an
/// explanation; a measure that is red or amber, or changed more than chance explains, is offered a paragraph drafted
/// from the figures, which the officer edits and approves. A save over someone else's newer save shows both versions
/// to merge. Once the round is past taking updates the form is read-only.
/// </summary>
[Authorize(Policy = Policies.Contributor)]
public sealed class EditModel(RoundViews rounds, SaveItem save, OutturnDbContext db, UserManager<OutturnUser> users, Application.Organisations.OrganisationService organisations) : PageModel
{
    public MonitoringRound Round { get; private set; } = null!;
    public ItemView View { get; private set; } = null!;
    public string PlanRef { get; private set; } = "";
    public MeasureAssessment? Preview { get; private set; }
    /// <summary>Each problem with the element it is about, for the error summary's links and the inline messages.</summary>
    public List<(string Field, string Message)> Errors { get; } = [];
    public IReadOnlyList<EntryWarning> Warnings { get; private set; } = [];
    public RoundItem? Theirs { get; private set; }
    public string? Message { get; private set; }
    /// <summary>Why the item cannot be changed now (the round has moved on), or null while it can.</summary>
    public string? ReadOnlyBecause { get; private set; }
    public bool RunsRounds { get; private set; }
    /// <summary>The paragraph drafted from the figures, offered for a measure that needs commentary.</summary>
    public string? DraftedCommentary { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Numerator { get; set; }
    [BindProperty] public string? Denominator { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? InternalNote { get; set; }
    /// <summary>A milestone's progress, or a measure's judgement ("computed" keeps the rules' status).</summary>
    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Commentary { get; set; }
    [BindProperty] public bool CommentaryFromDraft { get; set; }
    [BindProperty] public bool CommentaryApproved { get; set; }

    public string? ErrorFor(string field) => Errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(int itemId, CancellationToken ct)
    {
        if (await LoadAsync(itemId, ct) is { } refusal) return refusal;
        var i = View.Item;
        Version = i.Version;
        Value = Application.Monitoring.MonitoringQuery.Normal(i.Value)?.ToString(CultureInfo.InvariantCulture);
        Numerator = Application.Monitoring.MonitoringQuery.Normal(i.Numerator)?.ToString(CultureInfo.InvariantCulture);
        Denominator = Application.Monitoring.MonitoringQuery.Normal(i.Denominator)?.ToString(CultureInfo.InvariantCulture);
        Status = i.ValueStatus?.ToString().ToLowerInvariant();
        Note = i.Note;
        InternalNote = i.InternalNote;
        Progress = i.Progress?.ToWord() ?? (i.Kind == ItemKind.Measure ? "computed" : null);
        Reason = i.Reason;
        Commentary = i.Commentary;
        CommentaryFromDraft = i.CommentaryFromDraft;
        CommentaryApproved = i.CommentaryApprovedBy is not null;
        Warnings = i.UnusualChange is { } w ? [new EntryWarning(EntryWarning.UnusualChangeCode, "value", w)] : [];
        Show(i.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(int itemId, CancellationToken ct)
    {
        if (await LoadAsync(itemId, ct) is { } refusal) return refusal;
        var update = Parse();
        Show(update.Value);
        return Request.Headers["X-Outturn-Preview"] == "1" ? Partial("_Preview", this) : Page();
    }

    /// <summary>Puts the paragraph drafted from the figures into the commentary box, to be edited and approved.</summary>
    public async Task<IActionResult> OnPostUseDraftAsync(int itemId, CancellationToken ct)
    {
        if (await LoadAsync(itemId, ct) is { } refusal) return refusal;
        var update = Parse();
        Show(update.Value);
        if (DraftedCommentary is { } draft)
        {
            Commentary = string.IsNullOrWhiteSpace(Commentary) ? draft : draft + "\n\n" + Commentary.Trim();
            CommentaryFromDraft = true;
            CommentaryApproved = false;
            ModelState.Clear();
        }
        return Page();
    }

    public Task<IActionResult> OnPostDraftAsync(int itemId, CancellationToken ct) => Save(itemId, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int itemId, CancellationToken ct) => Save(itemId, submit: true, ct);

    private async Task<IActionResult> Save(int itemId, bool submit, CancellationToken ct)
    {
        if (await LoadAsync(itemId, ct) is { } refusal) return refusal;
        var update = Parse();
        if (Errors.Count > 0) { Show(update.Value); return Page(); }
        var result = await save.HandleAsync(new SaveItem.Request(Round.Id, itemId, Version, update, submit), await users.ActorAsync(User), ct);
        switch (result)
        {
            case SaveResult.Forbidden f:
                Errors.Add(("update-form", f.Reason));
                break;
            case SaveResult.Closed closed:
                Errors.Add(("update-form", closed.Reason));
                break;
            case SaveResult.Invalid invalid:
                Errors.AddRange(invalid.Fields.Select(f => (FieldId(f.Field), f.Message)));
                Warnings = invalid.Warnings;
                break;
            case SaveResult.Conflict conflict:
                Theirs = conflict.Theirs;
                Version = conflict.Theirs.Version; // saving the merged form now overwrites knowingly
                break;
            case SaveResult.Saved saved:
                Message = submit ? "Submitted. The performance team can now review it." : "Draft saved. Submit it when it is ready.";
                Version = saved.Item.Version;
                Warnings = saved.Warnings;
                await LoadAsync(itemId, ct);
                break;
        }
        Show(update.Value);
        return Page();
    }

    /// <summary>The element of the form each field's problem links to.</summary>
    public string FieldId(string field) => field switch
    {
        "status" => "status-final",
        "progress" => View.Item.Kind == ItemKind.Measure ? "progress-computed" : "progress-green",
        ItemUpdate.ApprovalField => "commentary-approved",
        "value" or "numerator" or "denominator" or "note" or "reason" or "commentary" => field,
        _ => "update-form",
    };

    private ItemUpdate Parse()
    {
        var ratio = View.Indicator?.IsRatio == true;
        decimal? value = null, numerator = null, denominator = null;
        if (!ratio && EntryChecks.Parse(Value, "value", out value) is { } bad) Errors.Add((bad.Field, bad.Message));
        if (ratio)
        {
            if (EntryChecks.Parse(Numerator, "numerator", out numerator) is { } badN) Errors.Add((badN.Field, badN.Message));
            if (EntryChecks.Parse(Denominator, "denominator", out denominator) is { } badD) Errors.Add((badD.Field, badD.Message));
            if (numerator is null && denominator is null && EntryChecks.Parse(Value, "value", out value) is { } badV) Errors.Add((badV.Field, badV.Message));
        }
        ValueStatus? status = Status switch { "final" => ValueStatus.Final, "provisional" => ValueStatus.Provisional, "unavailable" => ValueStatus.Unavailable, _ => null };
        MilestoneProgress? progress = StatusWords.TryParseMilestoneProgress(Progress, out var p) ? p : null;
        return new ItemUpdate(value, status, Note, progress, Commentary, Reason, numerator, denominator, CommentaryFromDraft, CommentaryApproved, InternalNote);
    }

    /// <summary>The status the rules give the figure being entered, against the round's target and last year's figure, and the drafted commentary.</summary>
    private void Show(decimal? value)
    {
        if (View.Indicator is not { } indicator) return;
        if (indicator.IsRatio && EntryChecks.Ratio(Num(Numerator), Num(Denominator), indicator.Multiplier, out var worked).Count == 0 && worked is not null) value = worked;
        indicator.Values.RemoveAll(v => v.Period == Round.Period);
        if (value is not null)
            indicator.Values.Add(new IndicatorValue { Period = Round.Period, Value = value, Numerator = Num(Numerator), Denominator = Num(Denominator), Status = ValueStatus.Provisional });
        Preview = MeasureAssessment.For(indicator, Round.Period);
        var explained = Warnings.Count > 0 || View.Item.UnusualChange is not null;
        if (value is { } v && (CommentaryDrafts.IsNeeded(Preview) || explained))
            DraftedCommentary = CommentaryDrafts.Draft(Preview) ?? CommentaryDrafts.Performance(Preview, v) + CommentaryDrafts.Change(Preview, v);
    }

    private static decimal? Num(string? text) => EntryChecks.Parse(text, "", out var d) is null ? d : null;

    private async Task<IActionResult?> LoadAsync(int itemId, CancellationToken ct)
    {
        if (await rounds.ItemAsync(itemId, ct) is not { } found) return this.NotFoundWith($"No update has the number {itemId}.");
        var actor = await users.ActorAsync(User);
        // Whether this person may change the item is the one rule; someone who may not does not see it, and a round
        // not taking changes shows the form read-only.
        var refusal = (await actor.EditRuleAsync(found.Round, organisations, ct))(found.View.Item);
        if (refusal is { Kind: not EditRefusalKind.Closed }) return Forbid();
        Round = found.Round;
        View = found.View;
        RunsRounds = actor.RunsRounds;
        ReadOnlyBecause = refusal?.Message;
        PlanRef = await db.Plans.AsNoTracking().Where(p => p.Id == Round.PlanId).Select(p => p.Ref).SingleAsync(ct);
        return null;
    }
}
