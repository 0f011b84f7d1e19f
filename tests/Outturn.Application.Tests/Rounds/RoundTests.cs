using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Outturn.Application.Data;
using Outturn.Application.Monitoring;
using Outturn.Application.Rounds;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Rounds;

public abstract class RoundTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Period Q4 = Period.Quarter(2015, 4);
    private static readonly Actor Performance = new("performance@outturn.example", null, RunsRounds: true);

    private async Task<(int RoundId, Actor Tracey, Actor Ann)> DemoWithQ4RoundAsync()
    {
        await LoadDemoAsync();
        var round = await WithScope(sp => sp.GetRequiredService<OpenRound>().HandleAsync(new OpenRound.Request("HBC-CYP-2015-16", Q4, new DateOnly(2016, 4, 15)), Performance));
        var officers = await Db(db => db.Officers.ToDictionaryAsync(o => o.Name, o => o.Id));
        return (round.Id, new Actor("tracey.coffey@outturn.example", officers["Tracey Coffey"], false), new Actor("ann.mcintyre@outturn.example", officers["Ann McIntyre"], false));
    }

    private Task<MonitoringRound> Round(int id) => WithScope(async sp => (await sp.GetRequiredService<RoundViews>().FindAsync(id))!);

    private Task<SaveResult> Save(int roundId, RoundItem item, ItemUpdate update, bool submit, Actor actor, int? version = null) =>
        WithScope(sp => sp.GetRequiredService<SaveItem>().HandleAsync(new SaveItem.Request(roundId, item.Id, version ?? item.Version, update, submit), actor));

    private static RoundItem ItemFor(MonitoringRound round, string labelStart) => round.Items.First(i => i.Label.StartsWith(labelStart, StringComparison.Ordinal));

    [Fact]
    public async Task Opening_a_round_assigns_every_measure_milestone_and_section_to_its_responsible_officer()
    {
        var (id, tracey, ann) = await DemoWithQ4RoundAsync();
        var round = await Round(id);

        // 68 measures, the 36 milestones of 2015/16, four report sections and one commentary per priority (3).
        Assert.Equal(68, round.Items.Count(i => i.Kind == ItemKind.Measure));
        Assert.Equal(36, round.Items.Count(i => i.Kind == ItemKind.Milestone));
        Assert.Equal(4 + 3, round.Items.Count(i => i.Kind == ItemKind.Narrative));
        Assert.All(round.Items, i => Assert.Equal(ItemState.NotStarted, i.State));
        // Milestones take their officer from the plan folder: CED08's are Ann McIntyre's.
        Assert.Equal(ann.OfficerId, ItemFor(round, "CED08a:").AssigneeId);
        // CED033 names no officer and no objective: it goes to the lead of its priority, whose first objective (CED07)
        // is Tracey Coffey's.
        Assert.Equal(tracey.OfficerId, ItemFor(round, "CED033:").AssigneeId);
        Assert.Equal(RoundAction.Opened, round.Events.Single().Action);
        Assert.Equal(Performance.Name, round.Events.Single().By);
    }

    [Fact]
    public async Task A_contributor_can_update_only_the_items_assigned_to_them()
    {
        var (id, tracey, ann) = await DemoWithQ4RoundAsync();
        var round = await Round(id);
        var annsItem = round.Items.First(i => i.AssigneeId == ann.OfficerId);

        var result = await Save(id, annsItem, new ItemUpdate(null, null, null, MilestoneProgress.Green, "x"), false, tracey);

        Assert.IsType<SaveResult.Forbidden>(result);
        Assert.Equal(ItemState.NotStarted, (await Round(id)).Items.Single(i => i.Id == annsItem.Id).State);
    }

    [Fact]
    public async Task A_submitted_figure_goes_into_the_record_and_a_stale_save_meets_a_conflict_without_overwriting()
    {
        var (id, _, _) = await DemoWithQ4RoundAsync();
        var round = await Round(id);
        var ced033 = ItemFor(round, "CED033:");
        var loaded = ced033.Version;

        var first = await Save(id, ced033, new ItemUpdate(81m, ValueStatus.Final, null, null, "First"), true, Performance, loaded);
        var second = await Save(id, ced033, new ItemUpdate(70m, ValueStatus.Final, null, null, "Second, from a stale form"), true, Performance, loaded);

        Assert.IsType<SaveResult.Saved>(first);
        var conflict = Assert.IsType<SaveResult.Conflict>(second);
        Assert.Equal(81m, conflict.Theirs.Value);
        Assert.Equal(70m, conflict.Mine.Value);
        var stored = await Db(db => db.IndicatorValues.Where(v => v.Period == Q4).Join(db.Indicators.Where(i => i.Ref == "CED033"), v => v.IndicatorId, i => i.Id, (v, _) => v.Value).SingleAsync());
        Assert.Equal(81m, stored);
    }

    [Fact]
    public async Task Every_change_to_an_item_is_recorded_with_who_and_the_old_and_new_values()
    {
        var (id, _, _) = await DemoWithQ4RoundAsync();
        var ced033 = ItemFor(await Round(id), "CED033:");
        await Save(id, ced033, new ItemUpdate(80m, ValueStatus.Provisional, null, null, null), false, Performance);
        var again = ItemFor(await Round(id), "CED033:");
        await Save(id, again, new ItemUpdate(82m, ValueStatus.Final, null, null, null), true, Performance);

        var changes = await Db(db => db.AuditEntries.Where(a => a.EntityKey == $"round-item:{ced033.Id}" && a.Field == "Value").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([(null, "80"), ("80", "82")], changes.Select(c => (c.OldValue, c.NewValue)));
        var state = await Db(db => db.AuditEntries.Where(a => a.EntityKey == $"round-item:{ced033.Id}" && a.Field == "State").OrderBy(a => a.Id).Select(a => a.NewValue).ToListAsync());
        Assert.Equal(["Draft", "Submitted"], state);
    }

    [Fact]
    public async Task A_round_cannot_be_published_before_sign_off_nor_reviewed_with_items_outstanding_unconfirmed()
    {
        var (id, _, _) = await DemoWithQ4RoundAsync();
        var service = (Func<RoundStep, Task>)(step => WithScope(async sp => { await sp.GetRequiredService<ChangeStage>().HandleAsync(new ChangeStage.Request(id, step), Performance); return 0; }));

        var publish = await Assert.ThrowsAsync<DomainException>(() => service(RoundStep.Publish));
        Assert.Equal("The round cannot be published before it is signed off; it is open for updates.", publish.Message);
        var review = await Assert.ThrowsAsync<DomainException>(() => service(RoundStep.MoveToReview));
        Assert.Equal("111 items are not submitted. To move to review without them, confirm the 111 outstanding.", review.Message); // 68 + 36 + 7
        var signOff = await Assert.ThrowsAsync<DomainException>(() => service(RoundStep.SignOff));
        Assert.Equal("The round cannot sign off: it is open for updates, and this step needs it in review.", signOff.Message);
    }

    [Fact]
    public async Task Publishing_freezes_the_report_and_a_later_correction_shows_as_a_revision_with_both_figures()
    {
        var (id, _, _) = await DemoWithQ4RoundAsync();
        foreach (var item in (await Round(id)).Items)
        {
            var update = item.Kind switch
            {
                ItemKind.Measure => item.Label.StartsWith("CED033:") ? new ItemUpdate(88m, ValueStatus.Final, null, null, null) : new ItemUpdate(null, ValueStatus.Unavailable, "Available at end of Quarter 1", null, null),
                ItemKind.Milestone => new ItemUpdate(null, null, null, MilestoneProgress.Complete, null),
                _ => new ItemUpdate(null, null, null, null, "Year-end commentary."),
            };
            Assert.IsType<SaveResult.Saved>(await Save(id, item, update, true, Performance));
        }
        await WithScope(async sp =>
        {
            var stage = sp.GetRequiredService<ChangeStage>();
            await stage.HandleAsync(new ChangeStage.Request(id, RoundStep.MoveToReview), Performance);
            await stage.HandleAsync(new ChangeStage.Request(id, RoundStep.SignOff), new Actor("director@outturn.example", null, false));
            await stage.HandleAsync(new ChangeStage.Request(id, RoundStep.Publish), Performance);
            await sp.GetRequiredService<ReviseFigure>().HandleAsync(new ReviseFigure.Request("HBC-CYP-2015-16", "CED033", Q4, 86m, ValueStatus.Final, null, "The final return was 86%."));
            return 0;
        });

        var round = await Round(id);
        var published = SnapshotJson.Published(round)!;
        var live = await WithScope(sp => sp.GetRequiredService<RoundViews>().LiveReportAsync(round));
        Assert.Equal(88m, published.AllMeasures.Single(m => m.Ref == "CED033").Current); // frozen
        Assert.Equal(86m, live.AllMeasures.Single(m => m.Ref == "CED033").Current);
        var revisions = await Db(db => ReviseFigure.SincePublishedAsync(db, round.PlanId, Q4, published, live));
        // The correction is shown beside the published figure with the reason given for it.
        Assert.Equal(new FigureRevision("88%", "86%", "The final return was 86%."), revisions["CED033"]);
        Assert.Single(revisions);
        // The correction is recorded on the round when made, so readers of the report never work it out again.
        Assert.Equal(new FigureRevision("88%", "86%", "The final return was 86%."), PublishedRevisions.Parse(round.Revisions!)["CED033"]);
        Assert.Equal(1, round.RevisionCount);
        Assert.Equal([RoundAction.Opened, RoundAction.MovedToReview, RoundAction.SignedOff, RoundAction.Published, RoundAction.Revised], round.Events.OrderBy(e => e.Id).Select(e => e.Action));
        Assert.Equal("Differs from the published report: CED033", round.Events.OrderBy(e => e.Id).Last().Note);
    }

    [Fact]
    public async Task A_published_report_lists_the_corrections_recorded_and_counts_each_change_to_them()
    {
        Task<int> Revise(decimal value) => WithScope(async sp =>
        {
            await sp.GetRequiredService<ReviseFigure>().HandleAsync(new ReviseFigure.Request("HBC-CYP-2015-16", "CED033", Period.Quarter(2015, 2), value, ValueStatus.Final, null, "The census was corrected."));
            return 0;
        });
        await LoadDemoAsync();
        var q2 = await Db(db => db.Set<MonitoringRound>().AsNoTracking().SingleAsync(r => r.Period == Period.Quarter(2015, 2)));
        // The demo's Quarter 2 report printed CED033 at 75% (the plan folder's values.csv) and CED035 at 0.
        Assert.Equal("75%", SnapshotJson.Published(q2)!.AllMeasures.Single(m => m.Ref == "CED033").CurrentText);
        // Read once, as the first reader after an upgrade would: a round published before corrections were kept has them worked out now.
        await WithScope(sp => sp.GetRequiredService<ReportVisibility>().GetAsync("HBC-CYP-2015-16", Period.Quarter(2015, 2), Outturn.Application.Accounts.Viewer.Anonymous));
        var counted = (await Db(db => db.Set<MonitoringRound>().AsNoTracking().SingleAsync(r => r.Id == q2.Id))).RevisionCount;

        // A figure changed behind the application's back is not a recorded correction: reading the report does not
        // rebuild the live report to look for it.
        await Db(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"IndicatorValues\" SET \"Value\" = 12 WHERE \"Period\" = '2015/16 Q2' AND \"IndicatorId\" = (SELECT \"Id\" FROM \"Indicators\" WHERE \"Ref\" = 'CED035')"));
        var before = await WithScope(sp => sp.GetRequiredService<ReportVisibility>().GetAsync("HBC-CYP-2015-16", Period.Quarter(2015, 2), Outturn.Application.Accounts.Viewer.Anonymous));
        Assert.DoesNotContain("CED035", before.Revisions.Keys);
        Assert.DoesNotContain("CED033", before.Revisions.Keys);

        // A correction through the application records the corrections as they now stand, both figures each.
        await Revise(81m);
        var after = await WithScope(sp => sp.GetRequiredService<ReportVisibility>().GetAsync("HBC-CYP-2015-16", Period.Quarter(2015, 2), Outturn.Application.Accounts.Viewer.Anonymous));
        Assert.Equal(new FigureRevision("75%", "81%", "The census was corrected."), after.Revisions["CED033"]);
        Assert.Contains("CED035", after.Revisions.Keys);
        Assert.Equal(counted + 1, (await Db(db => db.Set<MonitoringRound>().AsNoTracking().SingleAsync(r => r.Id == q2.Id))).RevisionCount);

        // The same figure again changes nothing; another figure is another revision.
        await Revise(81m);
        Assert.Equal(counted + 1, (await Db(db => db.Set<MonitoringRound>().AsNoTracking().SingleAsync(r => r.Id == q2.Id))).RevisionCount);
        await Revise(82m);
        Assert.Equal(counted + 2, (await Db(db => db.Set<MonitoringRound>().AsNoTracking().SingleAsync(r => r.Id == q2.Id))).RevisionCount);
    }

    [Fact]
    public async Task A_correction_without_a_reason_is_refused_and_changes_nothing()
    {
        await DemoWithQ4RoundAsync();
        var before = await Db(db => db.IndicatorValues.CountAsync());
        var refused = await Assert.ThrowsAsync<DomainException>(() => WithScope(async sp =>
        {
            await sp.GetRequiredService<ReviseFigure>().HandleAsync(new ReviseFigure.Request("HBC-CYP-2015-16", "CED033", Period.Quarter(2015, 2), 80m, ValueStatus.Final, null, " "));
            return 0;
        }));
        Assert.Equal("Say why the figure is being corrected: the reason is shown beside the correction.", refused.Message);
        Assert.Equal(before, await Db(db => db.IndicatorValues.CountAsync()));
    }

    [Fact]
    public async Task The_performance_officer_s_edit_of_compiled_commentary_before_sign_off_is_recorded_and_the_report_prints_what_was_approved()
    {
        var (id, _, ann) = await DemoWithQ4RoundAsync();
        const string take = "Take-up rose to 612 as the promotional campaign reached more families.";
        var ced005 = ItemFor(await Round(id), "CED005:");
        Assert.IsType<SaveResult.Saved>(await Save(id, ced005, new ItemUpdate(612m, ValueStatus.Final, null, null, take, "The campaign reached more families."), true, ann));
        foreach (var item in (await Round(id)).Items.Where(i => i.Id != ced005.Id && !i.IsSupportingCommentary))
        {
            var update = item.Kind switch
            {
                ItemKind.Measure => new ItemUpdate(null, ValueStatus.Unavailable, "Available at end of Quarter 1", null, null),
                ItemKind.Milestone => new ItemUpdate(null, null, null, MilestoneProgress.Green, "On course."),
                _ => new ItemUpdate(null, null, null, null, "Nothing further to report."),
            };
            Assert.IsType<SaveResult.Saved>(await Save(id, item, update, true, Performance));
        }
        await WithScope(async sp => { await sp.GetRequiredService<ChangeStage>().HandleAsync(new ChangeStage.Request(id, RoundStep.MoveToReview), Performance); return 0; });

        var section = (await Round(id)).Items.Single(i => i.IsSupportingCommentary && i.Commentary!.Contains(take, StringComparison.Ordinal));
        Assert.Contains(take + " (AMc)", section.Commentary);
        // Compiling is not editing: nothing is recorded as a hand edit yet.
        Assert.DoesNotContain((await Round(id)).Events, e => e.Action == RoundAction.CommentaryEdited);
        var edited = section.Commentary!.Replace(take + " (AMc)", "Take-up rose to 612, the highest this year. (AMc)", StringComparison.Ordinal);
        Assert.IsType<SaveResult.Saved>(await Save(id, section, new ItemUpdate(null, null, null, null, edited), true, Performance));

        var round = await Round(id);
        var recorded = Assert.Single(round.Events, e => e.Action == RoundAction.CommentaryEdited);
        Assert.Equal((Performance.Name, section.Label), (recorded.By, recorded.Note));
        var audit = await Db(db => db.AuditEntries.Where(a => a.EntityKey == $"round-item:{section.Id}" && a.Field == "Commentary").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(edited, audit[^1].NewValue);
        Assert.Equal(section.Commentary, audit[^1].OldValue);

        await WithScope(async sp =>
        {
            var stage = sp.GetRequiredService<ChangeStage>();
            await stage.HandleAsync(new ChangeStage.Request(id, RoundStep.SignOff), new Actor("director@outturn.example", null, false));
            await stage.HandleAsync(new ChangeStage.Request(id, RoundStep.Publish), Performance);
            return 0;
        });
        var published = SnapshotJson.Published(await Round(id))!;
        var paragraphs = published.Priorities.SelectMany(p => p.Commentary).ToList();
        Assert.Contains("Take-up rose to 612, the highest this year. (AMc)", paragraphs);
        Assert.DoesNotContain(take + " (AMc)", paragraphs);
        // The CSV for analysts carries both: the approved supporting commentary, and what was written against CED005.
        var commentaryCsv = System.Text.Encoding.UTF8.GetString(Outturn.Application.Documents.TableExport.MonitoringCsv(published, "commentary"));
        Assert.Contains("Take-up rose to 612, the highest this year. (AMc)", commentaryCsv);
        var measuresCsv = System.Text.Encoding.UTF8.GetString(Outturn.Application.Documents.TableExport.MonitoringCsv(published, "measures")).Split("\r\n");
        Assert.EndsWith(take, measuresCsv.Single(l => l.Contains(",CED005,", StringComparison.Ordinal)).Trim('"'));
    }

    [Fact]
    public async Task A_returned_item_goes_back_to_its_officer_with_the_comment_and_reopens_a_round_in_review()
    {
        var (id, tracey, _) = await DemoWithQ4RoundAsync();
        var item = (await Round(id)).Items.First(i => i.AssigneeId == tracey.OfficerId && i.Kind == ItemKind.Measure);
        // 5 may be far from the measure's last figure, so it carries a reason in case the checks ask for one.
        Assert.IsType<SaveResult.Saved>(await Save(id, item, new ItemUpdate(5m, ValueStatus.Final, null, null, null, "Counted from the case system."), true, tracey));
        await WithScope(async sp =>
        {
            var stage = sp.GetRequiredService<ChangeStage>();
            // One of the 111 items is in: the performance officer goes ahead, confirming the other 110.
            await stage.HandleAsync(new ChangeStage.Request(id, RoundStep.MoveToReview, ConfirmOutstanding: 110), Performance);
            await sp.GetRequiredService<ReturnItems>().HandleAsync(new ReturnItems.Request(id, [item.Id], "Please check against the IMPACT report.", "http://localhost:5000"), Performance);
            return 0;
        });

        var round = await Round(id);
        var returned = round.Items.Single(i => i.Id == item.Id);
        Assert.Equal((ItemState.Returned, "Please check against the IMPACT report."), (returned.State, returned.ReturnComment));
        Assert.Equal(RoundState.Open, round.State);
        Assert.IsType<SaveResult.Saved>(await Save(id, returned, new ItemUpdate(6m, ValueStatus.Final, null, null, null, "Counted from the case system."), true, tracey));
    }

    [Fact]
    public async Task Reminders_are_emailed_to_officers_with_outstanding_items()
    {
        var (id, _, _) = await DemoWithQ4RoundAsync();
        var sent = await WithScope(sp => sp.GetRequiredService<SendReminders>().NowAsync(new SendReminders.Request(id, null, "http://localhost:5000"), Performance));

        // Both demo contributors have accounts and outstanding items; the .eml files land in the pickup folder.
        Assert.Equal(["Ann McIntyre", "Tracey Coffey"], sent.Order());
        var mail = Directory.GetFiles(Path.Combine(WithScopeDataDirectory(), "mail"), "*.eml").Select(File.ReadAllText).ToList();
        Assert.Equal(2, mail.Count);
        Assert.Contains(mail, m => m.Contains("To: \"Tracey Coffey\" <tracey.coffey@outturn.example>") && m.Contains("15 April 2016"));
    }

    private string WithScopeDataDirectory() => Services.GetRequiredService<DataSettings>().DataDirectory;

    [Fact]
    public async Task The_workbook_round_trip_saves_what_was_filled_in()
    {
        var (id, tracey, _) = await DemoWithQ4RoundAsync();
        var bytes = await WithScope(async sp => await sp.GetRequiredService<RoundWorkbook>().BuildAsync((await sp.GetRequiredService<RoundViews>().FindAsync(id))!, tracey.OfficerId));
        var measures = ReadSheet(bytes, RoundWorkbook.Measures);
        var ced033 = measures.Single(r => (string?)r["ref"] == "CED033");
        ced033["value"] = 84.5;
        ced033["status"] = "provisional";
        ced033["submit"] = "yes";

        var result = await Upload(id, Workbook(measures, ReadSheet(bytes, RoundWorkbook.Milestones), ReadSheet(bytes, RoundWorkbook.Narrative)), tracey);

        Assert.Empty(result.Errors);
        Assert.Equal((measures.Count + ReadSheet(bytes, RoundWorkbook.Milestones).Count + ReadSheet(bytes, RoundWorkbook.Narrative).Count, 1), (result.Saved, result.Submitted));
        var item = ItemFor(await Round(id), "CED033:");
        Assert.Equal((84.5m, ValueStatus.Provisional, ItemState.Submitted), (item.Value, item.ValueStatus, item.State));
    }

    [Fact]
    public async Task A_bad_workbook_is_rejected_whole_naming_sheet_row_and_column_and_changes_nothing()
    {
        var (id, tracey, ann) = await DemoWithQ4RoundAsync();
        var round = await Round(id);
        var bytes = await WithScope(async sp => await sp.GetRequiredService<RoundWorkbook>().BuildAsync(round, tracey.OfficerId));
        var measures = ReadSheet(bytes, RoundWorkbook.Measures);
        measures[0]["value"] = 12; measures[0]["status"] = "final"; // a good row: must not be saved either
        measures[1]["value"] = "seventy";
        measures[2]["status"] = "nearly";
        var annsItem = round.Items.First(i => i.AssigneeId == ann.OfficerId && i.Kind == ItemKind.Measure);
        measures.Add(RowLike(measures[0], new() { ["item"] = annsItem.Id, ["version"] = annsItem.Version, ["ref"] = "x", ["measure"] = "x", ["value"] = 1, ["status"] = "final", ["submit"] = "no" }));
        measures.Add(RowLike(measures[0], new() { ["item"] = 999999, ["version"] = 1, ["ref"] = "CED999", ["measure"] = "x", ["value"] = 1, ["status"] = "final", ["submit"] = "no" }));
        var auditBefore = await Db(db => db.AuditEntries.CountAsync());

        var result = await Upload(id, Workbook(measures, ReadSheet(bytes, RoundWorkbook.Milestones), ReadSheet(bytes, RoundWorkbook.Narrative)), tracey);

        Assert.Equal(0, result.Saved);
        Assert.Contains("Sheet \"Measures\", row 3, column \"value\": \"seventy\" is not a number.", result.Errors);
        Assert.Contains("Sheet \"Measures\", row 4, column \"status\": \"nearly\" is not one of final, provisional, not yet available.", result.Errors);
        // Row 1 is the header, so the last of n data rows is row n + 1.
        Assert.Contains(result.Errors, e => e.StartsWith($"Sheet \"Measures\", row {measures.Count + 1}, column \"item\": \"999999\" is not an item of this round"));
        Assert.Contains(result.Errors, e => e.StartsWith($"Sheet \"Measures\", row {measures.Count}, column \"item\":") && e.EndsWith("is not assigned to you."));
        Assert.All((await Round(id)).Items, i => Assert.Equal(ItemState.NotStarted, i.State));
        Assert.Equal(auditBefore, await Db(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_workbook_keeps_submissions_and_an_item_changed_after_download_is_a_conflict_of_which_nothing_is_applied()
    {
        var (id, tracey, _) = await DemoWithQ4RoundAsync();
        var round = await Round(id);
        var ced033 = ItemFor(round, "CED033:");
        Assert.IsType<SaveResult.Saved>(await Save(id, ced033, new ItemUpdate(84.5m, ValueStatus.Final, null, null, "On track."), true, tracey));
        var bytes = await WithScope(async sp => await sp.GetRequiredService<RoundWorkbook>().BuildAsync((await sp.GetRequiredService<RoundViews>().FindAsync(id))!, tracey.OfficerId));
        var measures = ReadSheet(bytes, RoundWorkbook.Measures);
        // The workbook carries each item's version, target, definition and last period, and says CED033 is submitted.
        var row033 = measures.Single(r => (string?)r["ref"] == "CED033");
        Assert.Equal("yes", row033["submit"]);
        Assert.Equal(ced033.Version + 1, Convert.ToInt32(row033["version"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(new[] { "target", "definition", "last period", "judgement", "numerator", "denominator" }, c => Assert.True(row033.ContainsKey(c), c));

        var others = measures.Where(r => (string?)r["ref"] != "CED033").Take(2).ToList();
        var changedOnTheWeb = (await Round(id)).Items.Single(i => i.Id == Convert.ToInt32(others[0]["item"], System.Globalization.CultureInfo.InvariantCulture));
        var untouched = (await Round(id)).Items.Single(i => i.Id == Convert.ToInt32(others[1]["item"], System.Globalization.CultureInfo.InvariantCulture));
        // After the download, the item is saved on the web.
        Assert.IsType<SaveResult.Saved>(await Save(id, changedOnTheWeb, new ItemUpdate(10m, ValueStatus.Provisional, null, null, "Entered on the web."), false, tracey));
        others[0]["value"] = 99; others[0]["status"] = "final"; others[0]["commentary"] = "From the workbook.";
        others[1]["value"] = 50; others[1]["status"] = "provisional";

        var result = await Upload(id, Workbook(measures, ReadSheet(bytes, RoundWorkbook.Milestones), ReadSheet(bytes, RoundWorkbook.Narrative)), tracey);

        Assert.Empty(result.Errors);
        var conflict = Assert.Single(result.Conflicts);
        Assert.StartsWith(changedOnTheWeb.Label + " was changed by tracey.coffey@outturn.example after this workbook was downloaded", conflict);
        var after = await Round(id);
        var web = after.Items.Single(i => i.Id == changedOnTheWeb.Id);
        Assert.Equal((10m, ValueStatus.Provisional, "Entered on the web.", ItemState.Draft), (web.Value, web.ValueStatus, web.Commentary, web.State));
        var other = after.Items.Single(i => i.Id == untouched.Id);
        Assert.Equal((50m, ValueStatus.Provisional, ItemState.Draft), (other.Value, other.ValueStatus, other.State));
        var kept = after.Items.Single(i => i.Id == ced033.Id);
        Assert.Equal((84.5m, ItemState.Submitted), (kept.Value, kept.State));
    }

    /// <summary>A row with every column of the workbook, blank but for the values given.</summary>
    private static Dictionary<string, object?> RowLike(Dictionary<string, object?> template, Dictionary<string, object?> values)
    {
        var row = template.ToDictionary(p => p.Key, _ => (object?)"");
        foreach (var (k, v) in values) row[k] = v;
        return row;
    }

    private Task<RoundWorkbook.UploadResult> Upload(int id, byte[] file, Actor actor) =>
        WithScope(async sp => await sp.GetRequiredService<RoundWorkbook>().UploadAsync((await sp.GetRequiredService<RoundViews>().FindAsync(id))!, new MemoryStream(file), actor));

    private static List<Dictionary<string, object?>> ReadSheet(byte[] bytes, string sheet) =>
        new MemoryStream(bytes).Query(useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().Select(r => new Dictionary<string, object?>(r)).ToList();

    private static byte[] Workbook(List<Dictionary<string, object?>> measures, List<Dictionary<string, object?>> milestones, List<Dictionary<string, object?>> narrative)
    {
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [RoundWorkbook.Measures] = measures, [RoundWorkbook.Milestones] = milestones, [RoundWorkbook.Narrative] = narrative });
        return stream.ToArray();
    }
}

public sealed class RoundTestsOnSqlite() : RoundTests(DatabaseProvider.Sqlite);

public sealed class RoundTestsOnPostgres() : RoundTests(DatabaseProvider.Postgres);
