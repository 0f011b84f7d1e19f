using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Outturn.Domain.Organisations;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Application.Plans.Editing;

/// <summary>
/// Adds a measure or changes its definition: every field the plan folder's indicators.csv has (title, polarity,
/// unit, decimal places, frequency, value type, tolerance, key, source, type, definition, data availability,
/// multiplier, formula, aggregation, direction basis, minimum and maximum), where it is reported, who is
/// responsible and which organisation owns it. Its ref is fixed once added.
/// </summary>
public static class SaveMeasure
{
    public sealed record Command(string PlanRef, int Revision, string? Existing, string? Ref, string? Title, string? ObjectiveRef, string? PriorityId,
        string? Officer, string? OrganisationRef, string? Polarity, string? Unit, string? Precision, string? Frequency, string? ValueType,
        string? Tolerance, bool IsKey, string? Source, string? Type, string? Definition, string? Availability, string? Multiplier,
        string? Formula, string? Aggregation, string? DirectionBasis, string? Minimum, string? Maximum);

    public static readonly IReadOnlyDictionary<string, Polarity> Polarities = new Dictionary<string, Polarity>
    {
        ["higher"] = Domain.Status.Polarity.Higher, ["lower"] = Domain.Status.Polarity.Lower, ["none"] = Domain.Status.Polarity.None,
    };

    public static readonly IReadOnlyDictionary<string, Frequency> Frequencies = new Dictionary<string, Frequency>
    {
        ["quarterly"] = Domain.Status.Frequency.Quarterly, ["annual"] = Domain.Status.Frequency.Annual, ["monthly"] = Domain.Status.Frequency.Monthly,
    };

    public static readonly IReadOnlyDictionary<string, ValueType> ValueTypes = new Dictionary<string, ValueType>
    {
        ["snapshot"] = Domain.Status.ValueType.Snapshot, ["cumulative"] = Domain.Status.ValueType.Cumulative, ["rolling"] = Domain.Status.ValueType.Rolling,
    };

    /// <summary>The definition typed into the form, or the fields to correct.</summary>
    public static (MeasureDefinition? Definition, List<FieldError> Errors) Validate(Command c)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(c.Title)) errors.Add(new("title", "Enter the measure's title."));
        if (!Polarities.TryGetValue(c.Polarity ?? "", out var polarity)) errors.Add(new("polarity", "Say whether higher or lower is better, or neither."));
        if (!int.TryParse(c.Precision, NumberStyles.None, CultureInfo.InvariantCulture, out var precision) || precision > 4)
            errors.Add(new("precision", "Enter the number of decimal places, from 0 to 4."));
        if (!Frequencies.TryGetValue(c.Frequency ?? "", out var frequency)) errors.Add(new("frequency", "Choose how often the measure is reported."));
        if (!ValueTypes.TryGetValue(c.ValueType ?? "", out var valueType)) errors.Add(new("value-type", "Choose what kind of figure it is."));
        if (!Tolerance.TryParse(c.Tolerance, out var tolerance))
            errors.Add(new("tolerance", "The tolerance must be blank (5% of the target), a number (in the measure's units) or a number with % (of the target)."));
        var multiplier = PlanEditor.Number(c.Multiplier, "multiplier", "multiplier", errors);
        Aggregation? aggregation = null;
        if (!string.IsNullOrWhiteSpace(c.Aggregation))
        {
            if (MeasureWords.Aggregations.TryGetValue(c.Aggregation, out var a)) aggregation = a;
            else errors.Add(new("aggregation", "Choose how the measure's figures roll up."));
        }
        DirectionBasis? basis = null;
        if (!string.IsNullOrWhiteSpace(c.DirectionBasis))
        {
            if (MeasureWords.Bases.TryGetValue(c.DirectionBasis, out var b)) basis = b;
            else errors.Add(new("direction-basis", "Choose what direction of travel compares with."));
        }
        var minimum = PlanEditor.Number(c.Minimum, "minimum", "minimum", errors);
        var maximum = PlanEditor.Number(c.Maximum, "maximum", "maximum", errors);
        if (errors.Count > 0) return (null, errors);
        return (new MeasureDefinition(c.Title!, polarity, c.Unit, precision, frequency, valueType, tolerance, c.IsKey, c.Source, c.Type,
            c.Definition, c.Availability, multiplier, c.Formula, aggregation, basis, minimum, maximum), errors);
    }

    public sealed class Handler(PlanEditor editor)
    {
        public async Task<EditResult?> HandleAsync(Command c, CancellationToken ct)
        {
            var plan = await editor.LoadAsync(c.PlanRef, ct);
            if (plan is null) return null;
            var measure = c.Existing is null ? null : plan.Indicators.FirstOrDefault(i => i.Ref == c.Existing);
            if (c.Existing is not null && measure is null) return null;
            var (definition, errors) = Validate(c);
            if (measure is null && string.IsNullOrWhiteSpace(c.Ref)) errors.Insert(0, new("ref", "Enter the measure's ref, such as CED033."));
            Objective? objective = null;
            if (!string.IsNullOrWhiteSpace(c.ObjectiveRef))
            {
                objective = plan.Objectives.FirstOrDefault(o => o.Ref == c.ObjectiveRef);
                if (objective is null) errors.Add(new("objective", "Choose an objective from the list, or none."));
            }
            Priority? priority = null;
            if (!string.IsNullOrWhiteSpace(c.PriorityId))
            {
                priority = plan.Priorities.FirstOrDefault(p => p.Id.ToString(CultureInfo.InvariantCulture) == c.PriorityId);
                if (priority is null) errors.Add(new("priority", "Choose a priority from the list."));
            }
            if (objective is null && priority is null && string.IsNullOrWhiteSpace(c.ObjectiveRef))
                errors.Add(new("objective", "Choose the objective the measure is linked to, or a priority to report it under."));
            int? organisationId = null;
            if (!string.IsNullOrWhiteSpace(c.OrganisationRef))
            {
                organisationId = await editor.Db.Set<Organisation>().Where(o => o.Ref == c.OrganisationRef).Select(o => (int?)o.Id).SingleOrDefaultAsync(ct);
                if (organisationId is null) errors.Add(new("organisation-ref", "Choose an organisation of the partnership from the list."));
            }
            if (errors.Count > 0) return EditResult.Invalid(errors);

            var before = PlanSnapshot.Of(plan);
            var officer = await editor.OfficerNamedAsync(c.Officer, ct);
            if (measure is null) measure = plan.AddMeasure(c.Ref!, objective, priority, definition!, officer);
            else
            {
                plan.RedefineMeasure(measure, definition!);
                plan.PlaceMeasure(measure, objective, priority);
                measure.AssignTo(officer);
            }
            measure.OrganisationId = organisationId;
            await editor.SaveAsync(plan, c.Revision, before, null, ct);
            return EditResult.Saved(measure.Ref);
        }
    }
}
