using System.IO.Compression;
using System.Net;

namespace Outturn.Web.Tests.Plans;

public sealed class PlanPageTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    [Fact]
    public async Task A_performance_officer_sees_the_plan_check_by_file_and_line_and_the_public_does_not()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var html = WebUtility.HtmlDecode(await officer.GetStringAsync("/plans/HBC-BP-2016-19"));
        Assert.Contains("Plan check findings for HBC-BP-2016-19", html);
        Assert.Contains("measure ref \"PEDE008\" breaks the plan's pattern PEDnnn", html);
        Assert.Contains("measure PED056 has the same title as PED055", html);

        var anonymous = await app.CreateClient().GetStringAsync("/plans/HBC-BP-2016-19");
        Assert.DoesNotContain("Plan check", anonymous);
    }

    [Fact]
    public async Task The_plan_folder_downloads_as_a_zip_of_every_plan_folder_file()
    {
        var officer = await app.SignedInClientAsync("performance@outturn.example");
        var response = await officer.GetAsync("/plans/HBC-CYP-2015-16/folder");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync());
        Assert.Equal(12, zip.Entries.Count);
        using var reader = new StreamReader(zip.GetEntry("plan.csv")!.Open());
        Assert.StartsWith("ref,title,kind,first_year,last_year,organisation,directorate,status,description\nHBC-CYP-2015-16,", await reader.ReadToEndAsync());
    }
}
