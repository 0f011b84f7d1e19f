using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Outturn.Application.Documents;

/// <summary>
/// Writes a <see cref="Document"/> as a Word file: Heading 1–3 styles (the navigation pane and committee systems
/// build contents from them), tables with a repeated header row and a caption, landscape sections for wide tables,
/// page numbers in the footer, and symbols as images with alternative text.
/// </summary>
public static class WordRenderer
{
    private const int PortraitWidth = 11906, PortraitHeight = 16838, Margin = 1134; // A4, 2 cm margins, in twentieths of a point
    private const long SymbolEmu = 152400; // 12 pt

    public static byte[] Render(Document document)
    {
        using var stream = new MemoryStream();
        Render(document, stream);
        return stream.ToArray();
    }

    public static void Render(Document document, Stream stream)
    {
        // Each part is saved once, explicitly; autoSave would serialise the document a second time on close.
        using var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document, autoSave: false);
        word.PackageProperties.Title = document.Title;
        word.PackageProperties.Subject = document.Subject;
        word.PackageProperties.Creator = document.Author ?? "Outturn";
        word.PackageProperties.Language = "en-GB";
        var main = word.AddMainDocumentPart();
        AddStyles(main);
        var footerId = AddFooter(main);
        var context = new Context(main);
        var body = new Body();

