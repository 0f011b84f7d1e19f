using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Documents;
using Outturn.Application.Plans;
using Outturn.Application.Tests.Documents;
using Outturn.Domain;
using Outturn.Domain.Organisations;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Rounds;

namespace Outturn.Application.Tests.Plans;

/// <summary>
/// The demo's HBC-CYP-2015-16 changing during the year: exported, edited as a council would edit its folder, and
/// imported again, with its rounds, published Quarter 2 report and Quarter 3 drafts untouched.
/// </summary>
public abstract class PlanChangeTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Cyp = DemoRounds.PlanRef;
    private static readonly Period Q2 = Period.Quarter(2015, 2);
    private static readonly Period Q3 = Period.Quarter(2015, 3);

    private Task LoadDemo() => LoadDemoAsync();

    private Task<string> Q2WordText() => WithScope(async sp =>
    {
        var doc = (await sp.GetRequiredService<BoardReports>().PpbAsync(Cyp, Q2))!;
        using var word = new WordFile(WordRenderer.Render(doc));
        return word.Text;
    });

    private static void Edit(string file, Func<List<string>, List<string>> edit) =>
        File.WriteAllLines(file, edit(File.ReadAllLines(file).ToList()));

    [Fact]
    public async Task Reimporting_an_edited_export_keeps_rounds_the_published_report_and_drafts_and_retires_the_dropped_measure()
    {
        await LoadDemo();
        var roundsBefore = await Db(db => db.Set<MonitoringRound>().Include(r => r.Items).AsNoTracking().OrderBy(r => r.Period).ToListAsync());
        var wordBefore = await Q2WordText();
        var q3Figures = await Db(db => db.IndicatorValues.AsNoTracking().Where(v => v.Period == Q3).Select(v => new { v.IndicatorId, v.Value, v.Status }).ToListAsync());
        var ced036 = await Db(db => db.Indicators.Where(i => i.Ref == "CED036").Select(i => i.Id).SingleAsync());
        var ced036Values = await Db(db => db.IndicatorValues.CountAsync(v => v.IndicatorId == ced036));
        var folder = NewFolder("cyp");
        Assert.True(await WithScope(sp => sp.GetRequiredService<PlanExport>().WriteAsync(Cyp, folder)));

        // A title and a target change, a measure is added and one is dropped (with its figures' rows).
        Edit(Path.Combine(folder, "indicators.csv"), lines =>
        {
            var i = lines.FindIndex(l => l.StartsWith("CED047,", StringComparison.Ordinal));
            lines[i] = lines[i].Replace("CED047,\"Children in Care stability, 3+ placements\",", "CED047,\"Children in care with three or more placements in the year\",");
            var template = lines.First(l => l.StartsWith("CED010,", StringComparison.Ordinal));
            lines.Add(template.Replace("CED010,Timeliness of return interviews conducted with those missing from home/care,", "CED099,Return interviews within 72 hours,"));
            return lines.Where(l => !l.StartsWith("CED036,", StringComparison.Ordinal)).ToList();
        });
        foreach (var file in new[] { "targets.csv", "values.csv", "overrides.csv", "comparators.csv" })
            Edit(Path.Combine(folder, file), lines => lines.Where(l => !l.StartsWith("CED036,", StringComparison.Ordinal)).ToList());
        Edit(Path.Combine(folder, "targets.csv"), lines => lines.Select(l => l == "CED047,2015/16,5.4," ? "CED047,2015/16,5," : l).ToList());

        var result = await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(folder));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Equal(
            [
                "retired measure CED036: Children subject to Child Protection Plan for 2nd or subsequent time (not in the folder)",
                "changed measure CED047: title \"Children in Care stability, 3+ placements\" → \"Children in care with three or more placements in the year\"; target for 2015/16 \"5.4\" → \"5\"",
                "added measure CED099: Return interviews within 72 hours",
            ],
            result.Changes.Select(c => c.ToString()));

        // Rounds and their items are all still there, the published snapshot unchanged to the character.
        var roundsAfter = await Db(db => db.Set<MonitoringRound>().Include(r => r.Items).AsNoTracking().OrderBy(r => r.Period).ToListAsync());
        Assert.Equal(roundsBefore.Select(r => (r.Period, r.State, r.Items.Count)), roundsAfter.Select(r => (r.Period, r.State, r.Items.Count)));
        Assert.Equal(2, roundsAfter.Count);
        Assert.Equal(roundsBefore[0].PublishedSnapshot, roundsAfter[0].PublishedSnapshot);
        Assert.Contains(roundsAfter[0].Items, i => i.IndicatorId == ced036);
        Assert.Equal(wordBefore, await Q2WordText());
        Assert.Contains("Children in Care stability, 3+ placements", wordBefore);

        // Quarter 3's figures and drafts are as they were.
        Assert.Equal(q3Figures, await Db(db => db.IndicatorValues.AsNoTracking().Where(v => v.Period == Q3).Select(v => new { v.IndicatorId, v.Value, v.Status }).ToListAsync()));
        var q3Drafts = roundsAfter[1].Items.Where(i => i.State == ItemState.Draft).Select(i => i.Label).Order().ToList();
        Assert.Equal(roundsBefore[1].Items.Where(i => i.State == ItemState.Draft).Select(i => i.Label).Order(), q3Drafts);
        Assert.Contains(roundsAfter[1].Items, i => i.Label.StartsWith("CED047:") && i.Value == 4.9m);

        // The dropped measure is retired with its history; the changes are audited.
        var retired = await Db(db => db.Indicators.AsNoTracking().SingleAsync(i => i.Id == ced036));
        Assert.True(retired.IsRetired);
        Assert.Equal(ced036Values, await Db(db => db.IndicatorValues.CountAsync(v => v.IndicatorId == ced036)));
        var audit = await Db(db => db.AuditEntries.AsNoTracking().Where(a => a.Action == "Modified" && (a.Entity == "Indicator" || a.Entity == "Target")).ToListAsync());
        Assert.Contains(audit, a => a is { Entity: "Indicator", Field: "Title", OldValue: "Children in Care stability, 3+ placements", NewValue: "Children in care with three or more placements in the year" });
        Assert.Contains(audit, a => a is { Entity: "Target", Field: "Value", OldValue: "5.4", NewValue: "5" });
        Assert.Contains(audit, a => a.Entity == "Indicator" && a.Field == "RetiredOn" && a.EntityKey.EndsWith(":indicator:CED036"));
    }

    [Fact]
    public async Task Importing_a_plans_own_export_changes_nothing()
    {
        await LoadDemo();
        var folder = NewFolder("cyp");
        await WithScope(sp => sp.GetRequiredService<PlanExport>().WriteAsync(Cyp, folder));

        var result = await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(folder, dryRun: true));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Empty(result.Changes);
    }

    [Fact]
    public async Task An_export_imported_into_an_empty_database_exports_to_the_same_files()
    {
        await LoadDemo();
        var first = NewFolder("first");
        await WithScope(sp => sp.GetRequiredService<PlanExport>().WriteAsync(Cyp, first));
        // Retire one item so the retired column is carried too.
        Edit(Path.Combine(first, "milestones.csv"), lines => lines.Select((l, n) => n == 1 ? l + "2015-11-03" : l).ToList());
        Assert.EndsWith(",2015-11-03", File.ReadAllLines(Path.Combine(first, "milestones.csv"))[1]);

        await using var empty = await EmptyStore();
        using (var scope = empty.CreateScope())
        {
            var imported = await scope.ServiceProvider.GetRequiredService<PlanImport>().ImportAsync(first);
            Assert.True(imported.Imported, string.Join("\n", imported.Errors));
        }
        var second = NewFolder("second");
        using (var scope = empty.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PlanExport>().WriteAsync(Cyp, second));

        var files = Directory.GetFiles(first).Select(Path.GetFileName).Order().ToList();
        Assert.Equal(PlanFolder.KnownFiles.Order(), files);
        Assert.Equal(files, Directory.GetFiles(second).Select(Path.GetFileName).Order());
        foreach (var f in files) Assert.Equal(File.ReadAllText(Path.Combine(first, f!)), File.ReadAllText(Path.Combine(second, f!)));
    }

    /// <summary>A second, empty store (SQLite in a folder of this test), migrated.</summary>
    private async Task<ServiceProvider> EmptyStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Outturn:DataDirectory"] = NewFolder("empty-store") }).Build();
        var services = new ServiceCollection();
        services.AddOutturn(configuration);
        services.AddSingleton<ICurrentUser>(new SystemUser("test-user"));
        var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        await scope.ServiceProvider.GetRequiredService<OutturnDbContext>().Database.MigrateAsync();
        return provider;
    }

    [Fact]
    public async Task Every_delete_path_on_a_plan_with_a_published_round_is_refused_and_the_history_survives()
    {
        await LoadDemo();
        var snapshot = await Db(db => db.Set<MonitoringRound>().Where(r => r.Period == Q2).Select(r => r.PublishedSnapshot).SingleAsync());
        var counts = await Counts();

        // Through the application's store: each delete is refused with the reason, before anything is written.
        var attempts = new (string What, Func<OutturnDbContext, Task<object>> Find)[]
        {
            ("The plan HBC-CYP-2015-16", async db => await db.Plans.SingleAsync(p => p.Ref == Cyp)),
            ("The objective CED08", async db => await db.Objectives.SingleAsync(o => o.Ref == "CED08")),
            ("The measure CED033", async db => await db.Indicators.SingleAsync(i => i.Ref == "CED033")),
            ("The milestone CED08a", async db => await db.Milestones.SingleAsync(m => m.Ref == "CED08a")),
            ("The priority", async db => await db.Priorities.FirstAsync()),
            ("The officer", async db => await db.Officers.FirstAsync()),
            ("The organisation", async db => await db.Set<Organisation>().SingleAsync(o => o.Ref == "HBC-CYP")),
            ("A figure", async db => await db.IndicatorValues.FirstAsync(v => v.Period == Q2)),
            ("The round for 2015/16 Q2", async db => await db.Set<MonitoringRound>().SingleAsync(r => r.Period == Q2)),
            ("An audit record", async db => await db.AuditEntries.FirstAsync()),
        };
        foreach (var (what, find) in attempts)
        {
            var refused = await Assert.ThrowsAsync<DomainException>(() => Db(async db =>
            {
                db.Remove(await find(db));
                return await db.SaveChangesAsync();
            }));
            Assert.StartsWith(what, refused.Message);
            Assert.Contains("cannot be deleted", refused.Message);
        }

        // Behind the application's back, the database's keys refuse the same deletes.
        foreach (var sql in new[]
                 {
                     """DELETE FROM "Plans" WHERE "Ref" = 'HBC-CYP-2015-16'""",
                     """DELETE FROM "Objectives" WHERE "Ref" = 'CED08'""",
                     """DELETE FROM "Indicators" WHERE "Ref" = 'CED033'""",
                     """DELETE FROM "Milestones" WHERE "Ref" = 'CED08a'""",
                     """DELETE FROM "Officers" WHERE "Id" IN (SELECT "AssigneeId" FROM "RoundItem" WHERE "AssigneeId" IS NOT NULL)""",
                     """DELETE FROM "MonitoringRound" """,
                     """DELETE FROM "Organisations" WHERE "Ref" = 'HBC-CYP'""",
                 })
        {
            await Assert.ThrowsAnyAsync<DbException>(() => Db(db => db.Database.ExecuteSqlRawAsync(sql)));
        }

        Assert.Equal(counts, await Counts());
        Assert.Equal(snapshot, await Db(db => db.Set<MonitoringRound>().Where(r => r.Period == Q2).Select(r => r.PublishedSnapshot).SingleAsync()));
    }

    [Fact]
    public async Task A_published_report_cannot_be_changed_through_the_store()
    {
        await LoadDemo();
        var refused = await Assert.ThrowsAsync<DomainException>(() => Db(async db =>
        {
            var round = await db.Set<MonitoringRound>().SingleAsync(r => r.Period == Q2);
            db.Entry(round).Property(r => r.PublishedSnapshot).CurrentValue = "{}";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("published report", refused.Message);
    }

    private Task<(int Plans, int Items, int Rounds, int RoundItems, int Values, int Targets, int Audit)> Counts() => Db(async db => (
        await db.Plans.CountAsync(),
        await db.Indicators.CountAsync() + await db.Objectives.CountAsync() + await db.Milestones.CountAsync() + await db.Priorities.CountAsync(),
        await db.Set<MonitoringRound>().CountAsync(),
        await db.Set<RoundItem>().CountAsync(),
        await db.IndicatorValues.CountAsync(),
        await db.Targets.CountAsync(),
        await db.AuditEntries.CountAsync()));
}

public sealed class PlanChangeTestsOnSqlite() : PlanChangeTests(DatabaseProvider.Sqlite);

public sealed class PlanChangeTestsOnPostgres() : PlanChangeTests(DatabaseProvider.Postgres);
