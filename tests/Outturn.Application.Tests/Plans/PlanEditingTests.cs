using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Outturn.Application.Accounts;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Documents;
using Outturn.Application.Plans;
using Outturn.Application.Plans.Editing;
using Outturn.Application.Tests.Documents;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Tests.Plans;

/// <summary>
/// Plans changed through the editing handlers the plan pages use, on a clock fixed at 10:00 on 3 November 2015
/// (the mid-year review of 2015/16): each change audited and told in words, approved plans kept as versions.
/// </summary>
public abstract class PlanEditingTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly DateTimeOffset MidYearReview = new(2015, 11, 3, 10, 0, 0, TimeSpan.Zero);

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(new FakeTimeProvider(MidYearReview));

    private Task<T> Handle<T, THandler>(Func<THandler, Task<T>> act) where THandler : notnull =>
        WithScope(sp => act(sp.GetRequiredService<THandler>()));

    private Task<int> RevisionOf(string planRef) => Db(db => db.Plans.Where(p => p.Ref == planRef).Select(p => p.Revision).SingleAsync());

    /// <summary>The test's changes are made as "test-user": the account of Tracey Coffey.</summary>
    private Task<int> ActAsTraceyCoffey() => Db(db =>
    {
        db.Users.Add(new OutturnUser { UserName = "test-user", Email = "test-user", DisplayName = "Tracey Coffey" });
        return db.SaveChangesAsync();
    });

    private async Task ImportTestPlan(string targets)
    {
        var folder = PlanFolderBuilder.Write(NewFolder("plan"), new Dictionary<string, string> { ["targets.csv"] = targets });
        var imported = await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(folder));
        Assert.True(imported.Imported, string.Join("\n", imported.Errors));
    }

    private static SaveMeasure.Command Measure(string planRef, int version, string reference, string title, string objective) =>
        new(planRef, version, null, reference, title, objective, null, null, null, "higher", "%", "0", "quarterly", "snapshot",
            null, false, null, null, null, null, null, null, null, null, null, null);

    [Fact]
    public async Task A_target_confirmed_at_the_mid_year_review_needs_a_reason_reads_in_words_and_makes_version_2()
    {
        await ImportTestPlan("indicator,period,target\nM1,2015/16,tbc\nM2,2015/16,10\n");
        await ActAsTraceyCoffey();
        var rows = new[] { new SetTargets.Row("2015/16", "95", null), new SetTargets.Row("2016/17", "", null) };

        var refused = await Assert.ThrowsAsync<DomainException>(async () =>
            await Handle<EditResult?, SetTargets.Handler>(async h => await h.HandleAsync(new("TEST-1", await RevisionOf("TEST-1"), "M1", rows, null), default)));
        Assert.Equal("2015/16 began on 1 April 2015: say why the target for M1 in 2015/16 is changing.", refused.Message);

        var saved = await Handle<EditResult?, SetTargets.Handler>(async h => await h.HandleAsync(new("TEST-1", await RevisionOf("TEST-1"), "M1", rows, "confirmed at mid-year review"), default));
        Assert.True(saved!.Done);

        var history = await WithScope(async sp =>
        {
            var query = sp.GetRequiredService<PlanEditQuery>();
            var view = await query.LoadAsync("TEST-1", default);
            return await query.HistoryAsync(view!.Plan, PlanItemKind.Measure, "M1", default);
        });
        Assert.Equal("Target for 2015/16 changed from tbc to 95% by Tracey Coffey on 3 November 2015 at 10:00: confirmed at mid-year review", history[0].Sentence);

        // The plan was held approved (imported as approved): that is version 1, and the day's change is version 2.
        var versions = await Db(db => db.PlanVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync());
        Assert.Equal(["Version 1, held as approved from 3 November 2015", "Version 2, amended 3 November 2015"], versions.Select(v => v.Heading));
        Assert.Equal("1 target changed", versions[1].Summary);

        // Later changes the same day join version 2.
        foreach (var (r, title) in new[] { ("M4", "Children seen within 24 hours"), ("M5", "Plans reviewed on time") })
            await Handle<EditResult?, SaveMeasure.Handler>(async h => await h.HandleAsync(Measure("TEST-1", await RevisionOf("TEST-1"), r, title, "OB01"), default));
        versions = await Db(db => db.PlanVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync());
        Assert.Equal(2, versions.Count);
        Assert.Equal("2 measures added, 1 target changed", versions[1].Summary);

        var changes = await WithScope(async sp => (await sp.GetRequiredService<PlanEditQuery>().ChangesAsync(versions[1].PlanId, 2, default))!.Value.Changes);
        Assert.Equal(
            ["changed target of M1: target for 2015/16 changed from tbc to 95%", "added measure M4", "added measure M5"],
            changes.Select(c => c.ToString()));
    }

    [Fact]
    public async Task A_plan_made_in_the_browser_is_a_draft_with_no_versions_until_approved()
    {
        var create = await Handle<EditResult, CreatePlan.Handler>(h => h.HandleAsync(
            new("HBC-YJ-2016-17", "Youth Justice Plan", "strategy", "2016/17", "2016/17", "Halton Borough Council", null, null, null), default));
        Assert.True(create.Done);
        var again = await Handle<EditResult, CreatePlan.Handler>(h => h.HandleAsync(
            new("HBC-YJ-2016-17", "Another", "strategy", "2016/17", "2015/16", null, null, null, null), default));
        Assert.Equal(
            [new FieldError("last-year", "The last year must be 2016/17 or later."), new FieldError("ref", "A plan with the ref HBC-YJ-2016-17 is held already; choose another ref.")],
            again.Errors);

        var priority = await Handle<EditResult?, SavePriority.Handler>(async h => await h.HandleAsync(new("HBC-YJ-2016-17", await RevisionOf("HBC-YJ-2016-17"), null, "Reduce offending", "P1"), default));
        await Handle<EditResult?, SaveObjective.Handler>(async h => await h.HandleAsync(new("HBC-YJ-2016-17", await RevisionOf("HBC-YJ-2016-17"), null, "YJ1",
            "Reduce first-time entrants", priority!.Ref, "Gareth Jones", null, true, "New triage scheme\r\n\r\nJoint panel with police ", null), default));
        var milestone = await Handle<EditResult?, SaveMilestone.Handler>(async h => await h.HandleAsync(new("HBC-YJ-2016-17", await RevisionOf("HBC-YJ-2016-17"), null, "YJ1a", "YJ1",
            "Launch the triage scheme", "2016/17", "31", "3", "2017", null, null), default));
        Assert.Equal([new FieldError("due-day", "The due date must be a real date, such as 31 3 2016.")],
            (await Handle<EditResult?, SaveMilestone.Handler>(async h => await h.HandleAsync(new("HBC-YJ-2016-17", await RevisionOf("HBC-YJ-2016-17"), null, "YJ1b", "YJ1",
                "Review", "2016/17", "31", "2", "2017", null, null), default)))!.Errors);
        // 31 March 2016 is in 2015/16, not the milestone's year.
        Assert.Contains("outside its plan year 2016/17", (await Assert.ThrowsAsync<DomainException>(async () => await Handle<EditResult?, SaveMilestone.Handler>(async h =>
            await h.HandleAsync(new("HBC-YJ-2016-17", await RevisionOf("HBC-YJ-2016-17"), null, "YJ1a2", "YJ1", "Launch", "2016/17", "31", "3", "2016", null, null), default)))).Message);
        Assert.True(milestone!.Done);

        var plan = await Db(db => db.Plans.Include(p => p.Objectives).ThenInclude(o => o.Officer).AsNoTracking().SingleAsync(p => p.Ref == "HBC-YJ-2016-17"));
        Assert.Equal(PlanStatus.Draft, plan.Status);
        Assert.Equal("Gareth Jones", plan.Objectives.Single().Officer!.Name);
        Assert.Equal("New triage scheme\nJoint panel with police", plan.Objectives.Single().KeyDevelopments);
        Assert.Empty(await Db(db => db.PlanVersions.ToListAsync()));

        await Handle<EditResult?, ApprovePlan.Handler>(async h => await h.HandleAsync(new("HBC-YJ-2016-17", await RevisionOf("HBC-YJ-2016-17")), default));
        var v1 = await Db(db => db.PlanVersions.AsNoTracking().SingleAsync());
        Assert.Equal(("Version 1, approved 3 November 2015", "first approved"), (v1.Heading, v1.Summary));
    }

    [Fact]
    public async Task A_page_opened_before_someone_elses_save_meets_a_conflict_and_overwrites_nothing()
    {
        await ImportTestPlan("indicator,period,target\nM1,2015/16,95\n");
        var seen = await RevisionOf("TEST-1");
        await Handle<EditResult?, SaveMeasure.Handler>(h => h.HandleAsync(Measure("TEST-1", seen, "M4", "First save", "OB01"), default));

        var stale = await Assert.ThrowsAsync<DomainException>(async () =>
            await Handle<EditResult?, SaveMeasure.Handler>(h => h.HandleAsync(Measure("TEST-1", seen, "M5", "Second save", "OB01"), default)));

        Assert.Equal(DomainRefusal.Conflict, stale.Kind);
        Assert.Equal(["M1", "M2", "M3", "M4"], await Db(db => db.Indicators.OrderBy(i => i.Ref).Select(i => i.Ref).ToListAsync()));
    }

    [Fact]
    public async Task The_published_quarter_2_report_reads_the_same_after_the_plan_is_edited_and_the_database_refuses_to_change_it()
    {
        await WithScope(sp => sp.GetRequiredService<DemoData>().LoadAsync());
        const string cyp = DemoRounds.PlanRef;
        var q2 = Period.Quarter(2015, 2);
        Task<string> WordText() => WithScope(async sp =>
        {
            using var word = new WordFile(WordRenderer.Render((await sp.GetRequiredService<BoardReports>().PpbAsync(cyp, q2))!));
            return word.Text;
        });
        var before = await WordText();
        var snapshot = await Db(db => db.Set<MonitoringRound>().Where(r => r.Period == q2).Select(r => r.PublishedSnapshot).SingleAsync());

        // What the plan pages do: a measure renamed and given another unit, a target changed with a reason, a
        // measure retired, one added, one moved.
        var ced047 = await WithScope(async sp => (await sp.GetRequiredService<PlanEditQuery>().LoadAsync(cyp, default))!.Plan.Indicators.Single(i => i.Ref == "CED047"));
        var priority = ced047.PriorityId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Handle<EditResult?, SaveMeasure.Handler>(async h => await h.HandleAsync(Measure(cyp, await RevisionOf(cyp), null!, "Children in care with three or more placements", null!) with
        {
            Existing = "CED047", Ref = null, PriorityId = priority, Polarity = "lower", Precision = "2", Unit = "per cent",
        }, default));
        await Handle<EditResult?, SetTargets.Handler>(async h => await h.HandleAsync(new(cyp, await RevisionOf(cyp), "CED047", [new("2015/16", "5", null)], "agreed at the mid-year review"), default));
        await Handle<EditResult?, RetireItem.Handler>(async h => await h.HandleAsync(new(cyp, await RevisionOf(cyp), PlanItemKind.Measure, "CED036", "no longer reported"), default));
        await Handle<EditResult?, SaveMeasure.Handler>(async h => await h.HandleAsync(Measure(cyp, await RevisionOf(cyp), "CED099", "Return interviews within 72 hours", null!) with { PriorityId = priority }, default));
        await Handle<EditResult?, MoveItem.Handler>(async h => await h.HandleAsync(new(cyp, await RevisionOf(cyp), PlanItemKind.Measure, "CED047", -1), default));

        Assert.Contains("Children in Care stability, 3+ placements", before);
        Assert.Equal(before, await WordText());
        Assert.Equal(snapshot, await Db(db => db.Set<MonitoringRound>().Where(r => r.Period == q2).Select(r => r.PublishedSnapshot).SingleAsync()));

        // Behind the application's back the database refuses too: an update of the published report, and deleting the round.
        var update = await Assert.ThrowsAnyAsync<DbException>(() => Db(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "MonitoringRound" SET "PublishedSnapshot" = 'rewritten' WHERE "State" = 'Published'""")));
        Assert.Contains("published report is frozen", update.Message);
        var unpublish = await Assert.ThrowsAnyAsync<DbException>(() => Db(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "MonitoringRound" SET "State" = 'Open' WHERE "State" = 'Published'""")));
        Assert.Contains("published report is frozen", unpublish.Message);
        var delete = await Assert.ThrowsAnyAsync<DbException>(() => Db(db => db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "MonitoringRound" WHERE "State" = 'Published'""")));
        Assert.Contains("published round is kept", delete.Message);
        Assert.Equal(snapshot, await Db(db => db.Set<MonitoringRound>().Where(r => r.Period == q2).Select(r => r.PublishedSnapshot).SingleAsync()));
        // A round not yet published is not held by the triggers.
        Assert.Equal(1, await Db(db => db.Database.ExecuteSqlRawAsync("""UPDATE "MonitoringRound" SET "Deadline" = "Deadline" WHERE "State" <> 'Published'""")));
    }
}

public sealed class PlanEditingTestsOnSqlite() : PlanEditingTests(DatabaseProvider.Sqlite);

public sealed class PlanEditingTestsOnPostgres() : PlanEditingTests(DatabaseProvider.Postgres);
