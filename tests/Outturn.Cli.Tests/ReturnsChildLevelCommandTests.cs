using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Outturn.Cli.Tests;

/// <summary>`returns children` and `returns validate --format json` on the synthetic demo returns, for the child-level permission only.</summary>
public sealed class ReturnsChildLevelCommandTests : IDisposable
{
    private const string ChildLevel = "performance@outturn.example";
    private readonly Cli _cli = new();

    public void Dispose() => _cli.Dispose();

    private long ChildLevelViews(string key)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_cli.DataDirectory, "outturn.db")};Pooling=false");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM AuditEntries WHERE Entity = 'ChildLevelView' AND EntityKey = $key AND By = $by";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$by", ChildLevel);
        return (long)command.ExecuteScalar()!;
    }

    [Fact]
    public async Task The_children_behind_a_figure_are_listed_by_pseudonym_with_their_reasons_and_the_view_is_audited()
    {
        await _cli.LoadDemoAsync();
        var result = await _cli.RunAsync("returns", "children", "--period", "2015/16 Q4", "--indicator", "lac-3plus-placements", "--format", "json", "--as", ChildLevel);
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        Assert.Equal(("lac-3plus-placements", "2015-04-01", "2016-03-31"),
            (root.GetProperty("code").GetString(), root.GetProperty("window_start").GetString(), root.GetProperty("window_end").GetString()));
        var denominator = root.GetProperty("denominator_children").EnumerateArray().ToList();
        var numerator = root.GetProperty("numerator_children").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("denominator").GetInt32(), denominator.Count);
        Assert.Equal(root.GetProperty("numerator").GetInt32(), numerator.Count);
        Assert.NotEmpty(numerator);
        foreach (var c in denominator)
        {
            Assert.Matches("^C-[0-9A-F]{10}$", c.GetProperty("child").GetString());
            // The reason is the count of placements since 1 April: three or more exactly for the children in the numerator.
            var reason = c.GetProperty("reason").GetString()!;
            var placements = int.Parse(reason[..reason.IndexOf(' ')], System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(placements >= 3, c.GetProperty("in_numerator").GetBoolean());
            Assert.Contains(" since 2015-04-01", reason, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("\"UPN\"", result.Out, StringComparison.Ordinal);
        Assert.Equal(1, ChildLevelViews("lac-3plus-placements:2015/16 Q4"));
    }

    [Fact]
    public async Task Without_the_child_level_permission_the_children_are_refused_and_nothing_is_audited()
    {
        await _cli.LoadDemoAsync();
        var none = await _cli.RunAsync("returns", "children", "--period", "2015/16 Q4", "--indicator", "lac-3plus-placements");
        Assert.Equal(4, none.ExitCode);
        Assert.Contains("--as <email>", none.Error, StringComparison.Ordinal);
        var staff = await _cli.RunAsync("returns", "children", "--period", "2015/16 Q4", "--indicator", "lac-3plus-placements", "--as", "director@outturn.example");
        Assert.Equal(4, staff.ExitCode);
        Assert.Contains("does not have the child-level permission", staff.Error, StringComparison.Ordinal);
        Assert.Equal("", staff.Out);
        var stranger = await _cli.RunAsync("returns", "validate", "--period", "2015/16 Q4", "--format", "json", "--as", "nobody@outturn.example");
        Assert.Equal(4, stranger.ExitCode);
        Assert.Equal(0, ChildLevelViews("lac-3plus-placements:2015/16 Q4"));
        Assert.Equal(3, (await _cli.RunAsync("returns", "children", "--period", "2015/16 Q4", "--indicator", "no-such", "--as", ChildLevel)).ExitCode);
    }

    [Fact]
    public async Task Validate_as_json_lists_each_failure_with_rule_table_line_child_and_fields()
    {
        await _cli.LoadDemoAsync();
        var result = await _cli.RunAsync("returns", "validate", "--period", "2015/16 Q4", "--format", "json", "--as", ChildLevel);
        Assert.True(result.ExitCode == 0, result.Error);
        var root = JsonDocument.Parse(result.Out).RootElement;
        var rules = root.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("code").GetString()!);
        var failures = root.GetProperty("failures").EnumerateArray().ToList();
        // The demo returns are generated with deliberate errors.
        Assert.NotEmpty(failures);
        foreach (var f in failures)
        {
            var rule = rules[f.GetProperty("rule").GetString()!];
            Assert.Matches("^C-[0-9A-F]{10}$", f.GetProperty("child").GetString());
            Assert.True(f.GetProperty("line").GetInt32() > 1);
            Assert.Contains(f.GetProperty("table").GetString(), rule.GetProperty("tables").EnumerateArray().Select(t => t.GetString()));
            Assert.Equal(rule.GetProperty("fields").EnumerateArray().Select(x => x.GetString()), f.GetProperty("fields").EnumerateArray().Select(x => x.GetString()));
            Assert.Matches("^(SSDA903|CIN census) 20[0-9]{2}/[0-9]{2}$", f.GetProperty("return").GetString());
        }
        // Each rule's count is the number of its failures listed.
        foreach (var (code, rule) in rules)
            Assert.Equal(rule.GetProperty("records").GetInt32(), failures.Count(f => f.GetProperty("rule").GetString() == code));
        Assert.Equal("352", rules["903-STARTED-AGED-18"].GetProperty("reference").GetString());
        Assert.Equal(1, ChildLevelViews("validation:2015/16 Q4"));
    }
}
