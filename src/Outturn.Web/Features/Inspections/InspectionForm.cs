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

/// <summary>An inspection's details as the form gives them, shared by the pages that record and change one.</summary>
public abstract class InspectionFieldsModel : RecordPageModel
{
    [BindProperty] public InspectionType Kind { get; set; } = InspectionType.Ilacs;
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Inspectorates { get; set; }
    [BindProperty] public string? PublishedOn { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? ReportAddress { get; set; }
    /// <summary>Unticked, a checkbox posts nothing: false unless the form says otherwise.</summary>
    [BindProperty] public bool IsPublished { get; set; }

    public static IReadOnlyList<(string, string)> Kinds => InspectionWords.Kinds.Select(k => (k.ToString(), k.ToWords())).ToList();

    protected InspectionDetails? Details()
    {
        Require(Title, "title", "Enter the inspection's title, as on the report.");
        Require(Inspectorates, "inspectorates", "Enter the inspectorate, such as Ofsted.");
        var published = ReadDate(PublishedOn, "published-on", "the date the report was published", required: true);
        return Problems.Count > 0 ? null : new InspectionDetails(Kind, Title!, Inspectorates!, published!.Value, Reference, ReportAddress, IsPublished);
    }

    protected void Fill(Inspection i) =>
        (Kind, Title, Inspectorates, PublishedOn, Reference, ReportAddress, IsPublished) = (i.Type, i.Title, i.Inspectorates, Input(i.PublishedOn), i.Reference, i.ReportAddress, i.IsPublished);
}

/// <summary>The performance team records an inspection in the browser.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class InspectionNewModel(InspectionHandlers handlers) : InspectionFieldsModel
{
    [BindProperty] public string? Ref { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Require(Ref, "ref", "Enter a short reference for the inspection's address, such as ILACS-2019.");
        if (Details() is not { } details) return Page();
        var created = await handlers.RecordAsync(Ref!, details, ct);
        TempData["Done"] = "The inspection is recorded. Add its grades, strengths, areas for development and recommendations.";
        return Redirect($"/inspections/{Uri.EscapeDataString(created)}/edit");
    }
}

/// <summary>
/// An inspection's details changed; its judgement areas graded; its strengths and areas for development added; the
/// list of its recommendations; and the history of every change to it and its improvement actions.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class InspectionEditModel(OutturnDbContext db, InspectionHandlers handlers, ChangeHistory history) : InspectionFieldsModel
{
    public Inspection Inspection { get; private set; } = null!;
    public int Version { get; private set; }
    public IReadOnlyList<HistoryLine> History { get; private set; } = [];
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? GradeArea { get; set; }
    [BindProperty] public string? Grade { get; set; }
    [BindProperty] public string? JudgementArea { get; set; }
    [BindProperty] public KeyJudgementKind JudgementKind { get; set; }
    [BindProperty] public string? JudgementText { get; set; }
    [BindProperty] public string? Paragraph { get; set; }

    private async Task<bool> LoadAsync(string inspectionRef, CancellationToken ct)
    {
        var i = await db.Set<Inspection>().AsNoTracking().Include(x => x.Grades).Include(x => x.KeyJudgements).Include(x => x.Recommendations).ThenInclude(r => r.Actions)
            .AsSplitQuery().SingleOrDefaultAsync(x => x.Ref == inspectionRef, ct);
        if (i is null) return false;
        (Inspection, Version) = (i, i.Version);
        History = await history.UnderAsync([$"inspection:{i.Id}", .. i.Recommendations.SelectMany(r => r.Actions).Select(a => $"improvement-action:{a.Id}")], ct);
        return true;
    }

    public IReadOnlyList<(string, string)> Grades => [("", "Choose a grade"), .. new[] { 4, 3, 2, 1 }.Select(g => (g.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{g}: {InspectionWords.GradeWord(g, Inspection.Type)}"))];

    public IReadOnlyList<(string, string)> JudgementKinds => Enum.GetValues<KeyJudgementKind>().Select(k => (k.ToString(), k.ToWords(Inspection.Type, plural: false))).ToList();

    public async Task<IActionResult> OnGetAsync(string inspectionRef, CancellationToken ct)
    {
        if (!await LoadAsync(inspectionRef, ct)) return this.NotFoundWith($"No inspection has the reference \"{inspectionRef}\".");
        Fill(Inspection);
        return Page();
    }

    private string Here(string inspectionRef, string anchor) => $"/inspections/{Uri.EscapeDataString(inspectionRef)}/edit#{anchor}";

    public async Task<IActionResult> OnPostAsync(string inspectionRef, int version, CancellationToken ct)
    {
        if (Details() is not { } details) return await LoadAsync(inspectionRef, ct) ? Page() : NotFound();
        await handlers.EditAsync(inspectionRef, version, details, Reason, ct);
        TempData["Done"] = "The inspection's details are saved.";
        return Redirect(Here(inspectionRef, "details"));
    }

    public async Task<IActionResult> OnPostGradeAsync(string inspectionRef, CancellationToken ct)
    {
        Require(GradeArea, "grade-area", "Enter the judgement area.");
        var grade = ReadWhole(Grade, "grade", "the grade");
        if (grade is null && !Problems.Any(p => p.Field == "grade")) Problem("grade", "Choose the grade.");
        if (Problems.Count > 0)
        {
            if (!await LoadAsync(inspectionRef, ct)) return NotFound();
            Fill(Inspection);
            return Page();
        }
        await handlers.GradeAsync(inspectionRef, GradeArea!, grade!.Value, Reason, ct);
        TempData["Done"] = $"{GradeArea!.Trim()} is graded {grade}.";
        return Redirect(Here(inspectionRef, "grades"));
    }

    public async Task<IActionResult> OnPostJudgementAsync(string inspectionRef, CancellationToken ct)
    {
        Require(JudgementArea, "judgement-area", "Enter the judgement area the finding is about.");
        Require(JudgementText, "judgement-text", "Enter the finding as the report words it.");
        if (Problems.Count > 0)
        {
            if (!await LoadAsync(inspectionRef, ct)) return NotFound();
            Fill(Inspection);
            return Page();
        }
        await handlers.AddJudgementAsync(inspectionRef, JudgementArea!, JudgementKind, JudgementText!, Paragraph, ct);
        TempData["Done"] = "The finding is added.";
        return Redirect(Here(inspectionRef, "judgements"));
    }
}
