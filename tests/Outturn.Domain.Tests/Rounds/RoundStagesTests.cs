using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Rounds;

/// <summary>The round's stages: open for updates → in review → signed off → published, and the steps it refuses.</summary>
public class RoundStagesTests
{
    internal static readonly DateTimeOffset Monday = new(2016, 4, 4, 9, 0, 0, TimeSpan.Zero);
    internal static readonly Period Q4 = Period.Quarter(2015, 4);
    internal static readonly ItemUpdate AFinalFigure = new(75m, ValueStatus.Final, null, null, "On track.");

    internal static MonitoringRound OpenRound(params RoundItem[] items)
    {
        var round = MonitoringRound.Open(1, Q4, new DateOnly(2016, 4, 20), "performance@outturn.example", Monday);
        round.Items.AddRange(items);
        return round;
    }

    internal static RoundItem Measure(string label = "CED033") => new() { Kind = ItemKind.Measure, Label = label };

    internal static RoundItem Submitted(string label = "CED033")
    {
        var item = Measure(label);
        item.Submit(AFinalFigure, "tracey.coffey@outturn.example", Monday);
        return item;
    }

    internal static MonitoringRound InReview(params RoundItem[] items)
    {
        var round = OpenRound(items);
        round.MoveToReview("performance@outturn.example", Monday.AddDays(1), confirmOutstanding: round.Outstanding);
        return round;
    }

    internal static MonitoringRound SignedOff()
    {
        var round = InReview(Submitted());
        round.SignOff("director@outturn.example", Monday.AddDays(2));
        return round;
    }

    internal static MonitoringRound Published()
    {
        var round = SignedOff();
        round.Publish("{}", "performance@outturn.example", Monday.AddDays(3));
        return round;
    }

    // Opening

    [Fact]
    public void A_round_opens_for_a_quarter_open_for_updates_with_its_plan_period_and_deadline()
    {
        var round = MonitoringRound.Open(7, Q4, new DateOnly(2016, 4, 20), "performance@outturn.example", Monday);

        Assert.Equal(RoundState.Open, round.State);
        Assert.Equal(7, round.PlanId);
        Assert.Equal(Q4, round.Period);
        Assert.Equal(new DateOnly(2016, 4, 20), round.Deadline);
        Assert.True(round.AcceptsUpdates);
        Assert.Null(round.PublishedSnapshot);
        Assert.Null(round.PublishedAt);
    }

    [Fact]
    public void Opening_a_round_is_recorded_with_who_when_and_the_deadline()
    {
        var round = MonitoringRound.Open(7, Q4, new DateOnly(2016, 4, 20), "performance@outturn.example", Monday);

        var opened = Assert.Single(round.Events);
        Assert.Equal(RoundAction.Opened, opened.Action);
        Assert.Equal("performance@outturn.example", opened.By);
        Assert.Equal(Monday, opened.At);
        Assert.Contains("2016", opened.Note);
        Assert.Contains("20", opened.Note);
    }

    public static TheoryData<Period> NotQuarters => new()
    {
        Period.FinancialYear(2015),
        Period.Month(2015, 9),
        Period.CalendarYear(2015),
        Period.AcademicYear(2015),
    };

    [Theory]
    [MemberData(nameof(NotQuarters))]
    public void A_round_cannot_open_for_a_period_that_is_not_a_quarter(Period period)
    {
        var e = Assert.Throws<DomainException>(() =>
            MonitoringRound.Open(1, period, new DateOnly(2016, 4, 20), "performance@outturn.example", Monday));
        Assert.Contains("quarter", e.Message);
        Assert.Contains(period.ToString(), e.Message);
    }

    // Moving to review

    [Fact]
    public void An_open_round_moves_to_review_and_stops_taking_updates()
    {
        var round = OpenRound(Submitted());

        round.MoveToReview("performance@outturn.example", Monday.AddDays(1));

        Assert.Equal(RoundState.InReview, round.State);
        Assert.False(round.AcceptsUpdates);
        var moved = round.Events[^1];
        Assert.Equal(RoundAction.MovedToReview, moved.Action);
        Assert.Equal("performance@outturn.example", moved.By);
        Assert.Equal(Monday.AddDays(1), moved.At);
    }

