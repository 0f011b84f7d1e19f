using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Tests.Plans;

public class MeasureAssessmentTests
{
    private static readonly Period Q2 = Period.Parse("2015/16 Q2");

    /// <summary>A CED033-like measure: higher is better, %, whole numbers, quarterly snapshot.</summary>
    private static Indicator Ced033()
    {
        var indicator = new Indicator
        {
            Ref = "CED033", Title = "Social Work Assessments completed within 45 working days",
            Polarity = Polarity.Higher, Unit = "%", Precision = 0, Frequency = Frequency.Quarterly, ValueType = ValueType.Snapshot,
        };
        indicator.Targets.AddRange([
            Target("2014/15", 90m), Target("2015/16", 95m), Target("2016/17", 96m),
        ]);
        indicator.Values.AddRange([
            Value("2014/15 Q2", 80m), Value("2014/15", 82m), Value("2015/16 Q1", 78m), Value("2015/16 Q2", 75m), Value("2013/14", 70m),
        ]);
        return indicator;
    }

    private static Target Target(string period, decimal? value, TargetState state = TargetState.Set) =>
        new() { Period = Period.Parse(period), Value = value, State = state };

    private static IndicatorValue Value(string period, decimal? value, ValueStatus status = ValueStatus.Final, string? note = null) =>
        new() { Period = Period.Parse(period), Value = value, Status = status, Note = note };

    private static StatusOverride Override(string period, OverrideKind kind, string status, string reason) =>
        new() { Period = Period.Parse(period), Kind = kind, Status = status, Reason = reason };

    [Fact]
    public void A_quarter_is_judged_against_the_annual_target_of_its_financial_year()
    {
        var assessment = MeasureAssessment.For(Ced033(), Q2);

        Assert.Equal(Period.Parse("2015/16"), assessment.AnnualTarget!.Period);
        Assert.Equal(95m, assessment.ComparisonTarget);
        Assert.Equal("95%", assessment.TargetText);
    }

    [Fact]
    public void The_previous_value_is_the_same_quarter_last_year()
    {
        var assessment = MeasureAssessment.For(Ced033(), Q2);

        Assert.Equal(Period.Parse("2014/15 Q2"), assessment.Previous!.Period);
        Assert.Equal(80m, assessment.Previous.Value);
    }

    [Fact]
    public void The_previous_year_actual_is_the_previous_financial_years_annual_value()
    {
        var assessment = MeasureAssessment.For(Ced033(), Q2);

        Assert.Equal(Period.Parse("2014/15"), assessment.PreviousYearActual!.Period);
        Assert.Equal("82%", assessment.PreviousYearActualText);
    }

    [Fact]
    public void With_no_value_for_the_previous_year_the_previous_year_actual_is_N_A()
    {
        var indicator = Ced033();
        indicator.Values.RemoveAll(v => v.Period == Period.Parse("2014/15"));

        Assert.Equal("N/A", MeasureAssessment.For(indicator, Q2).PreviousYearActualText);
    }

    [Fact]
    public void CED033_at_75_against_95_is_computed_red_and_worse_than_80_a_year_ago()
    {
        var assessment = MeasureAssessment.For(Ced033(), Q2);

        Assert.Equal(75m, assessment.Current!.Value);
        Assert.Equal("75%", assessment.CurrentText);
        Assert.Equal(Progress.Red, assessment.Progress.Final);      // shortfall 20 > 5% × 95 = 4.75
        Assert.Equal(Direction.Worse, assessment.Direction.Final);  // 75 < 80, higher is better
        Assert.False(assessment.Progress.IsOverridden);
        Assert.False(assessment.Direction.IsOverridden);
    }

