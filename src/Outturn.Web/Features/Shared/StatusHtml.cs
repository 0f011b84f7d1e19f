using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Outturn.Domain.Status;

namespace Outturn.Web.Features.Shared;

/// <summary>
/// The report's symbols as HTML: the symbol is shown, its meaning is read out (symbols alone fail WCAG 1.1.1
/// and colour alone fails 1.4.1), and an override shows the computed status and the officer's reason beside it.
/// </summary>
public static class StatusHtml
{
    public static IHtmlContent Progress(StatusJudgement<Progress> j) =>
        Render(j.Final.Describe(), Css(j.Final), j.IsOverridden ? j.Computed.Describe() : null, j.Reason, j.IsOverridden);

    public static IHtmlContent Direction(StatusJudgement<Direction> j) =>
        Render(j.Final.Describe(), Css(j.Final), j.IsOverridden ? j.Computed.Describe() : null, j.Reason, j.IsOverridden);

    /// <summary>
    /// The arrow with what it compares with written beside it ("compared with 2014/15 outturn"), "no significant
    /// change" when the change is within noise (added to the rules' arrow, never replacing it), and for N/A why.
    /// </summary>
    public static IHtmlContent Direction(StatusJudgement<Direction> j, string? basisText, string? note, string? significance)
    {
        var e = HtmlEncoder.Default;
        var html = Direction(j).ToString();
        if (j.Final != Outturn.Domain.Status.Direction.NotApplicable && basisText is not null)
            html += $"<span class=\"outturn-override outturn-basis\">{e.Encode(Capitalised(basisText))}</span>";
        // The note explains a computed N/A, also when an officer's judgement has replaced it.
        if ((j.Final == Outturn.Domain.Status.Direction.NotApplicable || j.Computed == Outturn.Domain.Status.Direction.NotApplicable) && note is not null)
            html += $"<span class=\"outturn-override outturn-direction-note\">{e.Encode(Capitalised(note))}</span>";
        if (significance is not null && j.Final != Outturn.Domain.Status.Direction.NotApplicable)
            html += $"<span class=\"outturn-override outturn-significance\">{e.Encode(Capitalised(significance))}</span>";
        return new HtmlString(html);
    }

    /// <summary>A ratio measure's 95% interval as a text range, and the small-number caution, under its value.</summary>
    public static IHtmlContent Statistics(string? intervalText, bool smallNumber)
    {
        var e = HtmlEncoder.Default;
        var html = "";
        if (intervalText is not null) html += $"<span class=\"outturn-override outturn-interval\">{e.Encode(intervalText)}</span>";
        if (smallNumber) html += $"<span class=\"outturn-override outturn-small-number\"><strong>Small number:</strong> interpret with care</span>";
        return new HtmlString(html);
    }

    private static string Capitalised(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The symbol with its words written out, for forms where the meaning should be read by everyone.</summary>
    public static IHtmlContent Labelled(Progress p) => Labelled(p.Describe(), Css(p));

    public static IHtmlContent Labelled(Direction d) => Labelled(d.Describe(), Css(d));

    private static IHtmlContent Labelled((string Symbol, string Words) s, string css) =>
        new HtmlString($"<span class=\"outturn-status outturn-status--{css}\" aria-hidden=\"true\">{HtmlEncoder.Default.Encode(s.Symbol)}</span> {HtmlEncoder.Default.Encode(s.Words)}");

    public static IHtmlContent Milestone(MilestoneProgress? p, MilestoneProgress? suggested)
    {
        if (p is null)
        {
            var note = suggested == MilestoneProgress.Red ? " Past its due date: red suggested." : "";
            return new HtmlString($"<span class=\"outturn-status outturn-status--na\">No update</span><span class=\"outturn-override\">{HtmlEncoder.Default.Encode(note.Trim())}</span>");
        }
        var css = p switch { MilestoneProgress.Green or MilestoneProgress.Complete => "green", MilestoneProgress.Amber => "amber", _ => "red" };
        return Render(p.Value.Describe(), css, null, null, false);
    }

    private static string Css(Progress p) => p switch { Outturn.Domain.Status.Progress.Green => "green", Outturn.Domain.Status.Progress.Amber => "amber", Outturn.Domain.Status.Progress.Red => "red", _ => "na" };

    private static string Css(Direction d) => d switch { Outturn.Domain.Status.Direction.Better => "green", Outturn.Domain.Status.Direction.Same => "amber", Outturn.Domain.Status.Direction.Worse => "red", _ => "na" };

    private static IHtmlContent Render((string Symbol, string Words) final, string css, (string Symbol, string Words)? computed, string? reason, bool overridden)
    {
        var e = HtmlEncoder.Default;
        var html = $"<span class=\"outturn-status outturn-status--{css}\"><span aria-hidden=\"true\">{e.Encode(final.Symbol)}</span><span class=\"govuk-visually-hidden\">{e.Encode(final.Words)}</span></span>";
        if (overridden && computed is { } c)
            html += $"<span class=\"outturn-override\">Officer's judgement; computed: {e.Encode(c.Words.Split(':')[0])}. Reason: {e.Encode(reason ?? "")}</span>";
        return new HtmlString(html);
    }
}
