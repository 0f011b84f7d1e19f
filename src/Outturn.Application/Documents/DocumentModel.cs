namespace Outturn.Application.Documents;

/// <summary>
/// A board document as plain content, independent of its format: headings, paragraphs, lists and tables, with
/// landscape sections where a table is wide. <see cref="WordRenderer"/>, <see cref="HtmlRenderer"/> and
/// <see cref="PdfRenderer"/> turn it into a .docx, an HTML page and a PDF with the same content.
/// </summary>
public sealed record Document(string Title, IReadOnlyList<Block> Blocks)
{
    /// <summary>Shown above the first heading of the HTML view and kept in the Word file's properties.</summary>
    public string? Subject { get; init; }
    public string? Author { get; init; }

    /// <summary>Every block, looking inside landscape sections.</summary>
    public IEnumerable<Block> AllBlocks => Blocks.SelectMany(b => b is Landscape l ? l.Blocks : [b]);
}

public abstract record Block;

/// <summary>A real heading: Word's Heading 1–3 styles and HTML h1–h3 (level 1 is the document's own title).</summary>
public sealed record Heading(int Level, string Text) : Block;

/// <summary>A paragraph; <paramref name="Number"/> (2.1, 3.0) is printed before it, as the council numbers its paragraphs.</summary>
public sealed record Paragraph(IReadOnlyList<Inline> Content, string? Number = null) : Block
{
    public Paragraph(string text, string? number = null) : this([new Run(text)], number) { }
}

/// <summary>Label and value on one line, as the heading block of a committee report prints them (REPORT TO: …).</summary>
public sealed record Field(string Label, string Value) : Block;

public sealed record BulletList(IReadOnlyList<string> Items) : Block;

/// <summary>
/// A table with one header row, repeated at the top of each page and kept with the first body row (Word and PDF), and
/// rows that are never split across pages. The first cell of each body row is its row header when
/// <see cref="RowHeaders"/> is set. <see cref="Widths"/> are relative column widths. A column whose body cells are
/// all figures (<see cref="CellAlign.Right"/>) has its header right-aligned too.
/// </summary>
public sealed record Table(string Caption, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<Cell>> Rows) : Block
{
    public bool RowHeaders { get; init; } = true;
    public IReadOnlyList<int>? Widths { get; init; }

    /// <summary>Whether column <paramref name="column"/> holds figures only, so its header aligns with them.</summary>
    public bool IsFigureColumn(int column) =>
        Rows.Count > 0 && Rows.All(r => column < r.Count && r[column].Align == CellAlign.Right);
}

/// <summary>How a cell's content is aligned: text to the left; figures to the right, in tabular (equal-width) numerals, so columns of figures line up.</summary>
public enum CellAlign { Left, Right }

public sealed record Cell(IReadOnlyList<Inline> Content)
{
    public CellAlign Align { get; init; } = CellAlign.Left;

    public static implicit operator Cell(string text) => new([new Run(text)]);
    public static Cell Of(params Inline[] content) => new(content);

    /// <summary>A figure: right-aligned in tabular numerals.</summary>
    public static Cell Figure(string text) => new([new Run(text)]) { Align = CellAlign.Right };
}

/// <summary>Blocks printed on landscape pages (wide tables).</summary>
public sealed record Landscape(IReadOnlyList<Block> Blocks) : Block;

/// <summary>Starts a new page.</summary>
public sealed record PageBreak : Block;

/// <summary>
/// A chart drawn as SVG (inline in HTML and so in the PDF). Word needs a picture: <see cref="Png"/> is rasterised from
/// the SVG before a Word file is written; <see cref="AltText"/> is the picture's alternative text, and the figures are
/// always in a table beside it.
/// </summary>
public sealed record Figure(string Svg, string AltText, int Width, int Height) : Block
{
    public byte[]? Png { get; init; }
}

public abstract record Inline;

public sealed record Run(string Text, bool Bold = false) : Inline;

/// <summary>
/// A report symbol (tick, question mark, cross, arrows): drawn as an image whose alternative text is <see cref="Words"/>,
/// followed by a short visible <see cref="Label"/> so the meaning never rests on the symbol or its colour alone.
/// </summary>
public sealed record Symbol(SymbolKind Kind, string Label, string Words) : Inline;

public enum SymbolKind { Tick, Question, Cross, Up, Level, Down, NotApplicable }
