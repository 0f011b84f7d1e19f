using Outturn.Application.Data;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Monitoring;
using Outturn.Application.Plans;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Application.Tests.Plans;

/// <summary>Ratio and formula measures, roll-up aggregation and direction basis as plan folders give them.</summary>
public abstract class MeasureKindImportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Header = "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key,multiplier,formula,aggregation,direction_basis\n";

    private static readonly Dictionary<string, string> Measures = new()
    {
        ["indicators.csv"] = Header +
            "M1,Assessments in 45 days,OB01,higher,%,1,quarterly,snapshot,,yes,100,,,previous_year_outturn\n" +
            "CIN,Children in need,OB01,none,,0,quarterly,snapshot,,no,,,,\n" +
            "POP,Population aged 0-17,OB01,none,,0,annual,snapshot,,no,,,,\n" +
            "RATE,Children in need per 10000,OB01,lower,per 10000,1,quarterly,snapshot,,no,,CIN / POP * 10000,last,\n",
        ["targets.csv"] = "indicator,period,target\nM1,2015/16,95\n",
        ["values.csv"] =
            "indicator,period,value,status,note,numerator,denominator\n" +
            "M1,2015/16 Q2,,final,,30,40\n" +
            "M1,2014/15,,final,,66,80\n" +
            "CIN,2015/16 Q2,90,final,,,\n" +
            "POP,2015/16 Q2,36000,final,,,\n",
    };

    private string Folder(Dictionary<string, string>? changes = null)
    {
        var files = new Dictionary<string, string>(Measures);
        foreach (var (k, v) in changes ?? []) files[k] = v;
        return PlanFolderBuilder.Write(NewFolder("kinds"), files);
    }

    [Fact]
    public async Task A_ratio_value_is_computed_from_its_counts_and_a_formula_from_its_inputs()
    {
        var result = await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(Folder()));
        Assert.True(result.Imported, string.Join("\n", result.Errors));
        var plan = (await WithScope(sp => sp.GetRequiredService<MonitoringQuery>().LoadPlanAsync("TEST-1")))!;

        var m1 = plan.Indicators.Single(i => i.Ref == "M1");
        Assert.Equal(100m, m1.Multiplier);
        Assert.Equal(DirectionBasis.PreviousYearOutturn, m1.DirectionBasis);
        var q2 = m1.Values.Single(v => v.Period == Period.Quarter(2015, 2));
        Assert.Equal(75m, MonitoringQuery.Normal(q2.Value));       // 30 ÷ 40 × 100
        Assert.Equal(30m, MonitoringQuery.Normal(q2.Numerator));
        Assert.Equal(40m, MonitoringQuery.Normal(q2.Denominator));

        var rate = plan.Indicators.Single(i => i.Ref == "RATE");
        Assert.Equal(Aggregation.Last, rate.Aggregation);
        Assert.Equal(25m, MonitoringQuery.Normal(rate.Values.Single().Value)); // 90 ÷ 36,000 × 10,000

        // 75% (30/40) against last year's outturn 82.5% (66/80): worse, named as such, and within noise.
        var line = MonitoringQuery.StatusLines(plan, Period.Quarter(2015, 2)).Single(l => l.Ref == "M1");
        Assert.Equal("worse", line.Direction);
        Assert.Equal("previous_year_outturn", line.DirectionBasis);
        Assert.False(line.ChangeSignificant);
        Assert.NotNull(line.IntervalLow);
    }

    [Fact]
    public async Task A_formula_measure_follows_a_revised_input()
    {
        Assert.True((await WithScope(sp => sp.GetRequiredService<PlanImport>().ImportAsync(Folder()))).Imported);

        await WithScope(async sp =>
        {
            await sp.GetRequiredService<Outturn.Application.Rounds.ReviseFigure>().HandleAsync(new Outturn.Application.Rounds.ReviseFigure.Request("TEST-1", "CIN", Period.Quarter(2015, 2), 180m, Outturn.Domain.Status.ValueStatus.Final, null, "The count was corrected."));
            return 0;
        });

        var plan = (await WithScope(sp => sp.GetRequiredService<MonitoringQuery>().LoadPlanAsync("TEST-1")))!;
        Assert.Equal(50m, MonitoringQuery.Normal(plan.Indicators.Single(i => i.Ref == "RATE").Values.Single().Value)); // 180 ÷ 36,000 × 10,000
    }

    [Theory]
    [InlineData("indicators.csv", "RATE,Rate,OB01,lower,,1,quarterly,snapshot,,no,,CIN / NOPE,,\n", "indicators.csv:5:", "\"NOPE\", not a measure of this plan")]
    [InlineData("indicators.csv", "RATE,Rate,OB01,lower,,1,quarterly,snapshot,,no,,RATE2 + 1,,\nRATE2,Rate 2,OB01,lower,,1,quarterly,snapshot,,no,,RATE * 2,,\n", "indicators.csv:5:", "cycle: RATE → RATE2 → RATE")]
    [InlineData("indicators.csv", "RATE,Rate,OB01,lower,,1,quarterly,snapshot,,no,,(CIN +,,\n", "indicators.csv:5:", "at character 7")]
    [InlineData("indicators.csv", "RATE,Rate,OB01,lower,,1,quarterly,snapshot,,no,250,,,\n", "indicators.csv:5:", "multiplier \"250\" is not one of")]
    [InlineData("indicators.csv", "RATE,Rate,OB01,lower,,1,quarterly,snapshot,,no,,,weekly,\n", "indicators.csv:5:", "aggregation \"weekly\"")]
    [InlineData("indicators.csv", "RATE,Rate,OB01,lower,,1,quarterly,snapshot,,no,,,,last_week\n", "indicators.csv:5:", "direction_basis \"last_week\"")]
    [InlineData("values.csv", "M1,2015/16 Q3,,final,,41,40\n", "values.csv:6:", "more than denominator")]
    [InlineData("values.csv", "M1,2015/16 Q3,70,final,,30,40\n", "values.csv:6:", "differs from numerator ÷ denominator × 100 = 75.0")]
    [InlineData("values.csv", "CIN,2015/16 Q3,,final,,3,40\n", "values.csv:6:", "not a ratio measure")]
    [InlineData("values.csv", "M1,2015/16 Q3,,final,,30,\n", "values.csv:6:", "both numerator and denominator")]
    [InlineData("values.csv", "RATE,2015/16 Q3,12,final,,,\n", "values.csv:6:", "computed from its formula")]
    public void A_bad_measure_kind_is_refused_with_file_and_line(string file, string extra, string where, string expected)
    {
        var changes = new Dictionary<string, string> { [file] = (file == "indicators.csv" ? Measures[file].Replace("RATE,Children in need per 10000,OB01,lower,per 10000,1,quarterly,snapshot,,no,,CIN / POP * 10000,last,\n", "") : Measures[file]) + extra };
        var folder = PlanFolder.Read(Folder(changes));
        Assert.True(folder.Errors.Any(e => e.StartsWith(where) && e.Contains(expected)), string.Join("\n", folder.Errors));
    }
}

public sealed class MeasureKindImportTestsOnSqlite() : MeasureKindImportTests(DatabaseProvider.Sqlite);

public sealed class MeasureKindImportTestsOnPostgres() : MeasureKindImportTests(DatabaseProvider.Postgres);
