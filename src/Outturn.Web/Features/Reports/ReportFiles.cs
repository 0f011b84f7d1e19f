using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Documents;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Reports;

/// <summary>The downloads every document page offers, and the document stylesheet.</summary>
public static class ReportFiles
{
    public static readonly string[] DocumentFormats = ["docx", "pdf", "html"];

    /// <summary>The document as a file in the format asked for, or null when the format is not one of ours.</summary>
    public static async Task<IActionResult?> FileAsync(PageModel page, BoardReports reports, Document document, string format, string baseName, CancellationToken ct)
    {
        switch (format)
        {
            case "xlsx":
                return page.File(TableExport.DocumentXlsx(document), TableExport.XlsxContentType, baseName + ".xlsx");
            case "csv":
                return page.File(TableExport.DocumentCsv(document), TableExport.CsvContentType, baseName + ".csv");
        }
        if (!BoardReports.TryParseFormat(format, out var f)) return null;
        try
        {
            var file = await reports.RenderAsync(document, f, baseName, ct);
            return page.File(file.Content, file.ContentType, file.FileName);
        }
        catch (PdfUnavailableException e)
        {
            // This server has no Chromium: say so, and offer what it can make.
            return page.UnavailableWith($"{e.Message} Download the Word or HTML version instead.");
        }
    }

    public static string Slug(string s) => new(s.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray());

    /// <summary>GET /css/documents.css: the documents' own styles, the same as in the standalone HTML and the PDF.</summary>
    public static void MapReports(this WebApplication app) =>
        app.MapGet("/css/documents.css", () => Results.Text(HtmlRenderer.Css + AppPrintCss, "text/css")).RequireAuthorization(Policies.Public);

    /// <summary>Printing a document page from the app prints the document alone, without the service's header, menus and links.</summary>
    private const string AppPrintCss = """

        @media print {
          .govuk-skip-link, .outturn-brand, .govuk-service-navigation, .govuk-breadcrumbs, .govuk-footer, .outturn-downloads { display: none !important; }
          .govuk-width-container, .govuk-main-wrapper { margin: 0 !important; padding: 0 !important; max-width: none !important; }
        }
        """;
}
