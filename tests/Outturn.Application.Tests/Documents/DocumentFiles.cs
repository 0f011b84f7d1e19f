using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using UglyToad.PdfPig;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;

namespace Outturn.Application.Tests.Documents;

/// <summary>Reads generated files back the way a reader's software would: Word through OpenXml, PDF through PdfPig.</summary>
public sealed class WordFile : IDisposable
{
    private readonly MemoryStream _stream;
    public WordprocessingDocument Doc { get; }

    public WordFile(byte[] bytes)
    {
        _stream = new MemoryStream(bytes);
        Doc = WordprocessingDocument.Open(_stream, false);
    }

    public Body Body => Doc.MainDocumentPart!.Document.Body!;

    public IReadOnlyList<string> Headings(int level) => Body.Descendants<Paragraph>()
        .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == $"Heading{level}")
        .Select(p => p.InnerText).ToList();

    /// <summary>Every table row as its cells' text, each followed by the alternative text of any symbol in it.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows(string? caption = null) => Body.Descendants<Table>()
        .Where(t => caption is null || t.GetFirstChild<TableProperties>()?.GetFirstChild<TableCaption>()?.Val?.Value == caption)
        .SelectMany(t => t.Elements<TableRow>())
        .Select(r => (IReadOnlyList<string>)r.Elements<TableCell>().Select(CellText).ToList()).ToList();

    public IReadOnlyList<string> Row(string firstCell) => Rows().Single(r => r[0] == firstCell);

    private static string CellText(TableCell c)
    {
        var alt = c.Descendants<DW.DocProperties>().Select(d => d.Description?.Value).OfType<string>().ToList();
        return alt.Count == 0 ? c.InnerText : c.InnerText + " [alt: " + string.Join("; ", alt) + "]";
    }

    /// <summary>The paragraphs' text, tabs as \t (the number before a numbered paragraph is followed by a tab).</summary>
    public string Text => string.Join("\n", Body.Descendants<Paragraph>().Select(p =>
        string.Concat(p.Descendants().Select(e => e switch { Text t => t.Text, TabChar => "\t", _ => "" }))));

    public IReadOnlyList<string> ValidationErrors() => new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(Doc)
        .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();

    public void Dispose()
    {
        Doc.Dispose();
        _stream.Dispose();
    }
}

public static class PdfFile
{
    public sealed record Content(string Text, IReadOnlyList<(double Width, double Height)> Pages, bool Tagged, int PageCount);

    public static Content Read(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        var text = string.Join("\n", pages.Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        var tagged = catalog.ContainsKey(UglyToad.PdfPig.Tokens.NameToken.Create("StructTreeRoot"));
        return new Content(text, pages.Select(p => (p.Width, p.Height)).ToList(), tagged, pages.Count);
    }
}
