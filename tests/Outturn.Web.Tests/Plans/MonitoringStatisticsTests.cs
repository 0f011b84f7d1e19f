using System.Text.RegularExpressions;

namespace Outturn.Web.Tests.Plans;

public sealed partial class MonitoringStatisticsTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [GeneratedRegex("<(td|dd) class=\"govuk-(table__cell|summary-list__value)\">(?<cell>(?:(?!</(td|dd)>).)*?(visually-hidden\">|computed: )Cannot be compared(?:(?!</(td|dd)>).)*)</(td|dd)>", RegexOptions.Singleline)]
    private static partial Regex NotApplicableDirectionCell();

    [Fact]
    public async Task On_the_demo_quarter_2_page_every_NA_direction_says_why()
    {
        var html = await _client.GetStringAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");

        var cells = NotApplicableDirectionCell().Matches(html).Select(m => m.Groups["cell"].Value).ToList();
        // The measures' tables and key-measure panels, not the key to the symbols.
        Assert.NotEmpty(cells);
        Assert.All(cells, cell => Assert.Contains("outturn-direction-note", cell));
        // CED033: Quarter 2 2014/15 is not held, but last year's outturn is printed in the same row.
        Assert.Contains("Quarter 2 2014/15 not held; 2014/15 outturn", html);
    }

    [Fact]
    public async Task A_direction_names_what_it_compares_with()
    {
        var html = await _client.GetStringAsync("/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2");
        // CED033's published arrow (an officer's judgement) is named with its basis, and the rules' N/A explained.
        Assert.Contains("outturn-basis\">Compared with Quarter 2 2014/15</span>", html);
    }
}
