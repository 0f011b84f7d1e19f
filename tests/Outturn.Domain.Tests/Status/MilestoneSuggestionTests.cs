using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Status;

public class MilestoneSuggestionTests
{
    private static readonly DateOnly Due = new(2016, 3, 31);

    [Theory]
    [InlineData(2016, 4, 1)]   // past due
    [InlineData(2016, 3, 1)]   // not yet due
    public void A_complete_milestone_stays_complete_even_when_past_due(int y, int m, int d) =>
        Assert.Equal(MilestoneProgress.Complete, StatusRules.SuggestMilestone(Due, new DateOnly(y, m, d), MilestoneProgress.Complete));

    [Theory]
    [InlineData(null)]
    [InlineData(MilestoneProgress.Green)]
    [InlineData(MilestoneProgress.Amber)]
    [InlineData(MilestoneProgress.Red)]
    public void A_milestone_past_its_due_date_and_not_complete_is_suggested_red(MilestoneProgress? reported) =>
        Assert.Equal(MilestoneProgress.Red, StatusRules.SuggestMilestone(Due, new DateOnly(2016, 4, 1), reported));

    [Fact]
    public void A_milestone_on_its_due_date_is_not_yet_past_due() =>
        Assert.Null(StatusRules.SuggestMilestone(Due, Due, MilestoneProgress.Green));

    [Fact]
    public void A_milestone_not_yet_due_gets_no_suggestion() =>
        Assert.Null(StatusRules.SuggestMilestone(Due, new DateOnly(2015, 9, 30), MilestoneProgress.Amber));

    [Theory]
    [InlineData(null)]
    [InlineData(MilestoneProgress.Green)]
    public void A_milestone_with_no_due_date_gets_no_suggestion(MilestoneProgress? reported) =>
        Assert.Null(StatusRules.SuggestMilestone(null, new DateOnly(2030, 1, 1), reported));
}
