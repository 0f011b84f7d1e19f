using Microsoft.EntityFrameworkCore;
using Outturn.Domain.Organisations;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>
/// A performance officer starts a plan in the browser: its ref, title, kind, years and owner, checked and then
/// confirmed on a check-your-answers page. A new plan is a draft until it is approved.
/// </summary>
public static class CreatePlan
{
    public sealed record Command(string? Ref, string? Title, string? Kind, string? FirstYear, string? LastYear,
        string? Organisation, string? Directorate, string? Description, string? OrganisationRef);

    /// <summary>What was typed, read: the plan details, or the fields to correct.</summary>
    public static (PlanDetails? Details, List<FieldError> Errors) Validate(Command c)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.Ref)) errors.Add(new("ref", "Enter the plan's ref, such as HBC-CYP-2016-17."));
        if (string.IsNullOrWhiteSpace(c.Title)) errors.Add(new("title", "Enter the plan's title."));
        if (!PlanKinds.ByWord.TryGetValue(c.Kind ?? "", out var kind)) errors.Add(new("kind", "Choose what kind of plan it is."));
        var first = PlanEditor.Year(c.FirstYear, "first-year", "first year", errors);
        var last = PlanEditor.Year(c.LastYear, "last-year", "last year", errors);
        if (first > last) errors.Add(new("last-year", $"The last year must be {Domain.Periods.Period.FinancialYear(first!.Value)} or later."));
        return errors.Count > 0 ? (null, errors) : (new PlanDetails(c.Title!, kind, first!.Value, last!.Value, c.Organisation, c.Directorate, c.Description), errors);
    }

    public sealed class Handler(PlanEditor editor)
    {
        /// <summary>Checks the answers without saving: the check-your-answers page is shown only when they are right.</summary>
        public async Task<IReadOnlyList<FieldError>> CheckAsync(Command c, CancellationToken ct)
        {
            var (_, errors) = Validate(c);
            if (!string.IsNullOrWhiteSpace(c.Ref) && await editor.Db.Plans.AnyAsync(p => p.Ref == c.Ref.Trim(), ct))
                errors.Add(new("ref", $"A plan with the ref {c.Ref.Trim()} is held already; choose another ref."));
            if (!string.IsNullOrWhiteSpace(c.OrganisationRef) && !await editor.Db.Set<Organisation>().AnyAsync(o => o.Ref == c.OrganisationRef, ct))
                errors.Add(new("organisation-ref", "Choose an organisation of the partnership from the list."));
            return errors;
        }

        public async Task<EditResult> HandleAsync(Command c, CancellationToken ct)
        {
            var errors = await CheckAsync(c, ct);
            if (errors.Count > 0) return EditResult.Invalid(errors);
            var plan = Plan.Create(c.Ref!, Validate(c).Details!);
            if (!string.IsNullOrWhiteSpace(c.OrganisationRef))
                plan.OrganisationId = await editor.Db.Set<Organisation>().Where(o => o.Ref == c.OrganisationRef).Select(o => (int?)o.Id).SingleAsync(ct);
            editor.Db.Plans.Add(plan);
            await editor.Db.SaveChangesAsync(ct);
            return EditResult.Saved(plan.Ref);
        }
    }
}
