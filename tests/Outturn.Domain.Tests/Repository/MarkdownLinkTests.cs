using System.Text;
using System.Text.RegularExpressions;

namespace Outturn.Domain.Tests.Repository;

/// <summary>
/// The repository explains itself: every link in its Markdown resolves to a file in it, and nothing in it cites the
/// domain reference or source documents that live outside it (the rules are in docs/spec.md, the documents in
/// docs/sources.md).
/// </summary>
public partial class MarkdownLinkTests
{
    private static readonly string Root = FindRoot();

    // Built from parts so that this file does not itself contain the names it looks for.
    private static readonly string[] OutsideCitations = ["SPEC" + ".md", "seeds" + "/", "../" + "shared/", "/work/" + "shared"];

    private static readonly string[] SkippedFolders = ["bin", "obj", "node_modules", ".git", "TestResults"];

    [Fact]
    public void The_repository_root_is_found_and_holds_the_documents_the_code_cites()
    {
        Assert.True(File.Exists(Path.Combine(Root, "Outturn.slnx")));
        Assert.True(File.Exists(Path.Combine(Root, "docs", "spec.md")));
        Assert.True(File.Exists(Path.Combine(Root, "docs", "sources.md")));
        Assert.Contains(MarkdownFiles(), f => f.EndsWith(Path.Combine("Demo", "finance", "README.md"), StringComparison.Ordinal));
        Assert.Contains(Links(File.ReadAllText(Path.Combine(Root, "README.md"))), l => l.Target == "docs/spec.md");
        Assert.Contains(Links(File.ReadAllText(Path.Combine(Root, "docs", "decisions", "0003-status-rules.md"))), l => l.Target == "../spec.md");
    }

    [Fact]
    public void Every_relative_link_in_the_markdown_resolves_to_a_file_or_heading_in_the_repository()
    {
        var broken = new List<string>();
        foreach (var file in MarkdownFiles())
        foreach (var (line, target) in Links(File.ReadAllText(file)))
        {
            var problem = Check(file, target);
            if (problem is not null) broken.Add($"{Relative(file)}:{line}: ({target}) {problem}");
        }
        Assert.True(broken.Count == 0, "Broken links:\n" + string.Join('\n', broken));
    }

    [Fact]
    public void No_file_under_src_tests_docs_or_bench_cites_a_file_outside_the_repository()
    {
        var self = Path.Combine(Root, "tests", "Outturn.Domain.Tests", "Repository", "MarkdownLinkTests.cs");
        var found = new List<string>();
        foreach (var folder in new[] { "src", "tests", "docs", "bench" })
        foreach (var file in Files(Path.Combine(Root, folder)).Where(IsText))
        {
            if (string.Equals(file, self, StringComparison.Ordinal)) continue;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
                foreach (var name in OutsideCitations.Where(n => lines[i].Contains(n, StringComparison.Ordinal)))
                    found.Add($"{Relative(file)}:{i + 1}: {name}");
        }
        foreach (var name in OutsideCitations.Where(n => File.ReadAllText(Path.Combine(Root, "README.md")).Contains(n, StringComparison.Ordinal)))
            found.Add($"README.md: {name}");
        Assert.True(found.Count == 0, "Citations of files outside the repository:\n" + string.Join('\n', found));
    }

    // The checker itself, on links whose fate is known.
    [Theory]
    [InlineData("spec.md", null)]
    [InlineData("spec.md#2-status-rules", null)]
    [InlineData("spec.md#23-progress-against-target-traffic-lights", null)]
    [InlineData("spec.md#no-such-heading", "no heading")]
    [InlineData("no-such-file.md", "no such file")]
    [InlineData("decisions/", null)]
    [InlineData("../../outside.md", "outside the repository")]
    [InlineData("https://www.gov.uk/government/collections/children-in-need", null)]
    [InlineData("mailto:someone@example.org", null)]
    public void The_checker_tells_good_links_from_broken_ones(string target, string? problem)
    {
        var result = Check(Path.Combine(Root, "docs", "sources.md"), target);
        if (problem is null) Assert.Null(result);
        else Assert.Contains(problem, result);
    }

    [Theory]
    [InlineData("## 2. Status rules", "2-status-rules")]
    [InlineData("### 2.3 Progress against target (traffic lights)", "23-progress-against-target-traffic-lights")]
    [InlineData("## 9. Figures the tests rely on", "9-figures-the-tests-rely-on")]
    [InlineData("# 501. Sections 4, 5 and 7 through an interface; review text", "501-sections-4-5-and-7-through-an-interface-review-text")]
    public void Headings_become_anchors_as_GitHub_makes_them(string heading, string anchor) =>
        Assert.Contains(anchor, Anchors(heading));

    [Fact]
    public void Links_in_code_are_not_links()
    {
        const string text = "See [spec](spec.md).\n\n```\n[not](a-link.md)\n```\n\nAnd `[nor](this.md)` but [this](<other file.md> \"title\").\n\n[ref]: ref.md";
        Assert.Equal(new List<(int, string)> { (1, "spec.md"), (7, "other file.md"), (9, "ref.md") }, Links(text));
    }