    [Fact]
    public void An_officers_overrides_replace_the_computed_statuses_with_their_reasons()
    {
        var indicator = Ced033();
        indicator.Overrides.AddRange([
            Override("2015/16 Q2", OverrideKind.Progress, "amber", "Adrift from target, but recovery plan in place."),
            Override("2015/16 Q2", OverrideKind.Direction, "Same", "Last year's figure was restated."),
        ]);

        var assessment = MeasureAssessment.For(indicator, Q2);

        Assert.Equal(Progress.Red, assessment.Progress.Computed);
        Assert.Equal(Progress.Amber, assessment.Progress.Final);
        Assert.True(assessment.Progress.IsOverridden);
        Assert.Equal("Adrift from target, but recovery plan in place.", assessment.Progress.Reason);
        Assert.Equal(Direction.Worse, assessment.Direction.Computed);
        Assert.Equal(Direction.Same, assessment.Direction.Final);
        Assert.Equal("Last year's figure was restated.", assessment.Direction.Reason);
    }

    [Fact]
    public void An_override_for_another_period_does_not_apply()
    {
        var indicator = Ced033();
        indicator.Overrides.Add(Override("2015/16 Q1", OverrideKind.Progress, "green", "Q1 judgement."));

        var assessment = MeasureAssessment.For(indicator, Q2);

        Assert.Equal(Progress.Red, assessment.Progress.Final);
        Assert.Null(assessment.Progress.Override);
    }

    [Fact]
    public void An_override_whose_status_is_not_a_status_word_is_ignored()
    {
        var indicator = Ced033();
        indicator.Overrides.AddRange([
            Override("2015/16 Q2", OverrideKind.Progress, "purple", "Typo."),
            Override("2015/16 Q2", OverrideKind.Direction, "amber", "A progress word is not a direction."),
        ]);

        var assessment = MeasureAssessment.For(indicator, Q2);

        Assert.Null(assessment.Progress.Override);
        Assert.Null(assessment.Direction.Override);
    }

    [Fact]
    public void A_provisional_value_is_marked_provisional_and_shows_its_note()
    {
        var indicator = Ced033();
        indicator.Values.RemoveAll(v => v.Period == Q2);
        indicator.Values.Add(Value("2015/16 Q2", 6m, ValueStatus.Provisional, "(May 2015)"));

        Assert.Equal("6% (provisional) (May 2015)", MeasureAssessment.For(indicator, Q2).CurrentText);
    }

    [Fact]
    public void A_final_value_shows_its_note()
    {
        var indicator = Ced033();
        indicator.Values.RemoveAll(v => v.Period == Q2);
        indicator.Values.Add(Value("2015/16 Q2", 75m, ValueStatus.Final, "(2012/13 latest data available)"));

        Assert.Equal("75% (2012/13 latest data available)", MeasureAssessment.For(indicator, Q2).CurrentText);
    }

    [Fact]
    public void An_unavailable_value_shows_why_and_gets_no_statuses()
    {
        var indicator = Ced033();
        indicator.Values.RemoveAll(v => v.Period == Q2);
        indicator.Values.Add(Value("2015/16 Q2", null, ValueStatus.Unavailable, "Available at end of Quarter 3"));

        var assessment = MeasureAssessment.For(indicator, Q2);

        Assert.Equal("Available at end of Quarter 3", assessment.CurrentText);
        Assert.Equal(Progress.NotApplicable, assessment.Progress.Final);
        Assert.Equal(Direction.NotApplicable, assessment.Direction.Final);
    }

    [Fact]
    public void An_unavailable_value_without_a_note_says_not_available()
    {
        var indicator = Ced033();
        indicator.Values.RemoveAll(v => v.Period == Q2);
        indicator.Values.Add(Value("2015/16 Q2", null, ValueStatus.Unavailable));

        Assert.Equal("Not available", MeasureAssessment.For(indicator, Q2).CurrentText);
    }

    [Fact]
    public void With_no_value_recorded_the_current_cell_is_empty_and_no_status_is_given()
    {
        var assessment = MeasureAssessment.For(Ced033(), Period.Parse("2015/16 Q3"));

        Assert.Null(assessment.Current);
        Assert.Equal("", assessment.CurrentText);
        Assert.Equal(Progress.NotApplicable, assessment.Progress.Final);
        Assert.Equal(Direction.NotApplicable, assessment.Direction.Final);
    }

