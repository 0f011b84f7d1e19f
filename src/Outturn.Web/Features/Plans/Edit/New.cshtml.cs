using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Organisations;
using Outturn.Domain.Plans;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>
/// Starting a plan: its details, then "check your answers" with a change link for each, then it is made as a draft
/// and the performance officer goes on to add its priorities, objectives, milestones and measures.
/// </summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class NewModel(CreatePlan.Handler create, OutturnDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Ref { get; set; }
    [BindProperty(SupportsGet = true)] public string? Title { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public string? FirstYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? LastYear { get; set; }
    [BindProperty(SupportsGet = true)] public string? Organisation { get; set; }
    [BindProperty(SupportsGet = true)] public string? Directorate { get; set; }
    [BindProperty(SupportsGet = true)] public string? Description { get; set; }
    [BindProperty(SupportsGet = true)] public string? OrganisationRef { get; set; }

    public List<FieldError> Errors { get; private set; } = [];
    /// <summary>True once the answers are right: the page shows them to check, with a change link for each.</summary>
    public bool Checking { get; private set; }
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    private CreatePlan.Command Command => new(Ref, Title, Kind, FirstYear, LastYear, Organisation, Directorate, Description, OrganisationRef);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Errors = [.. await create.CheckAsync(Command, ct)];
        Checking = Errors.Count == 0;
        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var result = await create.HandleAsync(Command, ct);
        if (!result.Done)
        {
            Errors = [.. result.Errors];
            return Page();
        }
        TempData[PlanEditPage.DoneKey] = $"{result.Ref} made as a draft. Add its priorities, objectives, milestones and measures, then approve it.";
        return Redirect($"/plans/{Uri.EscapeDataString(result.Ref!)}/edit");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Organisations = await db.Set<Organisation>().AsNoTracking().OrderBy(o => o.Name).ToListAsync(ct);

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public IReadOnlyList<(string Field, string Message)> Summary => Errors.Select(e => (e.Field, e.Message)).ToList();

    /// <summary>The form again with every answer filled in, at the one to change.</summary>
    public string ChangeHref(string field) => "/plans/new" + QueryString.Create(new Dictionary<string, string?>
    {
        ["Ref"] = Ref, ["Title"] = Title, ["Kind"] = Kind, ["FirstYear"] = FirstYear, ["LastYear"] = LastYear, ["Organisation"] = Organisation,
        ["Directorate"] = Directorate, ["Description"] = Description, ["OrganisationRef"] = OrganisationRef,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))) + "#" + field;

    public static IReadOnlyList<(string Value, string Text)> KindOptions =>
        [("", "Choose a kind"), .. PlanKinds.ByWord.Select(k => (k.Key, k.Value.ToWords()))];
}
