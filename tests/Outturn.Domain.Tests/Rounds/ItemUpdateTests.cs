using Outturn.Domain.Rounds;
using Outturn.Domain.Status;
using static Outturn.Domain.Tests.Rounds.RoundStagesTests;

namespace Outturn.Domain.Tests.Rounds;

/// <summary>What a contributor must enter before an item can be submitted, and what every save records.</summary>
public class ItemUpdateTests
{
    private const string NoStatus = "Say whether the figure is final, provisional or not yet available.";
    private const string ClearTheValue = "A figure that is not yet available has no value: clear the value.";
    private const string SayWhy = "Say why the figure is not yet available, for example \"Available at end of Quarter 3\".";
    private const string EnterTheValue = "Enter the value, or mark it not yet available with the reason.";

    private static ItemUpdate Figure(decimal? value, ValueStatus? status, string? note = null) => new(value, status, note, null, null);

    // Measures

    [Theory]
    [InlineData(ValueStatus.Final)]
    [InlineData(ValueStatus.Provisional)]
    public void A_final_or_provisional_figure_with_a_value_can_be_submitted(ValueStatus status) =>
        Assert.Empty(Figure(75m, status).ProblemsFor(ItemKind.Measure));

    [Fact]
    public void A_figure_of_zero_is_a_value() =>
        Assert.Empty(Figure(0m, ValueStatus.Final).ProblemsFor(ItemKind.Measure));

    [Fact]
    public void A_measure_needs_its_status_saying_whether_the_figure_is_final_provisional_or_not_yet_available() =>
        Assert.Equal([NoStatus], Figure(75m, null).ProblemsFor(ItemKind.Measure));

    [Fact]
    public void A_measure_with_nothing_entered_asks_only_for_the_status() =>
        Assert.Equal([NoStatus], new ItemUpdate(null, null, null, null, null).ProblemsFor(ItemKind.Measure));

    [Theory]
    [InlineData(ValueStatus.Final)]
    [InlineData(ValueStatus.Provisional)]
    public void A_final_or_provisional_figure_needs_a_value(ValueStatus status) =>
        Assert.Equal([EnterTheValue], Figure(null, status).ProblemsFor(ItemKind.Measure));

    [Fact]
    public void A_figure_not_yet_available_with_its_reason_can_be_submitted() =>
        Assert.Empty(Figure(null, ValueStatus.Unavailable, "Available at end of Quarter 3").ProblemsFor(ItemKind.Measure));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_figure_not_yet_available_needs_the_reason(string? note) =>
        Assert.Equal([SayWhy], Figure(null, ValueStatus.Unavailable, note).ProblemsFor(ItemKind.Measure));

    [Fact]
    public void A_figure_not_yet_available_has_no_value() =>
        Assert.Equal([ClearTheValue], Figure(75m, ValueStatus.Unavailable, "Available at end of Quarter 3").ProblemsFor(ItemKind.Measure));

    [Fact]
    public void A_figure_not_yet_available_with_a_value_and_no_reason_gets_both_problems() =>
        Assert.Equal([ClearTheValue, SayWhy], Figure(75m, ValueStatus.Unavailable).ProblemsFor(ItemKind.Measure));

    [Fact]
    public void A_measure_does_not_need_commentary_or_progress() =>
        Assert.Empty(new ItemUpdate(75m, ValueStatus.Final, null, null, null).ProblemsFor(ItemKind.Measure));

    // Milestones

    [Theory]
    [InlineData(MilestoneProgress.Green)]
    [InlineData(MilestoneProgress.Amber)]
    [InlineData(MilestoneProgress.Red)]
    [InlineData(MilestoneProgress.Complete)]
    public void A_milestone_with_its_progress_can_be_submitted(MilestoneProgress progress) =>
        Assert.Empty(new ItemUpdate(null, null, null, progress, null).ProblemsFor(ItemKind.Milestone));

    [Fact]
    public void A_milestone_needs_its_progress() =>
        Assert.Equal(["Choose the milestone's progress."],
            new ItemUpdate(null, null, null, null, "Work continues.").ProblemsFor(ItemKind.Milestone));

