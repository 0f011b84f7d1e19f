using Outturn.Application.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Governance;
using Outturn.Application.Inspections;
using Outturn.Application.Participation;
using Outturn.Domain.Governance;
using Outturn.Domain.Inspections;
using Outturn.Domain.Participation;
using Outturn.Domain.Periods;

namespace Outturn.Application.Tests.Governance;

/// <summary>
/// Expected values from the published documents of docs/sources.md: the 4 January 2016 agenda front sheet (§2.1), the
/// Children's Trust Executive Group minutes of 27 October 2015 (§2.2) and the 2008 joint area review (§5).
/// </summary>
public abstract class GovernanceTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task Load() => LoadDemoAsync();

    private Task<T> Query<T>(Func<GovernanceQuery, Task<T>> work) => WithScope(sp => work(sp.GetRequiredService<GovernanceQuery>()));

    private Task<int> MeetingId(string board, DateOnly date) =>
        Db(db => db.Set<Meeting>().Where(m => m.Board!.Ref == board && m.Date == date).Select(m => m.Id).SingleAsync());

    [Fact]
    public async Task The_demo_holds_the_4_January_2016_board_with_its_membership_and_agenda_page_ranges()
    {
        await Load();
        var id = await MeetingId("cyp-ppb", new DateOnly(2016, 1, 4));
        var (_, pack) = await Query(q => q.PackAsync(id, Viewer.Anonymous));

        Assert.NotNull(pack);
        Assert.Equal("Monday, 4 January 2016 at 6.30 p.m.", pack.When);
        Assert.Equal("Civic Suite, Town Hall, Runcorn", pack.Venue);
        Assert.Equal(11, pack.Membership.Count);
        Assert.Equal(("Councillor Mark Dennett (Chairman)", "Labour"), (pack.Membership[0].Name, pack.Membership[0].Detail));
        Assert.Equal("Councillor Geoffrey Logan (Vice-Chairman)", pack.Membership[1].Name);
        Assert.Equal(["1", "2", "3", "4", "5", "6", "6(A)", "6(B)", "6(C)", "6(D)", "6(E)", "7", "7(A)"], pack.PartI.Select(i => i.Number));
        Assert.Equal("1 - 3", pack.PartI.Single(i => i.Number == "3").Pages);
        Assert.Equal("52 - 71", pack.PartI.Single(i => i.Number == "7(A)").Pages);
        Assert.Equal("Performance Management Reports for Quarter 2 of 2015/16", pack.PartI.Single(i => i.Number == "7(A)").Report!.Subject);
        Assert.Equal("4 January 2015", pack.PartI.Single(i => i.Number == "3").Report!.DateText); // the report's own misprint, kept
        Assert.Equal("The next meeting of the Board is on Monday, 22 February 2016", pack.NextMeeting);
        Assert.Empty(pack.PartII);
    }

    [Fact]
    public async Task The_Trust_minutes_hold_attendance_and_three_actions_with_owners_resolved_from_initials()
    {
        await Load();
        var id = await MeetingId("ct-exec", new DateOnly(2015, 10, 27));
        var (_, view) = await Query(q => q.MeetingAsync(id, Viewer.Anonymous));

        Assert.NotNull(view);
        Assert.Equal(13, view.Attendance.Count(a => a.Kind == AttendanceKind.Present));
        Assert.Equal(["Lorraine Crane", "Angela Ryan"], view.Attendance.Where(a => a.Kind == AttendanceKind.Apologies).Select(a => a.Name));
        var actions = view.ActionsRaised.ToDictionary(a => a.ItemNumber!);
        Assert.Equal(["2.1", "2.2", "2.4"], actions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("ALL", (DateOnly?)null), (actions["2.1"].Owner, actions["2.1"].Deadline));
        Assert.Equal(("Gill Frame; Tracy Ryan", new DateOnly(2016, 4, 30)), (actions["2.2"].OwnerNames, actions["2.2"].Deadline!.Value));
        Assert.Equal(("Ann McIntyre; Tracey Coffey", new DateOnly(2015, 12, 1)), (actions["2.4"].OwnerNames, actions["2.4"].Deadline!.Value));
    }

    [Fact]
    public async Task Overdue_actions_are_listed_for_the_chair_oldest_deadline_first_and_ongoing_ones_never()
    {
        await Load();
        // The clock is today's (after April 2016): both dated actions are overdue; "Ongoing" is not.
        var overdue = await Query(q => q.OverdueAsync("ct-exec", Viewer.Anonymous));
        Assert.Equal(["2.4", "2.2"], overdue.Select(a => a.ItemNumber));
    }

    [Fact]
    public async Task An_action_is_carried_forward_onto_the_next_agenda_and_once_closed_leaves_the_one_after()
    {
        await Load();
        var october = await MeetingId("ct-exec", new DateOnly(2015, 10, 27));
        var december = await MeetingId("ct-exec", new DateOnly(2015, 12, 1));
        var january = await Db(async db =>
        {
            var m = new Meeting { BoardId = await db.Set<Board>().Where(b => b.Ref == "ct-exec").Select(b => b.Id).SingleAsync(), Date = new DateOnly(2016, 1, 19) };
            db.Add(m);
            await db.SaveChangesAsync();
            return m.Id;
        });
        var merger = await Db(db => db.Set<ActionItem>().Where(a => a.MeetingId == october && a.ItemNumber == "2.4").Select(a => a.Id).SingleAsync());

        var (_, atDecember) = await Query(q => q.MeetingAsync(december, Viewer.Officer));
        Assert.Equal(["2.1", "2.2", "2.4"], atDecember!.CarriedForward.Select(a => a.ItemNumber));
        var (_, decemberPack) = await Query(q => q.PackAsync(december, Viewer.Officer));
        Assert.Contains("CT Exec/Trust Merger Proposal Report", HtmlAgendaPackWriter.Render(decemberPack!)); // on the next agenda

        await WithScope(sp => sp.GetRequiredService<GovernanceService>().UpdateActionAsync(merger, "Merger proposal report presented.", ActionStatus.Closed, december, "test"));

        var (_, december2) = await Query(q => q.MeetingAsync(december, Viewer.Officer));
        var closed = december2!.CarriedForward.Single(a => a.Id == merger);
        Assert.Equal((ActionStatus.Closed, new DateOnly(2015, 12, 1)), (closed.Status, closed.ClosedOn!.Value));
        var (_, atJanuary) = await Query(q => q.MeetingAsync(january, Viewer.Officer));
        Assert.Equal(["2.1", "2.2"], atJanuary!.CarriedForward.Select(a => a.ItemNumber));
        Assert.DoesNotContain(await Query(q => q.OverdueAsync("ct-exec", Viewer.Officer)), a => a.Id == merger);
    }

    private async Task<int> AddExemptItemAsync()
    {
        var id = await MeetingId("cyp-ppb", new DateOnly(2016, 1, 4));
        await Db(async db =>
        {
            db.Add(new AgendaItem
            {
                MeetingId = id, Order = 99, Number = "8", Title = "CHILDREN'S HOME PLACEMENT CONTRACT", IsExempt = true, PageFrom = 72, PageTo = 80,
                Report = new CoverReport { Subject = "Exempt placement contract", Purpose = "Commercially sensitive terms." },
            });
            return await db.SaveChangesAsync();
        });
        return id;
    }

    [Fact]
    public async Task Part_II_items_are_left_out_of_the_public_meeting_and_pack_but_not_for_the_boards_members()
    {
        await Load();
        var id = await AddExemptItemAsync();

        var (_, publicPack) = await Query(q => q.PackAsync(id, Viewer.Anonymous));
        Assert.Empty(publicPack!.PartII);
        Assert.DoesNotContain(publicPack.PartI, i => i.Number == "8");
        var html = HtmlAgendaPackWriter.Render(publicPack);
        Assert.DoesNotContain("PLACEMENT CONTRACT", html);
        Assert.DoesNotContain("Exempt placement", html);
        var (_, publicView) = await Query(q => q.MeetingAsync(id, Viewer.Anonymous));
        Assert.DoesNotContain(publicView!.Items, i => i.IsExempt);
        Assert.True(publicView.ExemptHidden);

        // The demo councillor's account is linked to the chairman's seat (Demo/governance/README.md).
        var userId = await Db(db => db.Users.Where(u => u.Email == "councillor@outturn.example").Select(u => u.Id).SingleAsync());
        var seats = await Query(q => q.SeatsAsync(userId));
        var (_, memberPack) = await Query(q => q.PackAsync(id, Viewer.BoardMember(seats)));
        Assert.Equal(["8"], memberPack!.PartII.Select(i => i.Number));
        Assert.Contains("PLACEMENT CONTRACT", HtmlAgendaPackWriter.Render(memberPack));
        // A seat on another board gives nothing here.
        var (_, otherPack) = await Query(q => q.PackAsync(id, Viewer.BoardMember(new HashSet<int> { -1 })));
        Assert.Empty(otherPack!.PartII);
    }

    [Fact]
    public async Task A_meeting_whose_agenda_is_not_published_is_hidden_from_the_public_but_not_from_officers()
    {
        await Load();
        var december = await MeetingId("ct-exec", new DateOnly(2015, 12, 1));
        Assert.Equal(Visibility.NotPublished, (await Query(q => q.MeetingAsync(december, Viewer.Anonymous))).Visibility);
        Assert.Equal(Visibility.Ok, (await Query(q => q.MeetingAsync(december, Viewer.Officer))).Visibility);
    }

    [Fact]
    public async Task The_2008_joint_area_review_is_held_with_grades_judgements_and_recommendations_due_by_timescale()
    {
        await Load();
        var jar = await WithScope(sp => sp.GetRequiredService<InspectionQuery>().GetAsync("JAR-2008", false));

        Assert.NotNull(jar);
        Assert.Equal((new DateOnly(2008, 7, 22), "876", InspectionType.JointAreaReview), (jar.PublishedOn, jar.Reference, jar.Type));
        // The joint area review's grades (docs/sources.md §5): Safeguarding 4, Looked after children 3, LDD 3, Service management 3, Capacity to improve 4.
        Assert.Equal([("Safeguarding", "outstanding"), ("Looked after children", "good"), ("Learning difficulties and/or disabilities", "good"), ("Service management", "good"), ("Capacity to improve", "outstanding")],
            jar.Grades.OrderBy(g => g.Order).Select(g => (g.Area, g.Words)));
        Assert.Equal(7, jar.Recommendations.Count); // 2 for immediate action, 5 within six months
        Assert.Equal(2, jar.Recommendations.Count(r => r.Timescale == RecommendationTimescale.Immediate));
        var r3 = jar.Recommendations.Single(r => r.Ref == "JAR2008-R3");
        Assert.Equal(new DateOnly(2009, 1, 22), r3.Actions.Single().Due); // six months from 22 July 2008
        Assert.Contains(jar.KeyJudgements, k => k.Kind == KeyJudgementKind.ImportantWeakness && k.Area == "Looked after children");
    }

    [Fact]
    public async Task An_overdue_recommendation_action_appears_first_in_the_quarterly_reports_inspection_section()
    {
        await Load();
        // An inspection published 5 January 2015: a six-month recommendation is due 5 July 2015, before Quarter 2 ends
        // (30 September 2015); a longer-term one is due 5 January 2016.
        await Db(async db =>
        {
            db.Add(new Inspection
            {
                Ref = "SIF-2015", Type = InspectionType.SingleInspection, Title = "Single inspection of services for children in need of help and protection",
                Inspectorates = "Ofsted", PublishedOn = new DateOnly(2015, 1, 5), IsPublished = true,
                Recommendations =
                {
                    new Recommendation { Ref = "R1", Timescale = RecommendationTimescale.LongerTerm, ResponsibleBody = "The local authority", Text = "Improve the quality of plans", Order = 1 },
                    new Recommendation { Ref = "R2", Timescale = RecommendationTimescale.WithinSixMonths, ResponsibleBody = "The local authority", Text = "Ensure return interviews take place", Order = 2 },
                },
            });
            return await db.SaveChangesAsync();
        });
        await WithScope(async sp =>
        {
            var service = sp.GetRequiredService<InspectionService>();
            Assert.Equal(2, await service.EnsureActionsAsync("SIF-2015", "Tracey Coffey"));
            var db = sp.GetRequiredService<OutturnDbContext>();
            var inspectionId = await db.Set<Inspection>().Where(i => i.Ref == "SIF-2015").Select(i => i.Id).SingleAsync();
            var ids = await db.Set<ImprovementAction>().Where(a => a.Recommendation!.InspectionId == inspectionId).Select(a => a.Id).ToListAsync();
            foreach (var id in ids) await service.LinkAsync(id, "HBC-CYP-2015-16", "CED01a");
            var r2 = await db.Set<ImprovementAction>().Where(a => a.Recommendation!.InspectionId == inspectionId && a.Recommendation.Ref == "R2").Select(a => a.Id).SingleAsync();
            await service.RecordQuarterAsync(r2, Period.Quarter(2015, 1), DeliveryStatus.InProgress, ImpactStatus.NotYetEvident, "Return interview service commissioned", "test");
            return 0;
        });

        var section = await WithScope(sp => sp.GetRequiredService<InspectionQuery>().ActionPlanSectionAsync("HBC-CYP-2015-16", Period.Quarter(2015, 2)));

        Assert.Equal(["R2", "R1"], section.Select(l => l.RecommendationRef));
        Assert.True(section[0].Overdue);
        Assert.Equal((new DateOnly(2015, 7, 5), DeliveryStatus.InProgress, Period.Quarter(2015, 1)), (section[0].Due, section[0].Delivery, section[0].StatusPeriod!.Value));
        Assert.Equal(["CED01a"], section[0].Links);
        Assert.False(section[1].Overdue);
        Assert.Equal(new DateOnly(2016, 1, 5), section[1].Due);
    }

    [Fact]
    public async Task The_demo_review_links_two_recommendations_to_the_service_plan_shown_overdue_after_January_2009()
    {
        await Load();
        var q3 = await WithScope(sp => sp.GetRequiredService<InspectionQuery>().ActionPlanSectionAsync("HBC-CS-2007-10", Period.Quarter(2008, 3)));
        var q4 = await WithScope(sp => sp.GetRequiredService<InspectionQuery>().ActionPlanSectionAsync("HBC-CS-2007-10", Period.Quarter(2008, 4)));
        Assert.Equal(["JAR2008-R3", "JAR2008-R4"], q3.Select(l => l.RecommendationRef));
        Assert.All(q3, l => Assert.False(l.Overdue)); // due 22 January 2009, after Q3 ends
        Assert.All(q4, l => Assert.True(l.Overdue));
        Assert.Empty(await WithScope(sp => sp.GetRequiredService<InspectionQuery>().ActionPlanSectionAsync("HBC-CS-2007-10", Period.Quarter(2007, 4)))); // before publication
    }

    [Fact]
    public async Task You_said_we_did_lists_only_published_responses_and_the_promises_review_has_fifteen_promises()
    {
        await Load();
        var published = await WithScope(sp => sp.GetRequiredService<ParticipationQuery>().PublishedAsync());
        Assert.Contains(published, p => p.Title.StartsWith("Baby weighing", StringComparison.Ordinal));
        Assert.DoesNotContain(published, p => p.Title == "Our Healthy Halton"); // not marked published in the demo
        Assert.Equal(790, published.Single(p => p.Title.Contains("E-Safety")).Participants); // the 2014–17 plan's promises review (docs/sources.md §6)
        var promises = await WithScope(sp => sp.GetRequiredService<ParticipationQuery>().PromisesAsync());
        Assert.Equal(15, promises.Count); // cypp2014_promises_review.csv
        Assert.Equal("Consultation", promises[0].Theme);
    }

    [Fact]
    public async Task Loading_the_demo_twice_adds_no_second_board_inspection_or_promise()
    {
        await Load();
        var before = await Db(db => Task.FromResult((db.Set<Board>().Count(), db.Set<ActionItem>().Count(), db.Set<Inspection>().Count(), db.Set<Promise>().Count())));
        await WithScope(sp => sp.GetRequiredService<DemoData>().LoadAsync()); // the second load, which is under test, for real
        var after = await Db(db => Task.FromResult((db.Set<Board>().Count(), db.Set<ActionItem>().Count(), db.Set<Inspection>().Count(), db.Set<Promise>().Count())));
        Assert.Equal(before, after);
        Assert.Equal((8, 3, 1, 15), after);
    }
}

public sealed class GovernanceTestsOnSqlite() : GovernanceTests(DatabaseProvider.Sqlite);

public sealed class GovernanceTestsOnPostgres() : GovernanceTests(DatabaseProvider.Postgres);
