using Outturn.Domain.Governance;
using Outturn.Domain.Inspections;
using Outturn.Domain.Participation;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Governance;

/// <summary>The rules boards, meetings, inspections and promises keep for themselves when changed in the browser (docs/governance.md).</summary>
public sealed class KeepingRecordsRuleTests
{
    private static readonly DateTimeOffset At = new(2016, 1, 5, 10, 0, 0, TimeSpan.Zero);

    private static Board Ppb()
    {
        var b = Board.Create("cyp-ppb", "Children, Young People and Families Policy and Performance Board", BoardKind.PolicyAndPerformanceBoard, null, true);
        b.AddMember(new MemberDetails("Mark Dennett", MemberKind.Councillor, "Labour", MemberRole.Chair, null, null, new DateOnly(2015, 5, 20), new DateOnly(2016, 5, 18)));
        return b;
    }

    [Theory]
    [InlineData("CYP-PPB")]
    [InlineData("c")]
    [InlineData("new")]
    [InlineData("cyp ppb")]
    public void A_board_reference_is_small_letters_digits_and_hyphens(string reference) =>
        Assert.Throws<DomainException>(() => Board.Create(reference, "Board", BoardKind.Other, null, true));

    [Fact]
    public void A_second_chair_is_refused_while_the_first_sits_and_accepted_once_their_term_ends()
    {
        var b = Ppb();
        Assert.Throws<DomainException>(() => b.AddMember(new MemberDetails("Geoffrey Logan", MemberKind.Councillor, "Labour", MemberRole.Chair, null, null, new DateOnly(2016, 5, 18), null)));
        var next = b.AddMember(new MemberDetails("Geoffrey Logan", MemberKind.Councillor, "Labour", MemberRole.Chair, null, null, new DateOnly(2016, 5, 19), null));
        Assert.Equal(["Mark Dennett"], b.MembersOn(new DateOnly(2016, 5, 18)).Select(m => m.Name));
        Assert.Equal([next], b.MembersOn(new DateOnly(2016, 5, 19)));
    }

    [Fact]
    public void Co_opted_and_partner_seats_print_their_job_title_and_organisation_and_a_partner_needs_one()
    {
        var b = Ppb();
        var coOpted = b.AddMember(new MemberDetails("Jo Church", MemberKind.CoOpted, "ignored", MemberRole.Member, "Diocese of Liverpool", "Church representative", null, null));
        Assert.Equal(("Jo Church", "Church representative, Diocese of Liverpool (co-opted)", (string?)null), (coOpted.Display, coOpted.Detail, coOpted.Party));
        Assert.Throws<DomainException>(() => b.AddMember(new MemberDetails("Gill Frame", MemberKind.Partner, null, MemberRole.Member, " ", null, null, null)));
    }

    private static Meeting Held(out AgendaItem item)
    {
        var m = Meeting.Schedule(1, new DateOnly(2016, 1, 4), new TimeOnly(18, 30), null, "Civic Suite, Town Hall, Runcorn", null, null);
        item = m.AddItem(new AgendaItemDetails("7(A)", "Performance Management Reports", null, false, null, 52, 71));
        return m;
    }

    [Fact]
    public void An_item_goes_where_it_is_placed_and_the_agenda_renumbers_its_order()
    {
        var m = Held(out var last);
        var first = m.AddItem(new AgendaItemDetails("1", "Minutes", null, false, null, null, null), 1);
        m.AddItem(new AgendaItemDetails("7", "Performance monitoring", null, false, null, null, null), 2);
        Assert.Equal(["1", "7", "7(A)"], m.Items.OrderBy(i => i.Order).Select(i => i.Number));
        Assert.Equal((1, 3), (first.Order, last.Order));
        Assert.Equal("52 - 71", last.Pages);
    }

    [Theory]
    [InlineData("7(a)", "Twice", null, 1, 2)] // the same number, whatever its case
    [InlineData("8", "Pages the wrong way round", null, 9, 3)]
    [InlineData("8", "Under a heading not on the agenda", "6", null, null)]
    [InlineData("", "No number", null, null, null)]
    public void An_item_the_agenda_cannot_hold_is_refused(string number, string title, string? parent, int? from, int? to)
    {
        var m = Held(out _);
        Assert.Throws<DomainException>(() => m.AddItem(new AgendaItemDetails(number, title, parent, false, null, from, to)));
    }