    [Fact]
    public void A_milestone_does_not_need_a_figure_status() =>
        Assert.Empty(new ItemUpdate(null, null, null, MilestoneProgress.Green, null).ProblemsFor(ItemKind.Milestone));

    // Narrative sections

    [Fact]
    public void A_narrative_section_with_commentary_can_be_submitted() =>
        Assert.Empty(new ItemUpdate(null, null, null, null, "The new assessment team started in January.").ProblemsFor(ItemKind.Narrative));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \n ")]
    public void A_narrative_section_needs_commentary(string? commentary) =>
        Assert.Equal(["Write the commentary."], new ItemUpdate(null, null, null, null, commentary).ProblemsFor(ItemKind.Narrative));

    // Submitting, drafts and what every save records

    [Fact]
    public void Submitting_a_complete_update_stores_it_and_who_made_it_when()
    {
        var item = Measure();
        item.Submit(new ItemUpdate(75m, ValueStatus.Provisional, "Data to end of February", null, "Improving."), "tracey.coffey@outturn.example", Monday);

        Assert.Equal(ItemState.Submitted, item.State);
        Assert.Equal(75m, item.Value);
        Assert.Equal(ValueStatus.Provisional, item.ValueStatus);
        Assert.Equal("Data to end of February", item.Note);
        Assert.Equal("Improving.", item.Commentary);
        Assert.Equal("tracey.coffey@outturn.example", item.UpdatedBy);
        Assert.Equal(Monday, item.UpdatedAt);
    }

    [Fact]
    public void Submitting_an_incomplete_update_is_refused_listing_every_problem_and_changes_nothing()
    {
        var item = Measure();
        item.SaveDraft(Figure(60m, ValueStatus.Provisional), "tracey.coffey@outturn.example", Monday);
        var version = item.Version;

        var e = Assert.Throws<DomainException>(() =>
            item.Submit(Figure(75m, ValueStatus.Unavailable), "tracey.coffey@outturn.example", Monday.AddDays(1)));

        Assert.Equal($"{ClearTheValue} {SayWhy}", e.Message);
        Assert.Equal(ItemState.Draft, item.State);
        Assert.Equal(60m, item.Value);
        Assert.Equal(version, item.Version);
        Assert.Equal(Monday, item.UpdatedAt);
    }

    [Fact]
    public void Submitting_a_milestone_without_progress_is_refused()
    {
        var item = new RoundItem { Kind = ItemKind.Milestone, Label = "CED08e" };
        var e = Assert.Throws<DomainException>(() =>
            item.Submit(new ItemUpdate(null, null, null, null, "Going well"), "ann.mcintyre@outturn.example", Monday));
        Assert.Equal("Choose the milestone's progress.", e.Message);
        Assert.Equal(ItemState.NotStarted, item.State);
        Assert.Equal(0, item.Version);
    }

    [Fact]
    public void Submitting_a_narrative_section_without_commentary_is_refused()
    {
        var item = new RoundItem { Kind = ItemKind.Narrative, Label = "Key developments", Section = NarrativeSection.KeyDevelopments };
        var e = Assert.Throws<DomainException>(() =>
            item.Submit(new ItemUpdate(null, null, null, null, "  "), "ann.mcintyre@outturn.example", Monday));
        Assert.Equal("Write the commentary.", e.Message);
    }

    [Fact]
    public void A_draft_can_be_saved_incomplete()
    {
        var item = Measure();
        item.SaveDraft(new ItemUpdate(null, null, null, null, "Figures due from the NHS trust."), "tracey.coffey@outturn.example", Monday);

        Assert.Equal(ItemState.Draft, item.State);
        Assert.Null(item.Value);
        Assert.Null(item.ValueStatus);
        Assert.Equal("Figures due from the NHS trust.", item.Commentary);
        Assert.Equal("tracey.coffey@outturn.example", item.UpdatedBy);
        Assert.Equal(Monday, item.UpdatedAt);
    }

