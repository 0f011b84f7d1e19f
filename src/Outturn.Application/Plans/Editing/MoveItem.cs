namespace Outturn.Application.Plans.Editing;

/// <summary>Moves an item up or down among the items of its parent: the order the plan page and the reports list them in.</summary>
public static class MoveItem
{
    /// <param name="By">-1 for up, +1 for down.</param>
    public sealed record Command(string PlanRef, int Revision, PlanItemKind Kind, string Key, int By);

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            var item = plan is null ? null : PlanItems.Find(plan, c.Kind, c.Key);
            if (plan is null || item is null) return null;
            var before = Domain.Plans.PlanSnapshot.Of(plan);
            plan.Move(item, c.By);
            await editor.SaveAsync(plan, c.Revision, before, null, ct);
            return EditResult.Saved(c.Key);
        }
    }
}
