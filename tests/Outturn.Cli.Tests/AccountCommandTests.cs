namespace Outturn.Cli.Tests;

/// <summary>Organisations and accounts at the command line, on a new, empty installation.</summary>
public sealed class AccountCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string Csv(string text) => Path.Combine(_cli.NewFolder(Guid.NewGuid().ToString("N"), new Dictionary<string, string> { ["organisations.csv"] = text }), "organisations.csv");

    [Fact]
    public async Task Organisations_import_is_all_or_nothing_and_then_a_person_is_invited_listed_and_disabled()
    {
        var bad = await _cli.RunAsync("organisations", "import", Csv("ref,name,kind,parent\nHBC,Halton Borough Council,council,\nX,A hospital,hospital,\n"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("organisations.csv:3: column kind: \"hospital\" is not a kind", bad.Error);
        Assert.Contains("Nothing was changed.", bad.Error);

        var good = await _cli.RunAsync("organisations", "import", Csv("ref,name,kind,parent\nHBC,Halton Borough Council,council,\nHBC-CYP,Children and Young People Directorate,directorate,HBC\n"));
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("2 organisations added, 0 changed", good.Out); // HBC was not kept from the failed run

        var invite = await _cli.RunAsync("users", "invite", "--email", "a.person@example.org", "--name", "A Person", "--role", "Contributor", "--organisation", "HBC-CYP");
        Assert.Equal(0, invite.ExitCode);
        Assert.Contains("Invitation sent to a.person@example.org", invite.Out);
        Assert.Single(Directory.GetFiles(Path.Combine(_cli.DataDirectory, "mail"), "*.eml"));

        var list = await _cli.RunAsync("users", "list");
        Assert.Contains("a.person@example.org\tA Person\tContributor\tHBC-CYP\tInvited\tnever", list.Out);

        Assert.Equal(0, (await _cli.RunAsync("users", "disable", "--email", "a.person@example.org")).ExitCode);
        Assert.Contains("a.person@example.org\tA Person\tContributor\tHBC-CYP\tDisabled\tnever", (await _cli.RunAsync("users", "list")).Out);
        Assert.Equal(1, (await _cli.RunAsync("users", "disable", "--email", "nobody@example.org")).ExitCode);
    }
}
