using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Audit;
using Outturn.Application.Data;
using Outturn.Application.Risks;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Risks;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Risks;

/// <summary>The risk register kept by its handlers: created, scored each quarter, changed, closed, imported and exported.</summary>
public abstract class RiskRegisterTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private static readonly Period Q1 = Period.Quarter(2015, 1), Q2 = Period.Quarter(2015, 2), Q3 = Period.Quarter(2015, 3);

    private static RiskDetails Details(string title = "Unable to recruit social workers") =>
        new(title, "Vacancies covered by agency staff", null, null, null, "Workforce", "Tracey Coffey", "Children and Young People", "Children and Families");

    private Task<T> Use<TService, T>(Func<TService, Task<T>> work) where TService : notnull => WithScope(sp => work(sp.GetRequiredService<TService>()));

    private Task<Risk> Risk(string riskRef = "R1") => Use<RiskQuery, Risk>(async q => (await q.RiskAsync(riskRef))!);

    private Task<Risk> Create(string riskRef = "R1") => Use<CreateRisk, Risk>(h => h.HandleAsync(
        new CreateRiskCommand(riskRef, Details(), new DateOnly(2015, 9, 30), Q1, new RiskScores(new(4, 4), new(4, 3), new(2, 3)))));

    private async Task Score(Period quarter, RiskScore residual, string? reason = null, string riskRef = "R1")
    {
        var version = (await Risk(riskRef)).Version;
        await Use<ScoreRisk, Risk>(h => h.HandleAsync(new ScoreRiskCommand(riskRef, version, quarter, new RiskScores(new(4, 4), residual, new(2, 3)), null, reason)));
    }

    private string Folder(string name, Dictionary<string, string> files)
    {
        var folder = NewFolder(name);
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(folder, file), text);
        return folder;
    }

    [Fact]
    public async Task A_risk_scored_in_three_quarters_reads_back_with_its_score_history_and_direction_of_travel()
    {
        await Create();                 // Q1: residual 4 × 3 = 12
        await Score(Q2, new(4, 3));     // Q2: 12, the same
        await Score(Q3, new(3, 3));     // Q3: 3 × 3 = 9, better

        var risk = await Risk();
        var history = risk.ScoreHistory();
        Assert.Equal([12, 12, 9], history.Select(h => h.Assessment.Residual.Score));
        Assert.Equal([Direction.NotApplicable, Direction.Same, Direction.Better], history.Select(h => h.Direction));
        Assert.Equal([6, 6, 6], history.Select(h => h.Assessment.Target!.Value.Score)); // 2 × 3

        var atQ2 = await Use<RiskQuery, RiskRegisterView>(q => q.RegisterAsync(new RiskFilter(At: Q2)));
        Assert.Equal(12, atQ2.Risks.Single().Residual.Score);
        Assert.Equal(["R1"], atQ2.Residual.Cell(4, 3).RiskRefs);
        var now = await Use<RiskQuery, RiskRegisterView>(q => q.RegisterAsync(new RiskFilter()));
        Assert.Equal(["R1"], now.Residual.Cell(3, 3).RiskRefs);
        Assert.Equal([Q1, Q2, Q3], now.Quarters);

        var movement = await Use<RiskQuery, RiskMovementView>(q => q.MovementAsync(Q1, Q3, new RiskFilter()));
        var moved = movement.Risks.Single();
        Assert.Equal((12, 9, Direction.Better), (moved.From!.Value.Score, moved.To!.Value.Score, moved.Direction));
        Assert.Equal("better: down 3", moved.Words);
    }

    [Fact]
    public async Task A_form_loaded_before_someone_elses_change_meets_a_conflict_and_changes_nothing()
    {
        var loaded = (await Create()).Version;
        await Use<EditRisk, Risk>(h => h.HandleAsync(new EditRiskCommand("R1", loaded, Details("First change"), null, null)));

        var stale = await Assert.ThrowsAsync<DomainException>(() => Use<EditRisk, Risk>(h => h.HandleAsync(new EditRiskCommand("R1", loaded, Details("Second change"), null, null))));
        var staleScore = await Assert.ThrowsAsync<DomainException>(() => Use<ScoreRisk, Risk>(h => h.HandleAsync(new ScoreRiskCommand("R1", loaded, Q2, new RiskScores(new(1, 1), new(1, 1), null), null, null))));

        Assert.Equal(DomainRefusal.Conflict, stale.Kind);
        Assert.Equal(DomainRefusal.Conflict, staleScore.Kind);
        var risk = await Risk();
        Assert.Equal("First change", risk.Title);
        Assert.Equal([Q1], risk.Assessments.Select(a => a.Period));
    }

    [Fact]
    public async Task Every_change_to_a_risk_is_told_in_words_with_its_reason()
    {
        var created = await Create();
        await Use<EditRisk, Risk>(h => h.HandleAsync(new EditRiskCommand("R1", created.Version, Details("Unable to recruit and retain social workers"), null, "Wording agreed with the owner")));
        await Score(Q2, new(3, 3), "Agency use fell");
        var risk = await Risk();
        await Use<AddControlMeasure, RiskControlMeasure>(h => h.HandleAsync(new ControlMeasureCommand("R1", risk.Version, null, "Complete the restructure", "Tracey Coffey", new DateOnly(2015, 9, 30), null)));
        risk = await Risk();
        await Use<RecordControlProgress, Risk>(h => h.HandleAsync(new ControlProgressCommand("R1", risk.Version, "a", Q2, MilestoneProgress.Complete, "Done")));
        risk = await Risk();
        await Use<CloseRisk, Risk>(h => h.HandleAsync(new CloseRiskCommand("R1", risk.Version, "The restructure has stabilised the workforce")));

        risk = await Risk();
        var lines = await Use<ChangeHistory, IReadOnlyList<HistoryLine>>(h => h.ForKeysAsync([.. RiskKeys.Of(risk)], default));
        var what = lines.Select(l => l.What).ToList();

        Assert.Contains(lines, l => l.Sentence.StartsWith("Title changed from “Unable to recruit social workers” to “Unable to recruit and retain social workers” by test-user on ", StringComparison.Ordinal)
                                    && l.Sentence.EndsWith(": Wording agreed with the owner", StringComparison.Ordinal));
        Assert.Contains("Residual likelihood for Quarter 2 2015/16 recorded as 3", what);
        Assert.Contains(lines, l => l.What == "Residual likelihood for Quarter 2 2015/16 recorded as 3" && l.Reason == "Agency use fell");
        Assert.Contains("Control measure a recorded as “Complete the restructure”", what);
        Assert.Contains("Progress of control measure a for Quarter 2 2015/16 recorded as complete", what);
        Assert.Contains("Status of the risk changed from open to closed", what);
        Assert.Contains("Reason for closing set to “The restructure has stabilised the workforce”", what);
        // The risk's latest scores repeat its latest quarter's and are not told twice.
        Assert.DoesNotContain(lines, l => l.Entry.Entity == "Risk" && l.Entry.Field == "ResidualLikelihood");
    }

    private const string RisksV1 = "ref,directorate,title,owner,category,review_date\nR1,Children,Workforce,Tracey Coffey,Workforce,2016-03-31\n";
    private const string ScoresV1 = "risk,period,initial_likelihood,initial_impact,residual_likelihood,residual_impact,target_likelihood,target_impact\nR1,2015/16 Q1,4,4,4,3,2,3\n";

    [Fact]
    public async Task Importing_again_merges_by_ref_and_keeps_everything_the_folder_leaves_out()
    {
        var v1 = Folder("v1", new()
        {
            ["risks.csv"] = RisksV1, ["scores.csv"] = ScoresV1,
            ["controls.csv"] = "risk,ref,text,owner,due\nR1,a,Restructure,Tracey Coffey,2015-09-30\n",
            ["control_progress.csv"] = "risk,control,period,progress,commentary\nR1,a,2015/16 Q1,amber,Under way\n",
        });
        Assert.Equal((true, 1, 0), await Use<RiskImport, (bool, int, int)>(async i => { var r = await i.ImportAsync(v1); return (r.Imported, r.Added, r.Updated); }));
        // Kept in the browser since: a second quarter, a second control measure and its progress.
        await Score(Q2, new(3, 3));
        var risk = await Risk();
        await Use<AddControlMeasure, RiskControlMeasure>(h => h.HandleAsync(new ControlMeasureCommand("R1", risk.Version, null, "Agency review", null, null, null)));
        risk = await Risk();
        await Use<RecordControlProgress, Risk>(h => h.HandleAsync(new ControlProgressCommand("R1", risk.Version, "b", Q2, MilestoneProgress.Green, "Monthly")));

        // The old folder again, with the title and measure a reworded.
        var v2 = Folder("v2", new()
        {
            ["risks.csv"] = RisksV1.Replace(",Workforce,Tracey", ",Social work workforce,Tracey"), ["scores.csv"] = ScoresV1,
            ["controls.csv"] = "risk,ref,text,owner,due\nR1,a,Complete the restructure,Tracey Coffey,2015-09-30\n",
        });
        var result = await Use<RiskImport, RegisterImportResult>(i => i.ImportAsync(v2));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        Assert.Equal((0, 1), (result.Added, result.Updated));
        risk = await Risk();
        Assert.Equal("Social work workforce", risk.Title);
        Assert.Equal([Q1, Q2], risk.Assessments.Select(a => a.Period).Order());
        Assert.Equal(9, risk.Residual.Score); // Q2 is still the latest
        Assert.Equal(["Complete the restructure", "Agency review"], risk.Controls.OrderBy(c => c.Order).Select(c => c.Text));
        Assert.Equal("Under way", risk.ControlFor("a")!.For(Q1)!.Commentary);
        Assert.Equal("Monthly", risk.ControlFor("b")!.For(Q2)!.Commentary);
        var audit = await Db(db => db.AuditEntries.Where(a => a.Entity == "Risk" && a.Field == "Title" && a.Action == "Modified").ToListAsync());
        Assert.Equal("Imported from the risk register folder v2", Assert.Single(audit).Reason);
    }

    [Fact]
    public async Task A_folder_with_a_change_a_closed_risk_refuses_is_rejected_whole_with_its_line()
    {
        var v1 = Folder("v1", new() { ["risks.csv"] = RisksV1, ["scores.csv"] = ScoresV1 });
        await Use<RiskImport, RegisterImportResult>(i => i.ImportAsync(v1));
        var risk = await Risk();
        await Use<CloseRisk, Risk>(h => h.HandleAsync(new CloseRiskCommand("R1", risk.Version, "No longer a threat")));
        var v2 = Folder("v2", new()
        {
            ["risks.csv"] = "ref,directorate,title,owner,category,review_date,status,closure_reason\nR1,Children,Renamed,Tracey Coffey,Workforce,2016-03-31,closed,No longer a threat\n",
            ["scores.csv"] = ScoresV1 + "R1,2015/16 Q2,4,4,2,2,,\n",
        });

        var result = await Use<RiskImport, RegisterImportResult>(i => i.ImportAsync(v2));

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.StartsWith("scores.csv:3: R1 is closed", StringComparison.Ordinal));
        Assert.Equal("Workforce", (await Risk()).Title); // nothing of the folder was kept
    }

    [Fact]
    public async Task A_new_risk_without_scores_is_refused_naming_its_line()
    {
        var folder = Folder("noscores", new() { ["risks.csv"] = RisksV1 });

        var result = await Use<RiskImport, RegisterImportResult>(i => i.ImportAsync(folder));

        Assert.False(result.Imported);
        Assert.Equal(["risks.csv:2: a new risk needs its scores: the score columns of risks.csv, or its quarters in scores.csv."], result.Errors);
    }

    [Fact]
    public async Task The_register_exported_and_imported_again_is_the_same_register()
    {
        var v1 = Folder("v1", new()
        {
            ["risks.csv"] = "ref,directorate,title,owner,category,review_date,initial_likelihood,initial_impact,residual_likelihood,residual_impact\n"
                            + "R1,Children,Workforce,Tracey Coffey,Workforce,2016-03-31,,,,\n"
                            + "R2,Children,\"Placements, out of borough\",Tracey Coffey,Financial,2016-03-31,4,3,3,3\n",
            ["scores.csv"] = ScoresV1,
            ["controls.csv"] = "risk,ref,text,owner,due\nR1,a,Restructure,Tracey Coffey,2015-09-30\n",
        });
        await Use<RiskImport, RegisterImportResult>(i => i.ImportAsync(v1));
        await Score(Q2, new(3, 3));
        var r1 = await Risk();
        await Use<RecordControlProgress, Risk>(h => h.HandleAsync(new ControlProgressCommand("R1", r1.Version, "a", Q2, MilestoneProgress.Complete, "Done, \"early\"")));
        var r2 = await Risk("R2");
        await Use<CloseRisk, Risk>(h => h.HandleAsync(new CloseRiskCommand("R2", r2.Version, "Funding agreed")));

        var files = await Use<RiskExport, IReadOnlyList<(string File, string Text)>>(e => e.FilesAsync());
        var text = files.ToDictionary(f => f.File, f => f.Text);
        // Worked out from what was entered: R1 scored by quarter (assessed on the quarter's last day when imported;
        // today when scored in the browser), R2 held without quarters and closed today.
        var today = DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd");
        Assert.Equal("risk,period,initial_likelihood,initial_impact,residual_likelihood,residual_impact,target_likelihood,target_impact,assessed_on\n"
                     + "R1,2015/16 Q1,4,4,4,3,2,3,2015-06-30\n"
                     + $"R1,2015/16 Q2,4,4,3,3,2,3,{today}\n", text["scores.csv"]);
        Assert.Contains($"R2,Children,,,,\"Placements, out of borough\",,,,,Tracey Coffey,Financial,,2016-03-31,,4,3,3,3,,,closed,{today},Funding agreed\n", text["risks.csv"]);
        Assert.Equal("risk,control,period,progress,commentary\nR1,a,2015/16 Q2,complete,\"Done, \"\"early\"\"\"\n", text["control_progress.csv"]);

        var folder = NewFolder("exported");
        await Use<RiskExport, int>(async e => { await e.WriteAsync(folder); return 0; });
        var changesBefore = await Db(db => db.AuditEntries.CountAsync());
        var again = await Use<RiskImport, RegisterImportResult>(i => i.ImportAsync(folder));

        Assert.True(again.Imported, string.Join("\n", again.Errors));
        Assert.Equal((0, 2), (again.Added, again.Updated));
        Assert.Equal(changesBefore, await Db(db => db.AuditEntries.CountAsync())); // nothing changed
        var reexported = await Use<RiskExport, IReadOnlyList<(string File, string Text)>>(e => e.FilesAsync());
        Assert.Equal(files, reexported);
    }
}

public sealed class RiskRegisterTestsOnSqlite() : RiskRegisterTests(DatabaseProvider.Sqlite);

public sealed class RiskRegisterTestsOnPostgres() : RiskRegisterTests(DatabaseProvider.Postgres);