    [Fact]
    public void Moving_to_review_with_items_outstanding_is_refused_unless_the_count_is_confirmed()
    {
        var round = OpenRound(Measure(), Measure("CED035"), Submitted("CED034"));

        var unconfirmed = Assert.Throws<DomainException>(() => round.MoveToReview("performance@outturn.example", Monday));
        Assert.Equal("2 items are not submitted. To move to review without them, confirm the 2 outstanding.", unconfirmed.Message);
        var miscounted = Assert.Throws<DomainException>(() => round.MoveToReview("performance@outturn.example", Monday, confirmOutstanding: 1));
        Assert.Equal("2 items are not submitted, not 1: confirm the number outstanding as it is now.", miscounted.Message);
        Assert.Equal(RoundState.Open, round.State);

        round.MoveToReview("performance@outturn.example", Monday, confirmOutstanding: 2);
        Assert.Equal(RoundState.InReview, round.State);
        Assert.Equal(2, round.ConfirmedOutstanding);
        // Going ahead knowingly: the items still out go to the board with no update, so sign-off does not wait.
        Assert.Null(round.SignOffRefusal());
    }

    [Fact]
    public void A_round_in_review_cannot_move_to_review_again()
    {
        var round = InReview(Submitted());
        var e = Assert.Throws<DomainException>(() => round.MoveToReview("performance@outturn.example", Monday));
        Assert.Equal("The round cannot move to review: it is in review, and this step needs it open for updates.", e.Message);
    }

    [Fact]
    public void A_signed_off_round_cannot_move_to_review()
    {
        var round = SignedOff();
        var e = Assert.Throws<DomainException>(() => round.MoveToReview("performance@outturn.example", Monday));
        Assert.Contains("it is signed off", e.Message);
        Assert.Equal(RoundState.SignedOff, round.State);
    }

    [Fact]
    public void A_published_round_cannot_move_to_review()
    {
        var round = Published();
        var e = Assert.Throws<DomainException>(() => round.MoveToReview("performance@outturn.example", Monday));
        Assert.Contains("it is published", e.Message);
        Assert.Equal(RoundState.Published, round.State);
    }

    // Reopening

    [Fact]
    public void A_round_in_review_reopens_for_updates_with_a_reason_recorded()
    {
        var round = InReview(Submitted());

        round.ReopenForUpdates("performance@outturn.example", Monday.AddDays(2), "Late figures from the NHS trust");

        Assert.Equal(RoundState.Open, round.State);
        Assert.True(round.AcceptsUpdates);
        var reopened = round.Events[^1];
        Assert.Equal(RoundAction.ReopenedForUpdates, reopened.Action);
        Assert.Equal("performance@outturn.example", reopened.By);
        Assert.Equal(Monday.AddDays(2), reopened.At);
        Assert.Equal("Late figures from the NHS trust", reopened.Note);
    }

    [Fact]
    public void A_signed_off_round_reopens_for_updates()
    {
        var round = SignedOff();
        round.ReopenForUpdates("performance@outturn.example", Monday, "Director asked for a correction");
        Assert.Equal(RoundState.Open, round.State);
    }

    [Fact]
    public void An_open_round_cannot_be_reopened()
    {
        var round = OpenRound();
        var e = Assert.Throws<DomainException>(() => round.ReopenForUpdates("performance@outturn.example", Monday, "Why not"));
        Assert.Equal("Only a round in review or signed off can be reopened for updates; this one is open for updates.", e.Message);
        Assert.Single(round.Events);
    }

