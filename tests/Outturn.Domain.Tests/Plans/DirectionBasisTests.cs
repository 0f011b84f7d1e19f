using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Tests.Plans;

public class DirectionBasisTests
{
    private static readonly Period Q2 = Period.Parse("2015/16 Q2");

    private static Indicator Measure(DirectionBasis? basis, params (string Period, decimal? Value)[] values)
    {
        var i = new Indicator
        {
            Ref = "CED033", Title = "Assessments", Polarity = Polarity.Higher, Unit = "%", Precision = 0,
            Frequency = Frequency.Quarterly, ValueType = ValueType.Snapshot, DirectionBasis = basis,
        };
        foreach (var (p, v) in values)
            i.Values.Add(new IndicatorValue { Period = Period.Parse(p), Value = v, Status = v is null ? ValueStatus.Unavailable : ValueStatus.Final, Note = v is null ? "Available at end of Quarter 3" : null });
        return i;
    }

    [Fact]
    public void By_default_the_arrow_compares_with_the_same_period_last_year_and_says_so()
    {
        var a = MeasureAssessment.For(Measure(null, ("2014/15 Q2", 70m), ("2014/15", 80m), ("2015/16 Q2", 75m)), Q2);
        Assert.Equal(Direction.Better, a.Direction.Computed); // 75 against 70
        Assert.Equal("compared with Quarter 2 2014/15", a.BasisText);
    }

    [Fact]
    public void With_previous_year_outturn_the_arrow_comes_from_last_years_outturn_named_as_such()
    {
        // Same period last year (70%) would say better; last year's outturn (80%) says worse.
        var a = MeasureAssessment.For(Measure(DirectionBasis.PreviousYearOutturn, ("2014/15 Q2", 70m), ("2014/15", 80m), ("2015/16 Q2", 75m)), Q2);
        Assert.Equal(Direction.Worse, a.Direction.Computed);
        Assert.Equal("compared with 2014/15 outturn", a.BasisText);
        Assert.Equal(Period.Parse("2014/15"), a.BasisValue!.Period);
        Assert.Null(a.DirectionNote);
    }

    [Fact]
    public void With_previous_period_the_arrow_compares_with_the_quarter_before()
    {
        var a = MeasureAssessment.For(Measure(DirectionBasis.PreviousPeriod, ("2014/15 Q2", 90m), ("2015/16 Q1", 70m), ("2015/16 Q2", 75m)), Q2);
        Assert.Equal(Direction.Better, a.Direction.Computed);
        Assert.Equal("compared with Quarter 1 2015/16", a.BasisText);
    }

    [Fact]
    public void The_quarter_before_the_first_quarter_is_last_years_fourth()
    {
        var a = MeasureAssessment.For(Measure(DirectionBasis.PreviousPeriod, ("2014/15 Q4", 70m), ("2015/16 Q1", 75m)), Period.Parse("2015/16 Q1"));
        Assert.Equal("compared with Quarter 4 2014/15", a.BasisText);
        Assert.Equal(Direction.Better, a.Direction.Computed);
    }

    [Fact]
    public void Where_the_basis_is_not_held_NA_says_so_and_what_is_held_instead()
    {
        var a = MeasureAssessment.For(Measure(null, ("2014/15", 80m), ("2015/16 Q2", 75m)), Q2);
        Assert.Equal(Direction.NotApplicable, a.Direction.Computed);
        Assert.Equal("Quarter 2 2014/15 not held; 2014/15 outturn 80%", a.DirectionNote);
    }

    [Fact]
    public void Where_nothing_earlier_is_held_NA_says_that()
    {
        var a = MeasureAssessment.For(Measure(null, ("2015/16 Q2", 75m)), Q2);
        Assert.Equal("Quarter 2 2014/15 not held; no earlier figure held", a.DirectionNote);
    }

    [Fact]
    public void Where_the_current_figure_is_unavailable_NA_says_there_is_no_figure()
    {
        var a = MeasureAssessment.For(Measure(null, ("2014/15 Q2", 70m), ("2015/16 Q2", null)), Q2);
        Assert.Equal("no figure for Quarter 2 2015/16", a.DirectionNote);
    }

    [Fact]
    public void A_contextual_measure_says_why_it_has_no_direction()
    {
        var i = Measure(null, ("2014/15 Q2", 70m), ("2015/16 Q2", 75m));
        i.Redefine(i.DefinitionFields with { Polarity = Polarity.None });
        Assert.Equal("a contextual measure: no better or worse", MeasureAssessment.For(i, Q2).DirectionNote);
    }

    [Fact]
    public void A_ratio_measure_carries_its_interval_the_significance_of_its_change_and_the_small_number_flag()
    {
        var i = Measure(null);
        i.Redefine(i.DefinitionFields with { Multiplier = 100m, Precision = 1 });
        i.Values.Add(new IndicatorValue { Period = Period.Parse("2014/15 Q2"), Value = 82.5m, Numerator = 33, Denominator = 40, Status = ValueStatus.Final });
        i.Values.Add(new IndicatorValue { Period = Q2, Value = 80m, Numerator = 8, Denominator = 10, Status = ValueStatus.Final });
        var a = MeasureAssessment.For(i, Q2);
        Assert.Equal(Direction.Worse, a.Direction.Computed);  // the rules' arrow stays
        Assert.False(a.ChangeSignificant);                      // but 8/10 against 33/40 is within noise
        Assert.Equal("no significant change", a.SignificanceText);
        Assert.True(a.IsSmallNumber);                           // 10 is under 30
        Assert.Equal("95% interval 49.0% to 94.3%", a.IntervalText); // Wilson 0.4902 … 0.9433, at one decimal place
    }
}