    [Fact]
    public void A_quarterly_report_is_linked_for_a_quarter_and_a_plan_document_without_one()
    {
        var m = Held(out var item);
        Assert.Throws<DomainException>(() => m.EditItem(item, new AgendaItemDetails("7(A)", "Reports", null, false, null, null, null, LinkedReportKind.MonitoringReport, 3, null)));
        Assert.Throws<DomainException>(() => m.EditItem(item, new AgendaItemDetails("7(A)", "Reports", null, false, null, null, null, LinkedReportKind.MonitoringReport, 3, Period.FinancialYear(2015))));
        m.EditItem(item, new AgendaItemDetails("7(A)", "Reports", null, false, null, null, null, LinkedReportKind.BusinessPlan, 3, Period.Quarter(2015, 2)));
        Assert.Equal((LinkedReportKind.BusinessPlan, (int?)3, (Period?)null), (item.ReportKind, item.ReportPlanId, item.ReportPeriod));
    }

    [Fact]
    public void Once_published_an_agenda_keeps_its_items()
    {
        var m = Held(out var item);
        m.PublishAgenda(At);
        Assert.Equal(DomainRefusal.Conflict, Assert.Throws<DomainException>(() => m.RemoveItem(item)).Kind);
    }

    [Fact]
    public void The_minutes_are_approved_after_the_meeting_published_once_approved_and_then_not_changed()
    {
        var m = Held(out var item);
        m.RecordAttendance("Mark Dennett", null, MemberRole.Chair, AttendanceKind.Present);
        Assert.Throws<DomainException>(() => m.ApproveMinutes("Mark Dennett", At, new DateOnly(2016, 1, 3))); // not yet held
        m.PublishAgenda(At);
        Assert.Throws<DomainException>(() => m.PublishMinutes(At)); // not approved
        m.ApproveMinutes("Mark Dennett", At, new DateOnly(2016, 1, 5));
        Assert.Equal(DomainRefusal.Conflict, Assert.Throws<DomainException>(() => m.RecordMinutes(item, "Afterwards")).Kind);
        Assert.Throws<DomainException>(() => m.RecordAttendance("Late Comer", null, MemberRole.Member, AttendanceKind.Present));
        Assert.Throws<DomainException>(() => m.RaiseAction(item, "Afterwards", "MD", null, ["Mark Dennett"]));
        m.PublishMinutes(At);
        Assert.Equal((At, "Mark Dennett"), (m.MinutesPublishedAt!.Value, m.MinutesApprovedBy));
    }

    [Fact]
    public void One_person_chairs_a_meeting()
    {
        var m = Held(out _);
        m.RecordAttendance("Mark Dennett", null, MemberRole.Chair, AttendanceKind.Present);
        Assert.Throws<DomainException>(() => m.RecordAttendance("Geoffrey Logan", null, MemberRole.Chair, AttendanceKind.Present));
        m.RecordAttendance("Mark Dennett", null, MemberRole.Member, AttendanceKind.Apologies);
        m.RecordAttendance("Geoffrey Logan", null, MemberRole.Chair, AttendanceKind.Present);
        Assert.Equal(2, m.Attendance.Count);
    }

    [Fact]
    public void An_action_owner_resolves_to_the_people_at_the_meeting_or_on_the_board_and_a_deadline_is_read_as_minuted()
    {
        var m = Held(out var item);
        m.RecordAttendance("Ann McIntyre", "Operational Director", MemberRole.Member, AttendanceKind.Present);
        var a = m.RaiseAction(item, "Report back", "AMc/MD", "1.12.15", ["Mark Dennett"]);
        Assert.Equal(("Ann McIntyre; Mark Dennett", new DateOnly(2015, 12, 1), "7(A)"), (a.OwnerNames, a.Deadline!.Value, a.ItemNumber));
        Assert.Throws<DomainException>(() => m.RaiseAction(item, "Report back", "ZZ", null, ["Mark Dennett"]));
        Assert.Throws<DomainException>(() => m.RaiseAction(item, "Report back", "AMc", "next Tuesday", ["Mark Dennett"]));
    }

