using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Outturn.Web.Features.Shared;

/// <summary>
/// Puts every GOV.UK data table (<c>table.govuk-table</c>) in a scrolling region named by its caption: a
/// <c>div</c> with <c>tabindex="0"</c>, <c>role="region"</c> and <c>aria-label</c>. On a narrow screen a wide table
/// scrolls on its own, with the keyboard too, and the page itself reflows (WCAG 2.2 1.4.10).
/// </summary>
[HtmlTargetElement("table")]
public sealed partial class TableRegionTagHelper : TagHelper
{
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        if (!output.Attributes.TryGetAttribute("class", out var classes) || !Text(classes.Value).Split(' ').Contains("govuk-table")) return;
        var content = (await output.GetChildContentAsync()).GetContent();
        var caption = Caption().Match(content);
        var label = caption.Success ? Regex.Replace(WebUtility.HtmlDecode(Tags().Replace(caption.Groups[1].Value, " ")), @"\s+", " ").Trim() : "";
        output.PreElement.SetHtmlContent($"<div class=\"outturn-table-region\" tabindex=\"0\" role=\"region\" aria-label=\"{HtmlEncoder.Default.Encode(label.Length > 0 ? label : "Table")}\">");
        output.PostElement.SetHtmlContent("</div>");
    }

    private static string Text(object? value)
    {
        switch (value)
        {
            case null: return "";
            case string s: return s;
            case IHtmlContent html:
                using (var writer = new StringWriter())
                {
                    html.WriteTo(writer, HtmlEncoder.Default);
                    return WebUtility.HtmlDecode(writer.ToString());
                }
            default: return value.ToString() ?? "";
        }
    }

    [GeneratedRegex(@"<caption\b[^>]*>(.*?)</caption>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Caption();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
