using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Returns;
using Outturn.Domain.Returns.Indicators;

namespace Outturn.Application.Tests.Returns;

/// <summary>Two CIN censuses imported in either order, stored and read back: the same figures for both years.</summary>
public abstract class ReturnsAcrossYearsTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    // 2014/15: child OPEN referred 1 Oct 2014, still open at 31 March; assessed 2 to 30 Oct 2014 (20 working days);
    // a plan from 1 Nov 2014 reviewed 20 Jan 2015.
    private string Census2014() => Write("cin-2014-15.xml", ReturnFolders.CinXml(2015, ReturnFolders.CinChild("OPEN", """
        <CINdetails>
          <CINreferralDate>2014-10-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
          <Assessments><AssessmentActualStartDate>2014-10-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2014-10-30</AssessmentAuthorisationDate></Assessments>
          <Section47><S47ActualStartDate>2014-10-15</S47ActualStartDate></Section47>
          <ChildProtectionPlans><CPPstartDate>2014-11-01</CPPstartDate><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
            <Reviews><CPPreviewDate>2015-01-20</CPPreviewDate></Reviews></ChildProtectionPlans>
        </CINdetails>
        """)));

    // 2015/16: the same referral with only that year's reviews (10 Jul 2015, 5 Jan 2016), and child NEW referred
    // 1 Jun 2015, assessed 2 to 30 Jun 2015 (20 working days).
    private string Census2015() => Write("cin-2015-16.xml", ReturnFolders.CinXml(2016, ReturnFolders.CinChild("OPEN", """
        <CINdetails>
          <CINreferralDate>2014-10-01</CINreferralDate><ReferralSource>1A</ReferralSource><ReferralNFA>false</ReferralNFA>
          <ChildProtectionPlans><CPPstartDate>2014-11-01</CPPstartDate><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
            <Reviews><CPPreviewDate>2015-07-10</CPPreviewDate><CPPreviewDate>2016-01-05</CPPreviewDate></Reviews></ChildProtectionPlans>
        </CINdetails>
        """) + ReturnFolders.CinChild("NEW", """
        <CINdetails>
          <CINreferralDate>2015-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
          <Assessments><AssessmentActualStartDate>2015-06-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2015-06-30</AssessmentAuthorisationDate></Assessments>
        </CINdetails>
        """)));

    private string Write(string name, string xml)
    {
        var folder = NewFolder(Path.GetFileNameWithoutExtension(name));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, xml);
        return path;
    }

    private Task Import(string path) => WithScope(async sp =>
    {
        var result = await sp.GetRequiredService<ReturnsImport>().ImportAsync(ReturnKind.Cin, path);
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        return 0;
    });

    private Task<Dictionary<string, (int, int)>> Figures(int year) => WithScope(async sp =>
    {
        var (data, _) = await sp.GetRequiredService<ReturnsQuery>().LoadAsync();
        var window = new ReportingWindow(new DateOnly(year, 4, 1), new DateOnly(year + 1, 3, 31));
        return IndicatorCatalogue.All.Where(i => i.Source == ReturnKind.Cin)
            .ToDictionary(i => i.Code, i => { var r = i.Compute(data, window); return (r.Numerator, r.Denominator); });
    });

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Either_order_of_import_gives_the_figures_worked_by_hand_for_both_years(bool earlierFirst)
    {
        var (first, second) = earlierFirst ? (Census2014(), Census2015()) : (Census2015(), Census2014());
        await Import(first);
        var before = earlierFirst ? await Figures(2014) : null;
        await Import(second);
        var y2014 = await Figures(2014);
        var y2015 = await Figures(2015);

        // 2014/15: OPEN's assessment in 20 working days; its plan, its first, reviewed 20 Jan 2015 (due 1 Feb).
        Assert.Equal((1, 1), y2014["cin-assessments-45wd"]);
        Assert.Equal((0, 1), y2014["cp-second-plan"]);
        Assert.Equal((1, 1), y2014["cp-reviews-in-timescale"]);
        // 2015/16: NEW's assessment only; one referral, NEW's first; OPEN's plan reviewed 20 Jan 2015 (2014/15's census),
        // 10 Jul 2015 (due 20 Jul) and 5 Jan 2016 (due 10 Jan): on time.
        Assert.Equal((1, 1), y2015["cin-assessments-45wd"]);
        Assert.Equal((0, 1), y2015["cin-rereferrals-12m"]);
        Assert.Equal((1, 1), y2015["cp-reviews-in-timescale"]);
        Assert.Equal((0, 0), y2015["cp-second-plan"]);
        if (before is not null) Assert.Equal(before, y2014);
    }

    [Fact]
    public async Task Re_importing_one_year_replaces_that_year_only()
    {
        await Import(Census2014());
        await Import(Census2015());
        var once = (await Figures(2014)).Concat(await Figures(2015)).ToList();
        await Import(Census2014());
        var imports = await WithScope(sp => sp.GetRequiredService<ReturnsQuery>().ImportsAsync());
        Assert.Equal([2014, 2015], imports.Select(i => i.Year));
        Assert.Equal(once, (await Figures(2014)).Concat(await Figures(2015)).ToList());
    }
}

public sealed class ReturnsAcrossYearsTestsOnSqlite() : ReturnsAcrossYearsTests(DatabaseProvider.Sqlite);

public sealed class ReturnsAcrossYearsTestsOnPostgres() : ReturnsAcrossYearsTests(DatabaseProvider.Postgres);
