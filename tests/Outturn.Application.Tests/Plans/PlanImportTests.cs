using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;

namespace Outturn.Application.Tests.Plans;

public abstract class PlanImportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<PlanImportResult> Import(string folder) =>
        WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(folder));

    [Fact]
    public async Task A_valid_folder_is_imported_with_its_objectives_milestones_measures_targets_and_values()
    {
        var result = await Import(PlanFolderBuilder.Write(NewFolder("ok")));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        var plan = await WithScope(sp => sp.GetRequiredService<MonitoringQuery>().LoadPlanAsync("TEST-1"));
        Assert.NotNull(plan);
        Assert.Equal(2015, plan.FirstYear);
        Assert.Equal(2016, plan.LastYear);
        Assert.Equal(["Safeguarding", "Achievement"], plan.Priorities.OrderBy(p => p.Order).Select(p => p.Name));
        Assert.Equal(["OB01", "OB02"], plan.Objectives.OrderBy(o => o.Order).Select(o => o.Ref));
        var ob01a = plan.Milestones.Single(m => m.Ref == "OB01a");
        Assert.Equal("Review the front door, by March 2016", ob01a.Text);
        Assert.Equal(new DateOnly(2016, 3, 31), ob01a.Due);
        Assert.Equal("Ann Example", ob01a.Officer?.Name); // blank officer: the objective's
        Assert.Equal("AE", ob01a.Officer?.Initials);
        var m2 = plan.Indicators.Single(i => i.Ref == "M2");
        Assert.Equal(11.5m, m2.Values.Single(v => v.Period == Period.Quarter(2015, 2)).Value);
        var m3 = plan.Indicators.Single(i => i.Ref == "M3");
        Assert.Equal("Available at end of Quarter 3", m3.Values.Single().Note);
        Assert.Null(m3.Values.Single().Value);
    }

    [Fact]
    public async Task Statuses_of_an_imported_plan_follow_the_rules()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("ok")));
        var plan = await WithScope(sp => sp.GetRequiredService<MonitoringQuery>().LoadPlanAsync("TEST-1"));
        var lines = MonitoringQuery.StatusLines(plan!, Period.Quarter(2015, 2)).ToDictionary(l => l.Ref);

        // M1: higher is better, 75 against 95: shortfall 20 > 5% of 95 (4.75) → red; 75 < 80 a year before → worse.
        Assert.Equal((95m, 75m, 80m, "red", "worse"), (lines["M1"].Target, lines["M1"].Current, lines["M1"].Previous, lines["M1"].Progress, lines["M1"].Direction));
        // M2: lower is better, 11.5 against 10 with an absolute tolerance of 2: shortfall 1.5 ≤ 2 → amber; 11.5 = 11.5 → same.
        Assert.Equal(("amber", "same"), (lines["M2"].Progress, lines["M2"].Direction));
        // M3: no polarity, no value, target tbc → not applicable throughout.
        Assert.Equal((null, null, "na", "na"), (lines["M3"].Target, lines["M3"].Current, lines["M3"].Progress, lines["M3"].Direction));
    }

    [Fact]
    public async Task A_folder_with_errors_is_rejected_whole_with_every_error_named_by_file_and_line()
    {
        var folder = PlanFolderBuilder.Write(NewFolder("bad"), new Dictionary<string, string>
        {
            ["milestones.csv"] = "ref,objective,text,year,due,officer\nOB01a,OB01,Fine,2015/16,,\nOB09a,OB09,Orphan,2015/16,,\n",
            ["indicators.csv"] =
                "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\n" +
                "M1,A,OB01,higher,%,0,quarterly,snapshot,,yes\n" +
                "M1,Again,OB01,higher,%,0,quarterly,snapshot,,no\n",
            ["targets.csv"] = "indicator,period,target\nM1,2015/16,95%\nM7,2015/16,10\n",
            ["values.csv"] = "indicator,period,value,status,note\nM1,Quarter Two,75,final,\nM1,2015/16 Q3,seventy,final,\n",
        });

        var result = await Import(folder);

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.StartsWith("milestones.csv:3:") && e.Contains("objective \"OB09\""));
        Assert.Contains(result.Errors, e => e.StartsWith("indicators.csv:3:") && e.Contains("duplicate indicator ref \"M1\""));
        Assert.Contains(result.Errors, e => e.StartsWith("targets.csv:2:") && e.Contains("not a number"));
        Assert.Contains(result.Errors, e => e.StartsWith("targets.csv:3:") && e.Contains("indicator \"M7\""));
        Assert.Contains(result.Errors, e => e.StartsWith("values.csv:2:") && e.Contains("\"Quarter Two\" is not a period") && e.Contains("2015/16 Q2"));
        Assert.Contains(result.Errors, e => e.StartsWith("values.csv:3:") && e.Contains("\"seventy\" is not a number"));
        Assert.Equal(0, await Db(db => db.Plans.CountAsync()));
        Assert.Equal(0, await Db(db => db.IndicatorValues.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_column_or_a_missing_file_is_an_error()
    {
        var folder = PlanFolderBuilder.Write(NewFolder("cols"), new Dictionary<string, string>
        {
            ["objectives.csv"] = "ref,title,priority,officer,colour\nOB01,A,P,X,blue\nOB02,B,P,Y,red\n",
        });
        File.Delete(Path.Combine(folder, "targets.csv"));

        var result = await Import(folder);

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.StartsWith("objectives.csv:1:") && e.Contains("unknown column \"colour\""));
        Assert.Contains(result.Errors, e => e.StartsWith("targets.csv:") && e.Contains("missing"));
    }

    [Fact]
    public async Task A_rejected_reimport_leaves_the_plan_held_unchanged()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("first")));
        var auditBefore = await Db(db => db.AuditEntries.CountAsync());

        var result = await Import(PlanFolderBuilder.Write(NewFolder("second"), new Dictionary<string, string>
        {
            ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,76,final,\nM2,2015/16 Q2,x,final,\n",
        }));

        Assert.False(result.Imported);
        var m1 = await Db(db => db.IndicatorValues.Where(v => v.Period == Period.Quarter(2015, 2)).Join(db.Indicators.Where(i => i.Ref == "M1"), v => v.IndicatorId, i => i.Id, (v, _) => v.Value).SingleAsync());
        Assert.Equal(75m, m1);
        Assert.Equal(auditBefore, await Db(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Reimporting_a_plan_merges_it_and_keeps_the_figures_the_folder_leaves_out()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("first")));
        var result = await Import(PlanFolderBuilder.Write(NewFolder("second"), new Dictionary<string, string>
        {
            ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,90,final,\n",
        }));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.True(result.Replaced);
        Assert.Equal(1, await Db(db => db.Plans.CountAsync()));
        // M1's Quarter 2 figure is updated; the other five the first folder gave are kept.
        Assert.Equal(6, await Db(db => db.IndicatorValues.CountAsync()));
        Assert.Equal([80m, 81m, 90m], await Db(db => db.IndicatorValues.Where(v => v.IndicatorId == db.Indicators.Single(i => i.Ref == "M1").Id).Select(v => v.Value!.Value).OrderBy(v => v).ToListAsync()));
    }

    [Fact]
    public async Task Every_imported_figure_is_audited_with_who_and_the_new_value()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("ok")));

        var entries = await Db(db => db.AuditEntries.Where(a => a.Entity == "IndicatorValue" && a.Field == "Value").ToListAsync());
        Assert.Equal(5, entries.Count); // six value rows, one of them (M3, unavailable) has no number
        Assert.All(entries, a => Assert.Equal("test-user", a.By));
        Assert.Contains(entries, a => a.NewValue == "75" && a.OldValue is null && a.Action == "Added");
    }

    [Fact]
    public async Task Changing_a_value_records_the_old_and_new_figures()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("ok")));
        await Db(async db =>
        {
            var v = await db.IndicatorValues.SingleAsync(v => v.Value == 75m);
            v.Value = 78m;
            return await db.SaveChangesAsync();
        });

        var change = await Db(db => db.AuditEntries.SingleAsync(a => a.Action == "Modified" && a.Field == "Value"));
        Assert.Equal(("75", "78", "test-user"), (change.OldValue, change.NewValue, change.By));
    }
}

public sealed class PlanImportTestsOnSqlite() : PlanImportTests(DatabaseProvider.Sqlite);

public sealed class PlanImportTestsOnPostgres() : PlanImportTests(DatabaseProvider.Postgres);
