using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Returns;

namespace Outturn.Application.Tests.Returns;

public class AnnexAMatchingTests
{
    private static AnnexAList List(int n) => AnnexASpec.Lists.Single(l => l.Number == n);

    [Fact]
    public void Headings_are_matched_exactly_by_containment_or_by_word_overlap_and_the_rest_reported()
    {
        var matches = AnnexASpec.Match(List(3), ["Child Unique ID", "Gender", "Date of Referral (dd/mm/yyyy)", "Source of the referral", "Colour"]);
        Assert.Equal(
        [
            ("Child Unique ID", "ChildId", "exact"), ("Gender", "Gender", "exact"), ("Date of Referral (dd/mm/yyyy)", "ReferralDate", "contains"),
            ("Source of the referral", "ReferralSource", "similar"), ("Colour", null, "unmatched"),
        ], matches.Select(m => (m.Heading, m.Field, m.How)));
    }

    [Theory]
    [InlineData("List 3", 3)]
    [InlineData("L4 Assessments", 4)]
    [InlineData("7. Child protection", 7)]
    [InlineData("Children in care", 8)]
    [InlineData("Notes", null)]
    public void Sheets_are_identified_by_list_number_or_title(string sheet, int? list) =>
        Assert.Equal(list, AnnexASpec.Identify(sheet)?.Number);
}

public abstract class AnnexAImportTests(DatabaseProvider provider) : IntegrationTest(provider)
{
    private string Workbook(string name, object referralDate)
    {
        var path = Path.Combine(NewFolder("annexa-" + name), "annex-a.xlsx");
        var sheets = new Dictionary<string, object>
        {
            ["Notes"] = new[] { new Dictionary<string, object> { ["About"] = "Synthetic Annex A for tests" } },
            ["List 3 - Referrals"] = new[]
            {
                new Dictionary<string, object> { ["Child Unique ID"] = "A1", ["Gender"] = "Female", ["Date of Referral"] = referralDate, ["Referral source"] = "Police" },
                new Dictionary<string, object> { ["Child Unique ID"] = "A2", ["Gender"] = "Male", ["Date of Referral"] = new DateTime(2015, 9, 1), ["Referral source"] = "School" },
            },
        };
        MiniExcel.SaveAs(path, sheets);
        return path;
    }

    [Fact]
    public async Task A_workbook_is_read_tolerantly_and_stored_with_a_report_of_the_matches()
    {
        var result = await WithScope(sp => sp.GetRequiredService<AnnexAImport>().ImportAsync(Workbook("ok", new DateTime(2015, 6, 1))));
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.Contains("Notes: not one of lists 1–11, ignored.", result.Report);
        Assert.Contains(result.Report, r => r.StartsWith("List 3 - Referrals: list 3 (Referrals); \"Child Unique ID\" → ChildId (exact)", StringComparison.Ordinal));
        var import = await Db(db => db.Set<ReturnImport>().Include(i => i.Tables).SingleAsync(i => i.Kind == ReturnKind.AnnexA));
        Assert.Equal((2015, 2), (import.Year, Assert.Single(import.Tables).RowCount));
    }

    [Fact]
    public async Task A_date_that_is_not_a_date_rejects_the_workbook_and_nothing_is_kept()
    {
        var result = await WithScope(sp => sp.GetRequiredService<AnnexAImport>().ImportAsync(Workbook("bad", "last Tuesday")));
        Assert.False(result.Ok);
        Assert.Contains(result.Errors, e => e.ToString().StartsWith("annex-a.xlsx:2: List 3 - Referrals!C: \"last Tuesday\" is not a date", StringComparison.Ordinal));
        Assert.False(await Db(db => db.Set<ReturnImport>().AnyAsync()));
    }
}

public sealed class AnnexAImportTestsOnSqlite() : AnnexAImportTests(DatabaseProvider.Sqlite);

public sealed class AnnexAImportTestsOnPostgres() : AnnexAImportTests(DatabaseProvider.Postgres);
