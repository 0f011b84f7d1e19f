using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Accounts;
using Outturn.Application.Rounds;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Updates;

/// <summary>
/// One item's update. The computed status is shown from the server's rules ("Check status" without JavaScript,
/// as you type with it). A save over someone else's newer save shows both versions to merge.
/// </summary>
[Authorize(Policy = Policies.Contributor)]
public sealed class EditModel(RoundService rounds, UserManager<OutturnUser> users) : PageModel
{
    public MonitoringRound Round { get; private set; } = null!;
    public ItemView View { get; private set; } = null!;
    public MeasureAssessment? Preview { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public RoundItem? Theirs { get; private set; }
    public string? Message { get; private set; }

    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Value { get; set; }
    [BindProperty] public string? Status { get; set; }
    [BindProperty] public string? Note { get; set; }
    [BindProperty] public string? InternalNote { get; set; }
    [BindProperty] public string? Progress { get; set; }
    [BindProperty] public string? Commentary { get; set; }

    public async Task<IActionResult> OnGetAsync(int itemId, CancellationToken ct)
    {
        if (await LoadAsync(itemId, ct) is { } refusal) return refusal;
        var i = View.Item;
        Version = i.Version;
        Value = Application.Monitoring.MonitoringQuery.Normal(i.Value)?.ToString(CultureInfo.InvariantCulture);
        Status = i.ValueStatus?.ToString().ToLowerInvariant();
        Note = i.Note;
        InternalNote = i.InternalNote;
        Progress = i.Progress?.ToWord();
        Commentary = i.Commentary;
        Preview = PreviewOf(i.Value);
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync(int itemId, CancellationToken ct)
    {
        if (await LoadAsync(itemId, ct) is { } refusal) return refusal;
        var (update, problems) = Parse();
        Problems = problems;
        Preview = PreviewOf(update.Value);
        return Request.Headers["X-Outturn-Preview"] == "1" ? Partial("_Preview", this) : Page();
    }

    public Task<IActionResult> OnPostDraftAsync(int itemId, CancellationToken ct) => Save(itemId, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int itemId, CancellationToken ct) => Save(itemId, submit: true, ct);

    private async Task<IActionResult> Save(int itemId, bool submit, CancellationToken ct)
    {
        if (await LoadAsync(itemId, ct) is { } refusal) return refusal;
        var (update, problems) = Parse();
        if (problems.Count > 0) { Problems = problems; Preview = PreviewOf(update.Value); return Page(); }
        var result = await rounds.SaveAsync(Round.Id, itemId, Version, update, submit, await users.ActorAsync(User), ct);
        switch (result)
        {
            case SaveResult.Forbidden f:
                Problems = [f.Reason];
                break;
            case SaveResult.Closed closed:
                Problems = [closed.Reason];
                break;
            case SaveResult.Invalid invalid:
                Problems = invalid.Problems;
                break;
            case SaveResult.Conflict conflict:
                Theirs = conflict.Theirs;
                Version = conflict.Theirs.Version; // saving the merged form now overwrites knowingly
                break;
            case SaveResult.Saved saved:
                Message = submit ? "Submitted. The performance team can now review it." : "Draft saved. Submit it when it is ready.";
                Version = saved.Item.Version;
                await LoadAsync(itemId, ct);
                break;
        }
        Preview = PreviewOf(update.Value);
        return Page();
    }

    private (ItemUpdate Update, IReadOnlyList<string> Problems) Parse()
    {
        var problems = new List<string>();
        decimal? value = null;
        if (!string.IsNullOrWhiteSpace(Value))
        {
            if (decimal.TryParse(Value.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) value = d;
            else problems.Add($"The value must be a number, like 75 or 16.8; \"{Value}\" is not.");
        }
        ValueStatus? status = Status switch { "final" => ValueStatus.Final, "provisional" => ValueStatus.Provisional, "unavailable" => ValueStatus.Unavailable, _ => null };
        MilestoneProgress? progress = StatusWords.TryParseMilestoneProgress(Progress, out var p) ? p : null;
        return (new ItemUpdate(value, status, Note, progress, Commentary, InternalNote: InternalNote), problems);
    }

    /// <summary>The status the rules give the figure being entered, against the round's target and last year's figure.</summary>
    private MeasureAssessment? PreviewOf(decimal? value)
    {
        if (View.Indicator is not { } indicator) return null;
        indicator.Values.RemoveAll(v => v.Period == Round.Period);
        if (value is not null) indicator.Values.Add(new IndicatorValue { Period = Round.Period, Value = value, Status = ValueStatus.Provisional });
        return MeasureAssessment.For(indicator, Round.Period);
    }

    private async Task<IActionResult?> LoadAsync(int itemId, CancellationToken ct)
    {
        var round = await rounds.FindByItemAsync(itemId, ct);
        if (round is null) return this.NotFoundWith($"No update has the number {itemId}.");
        var actor = await users.ActorAsync(User);
        var item = round.Items.Single(i => i.Id == itemId);
        if (!actor.RunsRounds && item.AssigneeId != actor.OfficerId) return Forbid();
        Round = round;
        View = (await rounds.ItemsAsync(round, null, ct)).Single(v => v.Item.Id == itemId);
        return null;
    }
}
