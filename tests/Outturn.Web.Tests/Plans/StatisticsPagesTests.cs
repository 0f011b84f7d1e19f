using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Benchmarks;
using Outturn.Application.Plans;

namespace Outturn.Web.Tests.Plans;

/// <summary>
/// Comparisons against England and the neighbours (Fingertips' convention) and small numbers, on the pages and API.
/// A plan of its own: ST1 is 3 of 12 in Quarter 2 2015/16 (25%); ST2 is 30 of 40 in 2014/15 (75%, Wilson 95% interval
/// 59.8% to 85.8%: p = 0.75, n = 40, z = 1.959964; centre (0.75 + z²/80) ÷ (1 + z²/40) = 0.72810, half-width 0.13003),
/// with England at 82% (inside the interval: similar) and the neighbours at 90% (above it, higher is better: worse).
/// </summary>
public sealed class StatisticsPagesTests(StatisticsPagesTests.App app) : IClassFixture<StatisticsPagesTests.App>
{
    private const string Performance = "performance@outturn.example"; // holds the child-level permission
    private const string Admin = "admin@outturn.example";             // does not

    /// <summary>The demo app with the test plan imported, and the report card holding ST2 alone.</summary>
    public sealed class App : OutturnApp
    {
        private readonly SemaphoreSlim _once = new(1, 1);
        private bool _ready;

        public async Task ReadyAsync()
        {
            await _once.WaitAsync();
            try
            {
                if (_ready) return;
                using (CreateClient()) { } // starts the app, which loads the demo
                var folder = Path.Combine(DataDirectory, "test-plan");
                Directory.CreateDirectory(folder);
                foreach (var (file, text) in Files) await File.WriteAllTextAsync(Path.Combine(folder, file), text);
                using var scope = Services.CreateScope();
                var imported = await scope.ServiceProvider.GetRequiredService<PlanImport>().ImportAsync(folder);
                Assert.True(imported.Imported, string.Join("\n", imported.Errors));
                var card = Path.Combine(folder, "report-card.csv");
                await File.WriteAllTextAsync(card, "indicator,life_stage\nST2,early-years\n");
                Assert.Empty(await scope.ServiceProvider.GetRequiredService<ReportCardQuery>().ImportAsync(card));
                _ready = true;
            }
            finally
            {
                _once.Release();
            }
        }

        private static readonly Dictionary<string, string> Files = new()
        {
            ["plan.csv"] = "ref,title,kind,first_year,last_year\nTEST-STATS,Statistics test plan,business-plan,2014/15,2015/16\n",
            ["officers.csv"] = "name,initials,job_title,organisation\nAnn Example,AE,Operational Director,Test Council\n",
            ["objectives.csv"] = "ref,title,priority,officer\nOB01,Keep children safe,Safeguarding,Ann Example\n",
            ["milestones.csv"] = "ref,objective,text,year,due,officer\nOB01a,OB01,Review the front door,2015/16,2016-03-31,\n",
            ["indicators.csv"] =
                "ref,title,objective,polarity,unit,precision,frequency,value_type,tolerance,key,multiplier\n" +
                "ST1,Second protection plans,OB01,lower,%,1,quarterly,snapshot,,yes,100\n" +
                "ST2,Assessments in 45 days,OB01,higher,%,1,annual,snapshot,,no,100\n",
            ["targets.csv"] = "indicator,period,target\nST1,2015/16,10\nST2,2014/15,95\n",
            ["values.csv"] =
                "indicator,period,value,status,note,numerator,denominator\n" +
                "ST1,2015/16 Q2,,final,,3,12\n" +
                "ST2,2014/15,,final,,30,40\n",
            ["comparators.csv"] = "indicator,period,comparator,value,note\nST2,2014/15,england,82,\nST2,2014/15,neighbours,90,\n",
        };
    }

    [Fact]
    public async Task The_indicator_page_says_similar_inside_the_interval_and_worse_outside_it()
    {
        await app.ReadyAsync();
        var html = await app.CreateClient().GetStringAsync("/plans/TEST-STATS/indicators/ST2");

        Assert.Contains("95% interval 59.8% to 85.8%", html);
        var comparators = Table(html, "Comparator values by period");
        var england = Row(comparators, "<td class=\"govuk-table__cell\">England</td>");
        Assert.Contains("82.0%", england);
        Assert.Contains("Similar (inside the 95% interval)", england);
        var neighbours = Row(comparators, "<td class=\"govuk-table__cell\">Statistical neighbours&#x27; average</td>");
        Assert.Contains(">Worse<", neighbours);
    }

