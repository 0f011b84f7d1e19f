using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Tests.Plans;

public class CommentaryDraftTests
{
    private static readonly Period Q2 = Period.Parse("2015/16 Q2");

    private static Indicator Measure(Polarity polarity = Polarity.Higher, decimal? multiplier = null)
    {
        var i = new Indicator
        {
            Ref = "CED033", Title = "Assessments", Polarity = polarity, Unit = "%", Precision = 0,
            Frequency = Frequency.Quarterly, ValueType = ValueType.Snapshot, Multiplier = multiplier,
        };
        i.Targets.Add(new Target { Period = Period.Parse("2015/16"), Value = 95m, State = TargetState.Set });
        return i;
    }

    private static void Add(Indicator i, string period, decimal value, decimal? n = null, decimal? d = null) =>
        i.Values.Add(new IndicatorValue { Period = Period.Parse(period), Value = value, Numerator = n, Denominator = d, Status = ValueStatus.Final });

    [Fact]
    public void The_documents_example_sentence_with_a_significant_fall_and_a_rank()
    {
        // 750/1000 (75%) against 800/1000 (80%): Newcombe's interval for −0.05 is about −0.087 … −0.013, excluding zero.
        var i = Measure(multiplier: 100m);
        Add(i, "2014/15 Q2", 80m, 800, 1000);
        Add(i, "2015/16 Q2", 75m, 750, 1000);
        var draft = CommentaryDrafts.Draft(MeasureAssessment.For(i, Q2), new RankPosition("Halton", 119, 150, "bottom quarter"));
        Assert.Equal(
            "Performance is 75%, 20 percentage points short of the 95% target and down from 80% in Quarter 2 2014/15; " +
            "the fall is larger than chance alone would explain. Halton ranks 119th of 150 authorities (bottom quarter).",
            draft);
    }

    [Fact]
    public void A_fall_within_noise_says_so_and_a_small_number_gives_its_interval()
    {
        var i = Measure(multiplier: 100m);
        Add(i, "2014/15 Q2", 90m, 9, 10);
        Add(i, "2015/16 Q2", 80m, 8, 10);
        var draft = CommentaryDrafts.Draft(MeasureAssessment.For(i, Q2));
        // Wilson for 8/10: 49.0% … 94.3%.
        Assert.Equal(
            "Performance is 80%, 15 percentage points short of the 95% target and down from 90% in Quarter 2 2014/15; " +
            "the fall is within what chance alone would explain. With only 10 counted, the true figure could be anywhere from 49% to 94%.",
            draft);
    }

    [Fact]
    public void A_measure_without_counts_states_the_change_without_judging_chance()
    {
        var i = Measure();
        Add(i, "2014/15 Q2", 70m);
        Add(i, "2015/16 Q2", 75m);
        Assert.Equal("Performance is 75%, 20 percentage points short of the 95% target and up from 70% in Quarter 2 2014/15.",
            CommentaryDrafts.Draft(MeasureAssessment.For(i, Q2)));
    }

    [Fact]
    public void Last_years_outturn_is_named_as_such()
    {
        var i = Measure();
        i.Redefine(i.DefinitionFields with { DirectionBasis = DirectionBasis.PreviousYearOutturn });
        Add(i, "2014/15", 82m);
        Add(i, "2015/16 Q2", 75m);
        Assert.Equal("Performance is 75%, 20 percentage points short of the 95% target and down from the 2014/15 outturn of 82%.",
            CommentaryDrafts.Draft(MeasureAssessment.For(i, Q2)));
    }

    [Fact]
    public void With_nothing_to_compare_the_sentence_ends_at_the_target()
    {
        var i = Measure();
        Add(i, "2015/16 Q2", 75m);
        Assert.Equal("Performance is 75%, 20 percentage points short of the 95% target.", CommentaryDrafts.Draft(MeasureAssessment.For(i, Q2)));
    }

    [Fact]
    public void Lower_is_better_measures_fall_short_when_above_target()
    {
        var i = Measure(Polarity.Lower);
        i.SetTarget(i.Targets[0].Period, TargetState.Set, 10m, null);
        Add(i, "2015/16 Q2", 12m);
        Assert.StartsWith("Performance is 12%, 2 percentage points short of the 10% target", CommentaryDrafts.Draft(MeasureAssessment.For(i, Q2)));
    }

    [Fact]
    public void A_green_measure_with_no_significant_change_needs_no_draft()
    {
        var i = Measure();
        Add(i, "2015/16 Q2", 96m);
        Assert.Null(CommentaryDrafts.Draft(MeasureAssessment.For(i, Q2)));
    }

    [Fact]
    public void A_green_measure_with_a_significant_change_is_drafted_as_better_than_target()
    {
        var i = Measure(multiplier: 100m);
        Add(i, "2014/15 Q2", 90m, 900, 1000);
        Add(i, "2015/16 Q2", 97m, 970, 1000);
        Assert.Equal("Performance is 97%, 2 percentage points better than the 95% target and up from 90% in Quarter 2 2014/15; the rise is larger than chance alone would explain.",
            CommentaryDrafts.Draft(MeasureAssessment.For(i, Q2)));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(11, "11th")]
    [InlineData(112, "112th")]
    [InlineData(121, "121st")]
    public void Ranks_are_ordinals(int n, string expected) => Assert.Equal(expected, CommentaryDrafts.Ordinal(n));
}
