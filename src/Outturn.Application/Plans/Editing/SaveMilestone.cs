using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>Adds a milestone or changes one: its objective, text, plan year, due date and responsible officer.</summary>
public static class SaveMilestone
{
    /// <param name="PriorityId">Blank for the objective's priority.</param>
    public sealed record Command(string PlanRef, int Revision, string? Existing, string? Ref, string? ObjectiveRef, string? Text, string? Year,
        string? DueDay, string? DueMonth, string? DueYear, string? Officer, string? PriorityId);

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            if (plan is null) return null;
            var milestone = c.Existing is null ? null : plan.Milestones.FirstOrDefault(m => m.Ref == c.Existing);
            if (c.Existing is not null && milestone is null) return null;
            var errors = new List<FieldError>();
            if (milestone is null && string.IsNullOrWhiteSpace(c.Ref)) errors.Add(new("ref", "Enter the milestone's ref, such as CED08a."));
            var objective = plan.Objectives.FirstOrDefault(o => o.Ref == c.ObjectiveRef);
            if (objective is null) errors.Add(new("objective", "Choose the objective the milestone belongs to."));
            if (string.IsNullOrWhiteSpace(c.Text)) errors.Add(new("text", "Enter the milestone's text."));
            var year = PlanEditor.Year(c.Year, "year", "plan year", errors);
            var due = PlanEditor.Date(c.DueDay, c.DueMonth, c.DueYear, "due-day", "due date", errors);
            Priority? priority = null;
            if (!string.IsNullOrWhiteSpace(c.PriorityId))
            {
                priority = plan.Priorities.FirstOrDefault(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == c.PriorityId);
                if (priority is null) errors.Add(new("priority", "Choose a priority from the list, or leave it as the objective's."));
            }
            if (errors.Count > 0) return EditResult.Invalid(errors);
            var before = PlanSnapshot.Of(plan);
            // A milestone with no officer named is its objective's officer's, as in the plan folder.
            var details = new MilestoneDetails(objective!, c.Text!, year!.Value, due, await editor.OfficerNamedAsync(c.Officer, ct) ?? objective!.Officer, priority);
            if (milestone is null) milestone = plan.AddMilestone(c.Ref!, details);
            else plan.ChangeMilestone(milestone, details);
            await editor.SaveAsync(plan, c.Revision, before, null, ct);
            return EditResult.Saved(milestone.Ref);
        }
    }
}