    [Fact]
    public void A_target_to_be_confirmed_prints_tbc_and_gives_no_progress_status()
    {
        var indicator = Ced033();
        indicator.Targets.RemoveAll(t => t.Period == Period.Parse("2015/16"));
        indicator.Targets.Add(Target("2015/16", null, TargetState.ToBeConfirmed));

        var assessment = MeasureAssessment.For(indicator, Q2);

        Assert.Equal("tbc", assessment.TargetText);
        Assert.Null(assessment.ComparisonTarget);
        Assert.Equal(Progress.NotApplicable, assessment.Progress.Final);
        Assert.Equal(Direction.Worse, assessment.Direction.Final); // direction needs no target
    }

    [Fact]
    public void With_no_target_for_the_year_the_target_cell_is_empty()
    {
        var assessment = MeasureAssessment.For(Ced033(), Period.Parse("2017/18 Q2"));

        Assert.Null(assessment.AnnualTarget);
        Assert.Equal("", assessment.TargetText);
    }

    [Fact]
    public void A_measure_with_no_polarity_gets_neither_status()
    {
        var indicator = Ced033();
        indicator.Redefine(indicator.DefinitionFields with { Polarity = Polarity.None });

        var assessment = MeasureAssessment.For(indicator, Q2);

        Assert.Equal(Progress.NotApplicable, assessment.Progress.Final);
        Assert.Equal(Direction.NotApplicable, assessment.Direction.Final);
    }

    private static Indicator Cumulative(Frequency frequency = Frequency.Quarterly)
    {
        var indicator = new Indicator
        {
            Ref = "PED010", Title = "Number of young people supported",
            Polarity = Polarity.Higher, Precision = 0, Frequency = frequency, ValueType = ValueType.Cumulative,
        };
        indicator.Targets.Add(Target("2015/16", 350m));
        return indicator;
    }

    [Fact]
    public void A_cumulative_measure_is_compared_with_the_annual_target_profiled_to_quarters_elapsed()
    {
        var indicator = Cumulative();
        indicator.Values.Add(Value("2015/16 Q2", 170m, note: "(to end of Q2)"));

        var assessment = MeasureAssessment.For(indicator, Q2);

        Assert.Equal(175m, assessment.ComparisonTarget);            // 350 × 2 ÷ 4
        Assert.Equal(Progress.Amber, assessment.Progress.Final);    // shortfall 5 ≤ 5% × 175 = 8.75
        Assert.Equal("350", assessment.TargetText);                 // the cell shows the annual target
        Assert.Equal("170 (to end of Q2)", assessment.CurrentText);
    }

    [Fact]
    public void A_cumulative_measure_uses_the_quarters_explicit_profile_when_one_is_set()
    {
        var indicator = Cumulative();
        indicator.Targets.Add(Target("2015/16 Q2", 150m));
        indicator.Values.Add(Value("2015/16 Q2", 160m));

        var assessment = MeasureAssessment.For(indicator, Q2);

        Assert.Equal(150m, assessment.ComparisonTarget);
        Assert.Equal(Progress.Green, assessment.Progress.Final);    // 160 ≥ 150 (against 175 it would be red: 15 > 8.75)
        Assert.Equal(Period.Parse("2015/16"), assessment.AnnualTarget!.Period);
    }

    [Fact]
    public void A_quarterly_profile_still_to_be_confirmed_is_ignored_in_favour_of_the_profiled_annual_target()
    {
        var indicator = Cumulative();
        indicator.Targets.Add(Target("2015/16 Q2", null, TargetState.ToBeConfirmed));
        indicator.Values.Add(Value("2015/16 Q2", 170m));

        Assert.Equal(175m, MeasureAssessment.For(indicator, Q2).ComparisonTarget);
    }

