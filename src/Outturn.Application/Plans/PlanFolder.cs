using System.Globalization;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Statistics;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Application.Plans;

/// <summary>
/// A plan folder (see docs/import-formats.md) read and checked as a whole. Either <see cref="Plan"/> is complete and
/// <see cref="Errors"/> is empty, or nothing may be saved.
/// </summary>
public sealed class PlanFolder
{
    public static readonly string[] KnownFiles =
        ["plan.csv", "officers.csv", "priorities.csv", "objectives.csv", "milestones.csv", "indicators.csv", "targets.csv", "values.csv",
         "milestone_progress.csv", "overrides.csv", "commentary.csv", "comparators.csv"];

    public Plan? Plan { get; private set; }
    /// <summary>Officers by name, as the folder names them; the importer matches them with those already held.</summary>
    public Dictionary<string, Officer> Officers { get; } = new(StringComparer.Ordinal);
    public List<Commentary> Commentary { get; } = [];
    public List<string> Errors { get; } = [];
    /// <summary>The plan check's errors that do not stop an import (a target outside the plan's years, a due date outside its year).</summary>
    public List<string> CheckErrors { get; } = [];
    /// <summary>What the plan check found that does not stop an import (docs/import-formats.md, "Plan check").</summary>
    public List<string> Warnings { get; } = [];

    public bool IsValid => Errors.Count == 0 && Plan is not null;

    /// <summary>What the plan check found: its errors are in <see cref="Errors"/> too, its warnings in <see cref="Warnings"/>.</summary>
    public List<PlanFinding> Findings { get; } = [];

    public static PlanFolder Read(string folder, DateOnly? today = null)
    {
        var result = new PlanFolder { _today = today ?? DateOnly.FromDateTime(DateTime.UtcNow) };
        if (!Directory.Exists(folder))
        {
            result.Errors.Add($"{folder}: no such folder.");
            return result;
        }
        result.Load(folder);
        return result;
    }

    private DateOnly _today;

