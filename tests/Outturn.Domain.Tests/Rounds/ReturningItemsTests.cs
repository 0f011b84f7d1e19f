using Outturn.Domain.Rounds;
using static Outturn.Domain.Tests.Rounds.RoundStagesTests;

namespace Outturn.Domain.Tests.Rounds;

/// <summary>The performance officer sends a submitted item back with a comment saying what to change.</summary>
public class ReturningItemsTests
{
    [Fact]
    public void A_submitted_item_is_returned_with_the_comment_kept_for_the_contributor()
    {
        var item = Submitted();
        var round = OpenRound(item);

        round.Return(item, "  Check the denominator: it should be assessments started in the quarter.  ", "performance@outturn.example", Monday.AddDays(1));

        Assert.Equal(ItemState.Returned, item.State);
        Assert.Equal("Check the denominator: it should be assessments started in the quarter.", item.ReturnComment);
        Assert.Equal(RoundState.Open, round.State);
    }

    [Fact]
    public void Returning_an_item_keeps_what_the_contributor_entered()
    {
        var item = Submitted();
        var round = OpenRound(item);

        round.Return(item, "Check the figure", "performance@outturn.example", Monday);

        Assert.Equal(75m, item.Value);
        Assert.Equal("On track.", item.Commentary);
        Assert.Equal("tracey.coffey@outturn.example", item.UpdatedBy);
    }

    [Fact]
    public void Returning_an_item_is_recorded_with_who_when_the_item_and_the_comment()
    {
        var item = Submitted("CED033");
        var round = OpenRound(item);

        round.Return(item, "Check the figure", "performance@outturn.example", Monday.AddDays(1));

        var returned = round.Events[^1];
        Assert.Equal(RoundAction.ItemReturned, returned.Action);
        Assert.Equal("performance@outturn.example", returned.By);
        Assert.Equal(Monday.AddDays(1), returned.At);
        Assert.Equal("CED033: Check the figure", returned.Note);
    }

    [Fact]
    public void Returning_an_item_raises_its_version_so_an_open_form_is_stale()
    {
        var item = Submitted();
        var round = OpenRound(item);
        var before = item.Version;

        round.Return(item, "Check the figure", "performance@outturn.example", Monday);

        Assert.Equal(before + 1, item.Version);
    }

    [Fact]
    public void Returning_an_item_from_a_round_in_review_sends_the_round_back_to_open()
    {
        var item = Submitted();
        var round = InReview(item, Submitted("CED034"));

        round.Return(item, "Check the figure", "performance@outturn.example", Monday.AddDays(2));

        Assert.Equal(RoundState.Open, round.State);
        Assert.True(round.AcceptsUpdates);
        Assert.Equal(ItemState.Returned, item.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData(null)]
    public void Returning_an_item_needs_a_comment(string? comment)
    {
        var item = Submitted();
        var round = InReview(item);
        var version = item.Version;
        var events = round.Events.Count;

        var e = Assert.Throws<DomainException>(() => round.Return(item, comment!, "performance@outturn.example", Monday));

        Assert.Equal("Returning an item needs a comment saying what to change.", e.Message);
        Assert.Equal(ItemState.Submitted, item.State);
        Assert.Null(item.ReturnComment);
        Assert.Equal(version, item.Version);
        Assert.Equal(RoundState.InReview, round.State); // a refused return leaves the round in review
        Assert.Equal(events, round.Events.Count);
    }

    [Fact]
    public void An_item_not_started_cannot_be_returned()
    {
        var item = Measure("CED033");
        var round = OpenRound(item);

        var e = Assert.Throws<DomainException>(() => round.Return(item, "Where is it?", "performance@outturn.example", Monday));

        Assert.Equal("Only a submitted item can be returned; CED033 is not started.", e.Message);
        Assert.Equal(ItemState.NotStarted, item.State);
    }

    [Fact]
    public void A_draft_item_cannot_be_returned()
    {
        var item = Measure("CED033");
        item.SaveDraft(AFinalFigure, "tracey.coffey@outturn.example", Monday);
        var round = InReview(item);

        var e = Assert.Throws<DomainException>(() => round.Return(item, "Please submit", "performance@outturn.example", Monday));

        Assert.Equal("Only a submitted item can be returned; CED033 is draft saved.", e.Message);
        Assert.Equal(ItemState.Draft, item.State);
        Assert.Equal(RoundState.InReview, round.State);
    }

    [Fact]
    public void An_item_already_returned_cannot_be_returned_again()
    {
        var item = Submitted();
        var round = OpenRound(item);
        round.Return(item, "First comment", "performance@outturn.example", Monday);

        var e = Assert.Throws<DomainException>(() => round.Return(item, "Second comment", "performance@outturn.example", Monday));

        Assert.Contains("is returned for changes", e.Message);
        Assert.Equal("First comment", item.ReturnComment);
    }

    [Fact]
    public void Items_cannot_be_returned_once_the_round_is_signed_off()
    {
        var round = SignedOff();
        var item = round.Items[0];

        var e = Assert.Throws<DomainException>(() => round.Return(item, "Too late", "performance@outturn.example", Monday));

        Assert.Equal("Items cannot be returned once the round is signed off.", e.Message);
        Assert.Equal(ItemState.Submitted, item.State);
        Assert.Equal(RoundState.SignedOff, round.State);
    }

    [Fact]
    public void Items_cannot_be_returned_once_the_round_is_published()
    {
        var round = Published();
        var item = round.Items[0];

        var e = Assert.Throws<DomainException>(() => round.Return(item, "Too late", "performance@outturn.example", Monday));

        Assert.Equal("Items cannot be returned once the round is published.", e.Message);
        Assert.Equal(ItemState.Submitted, item.State);
    }

    [Fact]
    public void A_returned_item_is_resubmitted_and_keeps_the_last_return_comment()
    {
        var item = Submitted();
        var round = OpenRound(item);
        round.Return(item, "Check the figure", "performance@outturn.example", Monday);

        item.Submit(AFinalFigure with { Value = 80m }, "tracey.coffey@outturn.example", Monday.AddDays(1));

        Assert.Equal(ItemState.Submitted, item.State);
        Assert.Equal(80m, item.Value);
        Assert.Equal("Check the figure", item.ReturnComment);
    }
}
