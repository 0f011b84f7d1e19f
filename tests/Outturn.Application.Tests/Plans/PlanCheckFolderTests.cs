using Outturn.Application.Demo;
using Outturn.Application.Plans;
using Outturn.Domain.Plans;

namespace Outturn.Application.Tests.Plans;

/// <summary>The plan check as import runs it, on the demo folders (no database needed).</summary>
public sealed class PlanCheckFolderTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);

    private static PlanFolder Read(string plan) => PlanFolder.Read(Path.Combine(DemoData.PlansFolder, plan), Today);

    [Fact]
    public void Every_demo_plan_passes_the_checks_that_stop_an_import()
    {
        foreach (var dir in Directory.GetDirectories(DemoData.PlansFolder))
        {
            var read = PlanFolder.Read(dir, Today);
            Assert.True(read.IsValid, Path.GetFileName(dir) + ":\n" + string.Join("\n", read.Errors));
        }
    }

    [Fact]
    public void The_service_plans_milestone_dated_before_its_year_is_a_plan_check_error_that_does_not_stop_the_import()
    {
        // CS3e belongs to 2009/10 (1 April 2009 to 31 March 2010) but is dated 31 March 2009.
        var read = Read("HBC-CS-2007-10");
        var line = Array.FindIndex(File.ReadAllLines(Path.Combine(DemoData.PlansFolder, "HBC-CS-2007-10", "milestones.csv")), l => l.StartsWith("CS3e,", StringComparison.Ordinal)) + 1;
        Assert.True(read.IsValid);
        Assert.Contains($"milestones.csv:{line}: milestone CS3e is due 2009-03-31, outside its plan year 2009/10 (1 April 2009 to 31 March 2010).", read.CheckErrors);
    }

    [Fact]
    public void The_business_plan_s_own_mistakes_are_reported_by_file_and_line()
    {
        var warnings = Read("HBC-BP-2016-19").Findings.Where(f => f.Level == FindingLevel.Warning).ToList();
        var lines = File.ReadAllLines(Path.Combine(DemoData.PlansFolder, "HBC-BP-2016-19", "indicators.csv"));
        int LineOf(string measure) => Array.FindIndex(lines, l => l.StartsWith(measure + ",", StringComparison.Ordinal)) + 1;

        foreach (var r in new[] { "PEDE008", "PE009", "PE010", "PED014-2" })
            Assert.Contains(warnings, f => f.File == "indicators.csv" && f.Line == LineOf(r) && f.Message.StartsWith($"measure ref \"{r}\" breaks the plan's pattern PEDnnn"));
        Assert.Contains(warnings, f => f.File == "indicators.csv" && f.Line == LineOf("PED056") && f.Message.StartsWith("measure PED056 has the same title as PED055"));
    }

    [Fact]
    public void A_folder_built_to_hold_every_kind_of_mistake_has_each_reported_by_file_and_line()
    {
        var folder = Path.Combine(Path.GetTempPath(), "outturn-plan-check-kinds", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // The plan covers 2015/16 and 2016/17; each row below carries one mistake, named beside it.
            PlanFolderBuilder.Write(folder, new Dictionary<string, string>
            {
                ["objectives.csv"] = "ref,title,priority,officer\n" +
                    "OB01,Keep children safe,Safeguarding,Ann Example\n" +
                    "OB02,Improve attainment and,Achievement,Bob Example\n" +      // line 3: cut off mid-sentence
                    "OB02,Duplicate objective,Achievement,Bob Example\n",          // line 4: duplicate ref
                ["milestones.csv"] = "ref,objective,text,year,due,officer\n" +
                    "OB01a,OB01,Review the front door,2015/16,2016-03-31,\n" +
                    "OB01b,OB01,Open the hub,2017/18,,\n" +                       // line 3: a year outside the plan's
                    "OB02a,OB02,Publish the strategy,2015/16,2015-03-31,\n",      // line 4: due before its year began
                ["indicators.csv"] = "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key,priority\n" +
                    "M1,Assessments in 45 days,OB01,higher,%,0,quarterly,snapshot,,yes,\n" + // line 2: one value for every year
                    "M2,Repeat plans,OB01,lower,%,1,quarterly,snapshot,2,no,\n" +
                    "M3,Referrals,OB02,none,,0,quarterly,cumulative,,no,\n" +
                    "M4,Repeat Plans,OB01,lower,%,1,quarterly,snapshot,,no,\n" +       // line 5: M2's title again
                    "MX5,Visits,OB01,higher,,0,quarterly,snapshot,,no,\n" +           // line 6: breaks the Mn pattern
                    "M6,Orphan measure,,higher,,0,quarterly,snapshot,,no,\n" +        // line 7: neither objective nor priority
                    "M1,Duplicate measure,OB01,higher,,0,quarterly,snapshot,,no,\n",  // line 8: duplicate ref
                ["targets.csv"] = "indicator,period,target\n" +
                    "M1,2015/16,95\n" +
                    "M2,2017/18,10\n" +                                            // line 3: outside the plan's years
                    "M3,2016/17,tbc\n",                                            // line 4: tbc once the year began
                ["values.csv"] = "indicator,period,value,status,note\n" +
                    "M1,2013/14,80,final,\nM1,2014/15,80,final,\nM1,2015/16,80,final,\n",
            });

            var read = PlanFolder.Read(folder, Today);

            Assert.Equal(
                [
                    "Error indicators.csv:7: measure M6 has neither an objective nor a priority; a measure is reported under one.",
                    "Error indicators.csv:8: duplicate indicator ref \"M1\"; refs must be unique within a plan (first on line 2).",
                    "Error milestones.csv:3: milestone OB01b is for 2017/18, outside the plan's years (2015/16 to 2016/17).",
                    "Error milestones.csv:4: milestone OB02a is due 2015-03-31, outside its plan year 2015/16 (1 April 2015 to 31 March 2016).",
                    "Error objectives.csv:4: duplicate objective ref \"OB02\"; refs must be unique within a plan (first on line 3).",
                    "Error targets.csv:3: target for M2 in 2017/18 is outside the plan's years (2015/16 to 2016/17).",
                    "Warning indicators.csv:2: measure M1 has the same value, 80, for every one of its 3 years (2013/14 to 2015/16).",
                    "Warning indicators.csv:5: measure M4 has the same title as M2 (line 3): \"Repeat Plans\".",
                    "Warning indicators.csv:6: measure ref \"MX5\" breaks the plan's pattern Mn (6 of 7 measure refs, e.g. M1).",
                    "Warning objectives.csv:3: objective OB02 looks cut off mid-sentence: it ends \"…Improve attainment and\".",
                    "Warning targets.csv:4: target for M3 in 2016/17 is still tbc, and the period began on 1 April 2016.",
                ],
                read.Findings.Select(f => $"{f.Level} {f}"));
            // The duplicates and the measure with nowhere to be reported stop an import; the rest do not.
            Assert.Equal(["indicators.csv:7", "indicators.csv:8", "objectives.csv:4"],
                read.Findings.Where(f => f.StopsImport).Select(f => $"{f.File}:{f.Line}").Order(StringComparer.Ordinal));
            Assert.False(read.IsValid);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
