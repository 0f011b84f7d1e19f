using System.Text.Json;

namespace Outturn.Cli.Tests;

public sealed class ReturnsCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Synth_then_import_then_compute_gives_every_indicator()
    {
        var folder = Path.Combine(_cli.DataDirectory, "synth");
        var synth = await _cli.RunAsync("synth", "ssda903", "--children", "60", "--years", "1", "--seed", "3", "--out", folder);
        Assert.Equal(0, synth.ExitCode);
        var import = await _cli.RunAsync("returns", "import", Path.Combine(folder, "2015-16"), "--kind", "ssda903");
        Assert.True(import.ExitCode == 0, import.Error);
        Assert.StartsWith("SSDA903 2015/16 (episodes.csv, header.csv, oc3.csv, reviews.csv", import.Out);
        var compute = await _cli.RunAsync("returns", "compute", "--period", "2015/16");
        Assert.Equal(0, compute.ExitCode);
        var lines = JsonDocument.Parse(compute.Out).RootElement.EnumerateArray().ToList();
        Assert.Contains(lines, l => l.GetProperty("code").GetString() == "lac-3plus-placements" && l.GetProperty("denominator").GetInt32() > 0);
    }

    [Fact]
    public async Task The_demo_ships_haltons_child_population_so_the_referral_rate_is_available()
    {
        await _cli.LoadDemoAsync();
        foreach (var period in new[] { "2014/15", "2015/16" })
        {
            var compute = await _cli.RunAsync("returns", "compute", "--period", period);
            Assert.Equal(0, compute.ExitCode);
            var rate = JsonDocument.Parse(compute.Out).RootElement.EnumerateArray().Single(l => l.GetProperty("code").GetString() == "cin-referral-rate");
            // About 28,000 children aged 0-17 (ONS mid-2015, approximate); the rate is referrals × 10,000 ÷ 28,000.
            var referrals = rate.GetProperty("numerator").GetInt32();
            Assert.Equal(28000, rate.GetProperty("denominator").GetInt32());
            Assert.Equal(Math.Round(referrals * 10000m / 28000m, 2), rate.GetProperty("value").GetDecimal());
        }
        // A population given for the run stands instead.
        var given = await _cli.RunAsync("returns", "compute", "--period", "2015/16", "--population", "20000");
        Assert.Equal(20000, JsonDocument.Parse(given.Out).RootElement.EnumerateArray().Single(l => l.GetProperty("code").GetString() == "cin-referral-rate").GetProperty("denominator").GetInt32());
    }

    [Fact]
    public async Task A_rejected_return_exits_1_with_every_error_by_file_line_and_field_on_standard_error()
    {
        var folder = _cli.NewFolder("bad903", new Dictionary<string, string>
        {
            ["header.csv"] = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,3,01/06/2008,WBRI,UN1,,\n",
            ["episodes.csv"] = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\nA,01/04/2015,S,C2,N1,U1,PR1,,,,,,\n",
        });
        var result = await _cli.RunAsync("returns", "import", folder, "--kind", "ssda903");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rejected, nothing was imported (1 error)", result.Error);
        Assert.Contains("header.csv:2: SEX: \"3\" is not on the guide's list (1, 2)", result.Error);
        var list = await _cli.RunAsync("returns", "list");
        Assert.Equal("", list.Out.Trim());
    }

    [Fact]
    public async Task An_unknown_kind_and_a_malformed_year_are_argument_errors()
    {
        Assert.NotEqual(0, (await _cli.RunAsync("returns", "import", ".", "--kind", "ssda904")).ExitCode);
        Assert.Equal(2, (await _cli.RunAsync("returns", "import", ".", "--kind", "cin", "--year", "2015")).ExitCode);
    }
}
