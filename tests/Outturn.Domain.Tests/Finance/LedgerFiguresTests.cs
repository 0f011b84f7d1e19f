using Outturn.Domain.Finance;

namespace Outturn.Domain.Tests.Finance;

/// <summary>Figures as section 7.0 of the Q2 2015/16 report writes them (docs/sources.md §2.5).</summary>
public class LedgerFiguresTests
{
    [Theory]
    [InlineData("4,445", 4445)]        // C&F Employees budget to date
    [InlineData("(94)", -94)]          // its variance
    [InlineData("-43", -43)]           // C&F Adoption Placements, income written with a minus
    [InlineData("(9,551)", -9551)]     // EIP Dedicated Schools Grant, income in brackets
    [InlineData("(1,078)", -1078)]
    [InlineData("0", 0)]
    [InlineData("20,503", 20503)]
    [InlineData("−43", -43)]           // a typographic minus, as word processors write it
    [InlineData("12.5", 12.5)]
    [InlineData("4445", 4445)]
    public void Figures_are_read_as_the_report_writes_them(string text, decimal expected)
    {
        Assert.True(LedgerFigures.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("n/a")]
    [InlineData("4,44")]     // a thousands group of two digits
    [InlineData("44,45,000")]
    [InlineData("(94")]      // unbalanced bracket
    [InlineData("(-94)")]    // negative twice
    [InlineData("1.2.3")]
    public void Text_that_is_not_a_figure_is_refused(string text) =>
        Assert.False(LedgerFigures.TryParse(text, out _));

    [Theory]
    [InlineData(-1078, "(1,078)")]
    [InlineData(20503, "20,503")]
    [InlineData(-12723, "(12,723)")]
    [InlineData(0, "0")]
    [InlineData(272, "272")]
    [InlineData(-2.5, "(3)")]   // whole £'000, half away from zero
    public void Figures_are_printed_in_whole_thousands_with_negatives_in_brackets(decimal value, string expected) =>
        Assert.Equal(expected, LedgerFigures.Format(value));
}
