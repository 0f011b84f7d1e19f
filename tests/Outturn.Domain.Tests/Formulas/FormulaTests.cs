using Outturn.Domain.Formulas;
using Outturn.Domain.Periods;
using Outturn.Domain.Plans;
using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Formulas;

public class FormulaTests
{
    private static decimal? Eval(string text, params (string Ref, decimal? Value)[] values) =>
        Formula.Parse(text).Evaluate(r => values.FirstOrDefault(v => v.Ref == r).Value);

    [Theory]
    [InlineData("2 + 3 * 4", "14")]        // × before +
    [InlineData("(2 + 3) * 4", "20")]      // parentheses first
    [InlineData("10 - 4 - 3", "3")]        // left to right, not 10 − (4 − 3)
    [InlineData("48 / 4 / 2", "6")]        // left to right, not 48 ÷ (4 ÷ 2)
    [InlineData("2 × 3 − 8 ÷ 4", "4")]     // the typographic signs
    [InlineData("-2 * -3", "6")]
    [InlineData("1.5 * 4", "6")]
    public void Operators_follow_the_usual_precedence(string text, string expected) =>
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), Eval(text));

    [Fact]
    public void A_rate_per_10000_from_a_count_and_a_population() =>
        // 45 children in need of 36,000 under-18s: 45 ÷ 36,000 × 10,000 = 12.5.
        Assert.Equal(12.5m, Eval("CIN / POP * 10000", ("CIN", 45m), ("POP", 36000m)));

    [Fact]
    public void A_ref_with_spaces_is_written_in_brackets()
    {
        var f = Formula.Parse("([SCS CYP05] + [SCS CYP06]) / 2");
        Assert.Equal(["SCS CYP05", "SCS CYP06"], f.Refs);
        Assert.Equal(15m, f.Evaluate(r => r == "SCS CYP05" ? 10m : 20m));
    }

    [Fact]
    public void A_missing_input_or_a_division_by_zero_gives_no_value()
    {
        Assert.Null(Eval("A + B", ("A", 1m), ("B", null)));
        Assert.Null(Eval("A / B", ("A", 1m), ("B", 0m)));
    }

    [Theory]
    [InlineData("2 +", "at character 4")]
    [InlineData("(2 + 3", "\")\" was expected")]
    [InlineData("2 $ 3", "unexpected \"$\"")]
    [InlineData("[CED033 + 1", "not closed")]
    [InlineData("", "blank")]
    public void A_malformed_formula_is_refused_saying_where(string text, string expected)
    {
        Assert.False(Formula.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    private static Indicator Measure(string r, string? formula = null) =>
        new() { Ref = r, Title = r, Polarity = Polarity.Higher, Formula = formula };

    [Fact]
    public void A_cycle_is_refused()
    {
        var problems = FormulaMeasures.Check([Measure("A", "B + 1"), Measure("B", "C * 2"), Measure("C", "A - 1"), Measure("D")]);
        var (r, problem) = Assert.Single(problems);
        Assert.Equal("A", r);
        Assert.Contains("A → B → C → A", problem);
    }

    [Fact]
    public void A_measure_computed_from_itself_is_a_cycle() =>
        Assert.Contains("A → A", Assert.Single(FormulaMeasures.Check([Measure("A", "A + 1")])).Problem);

    [Fact]
    public void An_unknown_ref_is_refused() =>
        Assert.Contains("\"NOPE\", not a measure of this plan", Assert.Single(FormulaMeasures.Check([Measure("A", "NOPE * 2"), Measure("B")])).Problem);

    [Fact]
    public void Formula_values_are_computed_for_each_period_where_the_inputs_are_held_in_dependency_order()
    {
        var q1 = Period.Quarter(2015, 1);
        var q2 = Period.Quarter(2015, 2);
        var count = Measure("CIN");
        count.Values.AddRange([new() { Period = q1, Value = 45m, Status = ValueStatus.Final }, new() { Period = q2, Value = 54m, Status = ValueStatus.Provisional }]);
        var population = Measure("POP");
        population.Values.AddRange([new() { Period = q1, Value = 36000m, Status = ValueStatus.Final }]);
        // RATE reads PER, defined after it: the order of computing follows the refs, not the file.
        var rate = Measure("RATE", "PER * 10000");
        var per = Measure("PER", "CIN / POP");
        FormulaMeasures.Recompute([rate, count, population, per]);
        // Q1: 45 ÷ 36,000 = 0.00125, × 10,000 = 12.5. Q2: no population, so nothing.
        Assert.Equal(12.5m, Assert.Single(rate.Values).Value);
        Assert.Equal(q1, rate.Values[0].Period);

        // When an input changes, the value follows; a provisional input makes a provisional result.
        population.Values.Add(new() { Period = q2, Value = 36000m, Status = ValueStatus.Final });
        FormulaMeasures.Recompute([rate, count, population, per]);
        var q2Rate = rate.Values.Single(v => v.Period == q2);
        Assert.Equal(15m, q2Rate.Value); // 54 ÷ 36,000 × 10,000
        Assert.Equal(ValueStatus.Provisional, q2Rate.Status);
    }

    [Fact]
    public void A_formula_value_whose_input_goes_missing_is_kept_but_marked_unavailable()
    {
        var q1 = Period.Quarter(2015, 1);
        var a = Measure("A");
        a.Values.Add(new() { Period = q1, Value = 4m, Status = ValueStatus.Final });
        var b = Measure("B", "A * 2");
        FormulaMeasures.Recompute([a, b]);
        a.Values[0].Value = null;
        a.Values[0].Status = ValueStatus.Unavailable;
        FormulaMeasures.Recompute([a, b]);
        var v = Assert.Single(b.Values);
        Assert.Equal(ValueStatus.Unavailable, v.Status);
        Assert.Contains("A not held", v.Note);
    }
}
