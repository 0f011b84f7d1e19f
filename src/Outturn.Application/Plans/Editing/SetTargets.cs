using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Application.Plans.Editing;

/// <summary>
/// Sets a measure's targets for each plan year and, for a quarterly profile, each quarter. Once an approved plan's
/// year has begun, a target it already has changes only with a reason, which the measure's history shows beside it.
/// </summary>
public static class SetTargets
{
    /// <param name="Text">A number, "tbc" or "n/a"; blank leaves a period with no target.</param>
    public sealed record Row(string Period, string? Text, string? Note);

    public sealed record Command(string PlanRef, int Revision, string MeasureRef, IReadOnlyList<Row> Rows, string? Reason);

    /// <summary>The field a row's target is typed in: "target-2015-16", "target-2015-16-Q2".</summary>
    public static string FieldOf(Period period) => "target-" + period.ToString().Replace("/", "-").Replace(' ', '-');

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            var measure = plan?.Indicators.FirstOrDefault(i => i.Ref == c.MeasureRef);
            if (plan is null || measure is null) return null;
            var errors = new List<FieldError>();
            var wanted = new List<(Period Period, TargetState State, decimal? Value, string? Note)>();
            foreach (var row in c.Rows)
            {
                if (!Period.TryParse(row.Period, out var period)) continue;
                var field = FieldOf(period);
                var text = row.Text?.Trim() ?? "";
                var held = measure.Targets.FirstOrDefault(t => t.Period == period);
                if (text.Length == 0)
                {
                    if (held is not null) errors.Add(new(field, $"Enter the target for {period.ToDisplayString()}, tbc or n/a: a target is never removed."));
                    continue;
                }
                if (text.Equals("tbc", StringComparison.OrdinalIgnoreCase)) wanted.Add((period, TargetState.ToBeConfirmed, null, row.Note));
                else if (text.Equals("n/a", StringComparison.OrdinalIgnoreCase)) wanted.Add((period, TargetState.NotApplicable, null, row.Note));
                else if (PlanEditor.Number(text, field, $"target for {period.ToDisplayString()}", errors) is { } value) wanted.Add((period, TargetState.Set, value, row.Note));
            }
            if (errors.Count > 0) return EditResult.Invalid(errors);
            var before = PlanSnapshot.Of(plan);
            foreach (var (period, state, value, note) in wanted)
            {
                var held = measure.Targets.FirstOrDefault(t => t.Period == period);
                if (held is not null && held.Is(state, value, note)) continue;
                plan.ChangeTarget(measure, period, state, value, note, editor.Today, c.Reason);
            }
            await editor.SaveAsync(plan, c.Revision, before, c.Reason, ct);
            return EditResult.Saved(measure.Ref);
        }
    }
}
