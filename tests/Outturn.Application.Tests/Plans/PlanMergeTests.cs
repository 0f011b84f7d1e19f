using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Plans;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Tests.Plans;

/// <summary>Importing a folder for a plan already held: a merge by ref that adds, changes and retires, never deletes.</summary>
public abstract class PlanMergeTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private Task<PlanImportResult> Import(string folder, bool dryRun = false) =>
        WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(folder, dryRun));

    // The builder's plan with M2 retitled, M1's target lowered, M3 left out and M4 added.
    private static readonly Dictionary<string, string> Changed = new()
    {
        ["indicators.csv"] =
            "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key\n" +
            "M1,Assessments in 45 days,OB01,higher,%,0,quarterly,snapshot,,yes\n" +
            "M2,Children on a second plan,OB01,lower,%,1,quarterly,snapshot,2,no\n" +
            "M4,Early help assessments,OB02,higher,,0,quarterly,cumulative,,no\n",
        ["targets.csv"] = "indicator,period,target\nM1,2015/16,90\nM2,2015/16,10\nM4,2015/16,tbc\n",
        ["values.csv"] = "indicator,period,value,status,note\nM1,2015/16 Q2,75,final,\n",
    };

    [Fact]
    public async Task A_second_import_adds_changes_and_retires_item_by_item()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("first")));

        var result = await Import(PlanFolderBuilder.Write(NewFolder("second"), Changed));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.True(result.Replaced);
        Assert.Equal(
            [
                "retired measure M3: Referrals (not in the folder)",
                "changed measure M1: target for 2015/16 \"95\" → \"90\"",
                "changed measure M2: title \"Repeat plans\" → \"Children on a second plan\"",
                "added measure M4: Early help assessments",
            ],
            result.Changes.Select(c => c.ToString()));
    }

    [Fact]
    public async Task A_priority_with_a_ref_renamed_in_its_folder_is_changed_but_one_without_is_retired_and_added_again()
    {
        var priorities = "name,retired,ref\nSafeguarding,,P-SAFE\nAchievement,,\n";
        await Import(PlanFolderBuilder.Write(NewFolder("first"), new Dictionary<string, string> { ["priorities.csv"] = priorities }));
        var renamed = new Dictionary<string, string>
        {
            ["priorities.csv"] = "name,retired,ref\nKeeping children safe,,P-SAFE\nAttainment,,\n",
            ["objectives.csv"] = "ref,title,priority,officer\nOB01,Keep children safe,Keeping children safe,Ann Example\nOB02,Improve attainment,Attainment,Bob Example\n",
        };

        var result = await Import(PlanFolderBuilder.Write(NewFolder("second"), renamed));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Equal(
            [
                "retired priority Achievement: Achievement (not in the folder)",
                "changed priority Safeguarding: name \"Safeguarding\" → \"Keeping children safe\"",
                "added priority Attainment: Attainment",
                "changed objective OB02: priority \"Achievement\" → \"Attainment\"",
                // The milestone and the measure of OB02 are reported under its priority, so they move with it.
                "changed milestone OB02a: priority \"Achievement\" → \"Attainment\"",
                "changed measure M3: priority \"Achievement\" → \"Attainment\"",
            ],
            result.Changes.Select(c => c.ToString()));
        var held = await Db(db => db.Priorities.AsNoTracking().OrderBy(p => p.Id).Select(p => new { p.Name, p.Ref, p.RetiredOn }).ToListAsync());
        Assert.Equal(["Keeping children safe", "Achievement", "Attainment"], held.Select(p => p.Name));
        Assert.Equal("P-SAFE", held[0].Ref);
        Assert.NotNull(held[1].RetiredOn);
    }

    [Fact]
    public async Task A_retired_measure_keeps_its_figures_and_targets_and_the_ones_the_folder_leaves_out_are_kept()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("first")));
        await Import(PlanFolderBuilder.Write(NewFolder("second"), Changed));

        var m3 = await Db(db => db.Indicators.Include(i => i.Values).Include(i => i.Targets).SingleAsync(i => i.Ref == "M3"));
        Assert.True(m3.IsRetired);
        Assert.Equal("Available at end of Quarter 3", m3.Values.Single().Note);
        Assert.Single(m3.Targets);
        // values.csv now lists one figure; the five others the first folder gave are still held.
        Assert.Equal(6, await Db(db => db.IndicatorValues.CountAsync()));
        Assert.Equal(4, await Db(db => db.Indicators.CountAsync()));
    }

    [Fact]
    public async Task Every_change_of_the_merge_is_audited_with_who_old_and_new()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("first")));
        var before = await Db(db => db.AuditEntries.Select(a => a.Id).MaxAsync());

        await Import(PlanFolderBuilder.Write(NewFolder("second"), Changed));

        var audit = await Db(db => db.AuditEntries.Where(a => a.Id > before).ToListAsync());
        Assert.All(audit, a => Assert.Equal("test-user", a.By));
        var title = audit.Single(a => a.Entity == "Indicator" && a.Field == "Title" && a.Action == "Modified");
        Assert.Equal(("Modified", "Repeat plans", "Children on a second plan"), (title.Action, title.OldValue, title.NewValue));
        Assert.EndsWith(":indicator:M2", title.EntityKey);
        var target = audit.Single(a => a.Entity == "Target" && a.Field == "Value" && a.Action == "Modified");
        Assert.Equal(("95", "90"), (target.OldValue, target.NewValue));
        var retired = audit.Single(a => a.Entity == "Indicator" && a.Field == "RetiredOn");
        Assert.EndsWith(":indicator:M3", retired.EntityKey);
        Assert.Null(retired.OldValue);
        Assert.NotNull(retired.NewValue);
        Assert.Contains(audit, a => a is { Entity: "Indicator", Action: "Added", Field: "Title", NewValue: "Early help assessments" });
        Assert.DoesNotContain(audit, a => a.Action == "Deleted");
    }

    [Fact]
    public async Task A_dry_run_lists_the_changes_and_changes_nothing()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("first")));
        var audit = await Db(db => db.AuditEntries.CountAsync());

        var result = await Import(PlanFolderBuilder.Write(NewFolder("second"), Changed), dryRun: true);

        Assert.True(result.DryRun);
        Assert.Equal(4, result.Changes.Count);
        Assert.Equal(audit, await Db(db => db.AuditEntries.CountAsync()));
        Assert.Equal(3, await Db(db => db.Indicators.CountAsync()));
        Assert.False(await Db(db => db.Indicators.AnyAsync(i => i.RetiredOn != null)));
        Assert.Equal("Repeat plans", await Db(db => db.Indicators.Where(i => i.Ref == "M2").Select(i => i.Title).SingleAsync()));
    }

    [Fact]
    public async Task The_retired_column_retires_an_item_on_its_date_and_leaving_it_blank_reinstates_it()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("first")));
        var retiring = PlanFolderBuilder.Valid["milestones.csv"].Replace("ref,objective,text,year,due,officer\n", "ref,objective,text,year,due,officer,retired\n")
            .Replace("2016-03-31,\n", "2016-03-31,,2015-11-03\n").Replace("Ann Example\n", "Ann Example,\n");
        var result = await Import(PlanFolderBuilder.Write(NewFolder("second"), new Dictionary<string, string> { ["milestones.csv"] = retiring }));

        Assert.Equal(["retired milestone OB01a: Review the front door, by March 2016"], result.Changes.Select(c => c.ToString()));
        Assert.Equal(new DateOnly(2015, 11, 3), await Db(db => db.Milestones.Where(m => m.Ref == "OB01a").Select(m => m.RetiredOn).SingleAsync()));

        var back = await Import(PlanFolderBuilder.Write(NewFolder("third")));
        Assert.Equal(["reinstated milestone OB01a: Review the front door, by March 2016"], back.Changes.Select(c => c.ToString()));
        Assert.Null(await Db(db => db.Milestones.Where(m => m.Ref == "OB01a").Select(m => m.RetiredOn).SingleAsync()));
    }

    [Fact]
    public async Task A_retired_date_that_is_not_a_date_is_an_error_naming_file_and_line()
    {
        var result = await Import(PlanFolderBuilder.Write(NewFolder("bad"), new Dictionary<string, string>
        {
            ["objectives.csv"] = "ref,title,priority,officer,retired\nOB01,Keep children safe,Safeguarding,Ann Example,November\nOB02,Improve attainment,Achievement,Bob Example,\n",
        }));

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.StartsWith("objectives.csv:2:") && e.Contains("retired \"November\" is not a date"));
    }

    [Fact]
    public async Task A_retired_measure_joins_no_new_round_but_keeps_its_place_in_an_earlier_one()
    {
        await Import(PlanFolderBuilder.Write(NewFolder("first")));
        var actor = new Actor("Pat Performance", null, RunsRounds: true);
        await WithScope(sp => sp.GetRequiredService<OpenRound>().HandleAsync(new OpenRound.Request("TEST-1", Period.Quarter(2015, 2), new DateOnly(2015, 10, 30)), actor));
        await Import(PlanFolderBuilder.Write(NewFolder("second"), Changed));

        await WithScope(sp => sp.GetRequiredService<OpenRound>().HandleAsync(new OpenRound.Request("TEST-1", Period.Quarter(2015, 3), new DateOnly(2016, 1, 15)), actor));

        var m3 = await Db(db => db.Indicators.Where(i => i.Ref == "M3").Select(i => i.Id).SingleAsync());
        var items = await Db(db => db.Set<MonitoringRound>().Include(r => r.Items).ToListAsync());
        Assert.Contains(items.Single(r => r.Period == Period.Quarter(2015, 2)).Items, i => i.IndicatorId == m3);
        var q3 = items.Single(r => r.Period == Period.Quarter(2015, 3)).Items.Where(i => i.Kind == ItemKind.Measure).Select(i => i.Label).Order().ToList();
        Assert.Equal(["M1: Assessments in 45 days", "M2: Children on a second plan", "M4: Early help assessments"], q3);
    }

    [Fact]
    public async Task A_values_internal_note_is_read_kept_apart_from_its_public_note_merged_and_exported()
    {
        const string values = "indicator,period,value,status,note,internal_note\nM1,2015/16 Q2,75,final,(to end of Q2),Read from the case system on 3 October\n";
        await Import(PlanFolderBuilder.Write(NewFolder("first"), new Dictionary<string, string> { ["values.csv"] = values }));
        var held = await Db(db => db.IndicatorValues.SingleAsync(v => v.Period == Period.Quarter(2015, 2) && db.Indicators.Any(i => i.Id == v.IndicatorId && i.Ref == "M1")));
        Assert.Equal("(to end of Q2)", held.Note);
        Assert.Equal("Read from the case system on 3 October", held.InternalNote);

        var result = await Import(PlanFolderBuilder.Write(NewFolder("second"), new Dictionary<string, string> { ["values.csv"] = values.Replace("on 3 October", "on 5 October") }));
        Assert.Contains("changed measure M1: internal value note for 2015/16 Q2 \"Read from the case system on 3 October\" → \"Read from the case system on 5 October\"", result.Changes.Select(c => c.ToString()));

        var files = await WithScope(sp => sp.GetRequiredService<PlanExport>().FilesAsync("TEST-1"));
        var exported = files!.Single(f => f.File == "values.csv").Text.Split('\n');
        Assert.Equal("indicator,period,value,status,note,internal_note,numerator,denominator", exported[0]);
        Assert.Contains("M1,2015/16 Q2,75,final,(to end of Q2),Read from the case system on 5 October,,", exported);
    }
}

public sealed class PlanMergeTestsOnSqlite() : PlanMergeTests(DatabaseProvider.Sqlite);

public sealed class PlanMergeTestsOnPostgres() : PlanMergeTests(DatabaseProvider.Postgres);