    [Theory]
    [InlineData(InspectionType.JointAreaReview, "adequate")]
    [InlineData(InspectionType.AnnualPerformanceAssessment, "adequate")]
    [InlineData(InspectionType.SingleInspection, "requires improvement to be good")]
    [InlineData(InspectionType.Ilacs, "requires improvement to be good")]
    public void Grade_2_has_the_words_of_the_inspections_own_scale(InspectionType type, string words) =>
        Assert.Equal(words, InspectionWords.GradeWord(2, type));

    [Theory]
    [InlineData("ILACS", InspectionType.Ilacs)]
    [InlineData("focused_visit", InspectionType.FocusedVisit)]
    [InlineData("Joint area review", InspectionType.JointAreaReview)]
    [InlineData("single-inspection", InspectionType.SingleInspection)]
    public void Kinds_are_read_by_name_or_words(string text, InspectionType expected)
    {
        Assert.True(InspectionWords.TryParseKind(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Fact]
    public void A_recommendation_becomes_several_actions_due_by_its_timescale_unless_a_date_is_set()
    {
        var i = Inspection.Record("ILACS-2019", new InspectionDetails(InspectionType.Ilacs, "Inspection of children's services", "Ofsted", new DateOnly(2019, 3, 1), null, "https://reports.ofsted.gov.uk/x", true));
        var r = i.AddRecommendation("R1", RecommendationTimescale.Immediate, "The local authority", "Improve return interviews", null);
        var byTimescale = i.AddAction(r, "Commission a return interview service", "Tracey Coffey", null, null);
        var dated = i.AddAction(r, "Audit ten cases", "Tracey Coffey", null, new DateOnly(2019, 5, 31));
        Assert.Equal((new DateOnly(2019, 4, 1), false), (byTimescale.Due, byTimescale.DueSet)); // immediate: one month
        i.EditRecommendation(r, "R1", RecommendationTimescale.WithinSixMonths, "The local authority", "Improve return interviews", null);
        Assert.Equal(new DateOnly(2019, 9, 1), byTimescale.Due);
        Assert.Equal(new DateOnly(2019, 5, 31), dated.Due);
        Assert.Throws<DomainException>(() => i.AddAction(r, null, "Someone", null, new DateOnly(2019, 2, 1))); // before publication
        Assert.Throws<DomainException>(() => i.AddRecommendation("r1", RecommendationTimescale.LongerTerm, "The local authority", "Twice", null));
    }

    [Theory]
    [InlineData("www.ofsted.gov.uk")]
    [InlineData("ftp://reports.example/x")]
    public void A_report_address_is_a_web_address(string address) =>
        Assert.Throws<DomainException>(() => Inspection.Record("X-1", new InspectionDetails(InspectionType.Other, "Title", "Ofsted", new DateOnly(2019, 3, 1), null, address, false)));

    [Fact]
    public void A_promise_is_reviewed_by_year_and_a_year_reviewed_again_is_revised()
    {
        var p = Promise.Make(1, "Children and Young People's Plan 2014–17", 4, "Early Help and Support", "Every family gets help early", 1);
        Assert.Throws<DomainException>(() => p.Review(Period.Quarter(2015, 2), PromiseProgress.OnTrack, "Started", "ann", At));
        p.Review(Period.FinancialYear(2015), PromiseProgress.OnTrack, "Started", "ann", At);
        p.Review(Period.FinancialYear(2015), PromiseProgress.SomeProgress, "Started later than planned", "ann", At);
        var review = Assert.Single(p.Reviews);
        Assert.Equal((PromiseProgress.SomeProgress, "Started later than planned"), (review.Progress, review.WhatWeAchieved));
    }

    [Fact]
    public void A_published_response_keeps_what_they_said()
    {
        var a = EngagementActivity.Record(new ActivityDetails("Youth Cabinet", ParticipationMethod.Representatives, new DateOnly(2016, 2, 1), null, null, 12, "More youth clubs"));
        a.Respond("Two clubs reopened", new DateOnly(2016, 4, 1), true);
        Assert.Equal(DomainRefusal.Conflict, Assert.Throws<DomainException>(() => a.Edit(new ActivityDetails("Youth Cabinet", ParticipationMethod.Representatives, null, null, null, 12, null))).Kind);
        Assert.Throws<DomainException>(() => a.Respond(null, new DateOnly(2016, 4, 1), false)); // a feedback date needs a response
    }
}
