namespace Outturn.Cli.Tests;

/// <summary>`outturn import inspection &lt;folder&gt;` (docs/import-formats.md, "Inspection folders"): all of it or nothing, merged by ref.</summary>
public sealed class InspectionCommandTests : IDisposable
{
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private static Dictionary<string, string> Folder(string timescale) => new()
    {
        ["inspection.csv"] = "ref,kind,title,inspectorates,published\nILACS-2019,ilacs,Inspection of children's services,Ofsted,2019-03-01\n",
        ["grades.csv"] = "area,grade\nOverall effectiveness,3\n",
        ["recommendations.csv"] = $"ref,timescale,responsible,text\nR1,{timescale},The local authority,Improve the timeliness of assessments\n",
        ["actions.csv"] = "recommendation,action,owner\nR1,Weekly audit of open assessments,Tracey Coffey\nR1,Second duty team,Tracey Coffey\n",
    };

    [Fact]
    public async Task An_inspection_folder_is_imported_whole_and_a_bad_one_changes_nothing()
    {
        Assert.Equal(0, (await _cli.RunAsync("db", "migrate")).ExitCode);

        var bad = await _cli.RunAsync("import", "inspection", _cli.NewFolder("bad", Folder("soon")));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("recommendations.csv:2: column \"timescale\": \"soon\" is not immediate, within_six_months or longer_term.", bad.Error);

        var good = await _cli.RunAsync("import", "inspection", _cli.NewFolder("good", Folder("within_six_months")));
        Assert.Equal(0, good.ExitCode);
        Assert.Contains("ILACS-2019: recorded with 1 grades, 0 key judgements, 1 recommendations and 2 improvement actions.", good.Out);

        var again = await _cli.RunAsync("import", "inspection", _cli.NewFolder("again", Folder("within_six_months")));
        Assert.Contains("ILACS-2019: merged with 1 grades, 0 key judgements, 1 recommendations and 2 improvement actions.", again.Out);
    }
}
