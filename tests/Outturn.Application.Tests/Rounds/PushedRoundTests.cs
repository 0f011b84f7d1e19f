using W = DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Documents;
using Outturn.Application.Plans;
using Outturn.Application.Rounds;
using Outturn.Application.Tests.Documents;
using Outturn.Domain;
using Outturn.Domain.Periods;
using Outturn.Domain.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Rounds;

/// <summary>The whole quarter as a council's own systems drive it through the push API's handlers.</summary>
public abstract class PushedRoundTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Plan = "HBC-CYP-2015-16";
    private static readonly Period Q3 = Period.Quarter(2015, 3);
    private static readonly Actor Performance = new("performance@outturn.example", null, RunsRounds: true);
    private static readonly Actor Director = new("director@outturn.example", null, RunsRounds: false);

    private Task<T> Handlers<T>(Func<RoundApiHandlers, Task<T>> work) => WithScope(sp => work(sp.GetRequiredService<RoundApiHandlers>()));

    private Task<RoundApiHandlers.PushResult> Push(RoundItemSummary item, decimal? value = null, ValueStatus? status = null, string? note = null,
        string? commentary = null, MilestoneProgress? progress = null, string? reason = null, int? version = null) =>
        Handlers(h => h.SaveItemAsync(new SaveItemRequest(Plan, Q3, item.Ref, value, status, note, commentary, progress, reason, Submit: true, version ?? item.Version), Performance));

    [Fact]
    public async Task A_quarter_pushed_item_by_item_reaches_the_boards_word_report_with_its_commentary_and_initials()
    {
        await WithScope(async sp => (await sp.GetRequiredService<PlanImport>().ImportAsync(Path.Combine(DemoData.PlansFolder, Plan))).Imported);

        var opened = await Handlers(h => h.OpenAsync(new OpenRound.Request(Plan, Q3, new DateOnly(2016, 1, 15)), Performance));
        Assert.Equal(RoundState.Open, opened.State);
        var items = (await Handlers(h => h.ItemsAsync(Plan, Q3)))!;
        Assert.Equal(111, items.Count); // 68 measures, 36 milestones of 2015/16, 4 sections, 3 priorities' commentary
        Assert.All(items, i => Assert.Equal(ItemState.NotStarted, i.State));

        // CED033 was 75% at Quarter 2, its only earlier quarter: 20% is a fall of 55 points, 73% of 75.
        var ced033 = items.Single(i => i.Ref == "CED033");
        var refused = Assert.IsType<RoundApiHandlers.PushResult.Done>(await Push(ced033, 20m, ValueStatus.Final));
        var invalid = Assert.IsType<SaveResult.Invalid>(refused.Result);
        Assert.Equal("reason", Assert.Single(invalid.Fields).Field);
        Assert.Equal(EntryWarning.UnusualChangeCode, Assert.Single(invalid.Warnings).Code);
        var accepted = Assert.IsType<RoundApiHandlers.PushResult.Done>(await Push(ced033, 20m, ValueStatus.Final, reason: "The case system's new export counts only completed assessments."));
        Assert.IsType<SaveResult.Saved>(accepted.Result);
        Assert.Equal("The case system's new export counts only completed assessments.", accepted.Item!.Reason);
        Assert.NotNull(accepted.Item.UnusualChange);

        // A negative count is impossible whatever the reason.
        var ced005 = items.Single(i => i.Ref == "CED005");
        var negative = (SaveResult.Invalid)((RoundApiHandlers.PushResult.Done)await Push(ced005, -5m, ValueStatus.Final, reason: "x")).Result;
        Assert.Equal("-5 is a negative count; a count cannot be below 0.", Assert.Single(negative.Fields).Message);
        // 612 after 585 is a rise of 4.6%: usual.
        const string take = "Take-up rose to 612 as the promotional campaign reached more families.";
        var ok = (RoundApiHandlers.PushResult.Done)await Push(ced005, 612m, ValueStatus.Final, commentary: take);
        Assert.IsType<SaveResult.Saved>(ok.Result);
        Assert.Equal("Ann McIntyre", ok.Item!.OnBehalfOf); // entered by the performance officer for CED005's officer

        // A stale version meets a conflict.
        Assert.IsType<SaveResult.Conflict>(((RoundApiHandlers.PushResult.Done)await Push(ced005, 613m, ValueStatus.Final, version: ced005.Version)).Result);

        foreach (var item in items.Where(i => i.Ref is not ("CED033" or "CED005") && !i.Ref.StartsWith("supporting-commentary-", StringComparison.Ordinal)))
        {
            var result = item.Kind switch
            {
                PushedItemKind.Measure => await Push(item, null, ValueStatus.Unavailable, "Available at end of Quarter 4"),
                PushedItemKind.Milestone => await Push(item, progress: MilestoneProgress.Green, commentary: $"{item.Ref} is on course."),
                _ => await Push(item, commentary: "Nothing further to report this quarter."),
            };
            Assert.IsType<SaveResult.Saved>(((RoundApiHandlers.PushResult.Done)result).Result);
        }

        // The supporting commentary is compiled at review, so nothing is outstanding.
        var review = await Handlers(h => h.StepAsync(Plan, Q3, RoundStep.MoveToReview, Performance));
        Assert.Equal((RoundState.InReview, 0, true), (review!.State, review.Outstanding, review.CanSignOff));
        var early = await Assert.ThrowsAsync<DomainException>(() => Handlers(h => h.StepAsync(Plan, Q3, RoundStep.Publish, Performance)));
        Assert.Equal(DomainRefusal.Conflict, early.Kind);
        Assert.Equal(RoundState.SignedOff, (await Handlers(h => h.StepAsync(Plan, Q3, RoundStep.SignOff, Director, "Approved for the board.")))!.State);
        Assert.Equal(RoundState.Published, (await Handlers(h => h.StepAsync(Plan, Q3, RoundStep.Publish, Performance)))!.State);

        var bytes = await WithScope(async sp =>
        {
            var reports = sp.GetRequiredService<BoardReports>();
            var document = await reports.PpbAsync(Plan, Q3);
            return (await reports.RenderAsync(document!, OutputFormat.Docx, "ppb")).Content;
        });
        using var word = new WordFile(bytes);
        var paragraphs = word.Body.Descendants<W.Paragraph>().Select(p => p.InnerText).ToList();
        var heading = paragraphs.FindIndex(p => p.StartsWith("Supporting Commentary", StringComparison.Ordinal));
        Assert.True(heading >= 0, "No Supporting Commentary in the report");
        // CED005 names no officer and no objective: it goes to the lead of its priority, the officer of its first
        // objective CED02, Ann McIntyre, whose initials the documents print as AMc.
        Assert.Contains(take + " (AMc)", paragraphs);
    }
}

public sealed class PushedRoundTestsOnSqlite() : PushedRoundTests(DatabaseProvider.Sqlite);

public sealed class PushedRoundTestsOnPostgres() : PushedRoundTests(DatabaseProvider.Postgres);
