using System.IO.Compression;
using Outturn.Domain.Status;

namespace Outturn.Application.Documents;

/// <summary>
/// The report's symbols: which symbol and words a status has, an SVG for HTML and a small PNG for Word (drawn here,
/// so no image files or drawing library are needed).
/// </summary>
public static class Symbols
{
    public static Symbol For(Progress p)
    {
        var (_, words) = p.Describe();
        return p switch
        {
            Progress.Green => new Symbol(SymbolKind.Tick, "Green", words),
            Progress.Amber => new Symbol(SymbolKind.Question, "Amber", words),
            Progress.Red => new Symbol(SymbolKind.Cross, "Red", words),
            _ => new Symbol(SymbolKind.NotApplicable, "N/A", words),
        };
    }

    public static Symbol For(Direction d)
    {
        var (_, words) = d.Describe();
        return d switch
        {
            Direction.Better => new Symbol(SymbolKind.Up, "Better", words),
            Direction.Same => new Symbol(SymbolKind.Level, "Same", words),
            Direction.Worse => new Symbol(SymbolKind.Down, "Worse", words),
            _ => new Symbol(SymbolKind.NotApplicable, "N/A", words),
        };
    }

    public static Symbol For(MilestoneProgress? p) => p switch
    {
        MilestoneProgress.Green => new Symbol(SymbolKind.Tick, "Green", "Green: on course to be achieved within the appropriate timeframe"),
        MilestoneProgress.Complete => new Symbol(SymbolKind.Tick, "Complete", "Complete: the milestone has been achieved"),
        MilestoneProgress.Amber => new Symbol(SymbolKind.Question, "Amber", "Amber: uncertain or too early to say whether it will be achieved"),
        MilestoneProgress.Red => new Symbol(SymbolKind.Cross, "Red", "Red: highly likely or certain not to be achieved within the timeframe"),
        _ => new Symbol(SymbolKind.NotApplicable, "No update", "No update reported"),
    };

    /// <summary>A red/amber/green lamp as printed in the 2007 plan review.</summary>
    public static Symbol Lamp(string? rag) => (rag ?? "").Trim().ToUpperInvariant() switch
    {
        "GREEN" => new Symbol(SymbolKind.Tick, "Green", "Green: on track"),
        "AMBER" => new Symbol(SymbolKind.Question, "Amber", "Amber: some progress, not yet on track"),
        "RED" => new Symbol(SymbolKind.Cross, "Red", "Red: not on track"),
        _ => new Symbol(SymbolKind.NotApplicable, "Not rated", "No status printed"),
    };

    public static string Colour(SymbolKind k) => k switch
    {
        SymbolKind.Tick or SymbolKind.Up => "00703C",
        SymbolKind.Question or SymbolKind.Level => "B35500",
        SymbolKind.Cross or SymbolKind.Down => "D4351C",
        _ => "505A5F",
    };

    // 16×16 drawings, '#' inked.
    private static readonly Dictionary<SymbolKind, string[]> Drawings = new()
    {
        [SymbolKind.Tick] =
        [
            "................", "..............##", ".............###", "............###.", "...........###..", "..........###...",
            ".........###....", "##......###.....", "###....###......", ".###..###.......", "..######........", "...####.........",
            "....##..........", "................", "................", "................",
        ],
        [SymbolKind.Question] =
        [
            ".....######.....", "....########....", "...###....###...", "...##......##...", "...........##...", "..........###...",
            ".........###....", "........###.....", ".......###......", ".......##.......", ".......##.......", "................",
            ".......##.......", ".......##.......", "................", "................",
        ],
        [SymbolKind.Cross] =
        [
            "................", ".##.........##..", ".###.......###..", "..###.....###...", "...###...###....", "....###.###.....",
            ".....#####......", "......###.......", ".....#####......", "....###.###.....", "...###...###....", "..###.....###...",
            ".###.......###..", ".##.........##..", "................", "................",
        ],
        [SymbolKind.Up] =
        [
            ".......##.......", "......####......", ".....######.....", "....########....", "...####..####...", "..####.##.####..",
            ".####..##..####.", "####...##...####", ".......##.......", ".......##.......", ".......##.......", ".......##.......",
            ".......##.......", ".......##.......", ".......##.......", "................",
        ],
        [SymbolKind.Level] =
        [
            "................", "................", "................", "...#........#...", "..##........##..", ".###........###.",
            "################", "################", ".###........###.", "..##........##..", "...#........#...", "................",
            "................", "................", "................", "................",
        ],
        [SymbolKind.Down] =
        [
            "................", ".......##.......", ".......##.......", ".......##.......", ".......##.......", ".......##.......",
            ".......##.......", ".......##.......", "####...##...####", ".####..##..####.", "..####.##.####..", "...####..####...",
            "....########....", ".....######.....", "......####......", ".......##.......",
        ],
        [SymbolKind.NotApplicable] =
        [
            "................", "................", "................", "................", "................", "................",
            "................", "..############..", "..############..", "................", "................", "................",
            "................", "................", "................", "................",
        ],
    };

    private static readonly Dictionary<SymbolKind, byte[]> PngCache = new();

    /// <summary>The symbol as a 16×16 PNG in its colour, transparent elsewhere.</summary>
    public static byte[] Png(SymbolKind kind)
    {
        lock (PngCache)
        {
            if (PngCache.TryGetValue(kind, out var cached)) return cached;
            var png = DrawPng(Drawings[kind], Colour(kind));
            PngCache[kind] = png;
            return png;
        }
    }

    /// <summary>The symbol as inline SVG, hidden from screen readers (the words beside it are read instead).</summary>
    public static string Svg(SymbolKind kind)
    {
        var d = Drawings[kind];
        var rects = new System.Text.StringBuilder();
        for (var y = 0; y < 16; y++)
        for (var x = 0; x < 16; x++)
        {
            if (d[y][x] != '#') continue;
            var run = 1;
            while (x + run < 16 && d[y][x + run] == '#') run++;
            rects.Append($"<rect x=\"{x}\" y=\"{y}\" width=\"{run}\" height=\"1\"/>");
            x += run - 1;
        }
        return $"<svg class=\"doc-symbol\" aria-hidden=\"true\" focusable=\"false\" width=\"16\" height=\"16\" viewBox=\"0 0 16 16\" fill=\"#{Colour(kind)}\">{rects}</svg>";
    }

    private static byte[] DrawPng(string[] drawing, string hex)
    {
        var r = Convert.ToByte(hex[..2], 16);
        var g = Convert.ToByte(hex[2..4], 16);
        var b = Convert.ToByte(hex[4..6], 16);
        var raw = new MemoryStream();
        foreach (var line in drawing)
        {
            raw.WriteByte(0); // filter: none
            foreach (var c in line)
            {
                if (c == '#') raw.Write([r, g, b, 255]);
                else raw.Write([0, 0, 0, 0]);
            }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) raw.WriteTo(z);

        var png = new MemoryStream();
        png.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        Chunk(png, "IHDR", [0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0]); // 16×16, 8-bit RGBA
        Chunk(png, "IDAT", compressed.ToArray());
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        WriteBigEndian(s, (uint)data.Length);
        s.Write(typeBytes);
        s.Write(data);
        WriteBigEndian(s, Crc(typeBytes.Concat(data)));
    }

    private static void WriteBigEndian(Stream s, uint v) => s.Write([(byte)(v >> 24), (byte)(v >> 16), (byte)(v >> 8), (byte)v]);

    private static uint Crc(IEnumerable<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var x in bytes)
        {
            crc ^= x;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return crc ^ 0xFFFFFFFFu;
    }
}
