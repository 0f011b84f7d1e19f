using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outturn.Web.Tests.Registers;

/// <summary>The upload page for budget figures: anti-forgery protected; a rejected file lists its errors and changes nothing.</summary>
public sealed partial class FinanceUploadTests(OutturnApp app) : IClassFixture<OutturnApp>
{
    private HttpClient? _signedIn;

    /// <summary>Registers, the dashboard and uploads are for staff: the performance officer sees them all.</summary>
    private async Task<HttpClient> Client() => _signedIn ??= await app.SignedInClientAsync("performance@outturn.example");

    private async Task<HttpResponseMessage> Upload(string fileName, string text, bool withToken = true)
    {
        var form = await (await Client()).GetStringAsync("/finance/import");
        var content = new MultipartFormDataContent
        {
            { new StringContent("ledger"), "kind" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text)), "file", fileName },
        };
        if (withToken) content.Add(new StringContent(Token().Match(form).Groups[1].Value), "__RequestVerificationToken");
        return await (await Client()).PostAsync("/finance/import", content);
    }

    [Fact]
    public async Task A_rejected_upload_lists_the_errors_by_row_and_column_and_changes_nothing()
    {
        var before = await (await Client()).GetStringAsync("/api/v1/finance/Children%20and%20Families/2015-16-Q2");

        var response = await Upload("q2.csv",
            "department,period,section,line,annual_budget,budget_to_date,expenditure_to_date,variance_to_date\n" +
            "Children and Families,2015/16 Q2,Expenditure,Employees,\"9,635\",\"4,445\",\"4,539\",(94)\n" +
            "Children and Families,2015/16 Q2,Total,Total Expenditure,\"8,635\",\"4,445\",\"4,539\",(94)\n");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Contains("The file was rejected and nothing was imported", html);
        Assert.Contains("q2.csv:3: column &quot;annual_budget&quot;", html);
        Assert.Equal(before, await (await Client()).GetStringAsync("/api/v1/finance/Children%20and%20Families/2015-16-Q2"));
    }

    [Fact]
    public async Task An_upload_without_the_anti_forgery_token_is_refused()
    {
        var response = await Upload("q2.csv", "department\n", withToken: false);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
