using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Audit;
using Outturn.Application.Participation;
using Outturn.Domain.Participation;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Participation;

/// <summary>An engagement activity's record, shared by the pages that record and change one.</summary>
public abstract class ActivityFieldsModel : RecordPageModel
{
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public ParticipationMethod Method { get; set; } = ParticipationMethod.Surveys;
    [BindProperty] public string? HeldOn { get; set; }
    [BindProperty] public string? AgeGroups { get; set; }
    [BindProperty] public string? Groups { get; set; }
    [BindProperty] public string? Participants { get; set; }
    [BindProperty] public string? WhatTheySaid { get; set; }

    public static IReadOnlyList<(string, string)> Methods => Enum.GetValues<ParticipationMethod>().Select(m => (m.ToString(), $"{(int)m}. {m.ToWords()}")).ToList();

    protected ActivityDetails? Details()
    {
        Require(Title, "title", "Enter a title for the activity.");
        var held = ReadDate(HeldOn, "held-on", "the date it took place");
        var participants = ReadWhole(Participants, "participants", "the number who took part");
        return Problems.Count > 0 ? null : new ActivityDetails(Title!, Method, held, AgeGroups, Groups, participants, WhatTheySaid);
    }

    protected void Fill(EngagementActivity a) =>
        (Title, Method, HeldOn, AgeGroups, Groups, Participants, WhatTheySaid) =
        (a.Title, a.Method, Input(a.HeldOn), a.AgeGroups, a.Groups, a.Participants?.ToString(System.Globalization.CultureInfo.InvariantCulture), a.WhatTheySaid);
}

/// <summary>The performance team records an engagement activity.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ActivityNewModel(ParticipationHandlers handlers) : ActivityFieldsModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Details() is not { } details) return Page();
        var id = await handlers.RecordActivityAsync(details, ct);
        TempData["Done"] = "The activity is recorded. Record the response once something has been done, and when it was fed back.";
        return Redirect($"/engagement/{id}");
    }
}

/// <summary>An engagement activity changed; the response, when it was fed back and whether it is published; its history.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ActivityModel(ParticipationQuery query, ParticipationHandlers handlers, ChangeHistory history) : ActivityFieldsModel
{
    public EngagementActivity Activity { get; private set; } = null!;
    public int Version { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? WhatWeDid { get; set; }
    [BindProperty] public string? FedBackOn { get; set; }
    [BindProperty] public bool Publish { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var a = await query.ActivityAsync(id, ct);
        if (a is null) return false;
        (Activity, Version) = (a, a.Version);
        History = await history.UnderAsync([$"engagement:{id}"], ct);
        return true;
    }

    private void FillAll()
    {
        Fill(Activity);
        (WhatWeDid, FedBackOn, Publish) = (Activity.WhatWeDid, Input(Activity.FedBackOn), Activity.ResponsePublished);
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.NotFoundWith($"There is no engagement activity {id}.");
        FillAll();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        if (Details() is not { } details)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            (WhatWeDid, FedBackOn, Publish) = (Activity.WhatWeDid, Input(Activity.FedBackOn), Activity.ResponsePublished);
            return Page();
        }
        await handlers.EditActivityAsync(id, version, details, Reason, ct);
        TempData["Done"] = "The activity is saved.";
        return Redirect($"/engagement/{id}");
    }

    /// <summary>What was done in response, when it was fed back, and whether to publish it on "you said, we did".</summary>
    public async Task<IActionResult> OnPostRespondAsync(int id, int version, CancellationToken ct)
    {
        var fed = ReadDate(FedBackOn, "fed-back-on", "the date it was fed back");
        if (Problems.Count > 0)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            Fill(Activity);
            return Page();
        }
        await handlers.RespondAsync(id, version, WhatWeDid, fed, Publish, ct);
        TempData["Done"] = Publish ? "The response is saved and published on \"you said, we did\"." : "The response is saved (not published).";
        return Redirect($"/engagement/{id}#response");
    }
}
