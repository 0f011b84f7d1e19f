using System.Net;

namespace Outturn.Web.Tests.Rounds;

/// <summary>The dashboard and the round page as the demo serves them, over HTTP.</summary>
public sealed class RoundPagesTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    [Fact]
    public async Task The_dashboard_is_measured_as_at_the_board_s_date_and_shows_the_current_round_s_reds_and_ambers()
    {
        var director = await app.SignedInClientAsync("director@outturn.example");
        var html = WebUtility.HtmlDecode(await director.GetStringAsync("/dashboard"));
        Assert.Contains("as at 4 January 2016", html);
        // The current round on 4 January 2016 is Quarter 3 (October to December 2015), still open for updates.
        Assert.Contains("Quarter 3 2015/16", html);
        // CED033 was submitted at 78% against a 95% target: more than 5% short, so red.
        var reds = html[html.IndexOf("id=\"reds-and-ambers-HBC-CYP-2015-16\"", StringComparison.Ordinal)..];
        reds = reds[..reds.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("CED033", reds);
        Assert.Contains("Improving as the new assessment team beds in (demonstration figure).", reds);
        Assert.Contains("id=\"completeness-HBC-CYP-2015-16\"", html);
        Assert.Contains("Halton Borough Council", html);
    }

    [Fact]
    public async Task The_round_page_names_items_with_titles_and_states_in_words_and_filters_by_state()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var rounds = await officer.GetStringAsync("/rounds");
        var id = System.Text.RegularExpressions.Regex.Matches(rounds, "href=\"/rounds/([0-9]+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        string? q3 = null;
        foreach (var candidate in id)
            if ((await officer.GetStringAsync($"/rounds/{candidate}")).Contains("Quarter 3 2015/16 reporting round", StringComparison.Ordinal)) q3 = candidate;
        Assert.NotNull(q3);

        var all = WebUtility.HtmlDecode(await officer.GetStringAsync($"/rounds/{q3}"));
        Assert.Contains("not started", all);
        Assert.DoesNotContain("notstarted", all);
        // In the demo, CED033 and milestone CED08a are submitted in Quarter 3; nothing else is.
        var submitted = WebUtility.HtmlDecode(await officer.GetStringAsync($"/rounds/{q3}?state=Submitted"));
        Assert.Contains("2 of 111 items shown", submitted);
        Assert.Contains("CED033", submitted);
        Assert.Contains("CED08a", submitted);
    }
}
