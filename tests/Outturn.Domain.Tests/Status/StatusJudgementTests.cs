using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Status;

public class StatusJudgementTests
{
    [Fact]
    public void Without_an_override_the_final_status_is_the_computed_one()
    {
        var judgement = StatusJudgement<Progress>.Of(Progress.Red);

        Assert.Equal(Progress.Red, judgement.Final);
        Assert.Null(judgement.Override);
        Assert.Null(judgement.Reason);
        Assert.False(judgement.IsOverridden);
    }

    [Fact]
    public void An_override_becomes_the_final_status_and_the_computed_one_is_kept()
    {
        var judgement = StatusJudgement<Progress>.Of(Progress.Red).WithOverride(Progress.Amber, "  Too early to say.  ");

        Assert.Equal(Progress.Amber, judgement.Final);
        Assert.Equal(Progress.Red, judgement.Computed);
        Assert.True(judgement.IsOverridden);
        Assert.Equal("Too early to say.", judgement.Reason);
    }

    [Fact]
    public void An_override_that_agrees_with_the_computed_status_is_not_marked_as_overridden()
    {
        var judgement = StatusJudgement<Direction>.Of(Direction.Better).WithOverride(Direction.Better, "Confirmed.");

        Assert.Equal(Direction.Better, judgement.Final);
        Assert.False(judgement.IsOverridden);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_override_without_a_reason_is_refused(string reason)
    {
        var judgement = StatusJudgement<Progress>.Of(Progress.Red);

        var error = Assert.Throws<DomainException>(() => judgement.WithOverride(Progress.Green, reason));
        Assert.Contains("reason", error.Message);
    }
}
