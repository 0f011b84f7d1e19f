namespace Outturn.Web.Features.Reports;

public sealed record DownloadLinks(string Title, string BaseHref, IReadOnlyList<(string Format, string Label)> Links)
{
    public static readonly IReadOnlyList<(string, string)> Standard =
    [
        ("docx", "Word document (.docx)"), ("pdf", "PDF"), ("html", "Printable web page (.html)"),
        ("xlsx", "Tables as a spreadsheet (.xlsx)"), ("csv", "Tables as CSV"),
    ];
}
