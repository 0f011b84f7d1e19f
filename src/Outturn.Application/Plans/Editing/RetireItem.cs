namespace Outturn.Application.Plans.Editing;

/// <summary>Retires a priority, objective, milestone or measure from today: it keeps its figures and history and joins no new round.</summary>
public static class RetireItem
{
    public sealed record Command(string PlanRef, int Revision, PlanItemKind Kind, string Key, string? Reason);

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            var item = plan is null ? null : PlanItems.Find(plan, c.Kind, c.Key);
            if (plan is null || item is null) return null;
            var before = Domain.Plans.PlanSnapshot.Of(plan);
            plan.Retire(item, editor.Today);
            await editor.SaveAsync(plan, c.Revision, before, c.Reason, ct);
            return EditResult.Saved(c.Key);
        }
    }
}
