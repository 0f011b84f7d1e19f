using Outturn.Domain.Equality;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Equality;

public class EqualityActionTests
{
    private static EqualityAction Action(EqualityImpact impact, params int[] years) => new()
    {
        Ref = "EQ1", Directorate = "D", Subject = "S", ActionsProposed = "A", Officer = "O", Impact = impact, TimetableYears = [.. years],
    };

    [Theory]
    [InlineData("High", EqualityImpact.High)]
    [InlineData("low", EqualityImpact.Low)]
    [InlineData("None", EqualityImpact.None)]
    public void Impact_assessments_are_High_Low_or_None(string text, EqualityImpact expected)
    {
        Assert.True(EqualityWords.TryParseImpact(text, out var impact));
        Assert.Equal(expected, impact);
    }

    [Fact]
    public void Only_High_actions_are_high_priority()
    {
        Assert.True(Action(EqualityImpact.High).IsHighPriority);
        Assert.False(Action(EqualityImpact.Low).IsHighPriority);
        Assert.False(EqualityWords.TryParseImpact("Medium", out _));
    }

    [Fact]
    public void An_action_is_timetabled_in_the_quarters_of_its_years()
    {
        var a = Action(EqualityImpact.High, 2007, 2008);

        Assert.True(a.IsTimetabledIn(Period.Quarter(2007, 2)));
        Assert.True(a.IsTimetabledIn(Period.Quarter(2008, 4)));   // January–March 2009, still 2008/09
        Assert.False(a.IsTimetabledIn(Period.Quarter(2009, 1)));
    }
}
