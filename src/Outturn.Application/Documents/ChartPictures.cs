using Microsoft.Extensions.Configuration;
using SkiaSharp;
using Svg.Skia;
using Svg.Skia.TypefaceProviders;

namespace Outturn.Application.Documents;

/// <summary>
/// Draws a document's charts as PNG pictures for Word, from the same SVG the pages and the PDF show, with SkiaSharp
/// and Svg.Skia: no browser is needed, so a Word file can be made on a machine without Chromium (decision 0800).
/// </summary>
/// <remarks>
/// The charts' text asks for Arial. The font is the file named by <c>Outturn:Documents:ChartFont</c>, else the first of
/// Arial, Liberation Sans (Arial's metrics), Helvetica and DejaVu Sans installed, else any TrueType font under the
/// usual font folders. Without any font the picture would have no labels, so that is refused with a clear message.
/// </remarks>
public sealed class ChartPictures(string? fontPath = null)
{
    /// <summary>Pixels per CSS pixel: twice the size on screen, so a picture stays sharp when printed.</summary>
    public const int Scale = 2;

    private static readonly string[] Families = ["Arial", "Liberation Sans", "Helvetica", "DejaVu Sans", "sans-serif"];
    private static readonly string[] FontFolders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", "/System/Library/Fonts", @"C:\Windows\Fonts"];

    private readonly Lazy<(SKTypeface Regular, SKTypeface Bold)?> _typefaces = new(() => FindTypefaces(fontPath));

    public static ChartPictures From(IConfiguration configuration) => new(configuration["Outturn:Documents:ChartFont"]);

    /// <summary>The document with every chart also drawn as a PNG picture (Word shows the picture with the chart's alternative text).</summary>
    public Document WithPictures(Document document)
    {
        if (!document.AllBlocks.OfType<Figure>().Any(f => f.Png is null)) return document;
        Block Draw(Block b) => b switch
        {
            Figure f when f.Png is null => f with { Png = Png(f) },
            Landscape l => new Landscape(l.Blocks.Select(Draw).ToList()),
            _ => b,
        };
        return document with { Blocks = document.Blocks.Select(Draw).ToList() };
    }

    /// <summary>The figure's SVG drawn at <see cref="Scale"/> times its size, on white.</summary>
    public byte[] Png(Figure figure)
    {
        var (regular, bold) = _typefaces.Value ?? throw new InvalidOperationException(
            "Word charts need a font to draw their labels, and none was found: install one (apt-get install fonts-liberation) or set Outturn:Documents:ChartFont to a .ttf file.");
        using var svg = new SKSvg();
        svg.Settings.TypefaceProviders = [new OneFamily(regular, bold)];
        using var picture = svg.FromSvg(figure.Svg) ?? throw new InvalidOperationException("The chart's SVG could not be read.");
        var info = new SKImageInfo(figure.Width * Scale, figure.Height * Scale, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new InvalidOperationException("No drawing surface could be made for the chart.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        canvas.Scale(Scale);
        canvas.DrawPicture(picture);
        canvas.Flush();
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static (SKTypeface Regular, SKTypeface Bold)? FindTypefaces(string? fontPath)
    {
        if (fontPath is { Length: > 0 })
        {
            var configured = SKTypeface.FromFile(fontPath) ?? throw new InvalidOperationException($"Outturn:Documents:ChartFont names {fontPath}, which is not a font file that can be read.");
            return (configured, configured);
        }
        var manager = SKFontManager.Default;
        foreach (var family in Families)
        {
            var regular = manager.MatchFamily(family, SKFontStyle.Normal);
            if (regular is null || string.IsNullOrEmpty(regular.FamilyName) || regular.GlyphCount == 0) continue;
            var bold = manager.MatchFamily(family, SKFontStyle.Bold);
            return (regular, bold is { GlyphCount: > 0 } ? bold : regular);
        }
        // Some builds of Skia find no system fonts by name: read a font file directly.
        foreach (var folder in FontFolders.Where(Directory.Exists))
        {
            var files = Directory.EnumerateFiles(folder, "*.ttf", SearchOption.AllDirectories).ToList();
            var preferred = files.OrderBy(f => Path.GetFileName(f) switch
            {
                "arial.ttf" or "Arial.ttf" => 0, "LiberationSans-Regular.ttf" => 1, "DejaVuSans.ttf" => 2, _ => 3,
            }).ThenBy(f => f, StringComparer.Ordinal);
            foreach (var file in preferred)
                if (SKTypeface.FromFile(file) is { GlyphCount: > 0 } typeface)
                {
                    var boldFile = file.Replace("-Regular.", "-Bold.", StringComparison.Ordinal).Replace("DejaVuSans.", "DejaVuSans-Bold.", StringComparison.Ordinal);
                    var bold = boldFile != file && File.Exists(boldFile) ? SKTypeface.FromFile(boldFile) : null;
                    return (typeface, bold ?? typeface);
                }
        }
        return null;
    }

    /// <summary>Every family the SVG asks for is drawn in the one sans-serif font found.</summary>
    private sealed class OneFamily(SKTypeface regular, SKTypeface bold) : ITypefaceProvider
    {
        public SKTypeface? FromFamilyName(string fontFamily, SKFontStyleWeight fontWeight, SKFontStyleWidth fontWidth, SKFontStyleSlant fontStyle) =>
            fontWeight >= SKFontStyleWeight.SemiBold ? bold : regular;
    }
}