        foreach (var block in document.Blocks)
        {
            if (block is Landscape landscape)
            {
                // A section ends at the paragraph that carries its properties: close the portrait pages before, the landscape ones after.
                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new ParagraphProperties(SectionProperties(footerId, landscape: false))));
                foreach (var inner in landscape.Blocks) Append(body, inner, context);
                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new ParagraphProperties(SectionProperties(footerId, landscape: true))));
            }
            else Append(body, block, context);
        }
        body.Append(SectionProperties(footerId, landscape: false));
        main.Document = new DocumentFormat.OpenXml.Wordprocessing.Document(body);
        main.Document.Save();
    }

    private sealed class Context(MainDocumentPart main)
    {
        private readonly Dictionary<SymbolKind, string> _images = new();
        private uint _drawingId;
        public MainDocumentPart Main { get; } = main;
        public uint NextDrawingId() => ++_drawingId;

        public string ImageId(SymbolKind kind)
        {
            if (_images.TryGetValue(kind, out var id)) return id;
            var part = Main.AddImagePart(ImagePartType.Png);
            using (var s = new MemoryStream(Symbols.Png(kind))) part.FeedData(s);
            id = Main.GetIdOfPart(part);
            _images[kind] = id;
            return id;
        }
    }

    private static void Append(Body body, Block block, Context context)
    {
        switch (block)
        {
            case Heading h:
                body.Append(Para(h.Level switch { 1 => "Heading1", 2 => "Heading2", _ => "Heading3" }, [new Run(h.Text)], null, context));
                break;
            case Paragraph p:
                body.Append(Para(null, p.Content, p.Number, context));
                break;
            case Field f:
                body.Append(Para(null, [new Run(f.Label + ": ", Bold: true), new Run(f.Value)], null, context));
                break;
            case BulletList list:
                foreach (var item in list.Items)
                    body.Append(Para("ListBullet", [new Run("• " + item)], null, context));
                break;
            case Table t:
                body.Append(Para("Caption", [new Run(t.Caption)], null, context, keepNext: true));
                body.Append(RenderTable(t, context));
                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new ParagraphProperties(new SpacingBetweenLines { After = "0" })));
                break;
            case Figure f when f.Png is not null:
                {
                    var id = context.NextDrawingId();
                    var part = context.Main.AddImagePart(ImagePartType.Png);
                    using (var s = new MemoryStream(f.Png)) part.FeedData(s);
                    // 96 pixels to the inch, 914,400 EMU to the inch.
                    body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(
                        PictureDrawing(context.Main.GetIdOfPart(part), f.Width * 9525L, f.Height * 9525L, $"Chart {id}", f.AltText, "Chart", id))));
                    break;
                }
            case Figure f:
                body.Append(Para(null, [new Run(f.AltText)], null, context));
                break;
            case PageBreak:
                body.Append(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(new DocumentFormat.OpenXml.Wordprocessing.Run(new Break { Type = BreakValues.Page })));
                break;
            case Landscape l:
                foreach (var inner in l.Blocks) Append(body, inner, context);
                break;
        }
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Para(string? style, IReadOnlyList<Inline> content, string? number, Context context, bool keepNext = false)
    {
        var p = new DocumentFormat.OpenXml.Wordprocessing.Paragraph();
        var props = new ParagraphProperties();
        if (style is not null) props.Append(new ParagraphStyleId { Val = style });
        if (keepNext) props.Append(new KeepNext());
        if (number is not null) props.Append(new Indentation { Left = "851", Hanging = "851" });
        if (props.HasChildren) p.Append(props);
        if (number is not null)
        {
            p.Append(TextRun(number, bold: false));
            p.Append(new DocumentFormat.OpenXml.Wordprocessing.Run(new TabChar()));
        }
        foreach (var inline in content) AppendInline(p, inline, context);
        return p;
    }

    private static void AppendInline(OpenXmlElement p, Inline inline, Context context)
    {
        switch (inline)
        {
            case Run r:
                var lines = r.Text.Split('\n');
                for (var i = 0; i < lines.Length; i++)
                {
                    if (i > 0) p.Append(new DocumentFormat.OpenXml.Wordprocessing.Run(new Break()));
                    p.Append(TextRun(lines[i], r.Bold));
                }
                break;
            case Symbol s:
                p.Append(new DocumentFormat.OpenXml.Wordprocessing.Run(SymbolDrawing(s, context)));
                p.Append(TextRun(" " + s.Label, bold: false));
                break;
        }
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Run TextRun(string text, bool bold)
    {
        var run = new DocumentFormat.OpenXml.Wordprocessing.Run();
        if (bold) run.Append(new RunProperties(new Bold()));
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Drawing SymbolDrawing(Symbol s, Context context)
    {
        var id = context.NextDrawingId();
        return PictureDrawing(context.ImageId(s.Kind), SymbolEmu, SymbolEmu, $"{s.Label} symbol {id}", s.Words, s.Label, id);
    }

    private static Drawing PictureDrawing(string rid, long cx, long cy, string name, string description, string title, uint id)
    {
        return new Drawing(
            new DW.Inline(
                new DW.Extent { Cx = cx, Cy = cy },
                new DW.EffectExtent { LeftEdge = 0L, TopEdge = 0L, RightEdge = 0L, BottomEdge = 0L },
                new DW.DocProperties { Id = id, Name = name, Description = description, Title = title },
                new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
                new A.Graphic(new A.GraphicData(
                    new PIC.Picture(
                        new PIC.NonVisualPictureProperties(
                            new PIC.NonVisualDrawingProperties { Id = 0U, Name = name + ".png", Description = description },
                            new PIC.NonVisualPictureDrawingProperties()),
                        new PIC.BlipFill(new A.Blip { Embed = rid }, new A.Stretch(new A.FillRectangle())),
                        new PIC.ShapeProperties(
                            new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = cx, Cy = cy }),
                            new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
                { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            {
                DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U,
            });
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Table RenderTable(Table t, Context context)
    {
        var table = new DocumentFormat.OpenXml.Wordprocessing.Table();
        table.Append(new TableProperties(
            new TableStyle { Val = "OutturnTable" },
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "0420", FirstRow = true, FirstColumn = t.RowHeaders, NoHorizontalBand = true, NoVerticalBand = true },
            new TableCaption { Val = t.Caption }));
        var widths = t.Widths ?? t.Header.Select(_ => 1).ToList();
        var total = widths.Sum();
        var grid = new TableGrid();
        foreach (var w in widths) grid.Append(new GridColumn { Width = (w * 9000 / total).ToString() });
        table.Append(grid);

        // The header row repeats on each page and is kept with the first body row ("keep with next" on its
        // paragraphs), so a header never stands alone at the foot of a page; no row is split across pages.
        var header = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (var c = 0; c < t.Header.Count; c++) header.Append(CellOf([new Run(t.Header[c], Bold: true)], context, shaded: true, figure: t.IsFigureColumn(c), keepNext: true));
        table.Append(header);
        foreach (var row in t.Rows)
        {
            var tr = new TableRow(new TableRowProperties(new CantSplit()));
            for (var i = 0; i < row.Count; i++)
                tr.Append(CellOf(i == 0 && t.RowHeaders ? row[i].Content.Select(x => x is Run r ? r with { Bold = true } : x).ToList() : row[i].Content, context, shaded: false,
                    figure: row[i].Align == CellAlign.Right, keepNext: false));
            table.Append(tr);
        }
        return table;
    }

    private static TableCell CellOf(IReadOnlyList<Inline> content, Context context, bool shaded, bool figure, bool keepNext)
    {
        var cell = new TableCell();
        if (shaded) cell.Append(new TableCellProperties(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "F3F2F1" }));
        // A figure is right-aligned in the "Table Figure" style: Arial's figures are tabular (equal width), so columns line up.
        var props = new ParagraphProperties(new ParagraphStyleId { Val = figure ? "TableFigure" : "TableText" });
        if (keepNext) props.Append(new KeepNext());
        var p = new DocumentFormat.OpenXml.Wordprocessing.Paragraph(props);
        foreach (var inline in content) AppendInline(p, inline, context);
        cell.Append(p);
        return cell;
    }

    private static SectionProperties SectionProperties(string footerId, bool landscape) => new(
        new FooterReference { Type = HeaderFooterValues.Default, Id = footerId },
        landscape
            ? new PageSize { Width = (UInt32Value)(uint)PortraitHeight, Height = (UInt32Value)(uint)PortraitWidth, Orient = PageOrientationValues.Landscape }
            : new PageSize { Width = (UInt32Value)(uint)PortraitWidth, Height = (UInt32Value)(uint)PortraitHeight },
        new PageMargin { Top = Margin, Bottom = Margin, Left = (UInt32Value)(uint)Margin, Right = (UInt32Value)(uint)Margin, Header = 567U, Footer = 567U, Gutter = 0U });

    private static string AddFooter(MainDocumentPart main)
    {
        var part = main.AddNewPart<FooterPart>();
        part.Footer = new Footer(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            TextRun("Page ", false),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1", false),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            TextRun(" of ", false),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldCode(" NUMPAGES ") { Space = SpaceProcessingModeValues.Preserve }),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            TextRun("1", false),
            new DocumentFormat.OpenXml.Wordprocessing.Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        part.Footer.Save();
        return main.GetIdOfPart(part);
    }

    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "22" }, new FontSizeComplexScript { Val = "22" }, new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            HeadingStyle(1, "32"), HeadingStyle(2, "28"), HeadingStyle(3, "24"),
            new Style(new StyleName { Val = "Caption" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new PrimaryStyle(),
                new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "120", After = "60" }),
                new StyleRunProperties(new Bold(), new FontSize { Val = "22" })) { Type = StyleValues.Paragraph, StyleId = "Caption" },
            new Style(new StyleName { Val = "List Bullet" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "567", Hanging = "284" })) { Type = StyleValues.Paragraph, StyleId = "ListBullet" },
            new Style(new StyleName { Val = "Table Text" }, new BasedOn { Val = "Normal" },
                new StyleParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40", Line = "240", LineRule = LineSpacingRuleValues.Auto }),
                new StyleRunProperties(new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" })) { Type = StyleValues.Paragraph, StyleId = "TableText" },
            new Style(new StyleName { Val = "Table Figure" }, new BasedOn { Val = "TableText" },
                new StyleParagraphProperties(new Justification { Val = JustificationValues.Right })) { Type = StyleValues.Paragraph, StyleId = "TableFigure" },
            new Style(new StyleName { Val = "Outturn Table" },
                new StyleTableProperties(
                    new TableBorders(
                        new TopBorder { Val = BorderValues.Single, Size = 4, Color = "505A5F" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "505A5F" },
                        new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "505A5F" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "505A5F" },
                        new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "505A5F" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "505A5F" }),
                    new TableCellMarginDefault(new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })))
            { Type = StyleValues.Table, StyleId = "OutturnTable" });
        part.Styles = styles;
        part.Styles.Save();
    }

    private static Style HeadingStyle(int level, string size) => new(
        new StyleName { Val = $"heading {level}" }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new UIPriority { Val = 9 }, new PrimaryStyle(),
        new StyleParagraphProperties(new KeepNext(), new KeepLines(), new SpacingBetweenLines { Before = level == 1 ? "240" : "200", After = "120" }, new OutlineLevel { Val = level - 1 }),
        new StyleRunProperties(new Bold(), new FontSize { Val = size }, new FontSizeComplexScript { Val = size }))
    { Type = StyleValues.Paragraph, StyleId = $"Heading{level}" };
}
