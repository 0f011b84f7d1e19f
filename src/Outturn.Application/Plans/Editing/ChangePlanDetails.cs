using Microsoft.EntityFrameworkCore;
using Outturn.Domain.Organisations;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>Changes a plan's title, kind, years, organisation, directorate or description.</summary>
public static class ChangePlanDetails
{
    public sealed record Command(string PlanRef, int Revision, string? Title, string? Kind, string? FirstYear, string? LastYear,
        string? Organisation, string? Directorate, string? Description, string? OrganisationRef);

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            if (plan is null) return null;
            var (details, errors) = CreatePlan.Validate(new CreatePlan.Command(plan.Ref, c.Title, c.Kind, c.FirstYear, c.LastYear, c.Organisation, c.Directorate, c.Description, c.OrganisationRef));
            int? organisationId = null;
            if (!string.IsNullOrWhiteSpace(c.OrganisationRef))
            {
                organisationId = await editor.Db.Set<Organisation>().Where(o => o.Ref == c.OrganisationRef).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
                if (organisationId is null) errors.Add(new("organisation-ref", "Choose an organisation of the partnership from the list."));
            }
            if (errors.Count > 0) return EditResult.Invalid(errors);
            var before = PlanSnapshot.Of(plan);
            plan.ChangeDetails(details!);
            plan.OrganisationId = organisationId;
            await editor.SaveAsync(plan, c.Revision, before, null, ct);
            return EditResult.Saved(plan.Ref);
        }
    }
}
