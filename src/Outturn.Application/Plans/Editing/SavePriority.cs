using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>Adds a priority (a theme the plan reports under) or renames one.</summary>
public static class SavePriority
{
    /// <param name="Id">The priority to change; null to add one.</param>
    public sealed record Command(string PlanRef, int Revision, int? Id, string? Name, string? Ref);

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            if (plan is null) return null;
            var priority = c.Id is { } id ? plan.Priorities.FirstOrDefault(p => p.Id == id) : null;
            if (c.Id is not null && priority is null) return null;
            if (string.IsNullOrWhiteSpace(c.Name)) return EditResult.Invalid([new("name", "Enter the priority's name.")]);
            var before = PlanSnapshot.Of(plan);
            if (priority is null) priority = plan.AddPriority(c.Name, c.Ref);
            else plan.ChangePriority(priority, c.Name, c.Ref);
            await editor.SaveAsync(plan, c.Revision, before, null, ct);
            return EditResult.Saved(priority.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
