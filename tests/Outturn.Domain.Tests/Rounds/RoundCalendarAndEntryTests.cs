using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Rounds;

/// <summary>The round's reminder calendar, figures from numerators and denominators, and commentary drafted from the figures.</summary>
public class RoundCalendarAndEntryTests
{
    private static readonly DateTimeOffset Monday = new(2016, 4, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Deadline = new(2016, 4, 15);

    private static MonitoringRound Round(DateOnly? opens = null) => MonitoringRound.Open(1, Period.Quarter(2015, 4), Deadline, "performance@outturn.example", Monday, opens);

    [Theory]
    [InlineData("2016-04-09", null)]
    [InlineData("2016-04-10", "due-in-5")]
    [InlineData("2016-04-11", null)]
    [InlineData("2016-04-14", "due-in-1")]
    [InlineData("2016-04-15", "due-today")]
    [InlineData("2016-04-16", null)]
    [InlineData("2016-04-17", null)]
    [InlineData("2016-04-18", "overdue-3")]
    [InlineData("2016-04-21", "overdue-6")]
    [InlineData("2016-04-22", null)]
    public void By_default_reminders_go_5_days_and_1_day_before_the_deadline_on_the_day_and_every_3_days_overdue(string day, string? occasion) =>
        Assert.Equal(occasion, ReminderSchedule.Default.On(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), Round())?.Key);

    [Fact]
    public void No_reminder_goes_before_the_round_opens() =>
        Assert.Null(ReminderSchedule.Default.On(new DateOnly(2016, 4, 10), Round(opens: new DateOnly(2016, 4, 12))));

    [Fact]
    public void No_reminder_goes_once_the_round_is_in_review()
    {
        var round = Round();
        round.MoveToReview("performance@outturn.example", Monday);
        Assert.Null(ReminderSchedule.Default.On(new DateOnly(2016, 4, 14), round));
    }

    [Fact]
    public void The_schedule_is_configurable()
    {
        var schedule = new ReminderSchedule(ReminderSchedule.ParseDays("7, 2"), OnTheDay: false, OverdueEvery: 7, CopyPerformanceOfficer: false);
        Assert.Equal("due-in-7", schedule.On(new DateOnly(2016, 4, 8), Round())?.Key);
        Assert.Equal("due-in-2", schedule.On(new DateOnly(2016, 4, 13), Round())?.Key);
        Assert.Null(schedule.On(Deadline, Round()));
        Assert.Null(schedule.On(new DateOnly(2016, 4, 18), Round()));
        Assert.Equal("overdue-7", schedule.On(new DateOnly(2016, 4, 22), Round())?.Key);
        Assert.Equal("\"soon\" is not a number of days before the deadline, like 5.", Assert.Throws<DomainException>(() => ReminderSchedule.ParseDays("5,soon")).Message);
    }

    [Fact]
    public void A_round_cannot_open_after_its_deadline() =>
        Assert.Equal("The round cannot open on 16 April 2016, after its deadline of 15 April 2016.",
            Assert.Throws<DomainException>(() => Round(opens: new DateOnly(2016, 4, 16))).Message);

    [Fact]
    public void Sending_back_without_a_reason_is_refused_as_a_conflict()
    {
        var round = Round();
        round.MoveToReview("performance@outturn.example", Monday);
        var refused = Assert.Throws<DomainException>(() => round.SendBack("director@outturn.example", Monday, " "));
        Assert.Equal(("Sending a round back needs a reason.", DomainRefusal.Conflict), (refused.Message, refused.Kind));
        Assert.Equal(RoundState.InReview, round.State);
    }

    // Figures as typed, and from a numerator and denominator

    [Theory]
    [InlineData("612", 612)]
    [InlineData(" 16.8% ", 16.8)]
    [InlineData("1,250", 1250)]
    public void A_figure_is_read_as_typed(string text, double expected)
    {
        Assert.Null(EntryChecks.Parse(text, "value", out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void A_38_digit_number_gets_the_checks_message_not_a_complaint_that_it_is_not_a_number()
    {
        var problem = EntryChecks.Parse("12345678901234567890123456789012345678", "value", out var value);
        Assert.Null(value);
        Assert.Equal(new FieldProblem("value", "The value has more than 12 digits before the decimal point; no figure of a measure is that large."), problem);
        Assert.Equal("Enter a number, like 75 or 16.8; \"seventy\" is not one.", EntryChecks.Parse("seventy", "value", out _)!.Message);
    }

    [Fact]
    public void A_ratio_measure_s_value_is_worked_out_with_its_multiplier()
    {
        // 8 of 10 as a percentage is 80; 3 per 1,250 children as a rate per 10,000 is 24.
        Assert.Empty(EntryChecks.Ratio(8m, 10m, 100m, out var share));
        Assert.Equal(80m, share);
        Assert.Empty(EntryChecks.Ratio(3m, 1250m, 10000m, out var rate));
        Assert.Equal(24m, rate);
    }

    [Fact]
    public void A_numerator_without_a_denominator_or_a_denominator_of_nought_is_refused()
    {
        Assert.Equal([new FieldProblem("denominator", "Enter the denominator as well as the numerator, or neither.")], EntryChecks.Ratio(8m, null, 100m, out _));
        Assert.Equal([new FieldProblem("denominator", "0 cannot be a denominator: it must be more than 0.")], EntryChecks.Ratio(8m, 0m, 100m, out _));
        Assert.Equal("This measure is not worked out from a numerator and denominator: enter its value.", Assert.Single(EntryChecks.Ratio(8m, 10m, null, out _)).Message);
    }

    // Commentary drafted from the figures

    private static readonly Editor Ann = new("ann.mcintyre@outturn.example", 7, RunsRounds: false);

    [Fact]
    public void Commentary_begun_from_the_draft_cannot_be_submitted_until_an_officer_approves_it()
    {
        var item = new RoundItem(7) { Kind = ItemKind.Measure, Label = "CED033" };
        var unapproved = new ItemUpdate(75m, ValueStatus.Final, null, null, "Performance is 75%, 20 percentage points short of the 95% target.", CommentaryFromDraft: true);
        var refused = Assert.Throws<DomainException>(() => item.Save(unapproved, submit: true, Ann, "Ann McIntyre", Monday));
        Assert.Contains("confirm you approve it", refused.Message);
        Assert.Equal(ItemState.NotStarted, item.State);

        // Kept as a draft it is not approved, and not in the report.
        item.Save(unapproved, submit: false, Ann, "Ann McIntyre", Monday);
        Assert.Equal((true, (string?)null), (item.CommentaryFromDraft, item.CommentaryApprovedBy));

        item.Save(unapproved with { CommentaryApproved = true }, submit: true, Ann, "Ann McIntyre", Monday);
        Assert.Equal((ItemState.Submitted, "ann.mcintyre@outturn.example", (int?)7), (item.State, item.CommentaryApprovedBy, item.CommentaryApprovedByOfficerId));
    }

    [Fact]
    public void Commentary_written_by_the_officer_needs_no_approval() =>
        Assert.Empty(new ItemUpdate(75m, ValueStatus.Final, null, null, "Written by hand.").FieldProblemsFor(ItemKind.Measure));

    [Fact]
    public void States_read_in_words() =>
        Assert.Equal(["not started", "draft saved", "submitted", "returned for changes"], Enum.GetValues<ItemState>().Select(s => s.ToWords()));
}