    [Fact]
    public void A_cumulative_monthly_measure_in_January_is_profiled_to_ten_months_of_its_financial_year()
    {
        var indicator = Cumulative(Frequency.Monthly);
        indicator.Targets.Clear();
        indicator.Targets.Add(Target("2015/16", 120m));
        indicator.Values.Add(Value("2016-01", 98m));
        indicator.Values.Add(Value("2015-01", 90m));

        var assessment = MeasureAssessment.For(indicator, Period.Month(2016, 1));

        Assert.Equal(Period.Parse("2015/16"), assessment.AnnualTarget!.Period); // January 2016 is in 2015/16
        Assert.Equal(100m, assessment.ComparisonTarget);                        // 120 × 10 ÷ 12
        Assert.Equal(Progress.Amber, assessment.Progress.Final);                // shortfall 2 ≤ 5% × 100 = 5
        Assert.Equal(Direction.Better, assessment.Direction.Final);             // 98 > 90 in January 2015
    }

    [Fact]
    public void A_lower_is_better_cumulative_monthly_measure_exactly_on_its_profile_is_green()
    {
        // Annual 120, April: profile 120 × 1 ÷ 12 = 10; current 10 → shortfall 10 − 10 = 0 → green (SPEC 3, rule 4).
        var indicator = Cumulative(Frequency.Monthly);
        indicator.Redefine(indicator.DefinitionFields with { Polarity = Polarity.Lower });
        indicator.Targets.Clear();
        indicator.Targets.Add(Target("2015/16", 120m));
        indicator.Values.Add(Value("2015-04", 10m));

        Assert.Equal(Progress.Green, MeasureAssessment.For(indicator, Period.Month(2015, 4)).Progress.Final);
    }

    [Fact]
    public void A_higher_is_better_cumulative_monthly_measure_exactly_on_its_profile_is_green()
    {
        // Annual 120, May: profile 120 × 2 ÷ 12 = 20; current 20 → shortfall 20 − 20 = 0 → green (SPEC 3, rule 4).
        var indicator = Cumulative(Frequency.Monthly);
        indicator.Targets.Clear();
        indicator.Targets.Add(Target("2015/16", 120m));
        indicator.Values.Add(Value("2015-05", 20m));

        Assert.Equal(Progress.Green, MeasureAssessment.For(indicator, Period.Month(2015, 5)).Progress.Final);
    }

    [Fact]
    public void A_cumulative_measure_with_no_numeric_target_for_the_year_gets_no_progress_status_even_with_a_profile()
    {
        // SPEC 3, progress rule 1 comes first: no numeric target for the year ("tbc") → not applicable.
        var indicator = Cumulative();
        indicator.Targets.Clear();
        indicator.Targets.Add(Target("2015/16", null, TargetState.ToBeConfirmed));
        indicator.Targets.Add(Target("2015/16 Q2", 150m));
        indicator.Values.Add(Value("2015/16 Q2", 160m));

        Assert.Equal(Progress.NotApplicable, MeasureAssessment.For(indicator, Q2).Progress.Final);
    }

    [Fact]
    public void An_academic_year_measure_is_judged_against_that_academic_years_target_and_the_year_before()
    {
        var indicator = new Indicator
        {
            Ref = "PED001", Title = "Pupils achieving the expected standard",
            Polarity = Polarity.Higher, Unit = "%", Precision = 1, Frequency = Frequency.Annual, ValueType = ValueType.Snapshot,
        };
        indicator.Targets.Add(Target("AY 2015/16", 88m));
        indicator.Values.AddRange([Value("AY 2015/16", 87.5m), Value("AY 2014/15", 86.1m)]);

        var assessment = MeasureAssessment.For(indicator, Period.AcademicYear(2015));

        Assert.Equal(88m, assessment.ComparisonTarget);
        Assert.Equal(Progress.Amber, assessment.Progress.Final);     // shortfall 0.5 ≤ 5% × 88 = 4.4
        Assert.Equal(Direction.Better, assessment.Direction.Final);  // 87.5 > 86.1
        Assert.Equal("88.0%", assessment.TargetText);
        Assert.Equal("87.5%", assessment.CurrentText);
    }
}
