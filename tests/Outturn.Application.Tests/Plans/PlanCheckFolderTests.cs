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
}
