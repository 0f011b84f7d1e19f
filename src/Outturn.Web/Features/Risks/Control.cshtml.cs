using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Domain.Risks;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

/// <summary>Adds a risk control measure (no control ref in the address) or changes one: its wording, owner and due date.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ControlModel(RiskQuery query, AddControlMeasure add, EditControlMeasure edit) : PageModel
{
    public Risk Risk { get; private set; } = null!;
    public RiskControlMeasure? Control { get; private set; }
    public FormErrors Errors { get; } = [];

    [BindProperty] public string? Text { get; set; }
    [BindProperty] public string? Owner { get; set; }
    [BindProperty] public string? Due { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(string riskRef, string? controlRef, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, controlRef, ct) is { } notFound) return notFound;
        if (Control is { } c) (Text, Owner, Due) = (c.Text, c.Owner, FormFields.ShowDate(c.Due));
        else Owner = Risk.Owner;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string riskRef, string? controlRef, int version, CancellationToken ct)
    {
        if (await LoadAsync(riskRef, controlRef, ct) is { } notFound) return notFound;
        if (string.IsNullOrWhiteSpace(Text)) Errors.Add("text", "Enter the control measure: what is done to treat the risk.");
        var due = FormFields.ParseDate(Due, "due", "the due date", Errors, required: false);
        if (Errors.Count > 0) return Page();
        var command = new ControlMeasureCommand(riskRef, version, controlRef, Text, Owner, due, Reason);
        if (Control is null)
        {
            var added = await add.HandleAsync(command, ct);
            TempData["Done"] = $"Control measure {riskRef}{added.Ref} added.";
        }
        else
        {
            await edit.HandleAsync(command, ct);
            TempData["Done"] = $"Control measure {riskRef}{Control.Ref} changed.";
        }
        return Redirect(RiskFormPage.RiskHref(riskRef) + "#controls");
    }

    private async Task<IActionResult?> LoadAsync(string riskRef, string? controlRef, CancellationToken ct)
    {
        if (await query.RiskAsync(riskRef, ct) is not { } risk) return this.NotFoundWith($"No risk has the reference \"{riskRef}\".");
        Risk = risk;
        if (controlRef is not null)
        {
            Control = risk.ControlFor(controlRef);
            if (Control is null) return this.NotFoundWith($"{riskRef} has no control measure \"{controlRef}\".");
        }
        return null;
    }
}