    private void Load(string folder)
    {
        var e = Errors;
        foreach (var extra in Directory.GetFiles(folder, "*.csv").Select(Path.GetFileName).Where(f => !KnownFiles.Contains(f)))
            e.Add($"{extra}: not a file of the plan folder format; the files are {string.Join(", ", KnownFiles)}.");

        var planRows = CsvTable.Read(folder, "plan.csv", ["ref", "title", "kind", "first_year", "last_year"], ["organisation", "directorate", "status", "description"], true, e);
        var officerRows = CsvTable.Read(folder, "officers.csv", ["name"], ["initials", "job_title", "organisation"], false, e);
        var priorityRows = CsvTable.Read(folder, "priorities.csv", ["name"], ["retired", "ref"], false, e);
        var objectiveRows = CsvTable.Read(folder, "objectives.csv", ["ref", "title", "priority", "officer"], ["corporate_priority", "key", "retired", "key_developments", "emerging_issues"], true, e);
        var milestoneRows = CsvTable.Read(folder, "milestones.csv", ["ref", "objective", "text", "year", "due", "officer"], ["priority", "retired"], true, e);
        var indicatorRows = CsvTable.Read(folder, "indicators.csv",
            ["ref", "title", "objective", "polarity", "unit", "precision", "frequency", "value_type", "tolerance", "key"],
            ["priority", "officer", "source", "type", "definition", "availability", "retired", "multiplier", "formula", "aggregation", "direction_basis", "minimum", "maximum"], true, e);
        var targetRows = CsvTable.Read(folder, "targets.csv", ["indicator", "period", "target"], ["note"], true, e);
        var valueRows = CsvTable.Read(folder, "values.csv", ["indicator", "period", "value", "status", "note"], ["internal_note", "numerator", "denominator"], true, e);
        var progressRows = CsvTable.Read(folder, "milestone_progress.csv", ["milestone", "period", "progress", "commentary"], [], false, e);
        var overrideRows = CsvTable.Read(folder, "overrides.csv", ["indicator", "period", "kind", "status", "reason"], [], false, e);
        var commentaryRows = CsvTable.Read(folder, "commentary.csv", ["priority", "period", "text"], [], false, e);
        var comparatorRows = CsvTable.Read(folder, "comparators.csv", ["indicator", "period", "comparator", "value", "note"], ["internal_note"], false, e);
        if (planRows is null) return;

        if (planRows.Count != 1)
        {
            e.Add($"plan.csv: {planRows.Count} rows; expected exactly one.");
            return;
        }
        var plan = ReadPlan(planRows[0]);
        if (plan is null) return;
        Plan = plan;
        Check(plan, objectiveRows, milestoneRows, indicatorRows, targetRows, valueRows);

        foreach (var r in officerRows ?? [])
        {
            if (r["name"].Length == 0) { e.Add($"{r.Where}: name is blank."); continue; }
            if (Officers.ContainsKey(r["name"])) { e.Add($"{r.Where}: officer \"{r["name"]}\" is listed twice."); continue; }
            Officers[r["name"]] = new Officer { Name = r["name"], Initials = r.Optional("initials"), JobTitle = r.Optional("job_title"), Organisation = r.Optional("organisation") };
        }

        var priorities = new Dictionary<string, Priority>(StringComparer.Ordinal);
        Priority PriorityNamed(string name)
        {
            if (!priorities.TryGetValue(name, out var p))
            {
                p = new Priority { Name = name, Order = priorities.Count + 1 };
                priorities[name] = p;
                plan.Priorities.Add(p);
            }
            return p;
        }

        // priorities.csv fixes the reporting order; without it, priorities come in the order they are first named.
        foreach (var r in priorityRows ?? [])
        {
            if (r["name"].Length == 0) { e.Add($"{r.Where}: name is blank."); continue; }
            if (priorities.ContainsKey(r["name"])) { e.Add($"{r.Where}: priority \"{r["name"]}\" is listed twice."); continue; }
            if (r.Optional("ref") is { } pref && priorities.Values.Any(x => x.Ref == pref)) { e.Add($"{r.Where}: priority ref \"{pref}\" is listed twice."); continue; }
            var p = PriorityNamed(r["name"]);
            if (r.Optional("ref") is { } priorityRef) p.Rename(p.Name, priorityRef);
            if (RetiredOn(r) is { } on) p.Retire(on);
        }

        var objectives = new Dictionary<string, Objective>(StringComparer.Ordinal);
        foreach (var r in objectiveRows ?? [])
        {
            if (!Ref(r, "ref", objectives.ContainsKey, "objective")) continue;
            if (r["title"].Length == 0) e.Add($"{r.Where}: title is blank.");
            if (r["priority"].Length == 0) { e.Add($"{r.Where}: priority is blank; every objective is reported under a priority."); continue; }
            var key = YesNo(r, "key", optional: true);
            var o = new Objective
            {
                Ref = r["ref"], Title = r["title"], Priority = PriorityNamed(r["priority"]), Officer = OfficerNamed(r.Optional("officer")),
                CorporatePriority = r.Optional("corporate_priority"), IsKey = key ?? false, Order = objectives.Count + 1,
                KeyDevelopments = Objective.Points(r.Optional("key_developments")), EmergingIssues = Objective.Points(r.Optional("emerging_issues")),
            };
            if (RetiredOn(r) is { } on) o.Retire(on);
            objectives[o.Ref] = o;
            plan.Objectives.Add(o);
        }

        var milestones = new Dictionary<string, Milestone>(StringComparer.Ordinal);
        foreach (var r in milestoneRows ?? [])
        {
            if (!Ref(r, "ref", milestones.ContainsKey, "milestone")) continue;
            var errorsBefore = e.Count;
            if (!objectives.TryGetValue(r["objective"], out var objective))
                e.Add($"{r.Where}: objective \"{r["objective"]}\" is not in objectives.csv.");
            if (r["text"].Length == 0) e.Add($"{r.Where}: text is blank.");
            var year = YearOf(r, "year");
            DateOnly? due = null;
            if (r["due"].Length > 0)
            {
                if (DateOnly.TryParseExact(r["due"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) due = d;
                else e.Add($"{r.Where}: due \"{r["due"]}\" is not a date; expected an ISO date such as 2016-03-31, or blank.");
            }
            if (e.Count > errorsBefore || objective is null || year is null) continue;
            var m = new Milestone
            {
                Ref = r["ref"], Objective = objective, Text = r["text"], Year = year.Value, Due = due,
                Officer = OfficerNamed(r.Optional("officer")) ?? objective.Officer,
                Priority = r.Optional("priority") is { } p ? PriorityNamed(p) : objective.Priority!, Order = milestones.Count + 1,
            };
            if (RetiredOn(r) is { } on) m.Retire(on);
            milestones[m.Ref] = m;
            plan.Milestones.Add(m);
        }

        var indicators = new Dictionary<string, Indicator>(StringComparer.Ordinal);
        var indicatorLines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var r in indicatorRows ?? [])
        {
            if (!Ref(r, "ref", indicators.ContainsKey, "indicator")) continue;
            Objective? objective = null;
            if (r["objective"].Length > 0 && !objectives.TryGetValue(r["objective"], out objective))
            {
                e.Add($"{r.Where}: objective \"{r["objective"]}\" is not in objectives.csv.");
                continue;
            }
            var priorityName = r.Optional("priority") ?? objective?.Priority?.Name;
            if (priorityName is null) continue; // the plan check reports a measure with neither objective nor priority
            if (r["title"].Length == 0) e.Add($"{r.Where}: title is blank.");
            var polarity = Word<Polarity>(r, "polarity", new() { ["higher"] = Polarity.Higher, ["lower"] = Polarity.Lower, ["none"] = Polarity.None });
            var frequency = Word<Frequency>(r, "frequency", new() { ["quarterly"] = Frequency.Quarterly, ["annual"] = Frequency.Annual, ["monthly"] = Frequency.Monthly });
            var valueType = Word<ValueType>(r, "value_type", new() { ["snapshot"] = ValueType.Snapshot, ["cumulative"] = ValueType.Cumulative, ["rolling"] = ValueType.Rolling });
            var key = YesNo(r, "key", optional: false);
            int? precision = int.TryParse(r["precision"], NumberStyles.None, CultureInfo.InvariantCulture, out var pr) && pr <= 4 ? pr : null;
            if (precision is null) e.Add($"{r.Where}: precision \"{r["precision"]}\" is not a number of decimal places from 0 to 4.");
            if (!Tolerance.TryParse(r["tolerance"], out var tolerance))
                e.Add($"{r.Where}: tolerance \"{r["tolerance"]}\" is not blank, a number (absolute) or a number with % (relative to the target).");
            var errorsBeforeKind = e.Count;
            var (multiplier, formula, aggregation, basis) = MeasureKind(r);
            var minimum = Bound(r, "minimum");
            var maximum = Bound(r, "maximum");
            if (minimum > maximum) e.Add($"{r.Where}: minimum {r["minimum"]} is above maximum {r["maximum"]}.");
            if (polarity is null || frequency is null || valueType is null || key is null || precision is null || e.Count > errorsBeforeKind) continue;
            var i = new Indicator
            {
                Ref = r["ref"], Title = r["title"], Objective = objective, Priority = PriorityNamed(priorityName),
                Polarity = polarity.Value, Unit = r.Optional("unit"), Precision = precision.Value, Frequency = frequency.Value,
                ValueType = valueType.Value, Tolerance = tolerance, IsKey = key.Value, Officer = OfficerNamed(r.Optional("officer")) ?? objective?.Officer,
                Source = r.Optional("source"), Type = r.Optional("type"), Definition = r.Optional("definition"),
                Availability = r.Optional("availability"), Order = indicators.Count + 1,
                Multiplier = multiplier, Formula = formula, Aggregation = aggregation, DirectionBasis = basis,
                Minimum = minimum, Maximum = maximum,
            };
            if (RetiredOn(r) is { } on) i.Retire(on);
            indicators[i.Ref] = i;
            indicatorLines[i.Ref] = r.Where;
            plan.Indicators.Add(i);
        }

        foreach (var r in targetRows ?? [])
        {
            if (IndicatorOf(r, indicators) is not { } ind || PeriodOf(r) is not { } period) continue;
            if (ind.Targets.Any(t => t.Period == period)) { e.Add($"{r.Where}: a second target for {ind.Ref} in {period}."); continue; }
            var text = r["target"];
            Target target;
            if (text.Equals("tbc", StringComparison.OrdinalIgnoreCase)) target = new Target { Period = period, Note = r.Optional("note"), State = TargetState.ToBeConfirmed };
            else if (text.Equals("n/a", StringComparison.OrdinalIgnoreCase)) target = new Target { Period = period, Note = r.Optional("note"), State = TargetState.NotApplicable };
            else if (CsvTable.TryNumber(text, out var v)) target = new Target { Period = period, Note = r.Optional("note"), State = TargetState.Set, Value = v };
            else { e.Add($"{r.Where}: target \"{text}\" is not a number, \"tbc\" or \"n/a\"{Hint(text)}."); continue; }
            ind.Targets.Add(target);
        }

        foreach (var r in valueRows ?? [])
        {
            if (IndicatorOf(r, indicators) is not { } ind || PeriodOf(r) is not { } period) continue;
            if (ind.Values.Any(v => v.Period == period)) { e.Add($"{r.Where}: a second value for {ind.Ref} in {period}."); continue; }
            var status = Word<ValueStatus>(r, "status", new() { ["final"] = ValueStatus.Final, ["provisional"] = ValueStatus.Provisional, ["unavailable"] = ValueStatus.Unavailable });
            if (status is null) continue;
            var value = new IndicatorValue { Period = period, Status = status.Value, Note = r.Optional("note"), InternalNote = r.Optional("internal_note") };
            if (status == ValueStatus.Unavailable)
            {
                if (r["value"].Length > 0) { e.Add($"{r.Where}: status is unavailable but value is \"{r["value"]}\"; leave value blank and say why in note."); continue; }
                if (value.Note is null) { e.Add($"{r.Where}: status is unavailable; note must say why (e.g. \"Available at end of Quarter 3\"); it is published, so internal_note alone will not do."); continue; }
            }
            else if (ind.Formula is not null) { e.Add($"{r.Where}: {ind.Ref} is computed from its formula ({ind.Formula}); its values are not entered."); continue; }
            else if (!Counts(r, ind, value)) continue;
            else if (value.Value is not null) { }
            else if (CsvTable.TryNumber(r["value"], out var v)) value.Value = v;
            else { e.Add($"{r.Where}: value \"{r["value"]}\" is not a number{Hint(r["value"])}."); continue; }
            ind.Values.Add(value);
        }

        // Formulas are checked once every measure is known: a ref may name a measure further down the file.
        var formulaProblems = FormulaMeasures.Check(plan.Indicators);
        foreach (var (indicatorRef, problem) in formulaProblems) e.Add($"{indicatorLines[indicatorRef]}: {problem}");
        if (formulaProblems.Count == 0) FormulaMeasures.Recompute(plan.Indicators);

        foreach (var r in progressRows ?? [])
        {
            if (!milestones.TryGetValue(r["milestone"], out var m)) { e.Add($"{r.Where}: milestone \"{r["milestone"]}\" is not in milestones.csv."); continue; }
            if (PeriodOf(r) is not { } period) continue;
            MilestoneProgress? progress = null;
            if (r["progress"].Length > 0)
            {
                if (StatusWords.TryParseMilestoneProgress(r["progress"], out var p)) progress = p;
                else { e.Add($"{r.Where}: progress \"{r["progress"]}\" is not one of green, amber, red, complete (or blank)."); continue; }
            }
            if (m.Updates.Any(u => u.Period == period)) { e.Add($"{r.Where}: a second update for {m.Ref} in {period}."); continue; }
            m.Updates.Add(new MilestoneUpdate { Period = period, Progress = progress, Commentary = r.Optional("commentary") });
        }

        foreach (var r in overrideRows ?? [])
        {
            if (IndicatorOf(r, indicators) is not { } ind || PeriodOf(r) is not { } period) continue;
            var kind = Word<OverrideKind>(r, "kind", new() { ["progress"] = OverrideKind.Progress, ["direction"] = OverrideKind.Direction });
            if (kind is null) continue;
            var ok = kind == OverrideKind.Progress ? StatusWords.TryParseProgress(r["status"], out _) : StatusWords.TryParseDirection(r["status"], out _);
            if (!ok)
            {
                e.Add($"{r.Where}: status \"{r["status"]}\" is not one of {(kind == OverrideKind.Progress ? "green, amber, red, na" : "better, same, worse, na")}.");
                continue;
            }
            if (r["reason"].Length == 0) { e.Add($"{r.Where}: reason is blank; an override of a computed status needs a reason."); continue; }
            if (ind.Overrides.Any(o => o.Period == period && o.Kind == kind)) { e.Add($"{r.Where}: a second {r["kind"]} override for {ind.Ref} in {period}."); continue; }
            ind.Overrides.Add(new StatusOverride { Period = period, Kind = kind.Value, Status = r["status"].ToLowerInvariant(), Reason = r["reason"], By = "import" });
        }

        foreach (var r in commentaryRows ?? [])
        {
            if (!priorities.TryGetValue(r["priority"], out var priority)) { e.Add($"{r.Where}: priority \"{r["priority"]}\" is not a priority of this plan (named in objectives, milestones or indicators)."); continue; }
            if (PeriodOf(r) is not { } period) continue;
            if (r["text"].Length == 0) { e.Add($"{r.Where}: text is blank."); continue; }
            Commentary.Add(new Commentary
            {
                Priority = priority, Period = period, Text = r["text"],
                Order = Commentary.Count(x => x.Priority == priority && x.Period == period) + 1,
            });
        }

        foreach (var r in comparatorRows ?? [])
        {
            if (IndicatorOf(r, indicators) is not { } ind || PeriodOf(r) is not { } period) continue;
            var comparator = Word<Comparator>(r, "comparator", new()
            {
                ["england"] = Comparator.England, ["region"] = Comparator.Region, ["neighbours"] = Comparator.Neighbours,
                ["quartile-top"] = Comparator.QuartileTop, ["quartile-middle"] = Comparator.QuartileMiddle, ["quartile-bottom"] = Comparator.QuartileBottom,
            });
            if (comparator is null) continue;
            decimal? value = null;
            if (r["value"].Length > 0)
            {
                if (CsvTable.TryNumber(r["value"], out var v)) value = v;
                else { e.Add($"{r.Where}: value \"{r["value"]}\" is not a number{Hint(r["value"])}."); continue; }
            }
            if (ind.Comparators.Any(c => c.Period == period && c.Comparator == comparator)) { e.Add($"{r.Where}: a second {r["comparator"]} value for {ind.Ref} in {period}."); continue; }
            ind.Comparators.Add(new ComparatorValue { Period = period, Comparator = comparator.Value, Value = value, Note = r.Optional("note"), InternalNote = r.Optional("internal_note") });
        }
    }

    /// <summary>The plan check (Outturn.Domain.Plans.PlanCheck) on the rows as the folder has them, duplicates and all.</summary>
    private void Check(Plan plan, List<CsvRow>? objectives, List<CsvRow>? milestones, List<CsvRow>? indicators, List<CsvRow>? targets, List<CsvRow>? values)
    {
        var outline = new PlanOutline { FirstYear = plan.FirstYear, LastYear = plan.LastYear };
        foreach (var r in objectives ?? []) outline.Objectives.Add(new(r["ref"], r["title"], r.File, r.Line));
        foreach (var r in milestones ?? [])
        {
            int? year = Period.TryParseFinancialYear(r["year"], out var y) ? y.Year : null;
            DateOnly? due = DateOnly.TryParseExact(r["due"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            outline.Milestones.Add(new(r["ref"], r["text"], year, due, r.File, r.Line));
        }
        foreach (var r in indicators ?? []) outline.Measures.Add(new(r["ref"], r["title"], r["objective"].Length > 0, r["priority"].Length > 0, r.File, r.Line));
        foreach (var r in targets ?? [])
            if (Period.TryParse(r["period"], out var p)) outline.Targets.Add(new(r["indicator"], p, r["target"].Equals("tbc", StringComparison.OrdinalIgnoreCase), r.File, r.Line));
        foreach (var r in values ?? [])
            if (Period.TryParse(r["period"], out var p)) outline.Values.Add(new(r["indicator"], p, CsvTable.TryNumber(r["value"], out var v) ? v : null));

        foreach (var f in PlanCheck.Run(outline, _today))
        {
            Findings.Add(f);
            if (f.StopsImport) Errors.Add(f.ToString());
            else if (f.Level == FindingLevel.Error) CheckErrors.Add(f.ToString());
            else Warnings.Add(f.ToString());
        }
    }

    /// <summary>
    /// The optional columns that make a measure a ratio or a formula, and say how it rolls up and what its
    /// direction of travel compares with. Adds an error and returns nulls for anything it cannot read.
    /// </summary>
    private (decimal? Multiplier, string? Formula, Aggregation? Aggregation, DirectionBasis? Basis) MeasureKind(CsvRow r)
    {
        var e = Errors;
        decimal? multiplier = null;
        if (r.Optional("multiplier") is { } m)
        {
            if (CsvTable.TryNumber(m.Replace(",", ""), out var x) && RatioMeasures.Multipliers.Contains(x)) multiplier = x;
            else e.Add($"{r.Where}: multiplier \"{m}\" is not one of 1, 100, 1000, 10000, 100000 (100 for a percentage, 1000 or more for a rate).");
        }
        var formula = r.Optional("formula");
        if (formula is not null && multiplier is not null)
            e.Add($"{r.Where}: both multiplier and formula are given; a measure is a ratio of counts or a formula over other measures, not both.");
        Aggregation? aggregation = null;
        if (r.Optional("aggregation") is { } a)
        {
            if (MeasureWords.Aggregations.TryGetValue(a.ToLowerInvariant(), out var x)) aggregation = x;
            else e.Add($"{r.Where}: aggregation \"{a}\" is not one of {string.Join(", ", MeasureWords.Aggregations.Keys)}.");
            if (aggregation == Aggregation.Ratio && multiplier is null)
                e.Add($"{r.Where}: aggregation is ratio but no multiplier is given; only a ratio measure can be recomputed from its counts.");
        }
        DirectionBasis? basis = null;
        if (r.Optional("direction_basis") is { } b)
        {
            if (MeasureWords.Bases.TryGetValue(b.ToLowerInvariant(), out var x)) basis = x;
            else e.Add($"{r.Where}: direction_basis \"{b}\" is not one of {string.Join(", ", MeasureWords.Bases.Keys)}.");
        }
        return (multiplier, formula, aggregation, basis);
    }

    /// <summary>
    /// Reads a value row's numerator and denominator. For a ratio measure with both, the value is computed; a value
    /// given as well must agree with it at the measure's precision. Returns false after adding an error.
    /// </summary>
    private bool Counts(CsvRow r, Indicator ind, IndicatorValue value)
    {
        var e = Errors;
        var numText = r.Optional("numerator");
        var denText = r.Optional("denominator");
        if (numText is null && denText is null) return true;
        if (!ind.IsRatio) { e.Add($"{r.Where}: {ind.Ref} has no multiplier in indicators.csv, so it is not a ratio measure; numerator and denominator belong to ratio measures."); return false; }
        if (numText is null || denText is null) { e.Add($"{r.Where}: give both numerator and denominator, or neither."); return false; }
        if (!CsvTable.TryNumber(numText, out var numerator) || numerator < 0) { e.Add($"{r.Where}: numerator \"{numText}\" is not a count of zero or more{Hint(numText)}."); return false; }
        if (!CsvTable.TryNumber(denText, out var denominator) || denominator <= 0) { e.Add($"{r.Where}: denominator \"{denText}\" is not a number more than zero{Hint(denText)}."); return false; }
        if (RatioMeasures.IsProportion(ind.Multiplier!.Value) && numerator > denominator)
        {
            e.Add($"{r.Where}: numerator {numText} is more than denominator {denText}; a percentage's numerator is part of its denominator.");
            return false;
        }
        var computed = RatioMeasures.Value(numerator, denominator, ind.Multiplier.Value)!.Value;
        if (r.Optional("value") is { } given)
        {
            if (!CsvTable.TryNumber(given, out var v)) { e.Add($"{r.Where}: value \"{given}\" is not a number{Hint(given)}."); return false; }
            var round = (decimal d) => Math.Round(d, ind.Precision, MidpointRounding.AwayFromZero);
            if (round(v) != round(computed))
            {
                e.Add($"{r.Where}: value {given} differs from numerator ÷ denominator × {ind.Multiplier.Value:0} = {round(computed).ToString("F" + ind.Precision, CultureInfo.InvariantCulture)}; leave value blank to have it computed.");
                return false;
            }
        }
        value.Numerator = numerator;
        value.Denominator = denominator;
        value.Value = Math.Round(computed, 6, MidpointRounding.AwayFromZero);
        return true;
    }

    /// <summary>The optional minimum or maximum column: blank, or the lowest or highest figure the measure can take.</summary>
    private decimal? Bound(CsvRow r, string column)
    {
        if (r.Optional(column) is not { } text) return null;
        if (CsvTable.TryNumber(text, out var v)) return v;
        Errors.Add($"{r.Where}: {column} \"{text}\" is not a number{Hint(text)}; leave it blank for no {column}.");
        return null;
    }

    private Plan? ReadPlan(CsvRow r)
    {
        var e = Errors;
        var ok = true;
        if (r["ref"].Length == 0) { e.Add($"{r.Where}: ref is blank."); ok = false; }
        if (r["title"].Length == 0) { e.Add($"{r.Where}: title is blank."); ok = false; }
        if (!PlanKinds.ByWord.TryGetValue(r["kind"], out var kind))
        {
            e.Add($"{r.Where}: kind \"{r["kind"]}\" is not one of {string.Join(", ", PlanKinds.ByWord.Keys)}.");
            ok = false;
        }
        var first = YearOf(r, "first_year");
        var last = YearOf(r, "last_year");
        if (first > last) { e.Add($"{r.Where}: first_year {Period.FinancialYear(first!.Value)} is after last_year {Period.FinancialYear(last!.Value)}."); ok = false; }
        var status = PlanStatus.Approved;
        if (r.Optional("status") is { } s)
        {
            if (s.Equals("draft", StringComparison.OrdinalIgnoreCase)) status = PlanStatus.Draft;
            else if (!s.Equals("approved", StringComparison.OrdinalIgnoreCase)) { e.Add($"{r.Where}: status \"{s}\" is not draft or approved."); ok = false; }
        }
        if (!ok || first is null || last is null) return null;
        return new Plan
        {
            Ref = r["ref"], Title = r["title"], Kind = kind, FirstYear = first.Value, LastYear = last.Value, Status = status,
            Organisation = r.Optional("organisation"), Directorate = r.Optional("directorate"), Description = r.Optional("description"),
        };
    }

    private Officer? OfficerNamed(string? name)
    {
        if (name is null) return null;
        if (!Officers.TryGetValue(name, out var o)) Officers[name] = o = new Officer { Name = name };
        return o;
    }

    private bool Ref(CsvRow r, string column, Func<string, bool> taken, string what)
    {
        var value = r[column];
        if (value.Length == 0) { Errors.Add($"{r.Where}: {column} is blank."); return false; }
        if (value.Length > 64) { Errors.Add($"{r.Where}: {what} ref \"{value[..20]}…\" is longer than 64 characters."); return false; }
        // The plan check reports the duplicate (with the line of the first); the row itself is skipped.
        if (taken(value)) return false;
        return true;
    }

    /// <summary>The retired column: blank for an item in use, or the ISO date it was retired on.</summary>
    private DateOnly? RetiredOn(CsvRow r)
    {
        if (r["retired"].Length == 0) return null;
        if (DateOnly.TryParseExact(r["retired"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Errors.Add($"{r.Where}: retired \"{r["retired"]}\" is not a date; expected blank (in use) or the ISO date the item was retired on, such as 2015-11-03.");
        return null;
    }

    private int? YearOf(CsvRow r, string column)
    {
        if (Period.TryParseFinancialYear(r[column], out var p)) return p.Year;
        Errors.Add($"{r.Where}: {column} \"{r[column]}\" is not a financial year; expected a form like 2015/16.");
        return null;
    }

    private Period? PeriodOf(CsvRow r)
    {
        if (Period.TryParse(r["period"], out var p)) return p;
        Errors.Add($"{r.Where}: period \"{r["period"]}\" is not a period; accepted forms: {Period.AcceptedForms}.");
        return null;
    }

    private Indicator? IndicatorOf(CsvRow r, Dictionary<string, Indicator> indicators)
    {
        if (indicators.TryGetValue(r["indicator"], out var i)) return i;
        Errors.Add($"{r.Where}: indicator \"{r["indicator"]}\" is not in indicators.csv.");
        return null;
    }

    private T? Word<T>(CsvRow r, string column, Dictionary<string, T> words) where T : struct
    {
        if (words.TryGetValue(r[column].ToLowerInvariant(), out var v)) return v;
        Errors.Add($"{r.Where}: {column} \"{r[column]}\" is not one of {string.Join(", ", words.Keys)}.");
        return null;
    }

    private bool? YesNo(CsvRow r, string column, bool optional)
    {
        var v = r[column].ToLowerInvariant();
        if (v == "yes") return true;
        if (v == "no" || (optional && v.Length == 0)) return false;
        Errors.Add($"{r.Where}: {column} \"{r[column]}\" is not yes or no.");
        return null;
    }

    private static string Hint(string text) =>
        text.Contains('%') ? " (write 75, not 75%: the unit belongs to the indicator)"
        : text.Contains(',') ? " (write 4445, not 4,445)"
        : "";
}
