using Outturn.Domain.Equality;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Equality;

public class EqualityActionTests
{
    private static readonly Period Q2 = Period.Quarter(2015, 2), Q3 = Period.Quarter(2015, 3);

    private static EqualityActionDetails Details(EqualityImpact? impact, params int[] years) =>
        new("Short breaks", [EqualityStrand.Disability], impact, "Review criteria", [.. years], "Tracey Coffey", "Children and Young People");

    private static EqualityAction Action(EqualityImpact impact, params int[] years) => EqualityAction.Create("EQ1", Details(impact, years));

    [Theory]
    [InlineData("High", EqualityImpact.High)]
    [InlineData("medium", EqualityImpact.Medium)]
    [InlineData("low", EqualityImpact.Low)]
    [InlineData("None", EqualityImpact.None)]
    public void Impact_assessments_are_high_medium_low_or_none(string text, EqualityImpact expected)
    {
        Assert.True(EqualityWords.TryParseImpact(text, out var impact));
        Assert.Equal(expected, impact);
        Assert.False(EqualityWords.TryParseImpact("Severe", out _));
    }

    [Fact]
    public void Only_High_actions_are_high_priority()
    {
        Assert.True(Action(EqualityImpact.High, 2015).IsHighPriority);
        Assert.False(Action(EqualityImpact.Medium, 2015).IsHighPriority);
        Assert.False(Action(EqualityImpact.Low, 2015).IsHighPriority);
    }

    [Fact]
    public void An_action_is_timetabled_in_the_quarters_of_its_years()
    {
        var a = Action(EqualityImpact.High, 2007, 2008);

        Assert.True(a.IsTimetabledIn(Period.Quarter(2007, 2)));
        Assert.True(a.IsTimetabledIn(Period.Quarter(2008, 4)));   // January–March 2009, still 2008/09
        Assert.False(a.IsTimetabledIn(Period.Quarter(2009, 1)));
    }

    [Theory]
    [InlineData("disability", EqualityStrand.Disability)]
    [InlineData("Religion or belief", EqualityStrand.ReligionOrBelief)]
    [InlineData("gender", EqualityStrand.Sex)]             // the strand's older name
    [InlineData("ethnicity", EqualityStrand.Race)]
    [InlineData("socio-economic disadvantage", EqualityStrand.SocioEconomicDisadvantage)]
    [InlineData("marriage and civil partnership", EqualityStrand.MarriageAndCivilPartnership)]
    public void Protected_characteristics_are_read_by_the_Acts_names_and_the_older_strands(string text, EqualityStrand expected)
    {
        Assert.True(EqualityWords.TryParseStrand(text, out var strand));
        Assert.Equal(expected, strand);
        Assert.False(EqualityWords.TryParseStrand("postcode", out _));
    }

    [Fact]
    public void Progress_marked_complete_completes_the_action_which_then_takes_no_other_progress_until_reopened()
    {
        var a = Action(EqualityImpact.High, 2015);
        a.RecordProgress(Q2, MilestoneProgress.Green, "On track", new DateOnly(2015, 9, 30));
        a.RecordProgress(Q3, MilestoneProgress.Complete, "Reported in December", new DateOnly(2015, 12, 18));

        Assert.Equal(new DateOnly(2015, 12, 18), a.CompletedOn);
        var refused = Assert.Throws<DomainException>(() => a.RecordProgress(Q3, MilestoneProgress.Amber, null, new DateOnly(2016, 1, 5)));
        Assert.Equal(DomainRefusal.Conflict, refused.Kind);
        Assert.Throws<DomainException>(() => a.Reopen(" "));
        a.Reopen("The assessment is to be repeated");
        a.RecordProgress(Q3, MilestoneProgress.Amber, "Repeating the assessment", new DateOnly(2016, 1, 5));
        Assert.Null(a.CompletedOn);
        Assert.Throws<DomainException>(() => a.Reopen("Not complete"));
    }

    [Fact]
    public void Details_name_each_field_that_is_missing()
    {
        var problems = new EqualityActionDetails(" ", [], null, "", [], null, "D").Problems();

        Assert.Equal(["subject", "impact", "actions", "timetable", "officer"], problems.Select(p => p.Field));
        Assert.Throws<DomainException>(() => EqualityAction.Create("EQ 1", Details(EqualityImpact.Low, 2015)));
    }

    [Fact]
    public void A_stale_version_is_refused_as_a_conflict()
    {
        var a = Action(EqualityImpact.High, 2015);
        var loaded = a.Version;
        a.Edit(Details(EqualityImpact.Medium, 2015, 2016));

        Assert.Equal(DomainRefusal.Conflict, Assert.Throws<DomainException>(() => a.EnsureVersion(loaded)).Kind);
        Assert.Equal([2015, 2016], a.TimetableYears);
    }
}
