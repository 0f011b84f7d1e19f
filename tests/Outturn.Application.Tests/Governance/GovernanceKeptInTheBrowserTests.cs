using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Accounts;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Governance;
using Outturn.Application.Inspections;
using Outturn.Application.Participation;
using Outturn.Application.Plans;
using Outturn.Domain;
using Outturn.Domain.Governance;
using Outturn.Domain.Inspections;
using Outturn.Domain.Participation;
using Outturn.Domain.Periods;

namespace Outturn.Application.Tests.Governance;

/// <summary>
/// Boards, meetings, inspections, promises and engagement kept through the handlers the browser and the API use,
/// on both stores: each change made, refused when a rule or a newer save says so, and read back in words. The
/// small test plan (<see cref="PlanFolderBuilder"/>) stands in for the council's plans; expected values are worked
/// out by hand from the rules (docs/governance.md) and the sentence forms of the history.
/// </summary>
public abstract class GovernanceKeptInTheBrowserTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly DateTimeOffset Any = DateTimeOffset.UnixEpoch;

    private Task<T> With<T>(Func<IServiceProvider, Task<T>> work) => WithScope(work);

    private Task Do(Func<IServiceProvider, Task> work) => WithScope(async sp => { await work(sp); return 0; });

    private async Task ImportTestPlanAsync()
    {
        var folder = PlanFolderBuilder.Write(NewFolder("plan"));
        var result = await With(sp => sp.GetRequiredService<PlanImport>().ImportAsync(folder));
        Assert.True(result.Imported, string.Join("\n", result.Errors));
    }

    private Task<string> AccountAsync(string email) => Db(async db =>
    {
        var user = new OutturnUser { UserName = email, Email = email, NormalizedEmail = email.ToUpperInvariant(), DisplayName = email };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    });

    private static MemberDetails Councillor(string name, MemberRole role, DateOnly? from = null, DateOnly? to = null) =>
        new(name, MemberKind.Councillor, "Labour", role, null, null, from, to);

    private static string Sentences(IEnumerable<HistoryLine> lines) => string.Join("\n", lines.Select(l => l.Sentence));

    [Fact]
    public async Task A_board_keeps_its_councillors_co_opted_and_partner_members_with_their_terms_and_every_change_reads_in_words()
    {
        var boardRef = await With(sp => sp.GetRequiredService<BoardHandlers>().CreateAsync("test-ppb",
            new BoardForm("Test Policy and Performance Board", BoardKind.PolicyAndPerformanceBoard, null, true)));
        var chair = await With(sp => sp.GetRequiredService<BoardHandlers>().AddMemberAsync(boardRef, Councillor("Mark Dennett", MemberRole.Chair, new DateOnly(2015, 5, 20)), null));
        await With(sp => sp.GetRequiredService<BoardHandlers>().AddMemberAsync(boardRef, new MemberDetails("Jo Church", MemberKind.CoOpted, null, MemberRole.Member, "Diocese of Liverpool", "Church representative", null, null), null));
        await With(sp => sp.GetRequiredService<BoardHandlers>().AddMemberAsync(boardRef, new MemberDetails("Gill Frame", MemberKind.Partner, null, MemberRole.Member, "Halton CCG", null, null, null), null));

        // One chair at a time; a partner represents an organisation; a term cannot end before it starts.
        var twoChairs = await Assert.ThrowsAsync<DomainException>(() => With(sp => sp.GetRequiredService<BoardHandlers>().AddMemberAsync(boardRef, Councillor("Geoffrey Logan", MemberRole.Chair), null)));
        Assert.Contains("Mark Dennett is the chair", twoChairs.Message);
        await Assert.ThrowsAsync<DomainException>(() => With(sp => sp.GetRequiredService<BoardHandlers>().AddMemberAsync(boardRef, new MemberDetails("No Body", MemberKind.Partner, null, MemberRole.Member, null, null, null, null), null)));
        await Assert.ThrowsAsync<DomainException>(() => With(sp => sp.GetRequiredService<BoardHandlers>().AddMemberAsync(boardRef, Councillor("Back Wards", MemberRole.Member, new DateOnly(2016, 5, 1), new DateOnly(2016, 4, 1)), null)));

        // The chair's term ends; a save made from the form as it was before is refused, not written over it.
        var version = await Db(db => db.Set<BoardMember>().Where(m => m.Id == chair).Select(m => m.Version).SingleAsync());
        await Do(sp => sp.GetRequiredService<BoardHandlers>().EditMemberAsync(boardRef, chair, version,
            Councillor("Mark Dennett", MemberRole.Chair, new DateOnly(2015, 5, 20), new DateOnly(2016, 5, 19)), null, "Term ended at the annual meeting"));
        var stale = await Assert.ThrowsAsync<DomainException>(() => Do(sp => sp.GetRequiredService<BoardHandlers>().EditMemberAsync(boardRef, chair, version,
            Councillor("Mark Dennett", MemberRole.Chair, new DateOnly(2015, 5, 20), null), null, null)));
        Assert.Equal(DomainRefusal.Conflict, stale.Kind);
        // With the first chair's term over, the next one can take the chair from the day after.
        await With(sp => sp.GetRequiredService<BoardHandlers>().AddMemberAsync(boardRef, Councillor("Geoffrey Logan", MemberRole.Chair, new DateOnly(2016, 5, 20)), null));

        var view = await With(sp => sp.GetRequiredService<GovernanceQuery>().BoardAsync(boardRef, Viewer.Anonymous));
        Assert.Equal(["Councillor Geoffrey Logan (Chairman)", "Gill Frame", "Jo Church"], view!.Members.Select(m => m.Display).Order(StringComparer.Ordinal));
        Assert.Equal(["Mark Dennett"], view.OtherMembers.Select(m => m.Name)); // his term is over
        Assert.Equal(MemberKind.CoOpted, view.Members.Single(m => m.Name == "Jo Church").Kind);
        Assert.Equal("Church representative, Diocese of Liverpool (co-opted)", view.Members.Single(m => m.Name == "Jo Church").Detail);

        var boardId = await Db(db => db.Set<Board>().Where(b => b.Ref == boardRef).Select(b => b.Id).SingleAsync());
        var history = Sentences(await With(sp => sp.GetRequiredService<ChangeHistory>().UnderAsync([$"board:{boardId}"], default)));
        Assert.Contains("Board added: “Test Policy and Performance Board” by test-user on ", history);
        Assert.Contains("Member added: “Councillor Mark Dennett (Chairman)” by test-user on ", history);
        Assert.Contains("Member to set to 19 May 2016 by test-user on ", history);
        Assert.Contains(": Term ended at the annual meeting", history);
    }

    [Fact]
    public async Task A_meeting_is_minuted_approved_by_its_chair_published_and_then_kept_as_a_true_record()
    {
        await ImportTestPlanAsync();
        var chairAccount = await AccountAsync("chair@council.example");
        var otherAccount = await AccountAsync("member@council.example");
        var boards = (Func<IServiceProvider, BoardHandlers>)(sp => sp.GetRequiredService<BoardHandlers>());
        var boardRef = await With(sp => boards(sp).CreateAsync("test-ppb", new BoardForm("Test Board", BoardKind.PolicyAndPerformanceBoard, null, true)));
        await With(sp => boards(sp).AddMemberAsync(boardRef, Councillor("Mark Dennett", MemberRole.Chair), "chair@council.example"));
        await With(sp => boards(sp).AddMemberAsync(boardRef, Councillor("Ann Other", MemberRole.Member), "member@council.example"));
        var planId = await Db(db => db.Plans.Where(p => p.Ref == "TEST-1").Select(p => p.Id).SingleAsync());

        MeetingHandlers M(IServiceProvider sp) => sp.GetRequiredService<MeetingHandlers>();
        var id = await With(sp => M(sp).ScheduleAsync(boardRef, new MeetingForm(new DateOnly(2016, 1, 4), new TimeOnly(18, 30), null, "Civic Suite, Town Hall, Runcorn", null, "Chief Executive")));
        var reports = await With(sp => M(sp).AddItemAsync(id, new AgendaItemDetails("6(A)", "Performance monitoring", null, false, null, 12, 40,
            LinkedReportKind.MonitoringReport, planId, Period.Quarter(2015, 2)), null, new CoverReport { Subject = "Performance Management Reports for Quarter 2 of 2015/16" }));
        var exempt = await With(sp => M(sp).AddItemAsync(id, new AgendaItemDetails("8", "Placement contract", null, true, null, null, null), null, null));
        var first = await With(sp => M(sp).AddItemAsync(id, new AgendaItemDetails("1", "Apologies for absence", null, false, null, null, null), 1, null));
        await Assert.ThrowsAsync<DomainException>(() => With(sp => M(sp).AddItemAsync(id, new AgendaItemDetails("6(a)", "Twice", null, false, null, null, null), null, null)));
        await Assert.ThrowsAsync<DomainException>(() => With(sp => M(sp).AddItemAsync(id, new AgendaItemDetails("9", "No quarter", null, false, null, null, null, LinkedReportKind.MonitoringReport, planId, null), null, null)));

        var meetingVersion = await Db(db => db.Set<Meeting>().Where(m => m.Id == id).Select(m => m.Version).SingleAsync());
        await Do(sp => M(sp).RecordAttendanceAsync(id, meetingVersion,
            [new AttendanceEntry("Mark Dennett", null, MemberRole.Chair, AttendanceKind.Present), new AttendanceEntry("Ann Other", null, MemberRole.Member, AttendanceKind.Apologies)]));
        var action = await With(sp => M(sp).RaiseActionAsync(id, reports, "Report Q3 to the next meeting", "MD", "April '16"));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => With(sp => M(sp).RaiseActionAsync(id, reports, "Nobody's", "ZZ", null)));
        Assert.Contains("ZZ", unknown.Message);
        var raised = await Db(db => db.Set<ActionItem>().SingleAsync(a => a.Id == action));
        Assert.Equal(("Mark Dennett", new DateOnly(2016, 4, 30)), (raised.OwnerNames, raised.Deadline!.Value)); // April '16: the end of that month

        // The minutes go public only once the chair, through the account linked to the chair's seat, approves them.
        await Assert.ThrowsAsync<DomainException>(() => Do(sp => M(sp).PublishMinutesAsync(id))); // agenda first
        await Do(sp => M(sp).PublishAgendaAsync(id));
        await Assert.ThrowsAsync<DomainException>(() => Do(sp => M(sp).PublishMinutesAsync(id))); // not approved
        var notChair = await Assert.ThrowsAsync<DomainException>(() => Do(sp => M(sp).ApproveMinutesAsync(id, otherAccount)));
        Assert.Contains("Only the chair", notChair.Message);
        Assert.True(await With(sp => M(sp).IsChairAsync(id, chairAccount)));
        await Do(sp => M(sp).ApproveMinutesAsync(id, chairAccount));
        var itemVersion = await Db(db => db.Set<AgendaItem>().Where(i => i.Id == reports).Select(i => i.Version).SingleAsync());
        var closed = await Assert.ThrowsAsync<DomainException>(() => Do(sp => M(sp).RecordMinutesAsync(id, reports, itemVersion, "Changed afterwards", null)));
        Assert.Equal(DomainRefusal.Conflict, closed.Kind);
        await Do(sp => M(sp).PublishMinutesAsync(id));

        var (_, view) = await With(sp => sp.GetRequiredService<GovernanceQuery>().MeetingAsync(id, Viewer.Anonymous));
        Assert.Equal(["1", "6(A)"], view!.Items.Select(i => i.Number)); // item 8 is Part II; item 1 was put first
        Assert.Equal("Mark Dennett", view.Meeting.MinutesApprovedBy);
        var linked = view.Reports[reports];
        Assert.Equal(("Priority Based report, Quarter 2 2015/16", "/plans/TEST-1/reports/ppb/2015-16-Q2"), (linked.Description, linked.Address));
        Assert.Equal(["Mark Dennett"], view.Attendance.Where(a => a.Kind == AttendanceKind.Present).Select(a => a.Name));

        var keys = new[] { $"meeting:{id}", $"agenda-item:{reports}", $"agenda-item:{exempt}", $"agenda-item:{first}" };
        var history = Sentences(await With(sp => sp.GetRequiredService<ChangeHistory>().UnderAsync(keys, default)));
        Assert.Contains("Agenda item added: “6(A) Performance monitoring” by test-user", history);
        Assert.Contains("Cover sheet added: “Performance Management Reports for Quarter 2 of 2015/16”", history);
        Assert.Contains("Minutes approved by set to “Mark Dennett”", history);
        Assert.Contains("Attendance added: “Ann Other: apologies”", history);
        Assert.Contains("Action added: “Report Q3 to the next meeting (MD, April '16)”", history);
    }

    private string InspectionFolder(string name, string grades, string actions, string title = "Inspection of local authority children's services")
    {
        var folder = NewFolder(name);
        File.WriteAllText(Path.Combine(folder, "inspection.csv"), $"ref,kind,title,inspectorates,published,reference,address\nILACS-2015,ilacs,{title},Ofsted,2015-06-01,80123,https://reports.ofsted.gov.uk/provider/44/80123\n");
        File.WriteAllText(Path.Combine(folder, "grades.csv"), "area,grade\n" + grades);
        File.WriteAllText(Path.Combine(folder, "judgements.csv"), "area,kind,text,paragraph\nHelp and protection,strength,Strong multi-agency front door,12\nChildren in care,area_for_development,Too few children have up-to-date plans,31\n");
        File.WriteAllText(Path.Combine(folder, "recommendations.csv"), "ref,timescale,responsible,text\nR1,within_six_months,The local authority,Improve the timeliness of assessments\nR2,immediate,The local authority,Ensure return interviews are offered\n");
        File.WriteAllText(Path.Combine(folder, "actions.csv"), "recommendation,action,owner,due,plan,links\n" + actions);
        return folder;
    }

    [Fact]
    public async Task An_inspection_folder_is_imported_whole_or_not_at_all_and_merged_by_its_reference()
    {
        await ImportTestPlanAsync();
        const string goodActions = "R1,Audit assessments monthly,Ann Example,,TEST-1,OB01a\nR1,Recruit two social workers,The local authority,2015-09-30,,\nR2,,The local authority,,,\n";
        var bad = InspectionFolder("bad", "Help and protection,5\n", "R1,Audit,Ann Example,,TEST-1,OB99\nR9,Nothing,Someone,,,\n");

        var rejected = await With(sp => sp.GetRequiredService<InspectionImport>().ImportAsync(bad));
        Assert.False(rejected.Imported);
        Assert.Contains("grades.csv:2: column \"grade\": \"5\" is not a grade 1 to 4 (4 outstanding, 3 good, 2 adequate or requires improvement, 1 inadequate).", rejected.Errors);
        Assert.Contains("actions.csv:2: column \"links\": TEST-1 has no milestone or measure \"OB99\".", rejected.Errors);
        Assert.Contains("actions.csv:3: column \"recommendation\": no recommendation \"R9\" in recommendations.csv.", rejected.Errors);
        Assert.Equal(0, await Db(db => db.Set<Inspection>().CountAsync()));

        var good = InspectionFolder("good", "Help and protection,2\nLeadership,3\n", goodActions);
        Assert.True((await With(sp => sp.GetRequiredService<InspectionImport>().ImportAsync(good))).Imported);
        // The same folder again, with the title corrected: merged, nothing added twice.
        var again = InspectionFolder("again", "Help and protection,2\nLeadership,3\n", goodActions, "Inspection of Halton's children's services");
        Assert.True((await With(sp => sp.GetRequiredService<InspectionImport>().ImportAsync(again))).Imported);

        var i = await With(sp => sp.GetRequiredService<InspectionQuery>().GetAsync("ILACS-2015", true));
        Assert.NotNull(i);
        Assert.Equal((InspectionType.Ilacs, "Inspection of Halton's children's services", "https://reports.ofsted.gov.uk/provider/44/80123"), (i.Type, i.Title, i.ReportAddress));
        Assert.Equal("requires improvement to be good", InspectionWords.GradeWord(i.Grades.Single(g => g.Area == "Help and protection").Grade, i.Type));
        Assert.Equal(2, i.KeyJudgements.Count);
        var r1 = i.Recommendations.Single(r => r.Ref == "R1");
        // Published 1 June 2015: within six months falls due on 1 December 2015; the second action's date was set.
        Assert.Equal([(new DateOnly(2015, 9, 30), true), (new DateOnly(2015, 12, 1), false)], r1.Actions.OrderBy(a => a.Due).Select(a => (a.Due, a.DueSet)));
        Assert.Equal(new DateOnly(2015, 7, 1), i.Recommendations.Single(r => r.Ref == "R2").Actions.Single().Due); // immediate: one month
        Assert.NotNull(r1.Actions.Single(a => a.Text == "Audit assessments monthly").OfficerId); // Ann Example is an officer of the plan

        var section = await With(sp => sp.GetRequiredService<InspectionQuery>().ActionPlanSectionAsync("TEST-1", Period.Quarter(2015, 3)));
        var line = Assert.Single(section);
        Assert.Equal(("R1", new DateOnly(2015, 12, 1), true, "OB01a"), (line.RecommendationRef, line.Due, line.Overdue, line.Links.Single())); // Q3 ends 31 December 2015

        var names = await With(sp => sp.GetRequiredService<InspectionQuery>().LinkNamesAsync(i.Recommendations.SelectMany(r => r.Actions).SelectMany(a => a.Links)));
        var plan = InspectionActionPlan.Build(i, names, Period.Quarter(2015, 3));
        var rows = plan.Blocks.OfType<Outturn.Application.Documents.Table>().Single(t => t.Caption == "Improvement actions for R1").Rows;
        Assert.Equal(["Recruit two social workers", "The local authority", "30 September 2015 (overdue)", "None"], rows[0].Take(4).Select(Text));
        Assert.Equal(["Audit assessments monthly", "Ann Example", "1 December 2015 (overdue)", "TEST-1 OB01a"], rows[1].Take(4).Select(Text));
    }

    private static string Text(Outturn.Application.Documents.Cell c) => string.Concat(c.Content.OfType<Outturn.Application.Documents.Run>().Select(r => r.Text));

    [Fact]
    public async Task A_recommendation_becomes_more_than_one_action_whose_default_due_date_follows_its_timescale()
    {
        var h = (Func<IServiceProvider, InspectionHandlers>)(sp => sp.GetRequiredService<InspectionHandlers>());
        var reference = await With(sp => h(sp).RecordAsync("FV-2016", new InspectionDetails(InspectionType.FocusedVisit, "Focused visit: the front door", "Ofsted", new DateOnly(2016, 3, 10), null, null, false)));
        await Assert.ThrowsAsync<DomainException>(() => With(sp => h(sp).RecordAsync("BAD", new InspectionDetails(InspectionType.Other, "Address", "Ofsted", new DateOnly(2016, 3, 10), null, "www.ofsted.gov.uk", false))));
        var rec = await With(sp => h(sp).AddRecommendationAsync(reference, "R1", RecommendationTimescale.WithinSixMonths, "The local authority", "Strengthen management oversight", null));
        var a1 = await With(sp => h(sp).AddActionAsync(reference, rec, "Weekly case audits by team managers", "Tracey Coffey", null));
        var a2 = await With(sp => h(sp).AddActionAsync(reference, rec, "Supervision policy revised", "Tracey Coffey", new DateOnly(2016, 6, 30)));

        // The recommendation is moved to the longer term: the action that follows the timescale moves; the one with a date set stays.
        var version = await Db(db => db.Set<Recommendation>().Where(r => r.Id == rec).Select(r => r.Version).SingleAsync());
        await Do(sp => h(sp).EditRecommendationAsync(reference, rec, version, "R1", RecommendationTimescale.LongerTerm, "The local authority", "Strengthen management oversight", null, "Agreed with Ofsted"));
        var dues = await Db(db => db.Set<ImprovementAction>().Where(a => a.RecommendationId == rec).OrderBy(a => a.Id).Select(a => a.Due).ToListAsync());
        Assert.Equal([new DateOnly(2017, 3, 10), new DateOnly(2016, 6, 30)], dues);

        var actionVersion = await Db(db => db.Set<ImprovementAction>().Where(a => a.Id == a1).Select(a => a.Version).SingleAsync());
        await Do(sp => h(sp).AssignAsync(a1, actionVersion, "Weekly case audits by team managers", "Ann McIntyre", new DateOnly(2016, 9, 30), "Owner changed at the improvement board"));
        var stale = await Assert.ThrowsAsync<DomainException>(() => Do(sp => h(sp).AssignAsync(a1, actionVersion, null, "Someone", null, null)));
        Assert.Equal(DomainRefusal.Conflict, stale.Kind);
        await With(sp => h(sp).RecordQuarterAsync(a2, Period.Quarter(2016, 1), DeliveryStatus.Done, ImpactStatus.Some, "Audit shows supervision monthly", "test-user"));

        var history = Sentences(await With(sp => sp.GetRequiredService<ChangeHistory>().UnderAsync([$"improvement-action:{a1}", $"improvement-action:{a2}"], default)));
        Assert.Contains("Owner changed from “Tracey Coffey” to “Ann McIntyre” by test-user", history);
        Assert.Contains("Due date changed from 10 March 2017 to 30 September 2016", history);
        Assert.Contains(": Owner changed at the improvement board", history);
        Assert.Contains("Progress for Quarter 1 2016/17 added: “Done; some impact”", history);
    }

    [Fact]
    public async Task Promises_are_reviewed_each_year_and_engagement_is_published_as_you_said_we_did()
    {
        await ImportTestPlanAsync();
        var priority = await Db(db => db.Priorities.Where(p => p.Name == "Safeguarding").Select(p => p.Id).SingleAsync());
        ParticipationHandlers P(IServiceProvider sp) => sp.GetRequiredService<ParticipationHandlers>();
        var promise = await With(sp => P(sp).MakePromiseAsync("TEST-1", priority, "We will make sure every child in care has a say in their plan"));
        var version = await Db(db => db.Set<Promise>().Where(p => p.Id == promise).Select(p => p.Version).SingleAsync());
        await Do(sp => P(sp).ReviewPromiseAsync(promise, version, Period.FinancialYear(2015), PromiseProgress.SomeProgress, "Two in three reviews heard the child", "test-user"));
        await Assert.ThrowsAsync<DomainException>(() => Do(sp => P(sp).ReviewPromiseAsync(promise, version + 1, Period.Quarter(2015, 2), PromiseProgress.OnTrack, "x", "test-user")));
        var stale = await Assert.ThrowsAsync<DomainException>(() => Do(sp => P(sp).ReviewPromiseAsync(promise, version, Period.FinancialYear(2016), PromiseProgress.Kept, "x", "test-user")));
        Assert.Equal(DomainRefusal.Conflict, stale.Kind);
        await Do(sp => P(sp).ReviewPromiseAsync(promise, version + 1, Period.FinancialYear(2016), PromiseProgress.Kept, "Every review heard the child", "test-user"));

        var promises = await With(sp => sp.GetRequiredService<ParticipationQuery>().PromisesAsync());
        var p = Assert.Single(promises);
        Assert.Equal(("Test plan", "Safeguarding", PromiseProgress.Kept, Period.FinancialYear(2016)), (p.PlanTitle, p.Theme, p.Latest!.Progress, p.Latest.Year));
        Assert.Equal(2, p.Reviews.Count);

        var activity = await With(sp => P(sp).RecordActivityAsync(new ActivityDetails("Children in care council: reviews", ParticipationMethod.Representatives, new DateOnly(2016, 2, 10), "11-18", "children in care", 14, "Reviews are at times we are at school")));
        var v = await Db(db => db.Set<EngagementActivity>().Where(a => a.Id == activity).Select(a => a.Version).SingleAsync());
        await Assert.ThrowsAsync<DomainException>(() => Do(sp => P(sp).RespondAsync(activity, v, "Moved reviews", new DateOnly(2016, 1, 1), false))); // fed back before it took place
        await Do(sp => P(sp).RespondAsync(activity, v, "Reviews are now held after school hours", new DateOnly(2016, 4, 5), true));

        var published = Assert.Single(await With(sp => sp.GetRequiredService<ParticipationQuery>().PublishedAsync()));
        Assert.Equal(("Reviews are at times we are at school", "Reviews are now held after school hours", "11-18; children in care", 14), (published.YouSaid, published.WeDid, published.WhoTookPart, published.Participants));
        var listed = Assert.Single(await With(sp => sp.GetRequiredService<ParticipationQuery>().ActivitiesAsync()));
        Assert.True(listed.CycleComplete);

        var history = Sentences(await With(sp => sp.GetRequiredService<ChangeHistory>().UnderAsync([$"promise:{promise}", $"engagement:{activity}"], default)));
        Assert.Contains("Review for 2015/16 added: “2015/16, some progress: Two in three reviews heard the child”", history);
        Assert.Contains("Published on \"you said, we did\" changed from no to yes", history);
        Assert.Contains("Engagement activity added: “Children in care council: reviews”", history);
    }
}

public sealed class GovernanceKeptInTheBrowserTestsOnSqlite() : GovernanceKeptInTheBrowserTests(DatabaseProvider.Sqlite);

public sealed class GovernanceKeptInTheBrowserTestsOnPostgres() : GovernanceKeptInTheBrowserTests(DatabaseProvider.Postgres);