    [Fact]
    public void Saving_a_draft_after_submitting_takes_the_item_back_to_draft()
    {
        var item = Submitted();
        item.SaveDraft(Figure(70m, ValueStatus.Provisional), "tracey.coffey@outturn.example", Monday.AddDays(1));
        Assert.Equal(ItemState.Draft, item.State);
        Assert.Equal(70m, item.Value);
    }

    [Fact]
    public void Every_save_raises_the_version()
    {
        var item = Measure();
        Assert.Equal(0, item.Version);

        item.SaveDraft(Figure(60m, ValueStatus.Provisional), "tracey.coffey@outturn.example", Monday);
        Assert.Equal(1, item.Version);

        item.SaveDraft(Figure(70m, ValueStatus.Provisional), "tracey.coffey@outturn.example", Monday);
        Assert.Equal(2, item.Version);

        item.Submit(Figure(75m, ValueStatus.Final), "tracey.coffey@outturn.example", Monday);
        Assert.Equal(3, item.Version);

        item.RecordAsReported(Figure(75m, ValueStatus.Final), "import", Monday);
        Assert.Equal(4, item.Version);
    }

    [Fact]
    public void Each_save_records_who_saved_it_and_when()
    {
        var item = Measure();
        item.SaveDraft(Figure(60m, ValueStatus.Provisional), "tracey.coffey@outturn.example", Monday);
        item.Submit(Figure(75m, ValueStatus.Final), "performance@outturn.example", Monday.AddHours(3));

        Assert.Equal("performance@outturn.example", item.UpdatedBy);
        Assert.Equal(Monday.AddHours(3), item.UpdatedAt);
    }

    [Fact]
    public void A_save_replaces_every_field_including_ones_left_empty()
    {
        var item = Measure();
        item.SaveDraft(new ItemUpdate(60m, ValueStatus.Provisional, "Partial data", null, "First thoughts"), "tracey.coffey@outturn.example", Monday);

        item.SaveDraft(new ItemUpdate(null, ValueStatus.Unavailable, "Available at end of Quarter 3", null, null), "tracey.coffey@outturn.example", Monday);

        Assert.Null(item.Value);
        Assert.Equal(ValueStatus.Unavailable, item.ValueStatus);
        Assert.Equal("Available at end of Quarter 3", item.Note);
        Assert.Null(item.Commentary);
    }

    [Fact]
    public void Note_and_commentary_are_trimmed_and_blank_ones_kept_as_nothing()
    {
        var item = Measure();
        item.SaveDraft(new ItemUpdate(75m, ValueStatus.Final, "  Rounded  ", null, "\n  Good quarter.  \n"), "tracey.coffey@outturn.example", Monday);
        Assert.Equal("Rounded", item.Note);
        Assert.Equal("Good quarter.", item.Commentary);

        item.SaveDraft(new ItemUpdate(75m, ValueStatus.Final, "   ", null, ""), "tracey.coffey@outturn.example", Monday);
        Assert.Null(item.Note);
        Assert.Null(item.Commentary);
    }

    [Fact]
    public void A_milestone_save_stores_its_progress()
    {
        var item = new RoundItem { Kind = ItemKind.Milestone, Label = "CED08e" };
        item.Submit(new ItemUpdate(null, null, null, MilestoneProgress.Complete, "Done in January."), "ann.mcintyre@outturn.example", Monday);
        Assert.Equal(MilestoneProgress.Complete, item.Progress);
        Assert.Equal(ItemState.Submitted, item.State);
    }

    [Fact]
    public void An_item_reported_before_Outturn_is_taken_as_submitted_without_the_checks()
    {
        var item = Measure();
        item.RecordAsReported(new ItemUpdate(null, null, null, null, null), "import", Monday);

        Assert.Equal(ItemState.Submitted, item.State);
        Assert.Equal("import", item.UpdatedBy);
        Assert.Equal(1, item.Version);
    }

    [Fact]
    public void A_new_item_is_not_started_and_unsaved()
    {
        var item = Measure();
        Assert.Equal(ItemState.NotStarted, item.State);
        Assert.Equal(0, item.Version);
        Assert.Null(item.UpdatedBy);
        Assert.Null(item.UpdatedAt);
        Assert.Null(item.ReturnComment);
    }
}
