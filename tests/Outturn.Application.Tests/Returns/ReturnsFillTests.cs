using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Domain.Returns;
using Outturn.Domain.Rounds;
using Outturn.Application.Rounds;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Returns;

public abstract class ReturnsFillTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Plan = "HBC-CYP-2015-16";

    private async Task Prepare()
    {
        await LoadDemoAsync();
        // Start from no returns: the demo's synthetic set is replaced by this test's own few children.
        await Db(db => db.Set<ReturnImport>().ExecuteDeleteAsync());
        // A moved on 1 Jun and again on 30 Sep 2015 (3 placements by the end of Q2); B has one placement.
        var folder = ReturnFolders.Ssda903(NewFolder("lac"),
            ReturnFolders.HeaderColumns + "\nA,1,01/06/2008,WBRI,UN1,,\nB,2,01/06/2009,WBRI,UN1,,\n",
            ReturnFolders.EpisodeColumns + "\n"
            + "A,10/04/2015,S,C2,N1,U1,PR1,01/06/2015,E41,CARPL,,,\nA,01/06/2015,P,C2,N1,U2,PR1,30/09/2015,E41,CARPL,,,\nA,30/09/2015,P,C2,N1,U3,PR1,,,,,,\n"
            + "B,01/05/2015,S,C2,N1,U1,PR1,,,,,,\n");
        var imported = await WithScope(sp => sp.GetRequiredService<ReturnsImport>().ImportAsync(ReturnKind.Ssda903, folder, 2015));
        Assert.True(imported.Ok, string.Join("\n", imported.Errors));
    }

    [Fact]
    public async Task Filling_a_quarter_writes_the_round_item_s_draft_attributed_and_the_record_only_when_its_officer_submits_it()
    {
        await Prepare();
        var links = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().LinkDefaultsAsync(Plan));
        Assert.Contains("CED047 ← lac-3plus-placements", links);
        var q3 = Period.Quarter(2015, 3);
        var indicatorId = await Db(db => db.Indicators.Where(i => i.Ref == "CED047" && db.Plans.Any(p => p.Id == i.PlanId && p.Ref == Plan)).Select(i => i.Id).SingleAsync());
        var recordedBefore = await Db(db => db.IndicatorValues.Where(v => v.IndicatorId == indicatorId && v.Period == q3).Select(v => v.Value).ToListAsync());

        var result = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().FillAsync(Plan, q3, only: ["CED047"]));
        Assert.Null(result.Error);
        var filled = Assert.Single(result.Filled);
        // 1 of 2 children looked after at 31 Dec 2015 had 3 placements since 1 April: 50%.
        Assert.Equal(("CED047", 1, 2, 50m), (filled.Measure, filled.Numerator, filled.Denominator, filled.Value));

        // The demo's officer had drafted 4.9%: the draft now holds the figure from the returns, saying where it came from.
        const string attribution = "Filled from the 2015/16 SSDA903, definition v2 (lac-3plus-placements)";
        var item = await Db(db => db.Set<RoundItem>().SingleAsync(i => i.IndicatorId == indicatorId && db.Set<MonitoringRound>().Any(r => r.Id == i.RoundId && r.Period == q3)));
        Assert.Equal((ItemState.Draft, 50m, 1m, 2m, ValueStatus.Provisional, attribution),
            (item.State, item.Value, item.Numerator, item.Denominator, item.ValueStatus, item.FilledFrom));
        var audit = await Db(db => db.AuditEntries.Where(a => a.EntityKey == $"round-item:{item.Id}" && a.Field == "Value").OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(("4.9", "50", attribution), (audit[^1].OldValue, audit[^1].NewValue, audit[^1].Reason));
        // Nothing reaches the plan's record, or the report, until the officer submits.
        Assert.Equal(recordedBefore, await Db(db => db.IndicatorValues.Where(v => v.IndicatorId == indicatorId && v.Period == q3).Select(v => v.Value).ToListAsync()));

        var saved = await WithScope(sp => sp.GetRequiredService<SaveItem>().HandleAsync(new SaveItem.Request(item.RoundId, item.Id, item.Version,
            new ItemUpdate(item.Value, ValueStatus.Final, null, null, "Placement moves doubled this year.", "Computed from the SSDA903 return.", item.Numerator, item.Denominator), true),
            new Actor("performance@outturn.example", null, true)));
        Assert.IsType<SaveResult.Saved>(saved);

        var (value, computed) = await Db(async db =>
        {
            var v = await db.IndicatorValues.SingleAsync(x => x.IndicatorId == indicatorId && x.Period == q3);
            return (v, await db.Set<ComputedValue>().SingleAsync(c => c.IndicatorValueId == v.Id));
        });
        Assert.Equal((50m, ValueStatus.Final, 1m, 2m), (value.Value, value.Status, value.Numerator, value.Denominator));
        Assert.Equal(("lac-3plus-placements", 2, 1, 2), (computed.Definition, computed.Version, computed.Numerator, computed.Denominator));
        Assert.StartsWith("SSDA903 2015/16 (episodes.csv, header.csv, dated ", computed.Source);
        Assert.Equal((new DateOnly(2015, 4, 1), new DateOnly(2015, 12, 31)), (computed.WindowStart, computed.WindowEnd));
    }

    [Fact]
    public async Task Filling_a_period_whose_round_is_published_or_not_open_is_refused_and_changes_nothing()
    {
        await Prepare();
        await WithScope(sp => sp.GetRequiredService<ReturnsFill>().LinkDefaultsAsync(Plan));
        var auditBefore = await Db(db => db.AuditEntries.CountAsync());
        var published = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().FillAsync(Plan, Period.Quarter(2015, 2), only: ["CED047"]));
        Assert.Equal("The Quarter 2 2015/16 round of HBC-CYP-2015-16 is published: figures from the returns go only into a round open for updates.", published.Error);
        var none = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().FillAsync(Plan, Period.Quarter(2015, 4), only: ["CED047"]));
        Assert.Equal("HBC-CYP-2015-16 has no round for Quarter 4 2015/16: open it first. Figures from the returns go into the round's drafts, for their officers to submit.", none.Error);
        Assert.Equal(auditBefore, await Db(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task A_measure_without_a_return_for_its_year_is_skipped_and_named()
    {
        await Prepare();
        await WithScope(sp => sp.GetRequiredService<ReturnsFill>().LinkDefaultsAsync(Plan));
        var result = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().FillAsync(Plan, Period.Quarter(2015, 3), only: ["CED033"]));
        Assert.Empty(result.Filled);
        Assert.Equal("CED033: no CIN census is held for 2015/16.", Assert.Single(result.Skipped));
    }

    [Fact]
    public async Task Linking_to_an_unknown_definition_is_refused_with_the_codes()
    {
        await Prepare();
        var error = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().LinkAsync(Plan, "CED047", "ni-62"));
        Assert.StartsWith("No statutory definition has the code \"ni-62\". Codes: lac-3plus-placements,", error);
    }
}

public sealed class ReturnsFillTestsOnSqlite() : ReturnsFillTests(DatabaseProvider.Sqlite);

public sealed class ReturnsFillTestsOnPostgres() : ReturnsFillTests(DatabaseProvider.Postgres);
