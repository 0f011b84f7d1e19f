using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Audit;
using Outturn.Application.Plans.Editing;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Web.Features.Shared;

namespace Outturn.Web.Features.Plans.Edit;

/// <summary>
/// What the plan editing pages share: the plan as it is now, the form's problems for the error summary and each
/// field, and the plan's version as the page was opened, which every save sends back so that a save made from a
/// page opened before someone else's is refused instead of overwriting it.
/// </summary>
public abstract class PlanEditPage(PlanEditQuery query) : PageModel
{
    public PlanEditView View { get; private set; } = null!;
    public Plan Plan => View.Plan;
    public List<FieldError> Errors { get; } = [];
    public IReadOnlyList<HistoryLine> History { get; protected set; } = [];

    public IReadOnlyList<(string Field, string Message)> Summary => Errors.Select(e => (e.Field, e.Message)).ToList();

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    public string PlanHref => "/plans/" + Uri.EscapeDataString(Plan.Ref);

    public string EditHref => PlanHref + "/edit";

    /// <summary>The plan's version the form was opened at; read from the form itself, never restored from a refused one.</summary>
    protected int SeenRevision => int.TryParse(Request.Form["SeenRevision"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1;

    protected PlanEditQuery Query => query;

    /// <returns>A page saying the plan is not held, or null when it was loaded.</returns>
    protected async Task<IActionResult?> LoadAsync(string planRef, CancellationToken ct)
    {
        var view = await query.LoadAsync(planRef, ct);
        if (view is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        View = view;
        return null;
    }

    /// <summary>After a save: back to the plan's editing page with what was done in its banner.</summary>
    protected IActionResult Done(string message, string? to = null)
    {
        TempData[DoneKey] = message;
        return Redirect(to ?? EditHref);
    }

    public const string DoneKey = "Outturn.PlanEdited";

    public static string Fy(int year) => Period.FinancialYear(year).ToString();

    public static string Date(DateOnly? d) => d?.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB")) ?? "";
}

/// <summary>One form field as the GOV.UK Design System lays it out: label, hint, error message, and the control.</summary>
public sealed record EditField(string Id, string Name, string Label, string? Value, string? Error = null, string? Hint = null, string Width = "govuk-input--width-20",
    bool Multiline = false, IReadOnlyList<(string Value, string Text)>? Options = null, string? List = null, string? InputMode = null, bool Bold = false);
