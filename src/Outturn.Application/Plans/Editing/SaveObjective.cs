using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>Adds a service objective or changes one: its text, priority, responsible officer, and the business plan's key developments and emerging issues.</summary>
public static class SaveObjective
{
    /// <param name="Existing">The ref of the objective to change; null to add one with <paramref name="Ref"/>.</param>
    public sealed record Command(string PlanRef, int Revision, string? Existing, string? Ref, string? Title, string? PriorityId, string? Officer,
        string? CorporatePriority, bool IsKey, string? KeyDevelopments, string? EmergingIssues);

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            if (plan is null) return null;
            var objective = c.Existing is null ? null : plan.Objectives.FirstOrDefault(o => o.Ref == c.Existing);
            if (c.Existing is not null && objective is null) return null;
            var errors = new List<FieldError>();
            if (objective is null && string.IsNullOrWhiteSpace(c.Ref)) errors.Add(new("ref", "Enter the objective's ref, such as CED08."));
            if (string.IsNullOrWhiteSpace(c.Title)) errors.Add(new("title", "Enter the objective's text."));
            var priority = plan.Priorities.FirstOrDefault(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == c.PriorityId);
            if (priority is null) errors.Add(new("priority", "Choose the priority the objective is reported under."));
            if (errors.Count > 0) return EditResult.Invalid(errors);
            var before = PlanSnapshot.Of(plan);
            var details = new ObjectiveDetails(c.Title!, priority!, await editor.OfficerNamedAsync(c.Officer, ct), c.CorporatePriority, c.IsKey, c.KeyDevelopments, c.EmergingIssues);
            if (objective is null) objective = plan.AddObjective(c.Ref!, details);
            else plan.ChangeObjective(objective, details);
            await editor.SaveAsync(plan, c.Revision, before, null, ct);
            return EditResult.Saved(objective.Ref);
        }
    }
}
