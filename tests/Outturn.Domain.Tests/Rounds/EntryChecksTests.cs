using Outturn.Domain.Rounds;

namespace Outturn.Domain.Tests.Rounds;

/// <summary>
/// The checks a figure meets on entry. Expected values are worked by hand: the robust standard deviation is the
/// median absolute deviation of the past period-to-period changes times 1.4826; a change is unusual more than 3 of
/// them from the median change, or, with fewer than four past changes, when it is more than 50% of the last figure.
/// </summary>
public class EntryChecksTests
{
    private static readonly MeasureShape Count = new(null, 0);
    private static readonly MeasureShape Share = new("%", 1);

    private static string Only(IReadOnlyList<FieldProblem> problems)
    {
        var p = Assert.Single(problems);
        Assert.Equal("value", p.Field);
        return p.Message;
    }

    [Fact]
    public void A_negative_count_is_refused() =>
        Assert.Equal("-5 is a negative count; a count cannot be below 0.", Only(EntryChecks.Impossible(-5m, Count)));

    [Fact]
    public void A_fraction_of_a_whole_number_count_is_refused() =>
        Assert.Equal("2.5 is not a whole number; this measure counts whole things.", Only(EntryChecks.Impossible(2.5m, Count)));

    [Fact]
    public void A_share_over_100_percent_is_refused_and_100_is_not() 
    {
        Assert.Equal("100.1% is more than 100%; this measure is a share of a whole.", Only(EntryChecks.Impossible(100.1m, Share)));
        Assert.Empty(EntryChecks.Impossible(100m, Share));
        Assert.Empty(EntryChecks.Impossible(0m, Count));
    }

    [Fact]
    public void A_figure_past_the_measures_own_minimum_or_maximum_is_refused()
    {
        var rate = new MeasureShape("per 10,000", 1, Minimum: 0m, Maximum: 10m);
        Assert.Equal("12 is above this measure's maximum of 10.", Only(EntryChecks.Impossible(12m, rate)));
        Assert.Equal("-0.5 is below this measure's minimum of 0.", Only(EntryChecks.Impossible(-0.5m, rate)));
        Assert.Empty(EntryChecks.Impossible(10m, rate));
    }

    [Fact]
    public void A_number_too_long_to_be_a_figure_is_refused_in_words() =>
        Assert.Equal("The value has more than 12 digits before the decimal point; no figure of a measure is that large.",
            Only(EntryChecks.Impossible(12345678901234567890123456789m, Count)));

    [Fact]
    public void With_fewer_than_four_past_changes_a_change_of_more_than_half_is_unusual()
    {
        // CED005: 500 at 2014/15, 585 at Quarter 2; 5,850 is ten times 585, a change of 5,265 = 900%.
        var warning = EntryChecks.Unusual(5850m, [500m, 585m])!;
        Assert.Equal(EntryWarning.UnusualChangeCode, warning.Code);
        Assert.Equal("value", warning.Field);
        Assert.Equal("The change from the previous period's 585 to 5,850 is 900%, more than 50%. Explain it in the reason.", warning.Message);
        // 877 - 585 = 292, 49.9% of 585; 878 - 585 = 293, 50.1%.
        Assert.Null(EntryChecks.Unusual(877m, [500m, 585m]));
        Assert.NotNull(EntryChecks.Unusual(878m, [500m, 585m]));
        Assert.NotNull(EntryChecks.Unusual(292m, [500m, 585m])); // a fall of 293, 50.1%
    }

    [Fact]
    public void With_four_or_more_past_changes_a_change_beyond_three_robust_standard_deviations_is_unusual()
    {
        // Changes 4, 2, 5, 2, 5: median 4; absolute deviations 0, 2, 1, 2, 1, median 1; robust SD 1.4826;
        // three of them 4.4478. From 118: +8 is 4 from the median (usual), +9 is 5 (unusual), though only 7.6%.
        decimal[] past = [100m, 104m, 106m, 111m, 113m, 118m];
        Assert.Null(EntryChecks.Unusual(126m, past));
        var warning = EntryChecks.Unusual(127m, past)!;
        Assert.Equal("The change from the previous period's 118 to 127 (+9) is more than 3 robust standard deviations from this measure's usual change " +
                     "(median +4, robust standard deviation 1.48). Explain it in the reason.", warning.Message);
        // 118 - 4.4478 + 4 = 117.5522 is the lowest usual figure: 117.6 passes, 117.5 does not.
        Assert.Null(EntryChecks.Unusual(117.6m, past));
        Assert.NotNull(EntryChecks.Unusual(117.5m, past));
    }

    [Fact]
    public void When_the_past_changes_do_not_vary_the_fifty_percent_rule_applies()
    {
        decimal[] flat = [10m, 10m, 10m, 10m, 10m];
        Assert.Null(EntryChecks.Unusual(14m, flat));
        Assert.NotNull(EntryChecks.Unusual(16m, flat));
    }

    [Fact]
    public void Without_a_previous_figure_or_from_zero_nothing_is_unusual()
    {
        Assert.Null(EntryChecks.Unusual(5850m, []));
        Assert.Null(EntryChecks.Unusual(40m, [0m]));
    }

    [Fact]
    public void Supporting_commentary_is_compiled_in_order_with_each_paragraphs_initials_in_brackets()
    {
        var text = SupportingCommentary.Compile([
            new CommentaryPiece("Take-up rose to 612.\n\nThe campaign continues.", "AMc"),
            new CommentaryPiece(null, "TC"),
            new CommentaryPiece("Assessments are adrift from target.", "TC"),
            new CommentaryPiece("No officer named.", null),
        ]);
        Assert.Equal("Take-up rose to 612. (AMc)\n\nThe campaign continues. (AMc)\n\nAssessments are adrift from target. (TC)\n\nNo officer named.", text);
    }
}
