using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;
using static Outturn.Domain.Tests.Returns.Build;

namespace Outturn.Domain.Tests.Returns;

public class PlacementStabilityTests
{
    private static IndicatorResult Compute(params Episode[] episodes) => new PlacementStability().Compute(Data(Lac(2015, episodes)), Year2015);

    [Fact]
    public void A_child_whose_third_placement_starts_on_31_march_has_three_placements()
    {
        var r = Compute(
            Episode("A", "2015-04-20", "S", "2015-10-01"), Episode("A", "2015-10-01", "P", "2016-03-31"), Episode("A", "2016-03-31", "P"),
            Episode("B", "2015-05-01", "S"));
        // A: 3 placements (S, P, P on 31/03/2016) → numerator; B: 1 placement. 1 ÷ 2 = 50%.
        Assert.Equal((1, 2, 50m), (r.Numerator, r.Denominator, r.Value));
        Assert.Equal(["A"], r.NumeratorChildren);
    }

    [Fact]
    public void A_third_placement_starting_on_1_april_belongs_to_the_next_year()
    {
        var r = Compute(Episode("A", "2015-06-01", "S", "2015-12-01"), Episode("A", "2015-12-01", "P", "2016-04-01"), Episode("A", "2016-04-01", "P"));
        Assert.Equal((0, 1), (r.Numerator, r.Denominator));
    }

    [Fact]
    public void The_placement_held_on_1_april_counts_and_a_legal_status_change_does_not()
    {
        var r = Compute(
            Episode("A", "2014-02-01", "S", "2015-06-01"), Episode("A", "2015-06-01", "L", "2015-09-01", ls: "C1"), Episode("A", "2015-09-01", "P", "2016-01-01"),
            Episode("A", "2016-01-01", "B", null, ls: "E1"));
        // Placements: the one held on 1 April (from 2014), P on 1 Sept, B on 1 Jan; the L on 1 June is not a move. 3 → numerator.
        Assert.Equal((1, 1), (r.Numerator, r.Denominator));
    }

    [Fact]
    public void Children_who_left_care_before_31_march_and_short_breaks_only_are_left_out()
    {
        var r = Compute(
            Episode("LEFT", "2015-05-01", "S", "2015-06-01"), Episode("LEFT", "2015-06-01", "P", "2015-07-01"), Episode("LEFT", "2015-07-01", "P", "2016-03-01"),
            Episode("BREAK", "2016-03-01", "S", null, ls: "V3"),
            Episode("STAY", "2015-04-01", "S"));
        Assert.Equal((0, 1), (r.Numerator, r.Denominator));
    }

    [Fact]
    public void A_child_on_short_breaks_at_31_march_after_three_placements_is_left_out_by_the_department_and_counted_by_the_variant()
    {
        // THREE: placements from 10 Apr, 1 Jun and 1 Sep 2015, left care 1 Dec 2015, then an agreed series of short breaks
        // (V3) from 10 Jan 2016, open at 31 March. STAY: one placement all year.
        Episode[] episodes =
        [
            Episode("THREE", "2015-04-10", "S", "2015-06-01"), Episode("THREE", "2015-06-01", "P", "2015-09-01"), Episode("THREE", "2015-09-01", "P", "2015-12-01"),
            Episode("THREE", "2016-01-10", "S", null, ls: "V3"),
            Episode("STAY", "2015-04-01", "S"),
        ];
        var department = new PlacementStability().Compute(Data(Lac(2015, episodes)), Year2015);
        Assert.Equal((0, 1), (department.Numerator, department.Denominator));
        Assert.Equal(["STAY"], department.DenominatorChildren);
        var variant = new PlacementStabilityIncludingShortBreaks().Compute(Data(Lac(2015, episodes)), Year2015);
        // THREE had 3 placements (S, P, P; the V3 episode is not a placement): 1 of 2.
        Assert.Equal((1, 2, 50m), (variant.Numerator, variant.Denominator, variant.Value));
        Assert.Equal(["THREE"], variant.NumeratorChildren);
        Assert.Equal("lac-3plus-placements", new PlacementStabilityIncludingShortBreaks().VariantOf);
    }
}

public class LongTermPlacementStabilityTests
{
    private static IndicatorResult Compute(IEnumerable<Episode> episodes, IEnumerable<LacChild>? children = null) =>
        new LongTermPlacementStability().Compute(Data(Lac(2015, episodes, children)), Year2015);

