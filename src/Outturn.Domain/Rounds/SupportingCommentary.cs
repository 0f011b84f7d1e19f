namespace Outturn.Domain.Rounds;

/// <summary>One piece of commentary an officer wrote against a measure or milestone, with the officer's initials.</summary>
public sealed record CommentaryPiece(string? Text, string? Initials);

/// <summary>
/// A priority's Supporting Commentary as the report prints it: the commentary written against its measures and
/// milestones, in the order the report lists them, each paragraph followed by its officer's initials in brackets,
/// as the published reports name operational directors against their commentary ("… (AMc)").
/// </summary>
public static class SupportingCommentary
{
    public static string Compile(IEnumerable<CommentaryPiece> pieces) =>
        string.Join("\n\n", pieces.SelectMany(piece => Paragraphs(piece.Text).Select(p => WithInitials(p, piece.Initials))));

    public static IReadOnlyList<string> Paragraphs(string? text) =>
        (text ?? "").Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string WithInitials(string paragraph, string? initials) =>
        string.IsNullOrWhiteSpace(initials) || paragraph.EndsWith($"({initials})", StringComparison.Ordinal) ? paragraph : $"{paragraph} ({initials})";
}
