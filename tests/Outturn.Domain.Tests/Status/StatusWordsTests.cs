using Outturn.Domain.Status;

namespace Outturn.Domain.Tests.Status;

public class StatusWordsTests
{
    [Theory]
    [InlineData("green", Progress.Green)]
    [InlineData(" Amber ", Progress.Amber)]
    [InlineData("RED", Progress.Red)]
    [InlineData("na", Progress.NotApplicable)]
    [InlineData("N/A", Progress.NotApplicable)]
    public void Progress_words_parse_whatever_their_case_and_spacing(string word, Progress expected)
    {
        Assert.True(StatusWords.TryParseProgress(word, out var progress));
        Assert.Equal(expected, progress);
    }

    [Theory]
    [InlineData("better", Direction.Better)]
    [InlineData(" Same ", Direction.Same)]
    [InlineData("WORSE", Direction.Worse)]
    [InlineData("na", Direction.NotApplicable)]
    [InlineData("n/a", Direction.NotApplicable)]
    public void Direction_words_parse_whatever_their_case_and_spacing(string word, Direction expected)
    {
        Assert.True(StatusWords.TryParseDirection(word, out var direction));
        Assert.Equal(expected, direction);
    }

    [Theory]
    [InlineData("green", MilestoneProgress.Green)]
    [InlineData("Amber", MilestoneProgress.Amber)]
    [InlineData(" red ", MilestoneProgress.Red)]
    [InlineData("COMPLETE", MilestoneProgress.Complete)]
    public void Milestone_words_parse_whatever_their_case_and_spacing(string word, MilestoneProgress expected)
    {
        Assert.True(StatusWords.TryParseMilestoneProgress(word, out var progress));
        Assert.Equal(expected, progress);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("blue")]
    [InlineData("better")]
    public void An_unknown_progress_word_is_rejected(string? word) => Assert.False(StatusWords.TryParseProgress(word, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("up")]
    [InlineData("green")]
    public void An_unknown_direction_word_is_rejected(string? word) => Assert.False(StatusWords.TryParseDirection(word, out _));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("done")]
    [InlineData("na")]
    public void An_unknown_milestone_word_is_rejected(string? word) => Assert.False(StatusWords.TryParseMilestoneProgress(word, out _));

    [Theory]
    [InlineData(Progress.Green, "green")]
    [InlineData(Progress.Amber, "amber")]
    [InlineData(Progress.Red, "red")]
    [InlineData(Progress.NotApplicable, "na")]
    public void Each_progress_status_has_a_word_that_parses_back(Progress progress, string word)
    {
        Assert.Equal(word, progress.ToWord());
        Assert.True(StatusWords.TryParseProgress(progress.ToWord(), out var back));
        Assert.Equal(progress, back);
    }

    [Theory]
    [InlineData(Direction.Better, "better")]
    [InlineData(Direction.Same, "same")]
    [InlineData(Direction.Worse, "worse")]
    [InlineData(Direction.NotApplicable, "na")]
    public void Each_direction_has_a_word_that_parses_back(Direction direction, string word)
    {
        Assert.Equal(word, direction.ToWord());
        Assert.True(StatusWords.TryParseDirection(direction.ToWord(), out var back));
        Assert.Equal(direction, back);
    }

    [Theory]
    [InlineData(MilestoneProgress.Green, "green")]
    [InlineData(MilestoneProgress.Amber, "amber")]
    [InlineData(MilestoneProgress.Red, "red")]
    [InlineData(MilestoneProgress.Complete, "complete")]
    public void Each_milestone_status_has_a_word_that_parses_back(MilestoneProgress progress, string word)
    {
        Assert.Equal(word, progress.ToWord());
        Assert.True(StatusWords.TryParseMilestoneProgress(progress.ToWord(), out var back));
        Assert.Equal(progress, back);
    }

    [Theory]
    [InlineData(Progress.Green, "✓", "Green")]
    [InlineData(Progress.Amber, "?", "Amber")]
    [InlineData(Progress.Red, "✗", "Red")]
    [InlineData(Progress.NotApplicable, "N/A", "Not applicable")]
    public void Each_progress_status_is_described_by_the_reports_symbol_and_words(Progress progress, string symbol, string wordsStart)
    {
        var (s, words) = progress.Describe();
        Assert.Equal(symbol, s);
        Assert.StartsWith(wordsStart, words);
    }

    [Theory]
    [InlineData(Direction.Better, "↑", "Better")]
    [InlineData(Direction.Same, "⇔", "The same")]
    [InlineData(Direction.Worse, "↓", "Worse")]
    [InlineData(Direction.NotApplicable, "N/A", "Cannot be compared")]
    public void Each_direction_is_described_by_the_reports_symbol_and_words(Direction direction, string symbol, string wordsStart)
    {
        var (s, words) = direction.Describe();
        Assert.Equal(symbol, s);
        Assert.StartsWith(wordsStart, words);
    }

    [Theory]
    [InlineData(MilestoneProgress.Green, "✓", "Green")]
    [InlineData(MilestoneProgress.Amber, "?", "Amber")]
    [InlineData(MilestoneProgress.Red, "✗", "Red")]
    [InlineData(MilestoneProgress.Complete, "✓✓", "Complete")]
    public void Each_milestone_status_is_described_by_a_symbol_and_words(MilestoneProgress progress, string symbol, string wordsStart)
    {
        var (s, words) = progress.Describe();
        Assert.Equal(symbol, s);
        Assert.StartsWith(wordsStart, words);
    }

    [Fact]
    public void Every_status_value_has_a_distinct_symbol_within_its_kind()
    {
        Assert.Equal(4, Enum.GetValues<Progress>().Select(p => p.Describe().Symbol).Distinct().Count());
        Assert.Equal(4, Enum.GetValues<Direction>().Select(d => d.Describe().Symbol).Distinct().Count());
        Assert.Equal(4, Enum.GetValues<MilestoneProgress>().Select(m => m.Describe().Symbol).Distinct().Count());
    }
}
