using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Demo;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Domain.Returns;
using Outturn.Domain.Status;

namespace Outturn.Application.Tests.Returns;

public abstract class ReturnsFillTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private const string Plan = "HBC-CYP-2015-16";

    private async Task Prepare()
    {
        await WithScope(sp => sp.GetRequiredService<DemoData>().LoadAsync());
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
    public async Task Filling_a_quarter_writes_the_value_with_numerator_denominator_source_and_version()
    {
        await Prepare();
        var links = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().LinkDefaultsAsync(Plan));
        Assert.Contains("CED047 ← lac-3plus-placements", links);

        var result = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().FillAsync(Plan, Period.Quarter(2015, 2), only: ["CED047"]));
        Assert.Null(result.Error);
        var filled = Assert.Single(result.Filled);
        // 1 of 2 children looked after at 30 Sep 2015 had 3 placements since 1 April: 50%.
        Assert.Equal(("CED047", 1, 2, 50m), (filled.Measure, filled.Numerator, filled.Denominator, filled.Value));

        var (value, computed) = await Db(async db =>
        {
            var indicator = await db.Indicators.SingleAsync(i => i.Ref == "CED047" && db.Plans.Any(p => p.Id == i.PlanId && p.Ref == Plan));
            var v = await db.IndicatorValues.SingleAsync(x => x.IndicatorId == indicator.Id && x.Period == Period.Quarter(2015, 2));
            return (v, await db.Set<ComputedValue>().SingleAsync(c => c.IndicatorValueId == v.Id));
        });
        Assert.Equal((50m, ValueStatus.Provisional), (value.Value, value.Status));
        Assert.Equal(("lac-3plus-placements", 2, 1, 2), (computed.Definition, computed.Version, computed.Numerator, computed.Denominator));
        Assert.StartsWith("SSDA903 2015/16 (episodes.csv, header.csv, dated ", computed.Source);
        Assert.Equal((new DateOnly(2015, 4, 1), new DateOnly(2015, 9, 30)), (computed.WindowStart, computed.WindowEnd));
        // The audit interceptor records the changed figure as for any other edit.
        var audit = await Db(db => db.AuditEntries.Where(a => a.Entity == "IndicatorValue" && a.Field == "Value" && a.By == "test-user").ToListAsync());
        Assert.Contains(audit, a => a.NewValue == "50");
    }

    [Fact]
    public async Task A_measure_without_a_return_for_its_year_is_skipped_and_named()
    {
        await Prepare();
        await WithScope(sp => sp.GetRequiredService<ReturnsFill>().LinkDefaultsAsync(Plan));
        var result = await WithScope(sp => sp.GetRequiredService<ReturnsFill>().FillAsync(Plan, Period.Quarter(2015, 2), only: ["CED033"]));
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
