namespace Outturn.Cli.Tests;

/// <summary>Expected values from 004: the 4 January 2016 front sheet and the Trust minutes of 27 October 2015.</summary>
public sealed class GovernanceCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Meetings_pack_writes_the_public_agenda_pack_as_html()
    {
        await _cli.LoadDemoAsync();
        var file = Path.Combine(_cli.DataDirectory, "pack.html");

        var result = await _cli.RunAsync("meetings", "pack", "--board", "cyp-ppb", "--date", "2016-01-04", "--out", file);

        Assert.Equal(0, result.ExitCode);
        var html = await File.ReadAllTextAsync(file);
        Assert.Contains("Councillor Mark Dennett (Chairman)", html);
        Assert.Contains("52 - 71", html);
        Assert.Contains("Performance Management Reports for Quarter 2 of 2015/16", html);
    }

    [Fact]
    public async Task Actions_overdue_lists_the_dated_open_actions_oldest_first_and_an_unknown_board_fails()
    {
        await _cli.LoadDemoAsync();

        var result = await _cli.RunAsync("actions", "overdue", "--board", "ct-exec");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Out.Trim().Split('\n');
        Assert.Equal(3, lines.Length); // header, then 2.4 (1.12.15) and 2.2 (April '16); "Ongoing" is never overdue
        Assert.StartsWith("2015-10-27\t2.4\t2015-12-01\tAMc/TC", lines[1]);
        Assert.StartsWith("2015-10-27\t2.2\t2016-04-30\tGF (TR)", lines[2]);
        var bad = await _cli.RunAsync("actions", "overdue", "--board", "no-such-board");
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("no-such-board", bad.Error);
    }
}
