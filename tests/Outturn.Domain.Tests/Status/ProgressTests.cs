using System.Globalization;
using Outturn.Domain.Status;
using ValueType = Outturn.Domain.Status.ValueType;

namespace Outturn.Domain.Tests.Status;

public class ProgressTests
{
    private static MeasureRules Rules(Polarity polarity, Tolerance? tolerance = null) =>
        new(polarity, 1, ValueType.Snapshot, Frequency.Quarterly, tolerance);

    private static decimal D(string s) => decimal.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void A_measure_with_no_polarity_gets_no_progress_status() =>
        Assert.Equal(Progress.NotApplicable, StatusRules.Progress(Rules(Polarity.None), 75m, 95m));

    [Fact]
    public void A_measure_with_no_current_value_gets_no_progress_status() =>
        Assert.Equal(Progress.NotApplicable, StatusRules.Progress(Rules(Polarity.Higher), null, 95m));

    [Fact]
    public void A_measure_with_no_target_gets_no_progress_status() =>
        Assert.Equal(Progress.NotApplicable, StatusRules.Progress(Rules(Polarity.Higher), 75m, null));

    [Theory]
    [InlineData("95", "95", Progress.Green)]     // shortfall 0: met
    [InlineData("95", "97", Progress.Green)]     // shortfall −2: beaten
    [InlineData("95", "91", Progress.Amber)]     // shortfall 4 ≤ 5% × 95 = 4.75
    [InlineData("95", "90.25", Progress.Amber)]  // shortfall 4.75 = allowance: still amber
    [InlineData("95", "90.24", Progress.Red)]    // shortfall 4.76 > 4.75
    [InlineData("95", "75", Progress.Red)]       // CED033: shortfall 20 > 4.75
    public void Higher_is_better_is_green_when_met_amber_within_five_per_cent_and_red_beyond(
        string target, string current, Progress expected) =>
        Assert.Equal(expected, StatusRules.Progress(Rules(Polarity.Higher), D(current), D(target)));

    [Theory]
    [InlineData("10", "10", Progress.Green)]     // shortfall 0
    [InlineData("5.4", "4.4", Progress.Green)]   // CED047: shortfall 4.4 − 5.4 = −1
    [InlineData("10", "10.3", Progress.Amber)]   // shortfall 0.3 ≤ 5% × 10 = 0.5
    [InlineData("10", "10.5", Progress.Amber)]   // shortfall 0.5 = allowance
    [InlineData("10", "10.51", Progress.Red)]    // shortfall 0.51 > 0.5
    [InlineData("10", "16.8", Progress.Red)]     // CED036: shortfall 6.8 > 0.5
    public void Lower_is_better_is_green_when_met_amber_within_five_per_cent_and_red_beyond(
        string target, string current, Progress expected) =>
        Assert.Equal(expected, StatusRules.Progress(Rules(Polarity.Lower), D(current), D(target)));

    [Theory]
    [InlineData(Polarity.Higher, "93", Progress.Amber)]    // shortfall 95 − 93 = 2 ≤ 2
    [InlineData(Polarity.Higher, "92.9", Progress.Red)]    // shortfall 2.1 > 2
    [InlineData(Polarity.Lower, "97", Progress.Amber)]     // shortfall 97 − 95 = 2 ≤ 2
    [InlineData(Polarity.Lower, "97.1", Progress.Red)]     // shortfall 2.1 > 2
    public void An_absolute_tolerance_is_an_allowance_in_the_measures_units(Polarity polarity, string current, Progress expected) =>
        Assert.Equal(expected, StatusRules.Progress(Rules(polarity, new Tolerance(2m, false)), D(current), 95m));

    [Fact]
    public void An_absolute_tolerance_replaces_the_default_even_when_the_default_would_allow_more()
    {
        // Default: 5% × 95 = 4.75 would make a shortfall of 4 amber; an absolute tolerance of 2 makes it red.
        Assert.Equal(Progress.Red, StatusRules.Progress(Rules(Polarity.Higher, new Tolerance(2m, false)), 91m, 95m));
    }

    [Theory]
    [InlineData(Polarity.Higher, "72", Progress.Amber)]    // 10% × 80 = 8; shortfall 8 ≤ 8
    [InlineData(Polarity.Higher, "71.9", Progress.Red)]    // shortfall 8.1 > 8
    [InlineData(Polarity.Lower, "88", Progress.Amber)]     // shortfall 88 − 80 = 8 ≤ 8
    [InlineData(Polarity.Lower, "88.1", Progress.Red)]
    public void A_relative_tolerance_is_a_percentage_of_the_target(Polarity polarity, string current, Progress expected) =>
        Assert.Equal(expected, StatusRules.Progress(Rules(polarity, new Tolerance(10m, true)), D(current), 80m));

    [Theory]
    [InlineData("-77", Progress.Amber)]  // shortfall −77 − (−80) = 3 ≤ 5% × |−80| = 4
    [InlineData("-76", Progress.Amber)]  // shortfall 4 = allowance
    [InlineData("-75", Progress.Red)]    // shortfall 5 > 4
    [InlineData("-81", Progress.Green)]  // shortfall −1
    public void A_negative_target_gets_an_allowance_from_its_absolute_value(string current, Progress expected) =>
        Assert.Equal(expected, StatusRules.Progress(Rules(Polarity.Lower), D(current), -80m));

    [Theory]
    [InlineData(Polarity.Higher, "0", Progress.Green)]
    [InlineData(Polarity.Higher, "-0.1", Progress.Red)]  // allowance 5% × 0 = 0: any shortfall is red
    [InlineData(Polarity.Lower, "0", Progress.Green)]
    [InlineData(Polarity.Lower, "0.1", Progress.Red)]
    [InlineData(Polarity.Lower, "1", Progress.Red)]
    public void A_target_of_zero_with_the_default_tolerance_allows_no_shortfall(Polarity polarity, string current, Progress expected) =>
        Assert.Equal(expected, StatusRules.Progress(Rules(polarity), D(current), 0m));
}
