using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>Approves a draft plan: it becomes the plan in force, kept as version 1, and later changes make new versions.</summary>
public static class ApprovePlan
{
    public sealed record Command(string PlanRef, int Revision);

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            if (plan is null) return null;
            var before = PlanSnapshot.Of(plan);
            plan.Approve();
            await editor.SaveAsync(plan, c.Revision, before, null, ct, approving: true);
            return EditResult.Saved(plan.Ref);
        }
    }
}
