using Outturn.Domain.Governance;
using Outturn.Domain.Inspections;
using Outturn.Domain.Participation;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Governance;

public class GovernanceRuleTests
{
    // Deadline column forms of the Children's Trust Executive Group minutes, 27 October 2015 (docs/sources.md §2.2).
    [Theory]
    [InlineData("Ongoing", null)]
    [InlineData("", null)]
    [InlineData("1.12.15", "2015-12-01")]
    [InlineData("April '16", "2016-04-30")]
    [InlineData("April \u201816", "2016-04-30")]
    [InlineData("31st March 2016", "2016-03-31")]
    [InlineData("December 2016", "2016-12-31")]
    [InlineData("2016-02-22", "2016-02-22")]
    public void Deadlines_are_read_as_the_minutes_write_them(string text, string? expected)
    {
        Assert.True(Deadlines.TryParse(text, out var deadline));
        Assert.Equal(expected is null ? null : DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), deadline);
    }

    [Theory]
    [InlineData("soon")]
    [InlineData("31.2.16")]
    public void A_deadline_in_no_known_form_is_refused(string text) => Assert.False(Deadlines.TryParse(text, out _));

    [Theory]
    [InlineData("Ann McIntyre", "AMc")]
    [InlineData("Tracey Coffey", "TC")]
    [InlineData("Gill Frame", "GF")]
    [InlineData("Gerald Meehan", "GM")]
    public void Initials_keep_Mc_as_the_minutes_do(string name, string initials) => Assert.Equal(initials, Initials.Of(name));

    [Fact]
    public void Owner_initials_resolve_to_people_and_ALL_to_everyone_present()
    {
        string[] people = ["Gill Frame", "Tracy Ryan", "Ann McIntyre", "Tracey Coffey", "Gerald Meehan"];
        Assert.Equal(["Gill Frame", "Tracy Ryan"], Initials.Resolve("GF (TR)", people, people, out var none));
        Assert.Empty(none);
        Assert.Equal(["Ann McIntyre", "Tracey Coffey"], Initials.Resolve("AMc/TC", people, people, out _));
        Assert.Equal(people, Initials.Resolve("ALL", people, people, out _));
        Assert.Empty(Initials.Resolve("ZZ", people, people, out var missing));
        Assert.Equal(["ZZ"], missing);
    }

    [Fact]
    public void An_action_is_carried_forward_until_the_meeting_it_is_closed_at()
    {
        var m1 = new Meeting { Id = 1, BoardId = 7, Date = new DateOnly(2015, 10, 27) };
        var m2 = new Meeting { Id = 2, BoardId = 7, Date = new DateOnly(2015, 12, 1) };
        var m3 = new Meeting { Id = 3, BoardId = 7, Date = new DateOnly(2016, 1, 19) };
        var action = new ActionItem { MeetingId = 1, Text = "Merger proposal report", Owner = "AMc/TC" };

        Assert.False(action.IsCarriedForwardTo(m1, m1));
        Assert.True(action.IsCarriedForwardTo(m1, m2));
        action.Close(m2.Date, m2.Id, "Report received", "test");
        Assert.True(action.IsCarriedForwardTo(m1, m2)); // reviewed and closed at the second meeting
        Assert.False(action.IsCarriedForwardTo(m1, m3));
        Assert.Throws<DomainException>(() => action.Close(m3.Date, m3.Id, "again", "test"));
    }

    [Fact]
    public void An_open_action_past_its_deadline_is_overdue_and_an_ongoing_one_never_is()
    {
        var dated = new ActionItem { Text = "x", Owner = "GF", Deadline = new DateOnly(2015, 12, 1) };
        var ongoing = new ActionItem { Text = "y", Owner = "ALL" };
        Assert.False(dated.IsOverdue(new DateOnly(2015, 12, 1)));
        Assert.True(dated.IsOverdue(new DateOnly(2015, 12, 2)));
        Assert.False(ongoing.IsOverdue(new DateOnly(2030, 1, 1)));
    }

    // The 2008 joint area review (docs/sources.md §5): "4: outstanding; 3: good; 2: adequate; 1: inadequate".
    [Theory]
    [InlineData(4, "outstanding")]
    [InlineData(3, "good")]
    [InlineData(2, "adequate")]
    [InlineData(1, "inadequate")]
    public void Grades_have_the_inspectorate_words(int grade, string words) => Assert.Equal(words, InspectionWords.GradeWord(grade));

    [Fact]
    public void A_grade_outside_1_to_4_is_refused() => Assert.Throws<DomainException>(() => InspectionWords.GradeWord(5));

    [Fact]
    public void Within_six_months_is_due_six_months_after_publication()
    {
        // Published 22 July 2008 (docs/sources.md §5) → 22 January 2009.
        Assert.Equal(new DateOnly(2009, 1, 22), ImprovementAction.DefaultDue(RecommendationTimescale.WithinSixMonths, new DateOnly(2008, 7, 22)));
    }

    [Fact]
    public void Statuses_carry_forward_and_an_action_not_done_by_its_due_date_is_overdue()
    {
        var action = new ImprovementAction { Owner = "The local partnership", Due = new DateOnly(2009, 1, 22) };
        action.Record(Period.Quarter(2008, 2), DeliveryStatus.InProgress, ImpactStatus.NotYetEvident, null, "t", DateTimeOffset.UnixEpoch);

        Assert.Equal(DeliveryStatus.InProgress, action.StatusAt(Period.Quarter(2008, 3))!.Delivery);
        Assert.False(action.IsOverdueAt(Period.Quarter(2008, 3))); // Q3 ends 31 December 2008, before the due date
        Assert.True(action.IsOverdueAt(Period.Quarter(2008, 4)));
        action.Record(Period.Quarter(2008, 4), DeliveryStatus.Done, ImpactStatus.Some, "Audit of 40 annual reviews", "t", DateTimeOffset.UnixEpoch);
        Assert.False(action.IsOverdueAt(Period.Quarter(2008, 4)));
    }

    [Fact]
    public void An_impact_judgement_needs_evidence()
    {
        var action = new ImprovementAction { Owner = "o", Due = new DateOnly(2009, 1, 22) };
        Assert.Throws<DomainException>(() => action.Record(Period.Quarter(2008, 3), DeliveryStatus.Done, ImpactStatus.Clear, " ", "t", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void A_response_is_published_only_with_both_what_they_said_and_what_we_did()
    {
        var activity = new EngagementActivity { Title = "Baby weighing", Method = ParticipationMethod.FocusGroups, WhatTheySaid = "Hard to get to" };
        Assert.Throws<DomainException>(activity.PublishResponse);
        activity.WhatWeDid = "Monthly clinic at Halebank Community Centre";
        activity.PublishResponse();
        Assert.True(activity.ResponsePublished);
    }

    [Theory]
    [InlineData("Surveys", ParticipationMethod.Surveys)]
    [InlineData("speed/circuit meeting", ParticipationMethod.SpeedMeetings)]
    [InlineData("13", ParticipationMethod.ListeningThroughPlay)]
    public void The_fifteen_methods_are_read_by_name_words_or_number(string text, ParticipationMethod expected)
    {
        Assert.True(ParticipationMethods.TryParse(text, out var method));
        Assert.Equal(expected, method);
        Assert.Equal(15, Enum.GetValues<ParticipationMethod>().Length); // the 2014–17 plan's methods (docs/sources.md §6)
    }
}
