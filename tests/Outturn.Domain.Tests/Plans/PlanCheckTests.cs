using Outturn.Domain.Periods;
using Outturn.Domain.Plans;

namespace Outturn.Domain.Tests.Plans;

/// <summary>The plan check on an outline built to contain one of each mistake, with the expected findings worked out by hand.</summary>
public sealed class PlanCheckTests
{
    private static readonly DateOnly Today = new(2015, 11, 3); // during 2015/16 Q3

    private static PlanOutline Clean()
    {
        var p = new PlanOutline { FirstYear = 2015, LastYear = 2016 };
        p.Objectives.AddRange([new("PED01", "Keep children safe", "objectives.csv", 2), new("PED02", "Improve attainment", "objectives.csv", 3), new("PED03", "Support families", "objectives.csv", 4)]);
        p.Milestones.Add(new("PED01a", "Review the front door", 2015, new DateOnly(2016, 3, 31), "milestones.csv", 2));
        p.Measures.AddRange([new("PED001", "Assessments in 45 days", true, false, "indicators.csv", 2), new("PED002", "Repeat plans", true, false, "indicators.csv", 3), new("PED003", "Referrals", true, false, "indicators.csv", 4)]);
        p.Targets.Add(new("PED001", Period.FinancialYear(2015), false, "targets.csv", 2));
        p.Values.AddRange([new("PED001", Period.FinancialYear(2013), 70m), new("PED001", Period.FinancialYear(2014), 75m), new("PED001", Period.FinancialYear(2015), 75m)]);
        return p;
    }

    private static List<string> Run(PlanOutline p) => PlanCheck.Run(p, Today).Select(f => $"{f.Level} {f}").ToList();

    [Fact]
    public void A_clean_plan_has_no_findings() => Assert.Empty(Run(Clean()));

    [Fact]
    public void A_duplicate_ref_is_an_error_on_the_second_row_naming_the_first()
    {
        var p = Clean();
        p.Measures.Add(new("PED002", "Another", true, false, "indicators.csv", 5));
        Assert.Equal(["Error indicators.csv:5: duplicate indicator ref \"PED002\"; refs must be unique within a plan (first on line 3)."], Run(p));
    }

    [Fact]
    public void A_milestone_or_target_outside_the_plans_years_is_an_error()
    {
        var p = Clean();
        p.Milestones.Add(new("PED01b", "Later work", 2017, null, "milestones.csv", 3));
        p.Targets.Add(new("PED002", Period.FinancialYear(2014), false, "targets.csv", 3));
        var found = Run(p);
        Assert.Equal(2, found.Count);
        Assert.Contains("Error milestones.csv:3: milestone PED01b is for 2017/18, outside the plan's years (2015/16 to 2016/17).", found);
        Assert.Contains("Error targets.csv:3: target for PED002 in 2014/15 is outside the plan's years (2015/16 to 2016/17).", found);
    }

    [Fact]
    public void A_milestone_due_before_its_plan_year_begins_is_an_error()
    {
        // A 2015/16 milestone dated March 2015: the year runs 1 April 2015 to 31 March 2016.
        var p = Clean();
        p.Milestones.Add(new("PED01b", "Commission the service", 2015, new DateOnly(2015, 3, 31), "milestones.csv", 3));
        var finding = Assert.Single(PlanCheck.Run(p, Today));
        Assert.Equal((FindingLevel.Error, "milestones.csv", 3), (finding.Level, finding.File, finding.Line));
        Assert.StartsWith("milestone PED01b is due 2015-03-31, outside its plan year 2015/16", finding.Message);
    }

    [Fact]
    public void A_measure_with_neither_objective_nor_priority_is_an_error()
    {
        var p = Clean();
        p.Measures.Add(new("PED004", "Orphan", false, false, "indicators.csv", 5));
        Assert.Equal(["Error indicators.csv:5: measure PED004 has neither an objective nor a priority; a measure is reported under one."], Run(p));
    }

    [Theory]
    [InlineData("PEDE008")]
    [InlineData("PE009")]
    [InlineData("PED014-2")]
    public void A_ref_of_the_same_series_in_another_shape_is_a_warning(string reference)
    {
        var p = Clean();
        p.Measures.Add(new(reference, "Something else", true, false, "indicators.csv", 5));
        Assert.Equal([$"Warning indicators.csv:5: measure ref \"{reference}\" breaks the plan's pattern PEDnnn (3 of 4 measure refs, e.g. PED001)."], Run(p));
    }

    [Fact]
    public void A_ref_of_another_series_is_not_a_slip()
    {
        var p = Clean();
        p.Measures.Add(new("SCS CYP05", "Young people not in education", true, false, "indicators.csv", 5));
        Assert.Empty(Run(p));
    }

    [Fact]
    public void Two_measures_with_the_same_title_are_a_warning_on_the_second()
    {
        var p = Clean();
        p.Measures.Add(new("PED004", "Repeat  plans", true, false, "indicators.csv", 5));
        Assert.Equal(["Warning indicators.csv:5: measure PED004 has the same title as PED002 (line 3): \"Repeat  plans\"."], Run(p));
    }

    [Fact]
    public void A_target_still_tbc_once_its_year_has_started_is_a_warning_but_not_before()
    {
        var p = Clean();
        p.Targets.Add(new("PED002", Period.FinancialYear(2015), true, "targets.csv", 3));
        p.Targets.Add(new("PED002", Period.FinancialYear(2016), true, "targets.csv", 4));
        Assert.Equal(["Warning targets.csv:3: target for PED002 in 2015/16 is still tbc, and the period began on 1 April 2015."], Run(p));
    }

    [Theory]
    [InlineData("Improve outcomes for children and")]
    [InlineData("Reduce exclusions or")]
    [InlineData("Narrow the gap,")]
    public void A_text_cut_off_mid_sentence_is_a_warning(string text)
    {
        var p = Clean();
        p.Objectives.Add(new("PED04", text, "objectives.csv", 5));
        var finding = Assert.Single(PlanCheck.Run(p, Today));
        Assert.Equal((FindingLevel.Warning, "objectives.csv", 5), (finding.Level, finding.File, finding.Line));
        Assert.StartsWith("objective PED04 looks cut off mid-sentence", finding.Message);
    }

    [Fact]
    public void A_measure_whose_value_is_the_same_every_year_is_a_warning()
    {
        var p = Clean();
        p.Values.AddRange([new("PED002", Period.FinancialYear(2012), 16.8m), new("PED002", Period.FinancialYear(2013), 16.8m), new("PED002", Period.FinancialYear(2014), 16.8m)]);
        Assert.Equal(["Warning indicators.csv:3: measure PED002 has the same value, 16.8, for every one of its 3 years (2012/13 to 2014/15)."], Run(p));
    }

    [Theory]
    [InlineData("PED001", "PEDnnn")]
    [InlineData("PED014-2", "PEDnnn-n")]
    [InlineData("CED08a", "CEDnna")]
    [InlineData("SCS CYP05", "SCS CYPnn")]
    public void A_refs_shape_keeps_its_letters_and_counts_its_digits(string reference, string shape) =>
        Assert.Equal(shape, PlanCheck.Shape(reference));
}