    [Fact]
    public void A_placement_of_exactly_two_years_at_31_march_counts_and_one_a_day_shorter_does_not()
    {
        var r = Compute([
            // Both looked after since 1 Jan 2013 (over 2½ years by 31 Mar 2016, the cut-off being 30 Sep 2013).
            Episode("TWO", "2013-01-01", "S", "2014-03-31"), Episode("TWO", "2014-03-31", "P"),
            Episode("SHORT", "2013-01-01", "S", "2014-04-01"), Episode("SHORT", "2014-04-01", "P"),
        ]);
        Assert.Equal((1, 2), (r.Numerator, r.Denominator));
        Assert.Equal(["TWO"], r.NumeratorChildren);
    }

    [Fact]
    public void A_legal_status_change_keeps_the_placement_and_adoption_adds_the_placement_before()
    {
        var r = Compute([
            Episode("LEGAL", "2013-01-01", "S", "2015-12-01"), Episode("LEGAL", "2015-12-01", "L", null, ls: "C1"),
            // Foster placement from 1 Mar 2014, placed for adoption with the same carers 1 Sep 2015: together over 2 years.
            Episode("ADOPT", "2013-01-01", "S", "2014-03-01"), Episode("ADOPT", "2014-03-01", "P", "2015-09-01", place: "U3"),
            Episode("ADOPT", "2015-09-01", "T", null, ls: "E1", place: "A5"),
        ]);
        Assert.Equal((2, 2), (r.Numerator, r.Denominator));
    }

    [Fact]
    public void Children_aged_16_or_in_care_under_two_and_a_half_years_are_left_out()
    {
        var r = Compute(
            [Episode("OLD", "2010-01-01", "S"), Episode("NEW", "2013-10-01", "S")],
            [new LacChild("OLD", "1", D("2000-03-31"), null, 0), new LacChild("NEW", "2", D("2008-01-01"), null, 0)]);
        // OLD turned 16 on 31 Mar 2016; NEW came into care 1 Oct 2013, a day after the 2½-year cut-off (30 Sep 2013).
        Assert.Equal((0, 0, (decimal?)null), (r.Numerator, r.Denominator, r.Value));
    }
}

public class LookedAfterReviewsTests
{
    [Fact]
    public void Reviews_at_20_working_days_then_3_months_then_6_months_are_on_time_and_a_day_late_is_not()
    {
        var episodes = new[] { Episode("ON", "2015-11-02", "S"), Episode("LATE", "2015-11-02", "S"), Episode("NEW", "2016-03-10", "S") };
        var reviews = new[]
        {
            // Mon 2 Nov 2015 + 20 working days = Mon 30 Nov; second due 3 months later, 29 Feb 2016 (a leap year).
            new LacReview("ON", D("2015-11-30"), "PN1", 0), new LacReview("ON", D("2016-02-29"), "PN1", 0),
            new LacReview("LATE", D("2015-12-01"), "PN1", 0),
        };
        var r = new LookedAfterReviewsInTimescale().Compute(Data(Lac(2015, episodes, reviews: reviews)), Year2015);
        // NEW (10 Mar 2016) has no review due by 31 March (20 working days end 8 April), so is left out.
        Assert.Equal((1, 2), (r.Numerator, r.Denominator));
        Assert.Equal(["ON"], r.NumeratorChildren);
    }

    [Fact]
    public void A_child_with_no_review_by_the_due_date_is_not_on_time()
    {
        var r = new LookedAfterReviewsInTimescale().Compute(Data(Lac(2015, [Episode("NONE", "2015-11-02", "S")])), Year2015);
        Assert.Equal((0, 1), (r.Numerator, r.Denominator));
    }
}

public class CareLeaverTests
{
    private static readonly CareLeaver[] Leavers =
    [
        new("NINETEEN", D("1996-06-01"), "YES", "F4", "U1", 0),   // 19 on 1 Jun 2015: EET, suitable
        new("TWENTY", D("1995-12-01"), "YES", "G5", "S2", 0),     // 20 on 1 Dec 2015: NEET, unsuitable
        new("OLDER", D("1994-03-31"), "YES", "F1", "U1", 0),      // 22 on 31 Mar 2016: past the cohort
        new("YOUNG", D("1997-06-01"), "YES", "F1", "U1", 0),      // 18: not in the cohort
    ];

