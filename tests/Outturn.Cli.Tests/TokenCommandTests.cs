namespace Outturn.Cli.Tests;

public sealed class TokenCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_token_is_issued_for_an_account_printed_once_and_revoked_by_its_name()
    {
        await _cli.LoadDemoAsync();

        var issued = await _cli.RunAsync("tokens", "issue", "--email", "ann.mcintyre@outturn.example", "--name", "data warehouse");
        Assert.Equal(0, issued.ExitCode);
        Assert.StartsWith("ott_", issued.Out.Trim());

        var revoked = await _cli.RunAsync("tokens", "revoke", "--name", "data warehouse", "--email", "ann.mcintyre@outturn.example");
        Assert.Equal(0, revoked.ExitCode);
        Assert.Contains("Revoked 1 token named \"data warehouse\" of ann.mcintyre@outturn.example.", revoked.Out);
        var again = await _cli.RunAsync("tokens", "revoke", "--name", "data warehouse", "--email", "ann.mcintyre@outturn.example");
        Assert.Equal(3, again.ExitCode);

        var nobody = await _cli.RunAsync("tokens", "issue", "--email", "nobody@outturn.example", "--name", "x");
        Assert.Equal(3, nobody.ExitCode);
        Assert.Contains("No account has the e-mail address nobody@outturn.example.", nobody.Error);
    }
}
