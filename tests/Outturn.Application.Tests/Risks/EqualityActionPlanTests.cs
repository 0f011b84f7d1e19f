using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Application.Risks;
using Outturn.Domain;
using Outturn.Domain.Equality;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Risks;

/// <summary>Equality action plans kept by their handlers: created, updated each quarter, completed, imported and exported.</summary>
public abstract class EqualityActionPlanTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Period Q2 = Period.Quarter(2015, 2), Q3 = Period.Quarter(2015, 3);

    private static EqualityActionDetails Details(EqualityImpact impact = EqualityImpact.High, string officer = "Tracey Coffey") =>
        new("Short breaks for disabled children", [EqualityStrand.Disability], impact, "Review eligibility with parents", [2015, 2016], officer, "Children and Young People");

    private Task<T> Use<TService, T>(Func<TService, Task<T>> work) where TService : notnull => WithScope(sp => work(sp.GetRequiredService<TService>()));

    private Task<EqualityAction> Action(string actionRef = "EQ1") => Use<EqualityQuery, EqualityAction>(async q => (await q.ActionAsync(actionRef))!);

    [Fact]
    public async Task An_action_updated_each_quarter_and_completed_keeps_its_progress_and_its_history_in_words()
    {
        var a = await Use<CreateEqualityAction, EqualityAction>(h => h.HandleAsync(new CreateEqualityActionCommand("EQ1", Details())));
        await Use<RecordEqualityProgress, EqualityAction>(h => h.HandleAsync(new EqualityProgressCommand("EQ1", a.Version, Q2, MilestoneProgress.Green, "Criteria drafted")));
        a = await Action();
        await Use<EditEqualityAction, EqualityAction>(h => h.HandleAsync(new EditEqualityActionCommand("EQ1", a.Version, Details(EqualityImpact.Medium, "Ann McIntyre"), "Handed to the SEN service")));
        a = await Action();
        await Use<RecordEqualityProgress, EqualityAction>(h => h.HandleAsync(new EqualityProgressCommand("EQ1", a.Version, Q3, MilestoneProgress.Complete, "Published")));

        a = await Action();
        Assert.Equal([Q2, Q3], a.Updates.Select(u => u.Period).Order());
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now), a.CompletedOn);
        Assert.Equal((EqualityImpact.Medium, "Ann McIntyre"), (a.Impact, a.Officer));
        var stale = await Assert.ThrowsAsync<DomainException>(() => Use<EditEqualityAction, EqualityAction>(h => h.HandleAsync(new EditEqualityActionCommand("EQ1", 0, Details(), null))));
        Assert.Equal(DomainRefusal.Conflict, stale.Kind);

        var lines = await Use<ChangeHistory, IReadOnlyList<HistoryLine>>(h => h.ForKeysAsync([.. RiskKeys.Of(a)], default));
        var what = lines.Select(l => l.What).ToList();
        Assert.Contains("Progress for Quarter 2 2015/16 recorded as green", what);
        Assert.Contains("Impact found changed from high to medium", what);
        Assert.Contains(lines, l => l.What == "Officer responsible changed from “Tracey Coffey” to “Ann McIntyre”" && l.Reason == "Handed to the SEN service");
        Assert.Contains(what, w => w.StartsWith("Completed on set to ", StringComparison.Ordinal));
        Assert.Contains("Protected characteristics recorded as “disability”", what);
        Assert.Contains("Timetable recorded as “2015/16; 2016/17”", what);
    }

    [Fact]
    public async Task Importing_merges_by_ref_keeps_the_progress_the_folder_leaves_out_and_the_export_reads_back_the_same()
    {
        var v1 = NewFolder("eq1");
        File.WriteAllText(Path.Combine(v1, "actions.csv"),
            "ref,directorate,subject,impact,actions,timetable,officer,strands\n"
            + "EQ1,Children,Short breaks,High,Review criteria,2015/16; 2016/17,Tracey Coffey,disability\n"
            + "EQ2,Children,Play,Medium,Audit access,2015/16,Ann McIntyre,age; gender\n");
        File.WriteAllText(Path.Combine(v1, "progress.csv"), "action,period,progress,commentary\nEQ1,2015/16 Q2,green,On track\n");
        var first = await Use<EqualityImport, RegisterImportResult>(i => i.ImportAsync(v1));
        Assert.True(first.Imported, string.Join("\n", first.Errors));
        var a = await Action();
        await Use<RecordEqualityProgress, EqualityAction>(h => h.HandleAsync(new EqualityProgressCommand("EQ1", a.Version, Q3, MilestoneProgress.Amber, "Waiting for parents' views")));

        var again = await Use<EqualityImport, RegisterImportResult>(i => i.ImportAsync(v1));

        Assert.True(again.Imported);
        Assert.Equal((0, 2), (again.Added, again.Updated));
        a = await Action();
        Assert.Equal(["On track", "Waiting for parents' views"], a.Updates.OrderBy(u => u.Period).Select(u => u.Commentary));
        Assert.Equal([EqualityStrand.Age, EqualityStrand.Sex], (await Action("EQ2")).Strands);

        var files = (await Use<EqualityExport, IReadOnlyList<(string File, string Text)>>(e => e.FilesAsync())).ToDictionary(f => f.File, f => f.Text);
        Assert.Equal("ref,directorate,service,plan,subject,strands,impact,actions,timetable,officer,organisation,completed_on\n"
                     + "EQ1,Children,,,Short breaks,disability,High,Review criteria,2015/16; 2016/17,Tracey Coffey,,\n"
                     + "EQ2,Children,,,Play,age; sex,Medium,Audit access,2015/16,Ann McIntyre,,\n", files["actions.csv"]);
        Assert.Equal("action,period,progress,commentary\nEQ1,2015/16 Q2,green,On track\nEQ1,2015/16 Q3,amber,Waiting for parents' views\n", files["progress.csv"]);

        var exported = NewFolder("exported");
        await Use<EqualityExport, int>(async e => { await e.WriteAsync(exported); return 0; });
        var before = await Db(db => db.AuditEntries.CountAsync());
        Assert.True((await Use<EqualityImport, RegisterImportResult>(i => i.ImportAsync(exported))).Imported);
        Assert.Equal(before, await Db(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_bad_action_plan_folder_names_each_problem_and_changes_nothing()
    {
        var bad = NewFolder("bad");
        File.WriteAllText(Path.Combine(bad, "actions.csv"),
            "ref,directorate,subject,impact,actions,timetable,officer,strands\nEQ2,Children,Play,Severe,Audit,2007,DM,postcode\n");

        var result = await Use<EqualityImport, RegisterImportResult>(i => i.ImportAsync(bad));

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.StartsWith("actions.csv:2: column \"impact\": \"Severe\"", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("actions.csv:2: column \"timetable\": \"2007\"", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.StartsWith("actions.csv:2: column \"strands\": \"postcode\"", StringComparison.Ordinal));
        Assert.Equal(0, await Db(db => db.Set<EqualityAction>().CountAsync()));
    }
}

public sealed class EqualityActionPlanTestsOnSqlite() : EqualityActionPlanTests(DatabaseProvider.Sqlite);

public sealed class EqualityActionPlanTestsOnPostgres() : EqualityActionPlanTests(DatabaseProvider.Postgres);