    [Fact]
    public void A_published_round_cannot_be_reopened()
    {
        var round = Published();
        var e = Assert.Throws<DomainException>(() => round.ReopenForUpdates("performance@outturn.example", Monday, "A correction"));
        Assert.Contains("this one is published", e.Message);
        Assert.Equal(RoundState.Published, round.State);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Reopening_a_round_needs_a_reason(string? reason)
    {
        var round = InReview(Submitted());
        var events = round.Events.Count;

        var e = Assert.Throws<DomainException>(() => round.ReopenForUpdates("performance@outturn.example", Monday, reason!));

        Assert.Equal("Reopening a round needs a reason.", e.Message);
        Assert.Equal(RoundState.InReview, round.State);
        Assert.Equal(events, round.Events.Count);
    }

    // Signing off

    [Fact]
    public void A_round_in_review_with_every_item_submitted_is_signed_off_by_the_approver()
    {
        var round = InReview(Submitted("CED033"), Submitted("CED034"));

        round.SignOff("director@outturn.example", Monday.AddDays(2));

        Assert.Equal(RoundState.SignedOff, round.State);
        Assert.False(round.AcceptsUpdates);
        var signed = round.Events[^1];
        Assert.Equal(RoundAction.SignedOff, signed.Action);
        Assert.Equal("director@outturn.example", signed.By);
        Assert.Equal(Monday.AddDays(2), signed.At);
    }

    [Fact]
    public void Sign_off_is_refused_before_review_as_a_conflict_and_the_page_is_told_why()
    {
        var round = OpenRound(Submitted());
        var e = Assert.Throws<DomainException>(() => round.SignOff("director@outturn.example", Monday));

        Assert.Equal("The round cannot sign off: it is open for updates, and this step needs it in review.", e.Message);
        Assert.Equal(DomainRefusal.Conflict, e.Kind);
        Assert.Equal(e.Message, round.SignOffRefusal());
    }

    [Fact]
    public void The_approver_sends_a_round_in_review_back_with_a_reason_and_signs_off_with_a_comment()
    {
        var round = InReview(Submitted());
        Assert.Equal("Sending a round back needs a reason.", Assert.Throws<DomainException>(() => round.SendBack("director@outturn.example", Monday, " ")).Message);

        round.SendBack("director@outturn.example", Monday, "CED033's commentary does not explain the fall.");
        Assert.Equal(RoundState.Open, round.State);
        Assert.Equal((RoundAction.SentBack, "CED033's commentary does not explain the fall."), (round.Events[^1].Action, round.Events[^1].Note));

        round.MoveToReview("performance@outturn.example", Monday);
        round.SignOff("director@outturn.example", Monday, "Approved for the board.");
        Assert.Equal((RoundAction.SignedOff, "Approved for the board."), (round.Events[^1].Action, round.Events[^1].Note));
    }

    [Fact]
    public void A_returned_item_counts_as_outstanding_for_review()
    {
        var item = Submitted();
        var round = OpenRound(item, Submitted("CED034"));
        round.Return(item, "Check the denominator", "performance@outturn.example", Monday);

        var e = Assert.Throws<DomainException>(() => round.MoveToReview("performance@outturn.example", Monday));
        Assert.Contains("1 item is not submitted", e.Message);
    }

    [Fact]
    public void An_open_round_cannot_be_signed_off_even_when_everything_is_submitted()
    {
        var round = OpenRound(Submitted());
        var e = Assert.Throws<DomainException>(() => round.SignOff("director@outturn.example", Monday));
        Assert.Equal("The round cannot sign off: it is open for updates, and this step needs it in review.", e.Message);
    }

    [Fact]
    public void A_signed_off_round_cannot_be_signed_off_again()
    {
        var round = SignedOff();
        var e = Assert.Throws<DomainException>(() => round.SignOff("director@outturn.example", Monday));
        Assert.Contains("it is signed off", e.Message);
    }

    // Publishing

    [Fact]
    public void A_signed_off_round_is_published_with_its_snapshot_frozen()
    {
        var round = SignedOff();
        var at = Monday.AddDays(3);

        round.Publish("{\"measures\":[]}", "performance@outturn.example", at);

        Assert.Equal(RoundState.Published, round.State);
        Assert.Equal("{\"measures\":[]}", round.PublishedSnapshot);
        Assert.Equal(at, round.PublishedAt);
        Assert.False(round.AcceptsUpdates);
        var published = round.Events[^1];
        Assert.Equal(RoundAction.Published, published.Action);
        Assert.Equal("performance@outturn.example", published.By);
        Assert.Equal(at, published.At);
    }

    [Fact]
    public void Publishing_an_open_round_is_refused_saying_it_is_not_signed_off()
    {
        var round = OpenRound(Submitted());
        var e = Assert.Throws<DomainException>(() => round.Publish("{}", "performance@outturn.example", Monday));
        Assert.Equal("The round cannot be published before it is signed off; it is open for updates.", e.Message);
        Assert.Null(round.PublishedSnapshot);
        Assert.Null(round.PublishedAt);
        Assert.Equal(RoundState.Open, round.State);
    }

    [Fact]
    public void Publishing_a_round_in_review_is_refused_saying_it_is_not_signed_off()
    {
        var round = InReview(Submitted());
        var e = Assert.Throws<DomainException>(() => round.Publish("{}", "performance@outturn.example", Monday));
        Assert.Equal("The round cannot be published before it is signed off; it is in review.", e.Message);
    }

    [Fact]
    public void A_published_round_cannot_be_published_again_and_keeps_its_first_snapshot()
    {
        var round = Published();
        var first = round.PublishedAt;

        var e = Assert.Throws<DomainException>(() => round.Publish("{\"changed\":true}", "performance@outturn.example", Monday.AddDays(9)));

        Assert.Contains("it is published", e.Message);
        Assert.Equal("{}", round.PublishedSnapshot);
        Assert.Equal(first, round.PublishedAt);
    }

    // Reminders, words and the record

    [Fact]
    public void A_reminder_is_recorded_with_who_sent_it_when_and_to_whom()
    {
        var round = OpenRound(Measure());
        round.RecordReminder("performance@outturn.example", Monday.AddDays(5), "tracey.coffey@outturn.example");

        var reminder = round.Events[^1];
        Assert.Equal(RoundAction.ReminderSent, reminder.Action);
        Assert.Equal("performance@outturn.example", reminder.By);
        Assert.Equal(Monday.AddDays(5), reminder.At);
        Assert.Equal("tracey.coffey@outturn.example", reminder.Note);
    }

    [Theory]
    [InlineData(RoundState.Open, "open for updates")]
    [InlineData(RoundState.InReview, "in review")]
    [InlineData(RoundState.SignedOff, "signed off")]
    [InlineData(RoundState.Published, "published")]
    public void Each_stage_is_described_in_words(RoundState state, string words) =>
        Assert.Equal(words, MonitoringRound.Describe(state));

    [Fact]
    public void The_whole_cycle_is_recorded_in_order_with_who_did_each_step()
    {
        var item = Submitted();
        var round = OpenRound(item);
        round.Return(item, "Check the figure", "performance@outturn.example", Monday.AddDays(1));
        item.Submit(AFinalFigure, "tracey.coffey@outturn.example", Monday.AddDays(2));
        round.MoveToReview("performance@outturn.example", Monday.AddDays(3));
        round.SignOff("director@outturn.example", Monday.AddDays(4));
        round.Publish("{}", "performance@outturn.example", Monday.AddDays(5));

        Assert.Equal(
            [RoundAction.Opened, RoundAction.ItemReturned, RoundAction.MovedToReview, RoundAction.SignedOff, RoundAction.Published],
            round.Events.Select(e => e.Action));
        Assert.Equal(
            ["performance@outturn.example", "performance@outturn.example", "performance@outturn.example", "director@outturn.example", "performance@outturn.example"],
            round.Events.Select(e => e.By));
        Assert.Equal(
            [Monday, Monday.AddDays(1), Monday.AddDays(3), Monday.AddDays(4), Monday.AddDays(5)],
            round.Events.Select(e => e.At));
    }
}
