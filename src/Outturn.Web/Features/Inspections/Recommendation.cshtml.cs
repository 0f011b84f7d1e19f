using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Inspections;
using Outturn.Domain.Inspections;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Inspections;

/// <summary>A recommendation added or changed, and turned into one or more improvement actions.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class RecommendationModel(OutturnDbContext db, InspectionHandlers handlers, ChangeHistory history) : RecordPageModel
{
    public Inspection Inspection { get; private set; } = null!;
    public Recommendation? Recommendation { get; private set; }
    public int Version { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];

    [BindProperty] public string? Ref { get; set; }
    [BindProperty] public RecommendationTimescale Timescale { get; set; } = RecommendationTimescale.WithinSixMonths;
    [BindProperty] public string? Responsible { get; set; }
    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ActionText { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? Due { get; set; }

    public static IReadOnlyList<(string, string)> Timescales => Enum.GetValues<RecommendationTimescale>().Select(t => (t.ToString(), t.ToWords())).ToList();

    private async Task<bool> LoadAsync(string inspectionRef, int? id, CancellationToken ct)
    {
        var i = await db.Set<Inspection>().AsNoTracking().Include(x => x.Recommendations).ThenInclude(r => r.Actions).AsSplitQuery().SingleOrDefaultAsync(x => x.Ref == inspectionRef, ct);
        if (i is null) return false;
        Inspection = i;
        if (id is { } rid)
        {
            Recommendation = i.Recommendations.SingleOrDefault(r => r.Id == rid);
            if (Recommendation is null) return false;
            Version = Recommendation.Version;
            History = await history.UnderAsync([$"inspection:{i.Id}:recommendation:{rid}", .. Recommendation.Actions.Select(a => $"improvement-action:{a.Id}")], ct);
        }
        return true;
    }

    public async Task<IActionResult> OnGetAsync(string inspectionRef, int? id, CancellationToken ct)
    {
        if (!await LoadAsync(inspectionRef, id, ct)) return this.NotFoundWith($"No inspection \"{inspectionRef}\" with a recommendation {id}.");
        if (Recommendation is { } r) (Ref, Timescale, Responsible, Text, Area) = (r.Ref, r.Timescale, r.ResponsibleBody, r.Text, r.Area);
        else Ref = $"R{Inspection.Recommendations.Count + 1}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string inspectionRef, int? id, int version, CancellationToken ct)
    {
        Require(Ref, "ref", "Enter the recommendation's reference, such as R1.");
        Require(Responsible, "responsible", "Enter who the recommendation is addressed to.");
        Require(Text, "text", "Enter the recommendation as the report words it.");
        if (Problems.Count > 0) return await LoadAsync(inspectionRef, id, ct) ? Page() : NotFound();
        if (id is { } rid) await handlers.EditRecommendationAsync(inspectionRef, rid, version, Ref!, Timescale, Responsible!, Text!, Area, Reason, ct);
        else id = await handlers.AddRecommendationAsync(inspectionRef, Ref!, Timescale, Responsible!, Text!, Area, ct);
        TempData["Done"] = $"Recommendation {Ref!.Trim()} is saved. Turn it into one or more improvement actions.";
        return Redirect($"/inspections/{Uri.EscapeDataString(inspectionRef)}/recommendations/{id}");
    }

    /// <summary>Turns the recommendation into an improvement action.</summary>
    public async Task<IActionResult> OnPostActionAsync(string inspectionRef, int id, CancellationToken ct)
    {
        Require(Owner, "owner", "Enter the owner: the officer or body responsible.");
        var due = ReadDate(Due, "due", "the due date");
        if (Problems.Count > 0)
        {
            if (!await LoadAsync(inspectionRef, id, ct)) return NotFound();
            (Ref, Timescale, Responsible, Text, Area) = (Recommendation!.Ref, Recommendation.Timescale, Recommendation.ResponsibleBody, Recommendation.Text, Recommendation.Area);
            return Page();
        }
        var action = await handlers.AddActionAsync(inspectionRef, id, ActionText, Owner!, due, ct);
        TempData["Done"] = "The improvement action is added. Link it to the plan's milestones and measures, and record its progress each quarter.";
        return Redirect($"/improvement-actions/{action}");
    }
}