    [Fact]
    public async Task The_report_card_compares_a_ratio_measure_with_England_and_the_neighbours()
    {
        await app.ReadyAsync();
        var html = await app.CreateClient().GetStringAsync("/plans/TEST-STATS/report-card/2015-16-Q2");

        var st2 = Row(html, ">ST2</a>");
        Assert.Contains("Similar to England (82.0%)", st2);
        Assert.Contains("Worse than the neighbours&#x27; average (90.0%)", st2);
    }

    [Fact]
    public async Task A_count_of_three_is_c_to_the_public_and_three_to_a_child_level_viewer_on_the_indicator_page()
    {
        await app.ReadyAsync();

        var anonymous = await app.CreateClient().GetStringAsync("/plans/TEST-STATS/indicators/ST1");
        Assert.Contains("outturn-counts\">c of c</span>", anonymous);
        Assert.Contains("95% interval not shown: it would reveal a count of fewer than 5 children (c)", anonymous);
        Assert.DoesNotContain("3 of 12", anonymous);

        // An administrator is staff but has no child-level permission: still c.
        Assert.Contains("outturn-counts\">c of c</span>", await (await app.SignedInClientAsync(Admin)).GetStringAsync("/plans/TEST-STATS/indicators/ST1"));

        var childLevel = await (await app.SignedInClientAsync(Performance)).GetStringAsync("/plans/TEST-STATS/indicators/ST1");
        Assert.Contains("outturn-counts\">3 of 12</span>", childLevel);
        Assert.Contains("95% interval", childLevel);
    }

    [Fact]
    public async Task The_monitoring_and_status_apis_withhold_a_count_of_three_from_the_public()
    {
        await app.ReadyAsync();
        static JsonElement St1(JsonElement report) => report.GetProperty("report").GetProperty("priorities").EnumerateArray()
            .SelectMany(p => p.GetProperty("key_measures").EnumerateArray()).Single(m => m.GetProperty("ref").GetString() == "ST1");

        var anonymous = St1(JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/plans/TEST-STATS/monitoring/2015-16-Q2")).RootElement);
        Assert.Equal("c", anonymous.GetProperty("suppression").GetString());
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("numerator").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("interval_low").ValueKind);
        Assert.Equal(25m, anonymous.GetProperty("current").GetDecimal());

        var seen = St1(JsonDocument.Parse(await (await app.SignedInClientAsync(Performance)).GetStringAsync("/api/v1/plans/TEST-STATS/monitoring/2015-16-Q2")).RootElement);
        Assert.Equal((3m, 12m), (seen.GetProperty("numerator").GetDecimal(), seen.GetProperty("denominator").GetDecimal()));
        Assert.False(seen.TryGetProperty("suppression", out _));

        var status = JsonDocument.Parse(await app.CreateClient().GetStringAsync("/api/v1/plans/TEST-STATS/status/2015-16-Q2")).RootElement
            .EnumerateArray().Single(l => l.GetProperty("ref").GetString() == "ST1");
        Assert.Equal("c", status.GetProperty("suppression").GetString());
        Assert.Equal(JsonValueKind.Null, status.GetProperty("denominator").ValueKind);
    }

    /// <summary>The table with this caption.</summary>
    private static string Table(string html, string caption)
    {
        var at = html.IndexOf(caption + "</caption>", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no table {caption}");
        return html[at..html.IndexOf("</table>", at, StringComparison.Ordinal)];
    }

    /// <summary>The first table row holding this markup.</summary>
    private static string Row(string html, string markup)
    {
        var at = html.IndexOf(markup, StringComparison.Ordinal);
        Assert.True(at >= 0, $"no row with {markup}");
        var start = html.LastIndexOf("<tr", at, StringComparison.Ordinal);
        return html[start..html.IndexOf("</tr>", at, StringComparison.Ordinal)];
    }
}