    private static string? Check(string file, string target)
    {
        if (OutsideCitations.Any(n => target.Contains(n, StringComparison.Ordinal))) return "cites a file outside the repository";
        if (SchemeLink().IsMatch(target)) return null; // http(s), mailto: published elsewhere
        var hash = target.IndexOf('#');
        var path = Uri.UnescapeDataString(hash < 0 ? target : target[..hash]);
        var anchor = hash < 0 ? null : target[(hash + 1)..];
        var resolved = path.Length == 0 ? file : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, path));
        var rootWithSeparator = Root.EndsWith(Path.DirectorySeparatorChar) ? Root : Root + Path.DirectorySeparatorChar;
        if (!resolved.StartsWith(rootWithSeparator, StringComparison.Ordinal)) return "points outside the repository";
        if (Directory.Exists(resolved)) return anchor is null ? null : "an anchor on a folder";
        if (!File.Exists(resolved)) return "no such file";
        if (anchor is null || anchor.Length == 0 || !resolved.EndsWith(".md", StringComparison.OrdinalIgnoreCase)) return null;
        return Anchors(File.ReadAllText(resolved)).Contains(Uri.UnescapeDataString(anchor).ToLowerInvariant()) ? null : "no heading with that anchor";
    }

    /// <summary>The (line, target) of each inline link, image and reference definition outside code.</summary>
    private static List<(int Line, string Target)> Links(string markdown)
    {
        var result = new List<(int, string)>();
        var lines = markdown.Split('\n');
        var fenced = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal) || line.TrimStart().StartsWith("~~~", StringComparison.Ordinal))
            {
                fenced = !fenced;
                continue;
            }
            if (fenced) continue;
            var prose = CodeSpan().Replace(line, "");
            foreach (Match m in InlineLink().Matches(prose)) result.Add((i + 1, Target(m.Groups["target"].Value)));
            var definition = ReferenceDefinition().Match(prose);
            if (definition.Success) result.Add((i + 1, Target(definition.Groups["target"].Value)));
        }
        return result;
    }

    private static string Target(string raw)
    {
        var t = raw.Trim();
        if (t.StartsWith('<'))
        {
            var close = t.IndexOf('>');
            return close < 0 ? t[1..] : t[1..close];
        }
        var space = t.IndexOf(' ');
        return space < 0 ? t : t[..space];
    }

    /// <summary>The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces to hyphens, repeats numbered.</summary>
    private static HashSet<string> Anchors(string markdown)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var fenced = false;
        foreach (var raw in markdown.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal)) { fenced = !fenced; continue; }
            var m = fenced ? Match.Empty : Heading().Match(line);
            if (!m.Success) continue;
            var slug = new StringBuilder();
            foreach (var c in m.Groups["text"].Value.Trim().ToLowerInvariant())
            {
                if (char.IsLetterOrDigit(c) || c is '-' or '_') slug.Append(c);
                else if (c == ' ') slug.Append('-');
            }
            var anchor = slug.ToString();
            for (var n = 1; !anchors.Add(anchor); n++) anchor = $"{slug}-{n}";
        }
        return anchors;
    }

    private static IEnumerable<string> MarkdownFiles() =>
        new[] { Path.Combine(Root, "README.md") }
            .Concat(new[] { "docs", "src", "bench", "tests", "scripts", "deploy" }
                .SelectMany(f => Files(Path.Combine(Root, f)))
                .Where(f => f.EndsWith(".md", StringComparison.OrdinalIgnoreCase)));

    private static IEnumerable<string> Files(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder)) yield return file;
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            if (SkippedFolders.Contains(Path.GetFileName(sub))) continue;
            foreach (var file in Files(sub)) yield return file;
        }
    }

    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".cs", ".cshtml", ".razor", ".md", ".json", ".py", ".csv", ".txt", ".sh", ".js", ".css", ".scss", ".html",
        ".xml", ".yml", ".yaml", ".sql", ".props", ".targets", ".csproj", ".slnx", ".toml", ".ini", ".conf",
    };

    private static bool IsText(string file) => TextExtensions.Contains(Path.GetExtension(file));

    private static string Relative(string file) => Path.GetRelativePath(Root, file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Outturn.slnx"))) return dir.FullName;
        throw new InvalidOperationException($"No Outturn.slnx above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"`[^`]*`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\((?<target><[^>]*>[^)]*|[^()\s]*(?:\([^()]*\)[^()\s]*)*(?:\s+""[^""]*"")?)\)")]
    private static partial Regex InlineLink();

    [GeneratedRegex(@"^\s{0,3}\[[^\]]+\]:\s*(?<target>\S+)")]
    private static partial Regex ReferenceDefinition();

    [GeneratedRegex(@"^#{1,6}\s+(?<text>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.-]*:")]
    private static partial Regex SchemeLink();
}
