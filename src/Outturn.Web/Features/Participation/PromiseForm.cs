using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Participation;
using Outturn.Domain.Participation;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Participation;

/// <summary>The performance team adds a promise of a plan, under one of its priorities.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class PromiseNewModel(ParticipationQuery query, ParticipationHandlers handlers) : RecordPageModel
{
    /// <summary>"HBC-CYP-2015-16|12": the plan and the priority, chosen together.</summary>
    [BindProperty] public string? Place { get; set; }
    [BindProperty] public string? Text { get; set; }
    public IReadOnlyList<(string Value, string Text)> Places { get; private set; } = [];

    private async Task LoadAsync(CancellationToken ct) =>
        Places = [("", "Choose the plan and priority"), .. (await query.PlansAsync(ct)).SelectMany(p => p.Priorities.Select(x => ($"{p.PlanRef}|{x.Id}", $"{p.PlanRef}: {x.Name}")))];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var parts = (Place ?? "").Split('|');
        if (parts.Length != 2 || !int.TryParse(parts[1], out var priority)) Problem("place", "Choose the plan and priority the promise belongs to.");
        Require(Text, "text", "Enter the promise as the plan words it.");
        if (Problems.Count > 0) { await LoadAsync(ct); return Page(); }
        var id = await handlers.MakePromiseAsync(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Text!, ct);
        TempData["Done"] = "The promise is added. Review it each year of the plan.";
        return Redirect($"/promises/{id}");
    }
}

/// <summary>A promise changed, reviewed each year, with the history of every change.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class PromiseModel(ParticipationQuery query, ParticipationHandlers handlers, ChangeHistory history, ICurrentUser current) : RecordPageModel
{
    public Promise Promise { get; private set; } = null!;
    public int Version { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Priorities { get; private set; } = [];

    [BindProperty] public string? PriorityId { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? WhatWeAchieved { get; set; }
    [BindProperty] public string? ReviewedIn { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Year { get; set; }
    [BindProperty] public PromiseProgress Progress { get; set; }
    [BindProperty] public string? Achieved { get; set; }

    public static IReadOnlyList<(string, string)> Progresses => Enum.GetValues<PromiseProgress>().Select(p => (p.ToString(), p.ToWords())).ToList();

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var p = await query.PromiseAsync(id, ct);
        if (p is null) return false;
        (Promise, Version) = (p, p.Version);
        var plan = (await query.PlansAsync(ct)).FirstOrDefault(x => x.PlanId == p.PlanId);
        Priorities = plan.Priorities is null ? [] : plan.Priorities.Select(x => (x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x.Name)).ToList();
        History = await history.UnderAsync([$"promise:{id}"], ct);
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.NotFoundWith($"There is no promise {id}.");
        (PriorityId, Text, WhatWeAchieved, ReviewedIn) = (Promise.PriorityId?.ToString(System.Globalization.CultureInfo.InvariantCulture), Promise.Text, Promise.WhatWeAchieved, Promise.ReviewedIn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, int version, CancellationToken ct)
    {
        Require(Text, "text", "Enter the promise as the plan words it.");
        if (Problems.Count > 0) return await LoadAsync(id, ct) ? Page() : NotFound();
        await handlers.EditPromiseAsync(id, version, int.TryParse(PriorityId, out var p) ? p : null, Text!, WhatWeAchieved, ReviewedIn, Reason, ct);
        TempData["Done"] = "The promise is saved.";
        return Redirect($"/promises/{id}");
    }

    /// <summary>Records the year's review of the promise.</summary>
    public async Task<IActionResult> OnPostReviewAsync(int id, int version, CancellationToken ct)
    {
        Period? year = null;
        if (string.IsNullOrWhiteSpace(Year)) Problem("year", "Enter the year reviewed, such as 2015/16.");
        else if (!Period.TryParseFinancialYear(Year, out var y)) Problem("year", "Enter the year reviewed as a financial year. " + Period.NotAFinancialYear(Year));
        else year = y;
        Require(Achieved, "achieved", "Say what was achieved towards the promise that year.");
        if (Problems.Count > 0)
        {
            if (!await LoadAsync(id, ct)) return NotFound();
            (PriorityId, Text, WhatWeAchieved, ReviewedIn) = (Promise.PriorityId?.ToString(System.Globalization.CultureInfo.InvariantCulture), Promise.Text, Promise.WhatWeAchieved, Promise.ReviewedIn);
            return Page();
        }
        await handlers.ReviewPromiseAsync(id, version, year!.Value, Progress, Achieved!, current.Name, ct);
        TempData["Done"] = $"The review for {year.Value.ToDisplayString()} is saved.";
        return Redirect($"/promises/{id}#reviews");
    }
}