    [Fact]
    public void Care_leavers_whose_19th_20th_or_21st_birthday_fell_in_the_year_make_the_cohort_for_accommodation()
    {
        var r = new CareLeaversSuitableAccommodation().Compute(Data(Lac(2015, [], leavers: Leavers)), Year2015);
        Assert.Equal((1, 2, 50m), (r.Numerator, r.Denominator, r.Value));
    }

    [Fact]
    public void Care_leavers_in_education_employment_or_training_are_counted_from_activ()
    {
        var r = new CareLeaversInEducationEmploymentTraining().Compute(Data(Lac(2015, [], leavers: Leavers)), Year2015);
        Assert.Equal((1, 2), (r.Numerator, r.Denominator));
        Assert.Equal(["NINETEEN"], r.NumeratorChildren);
    }
}

public class CareLeaverQuarterTests
{
    [Fact]
    public void In_a_quarter_only_birthdays_since_1_april_count()
    {
        // Year to 30 Sep 2015: 19 on 1 Jun 2015 is in; 20 on 1 Dec 2015 is not yet.
        var leavers = new CareLeaver[] { new("JUNE", D("1996-06-01"), "YES", "F4", "U1", 0), new("DEC", D("1995-12-01"), "YES", "F4", "U1", 0) };
        var r = new CareLeaversInEducationEmploymentTraining().Compute(Data(Lac(2015, [], leavers: leavers)), ReportingWindow.YearTo(D("2015-09-30")));
        Assert.Equal((1, 1), (r.Numerator, r.Denominator));
    }
}

public class ReviewChainTests
{
    [Fact]
    public void A_case_open_before_the_history_held_continues_from_the_last_review_held_since_it_began()
    {
        // In care since 2013 (first review long past), 2014/15 held from 1 April 2014: the last review held before the window,
        // 28 Oct 2014, set the next due by 28 Apr 2015 (held 18 Apr), then 18 Oct 2015 (held 14 Oct), then 14 Apr 2016: on time.
        var judged = ReviewChain.Check(D("2013-07-03"), D("2013-07-31"), 3, [D("2014-05-10"), D("2014-10-28"), D("2015-04-18"), D("2015-10-14")], Year2015, D("2014-04-01"));
        Assert.True(judged.OnTime);
        Assert.False(judged.HistoryMissing);
    }

    [Fact]
    public void Without_the_previous_year_the_first_review_in_the_window_is_late_only_after_6_months_and_the_case_is_marked()
    {
        var onTime = ReviewChain.Check(D("2013-07-03"), D("2013-07-31"), 3, [D("2015-10-01"), D("2016-03-30")], Year2015, Year2015.Start);
        Assert.True(onTime.OnTime);
        Assert.True(onTime.HistoryMissing);
        Assert.Contains("reviews before 2015-04-01 are not held", onTime.Note, StringComparison.Ordinal);
        Assert.False(ReviewChain.Check(D("2013-07-03"), D("2013-07-31"), 3, [D("2015-10-02"), D("2016-03-30")], Year2015, Year2015.Start).OnTime);
    }

    [Fact]
    public void With_the_previous_year_held_and_no_review_in_it_a_case_is_late()
    {
        // Open since 2013; the 2014/15 return is held and has no review: one was due by 1 Oct 2014 at the latest.
        var judged = ReviewChain.Check(D("2013-07-03"), D("2013-07-31"), 3, [D("2015-05-01")], Year2015, D("2014-04-01"));
        Assert.False(judged.OnTime);
        Assert.Equal("review due 2014-10-01, held 2015-05-01", judged.Note);
    }
}

public class ReturnsDataTests
{
    [Fact]
    public void A_later_years_copy_of_an_episode_replaces_the_earlier_one()
    {
        // Open at 31 March 2015 in the 2014/15 return; closed on 1 June 2015 in the 2015/16 return.
        var data = Data(Lac(2014, [Episode("A", "2014-05-01", "S")]), Lac(2015, [Episode("A", "2014-05-01", "S", "2015-06-01")]));
        Assert.Equal(D("2015-06-01"), Assert.Single(data.EpisodesByChild["A"]).Dec);
    }

    [Fact]
    public void Leaving_children_out_removes_their_records_from_every_table()
    {
        var data = Data(Lac(2015, [Episode("A", "2015-05-01", "S"), Episode("B", "2015-05-01", "S")], reviews: [new LacReview("A", D("2015-06-01"), "PN1", 0)]));
        var without = data.Without(new HashSet<string> { "A" });
        Assert.Equal(["B"], without.EpisodesByChild.Keys);
        Assert.Empty(without.ReviewsByChild);
    }
}
