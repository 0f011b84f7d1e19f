using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Application.Organisations;
using Outturn.Domain.Organisations;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Admin;

/// <summary>The partnership's organisations as a tree, and a form to add one.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class OrganisationsModel(OrganisationService organisations) : PageModel
{
    public IReadOnlyList<OrganisationRow> Rows { get; private set; } = [];
    public List<(string Field, string Message)> Errors { get; } = [];
    public string? Done { get; private set; }

    [BindProperty] public string Ref { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Kind { get; set; } = "";
    [BindProperty] public string? ParentRef { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Rows = await organisations.ListAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = await organisations.SaveAsync(null, Ref, Name, Kind, ParentRef, ct);
        if (errors.Count == 0)
        {
            Done = $"{Name.Trim()} added.";
            Ref = Name = Kind = "";
            ParentRef = null;
        }
        Errors.AddRange(errors.Select(OrganisationForm.FieldOf));
        Rows = await organisations.ListAsync(ct);
        return Page();
    }
}

/// <summary>One organisation: change its name, kind or place in the tree.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class OrganisationModel(OrganisationService organisations, OutturnDbContext db) : PageModel
{
    public Organisation Organisation { get; private set; } = null!;
    public IReadOnlyList<OrganisationRow> Rows { get; private set; } = [];
    public List<(string Field, string Message)> Errors { get; } = [];
    public string? Done { get; private set; }

    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string Kind { get; set; } = "";
    [BindProperty] public string? ParentRef { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.NotFoundWith("There is no such organisation.");
        Name = Organisation.Name;
        Kind = Organisation.Kind.ToWord();
        ParentRef = Rows.Single(r => r.Organisation.Id == id).ParentRef;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return this.NotFoundWith("There is no such organisation.");
        var errors = await organisations.SaveAsync(id, Organisation.Ref, Name, Kind, ParentRef, ct);
        if (errors.Count == 0) Done = "Changes saved.";
        Errors.AddRange(errors.Select(OrganisationForm.FieldOf));
        await LoadAsync(id, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var found = await db.Set<Organisation>().AsNoTracking().SingleOrDefaultAsync(o => o.Id == id, ct);
        if (found is null) return false;
        Organisation = found;
        Rows = await organisations.ListAsync(ct);
        return true;
    }
}

public static class OrganisationForm
{
    /// <summary>Which field an error message is about, so the error summary links to it.</summary>
    public static (string Field, string Message) FieldOf(string message) =>
        (message.Contains("kind", StringComparison.OrdinalIgnoreCase) && !message.Contains("parent") ? "kind"
         : message.Contains("parent") || message.Contains("within") || message.Contains("no organisation with") ? "parent"
         : message.Contains("name") ? "name"
         : "ref", message);
}
