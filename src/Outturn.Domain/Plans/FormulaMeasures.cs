using Outturn.Domain.Formulas;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Domain.Plans;

/// <summary>Keeps a plan's formula measures' values computed from their inputs' values, period by period.</summary>
public static class FormulaMeasures
{
    /// <summary>
    /// Checks every formula of the plan: it parses, its refs are measures of the plan, and no measure is computed
    /// from itself. Returns the problems as (measure ref, message); none means the formulas can be computed.
    /// </summary>
    public static IReadOnlyList<(string Ref, string Problem)> Check(IEnumerable<Indicator> indicators)
    {
        var all = indicators.ToList();
        var refs = all.Select(i => i.Ref).ToHashSet(StringComparer.Ordinal);
        var problems = new List<(string, string)>();
        var parsed = new Dictionary<string, Formula>(StringComparer.Ordinal);
        foreach (var i in all.Where(i => i.Formula is not null))
        {
            if (!Formula.TryParse(i.Formula, out var f, out var error)) { problems.Add((i.Ref, $"formula \"{i.Formula}\": {error}.")); continue; }
            var unknown = f!.Refs.Where(r => !refs.Contains(r)).ToList();
            if (unknown.Count > 0) { problems.Add((i.Ref, $"formula \"{i.Formula}\" refers to {string.Join(", ", unknown.Select(u => $"\"{u}\""))}, not a measure of this plan.")); continue; }
            parsed[i.Ref] = f;
        }
        if (FormulaChecks.FindCycle(parsed) is { } cycle)
            problems.Add((cycle[0], $"formula makes a cycle: {string.Join(" → ", cycle)}; a measure cannot be computed from itself."));
        return problems;
    }

    /// <summary>
    /// Sets each formula measure's value for every period where its inputs are held; where an input is missing the
    /// figure already held is kept but marked unavailable with the reason (a figure is never deleted). Returns the
    /// values added, so the caller can save them. Call after <see cref="Check"/> finds no problem.
    /// </summary>
    public static IReadOnlyList<IndicatorValue> Recompute(IEnumerable<Indicator> indicators)
    {
        var all = indicators.ToList();
        var byRef = all.ToDictionary(i => i.Ref, StringComparer.Ordinal);
        var formulas = all.Where(i => i.Formula is not null && Formula.TryParse(i.Formula, out _, out _))
            .ToDictionary(i => i.Ref, i => Formula.Parse(i.Formula!), StringComparer.Ordinal);
        var added = new List<IndicatorValue>();
        foreach (var r in FormulaChecks.EvaluationOrder(formulas))
        {
            var measure = byRef[r];
            var formula = formulas[r];
            var inputs = formula.Refs.Where(byRef.ContainsKey).Select(x => byRef[x]).ToList();
            var periods = inputs.SelectMany(i => i.Values).Select(v => v.Period).Distinct().Order().ToList();
            foreach (var period in periods)
            {
                var values = inputs.ToDictionary(i => i.Ref, i => i.Values.FirstOrDefault(v => v.Period == period), StringComparer.Ordinal);
                var result = formula.Evaluate(x => values.GetValueOrDefault(x)?.Value);
                var existing = measure.Values.FirstOrDefault(v => v.Period == period);
                if (result is null)
                {
                    var missing = values.Where(kv => kv.Value?.Value is null).Select(kv => kv.Key).ToList();
                    if (existing is null) continue;
                    existing.Value = null;
                    existing.Status = ValueStatus.Unavailable;
                    existing.Note = missing.Count > 0 ? $"Not computed: {string.Join(", ", missing)} not held for {period.ToDisplayString()}" : "Not computed: division by zero";
                    continue;
                }
                var status = values.Values.Any(v => v!.Status != ValueStatus.Final) ? ValueStatus.Provisional : ValueStatus.Final;
                var rounded = Math.Round(result.Value, 6, MidpointRounding.AwayFromZero);
                if (existing is null)
                {
                    existing = new IndicatorValue { IndicatorId = measure.Id, Period = period };
                    measure.Values.Add(existing);
                    added.Add(existing);
                }
                else if (existing.Value == rounded && existing.Status == status) continue;
                existing.Value = rounded;
                existing.Status = status;
                existing.Note = null;
            }
        }
        return added;
    }
}
