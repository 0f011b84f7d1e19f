using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Rounds;
using Outturn.Domain.Periods;
using Outturn.Domain.Status;

namespace Outturn.Web.Tests.Plans;

/// <summary>
/// A figure's internal note (where it came from, doubts about it) is for staff; only its public note is published.
/// </summary>
public sealed class InternalNotesTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private const string Marker = "INTERNAL-MARKER-5e1c";

    /// <summary>Every published view that shows CED033's figures, its notes or the Quarter 2 report.</summary>
    private static readonly string[] PublishedAddresses =
    [
        "/plans/HBC-CYP-2015-16/indicators/CED033",
        "/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2",
        "/plans/HBC-CYP-2015-16/report-card/FY-2015-16",
        "/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q2",
        "/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q2/html",
        "/plans/HBC-CYP-2015-16/reports/ppb/2015-16-Q2/csv",
        "/api/v1/plans/HBC-CYP-2015-16/indicators/CED033",
        "/api/v1/plans/HBC-CYP-2015-16/monitoring/2015-16-Q2",
        "/api/v1/plans/HBC-CYP-2015-16/status/2015-16-Q2",
    ];

    [Fact]
    public async Task A_corrected_figures_internal_note_is_on_no_published_page_and_its_public_note_is()
    {
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<ReviseFigure>().HandleAsync(new ReviseFigure.Request(
                "HBC-CYP-2015-16", "CED033", Period.Quarter(2015, 2), 76m, ValueStatus.Final, "(corrected in January)", "The final return counted more assessments", Marker));

        var anonymous = app.CreateClient();
        foreach (var address in PublishedAddresses)
        {
            var response = await anonymous.GetAsync(address);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address}: {(int)response.StatusCode}");
            Assert.DoesNotContain(Marker, await response.Content.ReadAsStringAsync());
        }
        // The public note is published with the corrected figure.
        Assert.Contains("(corrected in January)", WebUtility.HtmlDecode(await anonymous.GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED033")));

        // Board members receive the published papers, not the internal notes.
        var councillor = await app.SignedInClientAsync("councillor@outturn.example");
        Assert.DoesNotContain(Marker, await councillor.GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED033"));
        // Nor do a partner's staff: the council's notes on its own measures are the council's.
        var partner = await app.SignedInClientAsync("nina.health@outturn.example");
        Assert.DoesNotContain(Marker, await partner.GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED033"));

        // The note is held: the performance team sees it on the page and in the API.
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        Assert.Contains(Marker, await officer.GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED033"));
        Assert.Contains($"\"internal_note\":\"{Marker}\"", await officer.GetStringAsync("/api/v1/plans/HBC-CYP-2015-16/indicators/CED033"));
    }

    [Fact]
    public async Task The_demo_data_notes_on_where_figures_came_from_are_internal()
    {
        // CED033's yearly figures were read from a chart data table that prints one figure for every year; that
        // doubt is the performance team's, not the public's (the plan folder's values.csv, internal_note).
        const string provenance = "chart-flattening artefact";
        var anonymous = app.CreateClient();
        foreach (var address in PublishedAddresses)
            Assert.DoesNotContain(provenance, await anonymous.GetStringAsync(address));
        Assert.DoesNotContain("as printed in the draft Business Plan", await anonymous.GetStringAsync("/plans/HBC-BP-2016-19/indicators/PED001"));
        Assert.DoesNotContain("Chart column", await anonymous.GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED033"));

        var officer = await app.SignedInClientAsync("performance@outturn.example");
        Assert.Contains(provenance, await officer.GetStringAsync("/plans/HBC-CYP-2015-16/indicators/CED033"));
    }
}
