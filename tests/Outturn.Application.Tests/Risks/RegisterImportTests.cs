using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Equality;
using Outturn.Application.Risks;
using Outturn.Domain.Equality;
using Outturn.Domain.Risks;

namespace Outturn.Application.Tests.Risks;

public abstract class RegisterImportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string RiskHeader = "ref,directorate,title,owner,category,initial_likelihood,initial_impact,residual_likelihood,residual_impact,review_date\n";

    private string Folder(string name, Dictionary<string, string> files)
    {
        var folder = NewFolder(name);
        foreach (var (file, text) in files) File.WriteAllText(Path.Combine(folder, file), text);
        return folder;
    }

    [Fact]
    public async Task A_risk_register_folder_is_imported_with_scores_controls_and_progress()
    {
        var folder = Folder("ok", new()
        {
            ["risks.csv"] = RiskHeader + "R1,Children and Young People,Workforce,Tracey Coffey,Workforce,4,3,2,3,2016-03-31\n",
            ["controls.csv"] = "risk,ref,text,owner,due\nR1,a,Restructure,Tracey Coffey,2015-09-30\n",
            ["control_progress.csv"] = "risk,control,period,progress,commentary\nR1,a,2015/16 Q2,complete,Done\n",
        });

        var result = await WithScope(sp => sp.GetRequiredService<RiskImport>().ImportAsync(folder));

        Assert.True(result.Imported, string.Join("\n", result.Errors));
        var risk = await WithScope(sp => sp.GetRequiredService<RiskQuery>().RiskAsync("R1"));
        Assert.Equal((12, RiskBand.High), (risk!.Initial.Score, risk.Initial.Band)); // 4 × 3
        Assert.Equal((6, RiskBand.Medium), (risk.Residual.Score, risk.Residual.Band)); // 2 × 3
        Assert.Equal("Done", risk.Controls.Single().Updates.Single().Commentary);
    }

    [Fact]
    public async Task A_risk_register_folder_with_errors_changes_nothing()
    {
        var folder = Folder("bad", new()
        {
            ["risks.csv"] = RiskHeader + "R1,Children and Young People,Workforce,Tracey Coffey,Workforce,5,3,2,3,31/03/2016\n",
            ["controls.csv"] = "risk,ref,text,owner,due\nR9,a,Restructure,Tracey Coffey,\n",
        });

        var result = await WithScope(sp => sp.GetRequiredService<RiskImport>().ImportAsync(folder));

        Assert.False(result.Imported);
        Assert.Contains(result.Errors, e => e.StartsWith("risks.csv:2: column \"initial_likelihood\"") && e.Contains("\"5\""));
        Assert.Contains(result.Errors, e => e.StartsWith("risks.csv:2: column \"review_date\""));
        Assert.Contains(result.Errors, e => e.StartsWith("controls.csv:2: column \"risk\"") && e.Contains("R9"));
        Assert.Equal(0, await Db(db => db.Set<Risk>().CountAsync()));
    }

    [Fact]
    public async Task Risks_overdue_for_review_are_those_past_their_review_date()
    {
        var folder = Folder("dates", new()
        {
            ["risks.csv"] = RiskHeader +
                "R1,D,Past,O,C,2,2,1,1,2016-01-31\n" +
                "R2,D,Today,O,C,2,2,1,1,2016-02-01\n" +
                "R3,D,Long past,O,C,2,2,1,1,2015-06-30\n",
            ["controls.csv"] = "risk,ref,text,owner,due\n",
        });
        await WithScope(sp => sp.GetRequiredService<RiskImport>().ImportAsync(folder));

        var overdue = await WithScope(sp => sp.GetRequiredService<RiskQuery>().OverdueForReviewAsync(new DateOnly(2016, 2, 1)));

        Assert.Equal(["R3", "R1"], overdue.Select(r => r.Ref)); // most overdue first; R2 is due today
    }

    [Fact]
    public async Task The_register_filters_by_directorate_band_and_owner()
    {
        var folder = Folder("filters", new()
        {
            ["risks.csv"] = RiskHeader +
                "R1,Children,High one,Ann,C,4,4,3,4,2016-01-31\n" +   // initial 16 high, residual 12 high
                "R2,Children,Medium one,Tom,C,3,3,2,2,2016-01-31\n" + // initial 9 medium, residual 4 low
                "R3,Adults,High two,Ann,C,4,3,2,2,2016-01-31\n",      // initial 12 high, residual 4 low
            ["controls.csv"] = "risk,ref,text,owner,due\n",
        });
        await WithScope(sp => sp.GetRequiredService<RiskImport>().ImportAsync(folder));
        Task<RiskRegisterView> Register(RiskFilter f) => WithScope(sp => sp.GetRequiredService<RiskQuery>().RegisterAsync(f));

        Assert.Equal(["R1", "R2"], (await Register(new RiskFilter(Directorate: "children"))).Risks.Select(r => r.Ref));
        Assert.Equal(["R3", "R1"], (await Register(new RiskFilter(Band: RiskBand.High, BandOf: RiskScoreKind.Initial))).Risks.Select(r => r.Ref));
        Assert.Equal(["R1"], (await Register(new RiskFilter(Band: RiskBand.High))).Risks.Select(r => r.Ref));
        var ann = await Register(new RiskFilter(Owner: "Ann"));
        Assert.Equal(2, ann.Risks.Count);
        Assert.Equal(["R1"], ann.Initial.Cell(4, 4).RiskRefs);
        Assert.Equal(["R3"], ann.Residual.Cell(2, 2).RiskRefs);
    }

    [Fact]
    public async Task An_equality_action_plan_is_imported_and_a_bad_one_changes_nothing()
    {
        var good = Folder("eq", new()
        {
            ["actions.csv"] = "ref,directorate,subject,impact,actions,timetable,officer\nEQ1,Children,Short breaks,High,Review criteria,2007/08; 2008/09,DM\n",
            ["progress.csv"] = "action,period,progress,commentary\nEQ1,2007/08 Q2,green,On track\n",
        });
        var bad = Folder("eq-bad", new()
        {
            ["actions.csv"] = "ref,directorate,subject,impact,actions,timetable,officer\nEQ2,Children,Play,Severe,Audit,2007,DM\n",
        });

        Assert.True((await WithScope(sp => sp.GetRequiredService<EqualityImport>().ImportAsync(good))).Imported);
        var rejected = await WithScope(sp => sp.GetRequiredService<EqualityImport>().ImportAsync(bad));

        Assert.False(rejected.Imported);
        Assert.Contains(rejected.Errors, e => e.StartsWith("actions.csv:2: column \"impact\"") && e.Contains("Severe"));
        Assert.Contains(rejected.Errors, e => e.StartsWith("actions.csv:2: column \"timetable\""));
        var held = await Db(db => db.Set<EqualityAction>().Include(a => a.Updates).ToListAsync());
        Assert.Equal("EQ1", Assert.Single(held).Ref);
        Assert.Equal([2007, 2008], held[0].TimetableYears);
        Assert.Equal("On track", held[0].Updates.Single().Commentary);
    }
}

public sealed class RegisterImportTestsOnSqlite() : RegisterImportTests(DatabaseProvider.Sqlite);

public sealed class RegisterImportTestsOnPostgres() : RegisterImportTests(DatabaseProvider.Postgres);
