using Outturn.Application.Returns;
using Outturn.Domain.Returns;

namespace Outturn.Application.Tests.Returns;

public sealed class ReturnFilesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "outturn-returns-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_folder, true); } catch (IOException) { }
    }

    [Fact]
    public void A_valid_ssda903_folder_reads_every_table_and_infers_the_collection_year()
    {
        var result = ReturnFiles.Read(ReturnKind.Ssda903, ReturnFolders.ValidSsda903(_folder));
        Assert.Empty(result.Errors);
        var batch = Assert.Single(result.Batches);
        // The latest date is DECOM 05/01/2016, in 2015/16.
        Assert.Equal(2015, batch.Year);
        Assert.Equal(2, batch.Rows.Count(r => r.Table == "Header"));
        Assert.Equal(3, batch.Rows.Count(r => r.Table == "Episodes"));
        var typed = LookedAfterReturn.From(2015, batch.Rows);
        Assert.Equal(new DateOnly(2015, 10, 10), typed.Episodes[0].Dec);
        Assert.Equal(3, typed.Episodes.Single(e => e.Rne == "P").Line);
    }

    [Fact]
    public void A_missing_episodes_table_is_reported_against_the_folder()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "header.csv"), ReturnFolders.HeaderColumns + "\n1001,1,01/06/2008,WBRI,UN1,,\n");
        var result = ReturnFiles.Read(ReturnKind.Ssda903, _folder);
        var error = Assert.Single(result.Errors);
        Assert.Contains("missing table Episodes", error.Problem);
        Assert.Empty(result.Batches);
    }

    [Fact]
    public void An_unknown_header_is_reported_by_file_line_and_column()
    {
        ReturnFolders.Ssda903(_folder, ReturnFolders.HeaderColumns + "\n1001,1,01/06/2008,WBRI,UN1,,\n",
            ReturnFolders.EpisodeColumns.Replace("DECOM", "START_DATE") + "\n1001,01/04/2015,S,C2,N1,U1,PR1,,,,,,\n");
        var errors = ReturnFiles.Read(ReturnKind.Ssda903, _folder).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("episodes.csv:1: START_DATE: unknown header; this file looks like the Episodes table, whose columns are " + ReturnFolders.EpisodeColumns, errors);
        Assert.Contains(errors, e => e.StartsWith("episodes.csv:1: DECOM: missing column", StringComparison.Ordinal));
    }

    [Fact]
    public void A_date_that_is_not_a_date_and_a_code_off_the_list_are_reported_by_file_line_and_field()
    {
        ReturnFolders.Ssda903(_folder, ReturnFolders.HeaderColumns + "\n1001,1,31/02/2008,WBRI,UN1,,\n",
            ReturnFolders.EpisodeColumns + "\n1001,01/04/2015,S,C2,N1,U1,PR1,,,,,,\n1001,2015-06-01,X,C2,N1,U1,PR1,,,,,,\n");
        var errors = ReturnFiles.Read(ReturnKind.Ssda903, _folder).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains("header.csv:2: DOB: \"31/02/2008\" is not a date; expected dd/mm/yyyy, e.g. 31/03/2016", errors);
        Assert.Contains("episodes.csv:3: DECOM: \"2015-06-01\" is not a date; expected dd/mm/yyyy, e.g. 31/03/2016", errors);
        Assert.Contains(errors, e => e.StartsWith("episodes.csv:3: RNE: \"X\" is not on the guide's list (S, P, L, T, U, B)", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void A_cin_census_is_flattened_into_tables_with_its_year_from_the_reference_date()
    {
        var file = Path.Combine(_folder, "cin.xml");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(file, ReturnFolders.CinXml(2016, ReturnFolders.CinChild("C1", """
            <CINdetails>
              <CINreferralDate>2015-06-01</CINreferralDate><ReferralSource>1A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode><ReferralNFA>false</ReferralNFA>
              <Assessments><AssessmentActualStartDate>2015-06-02</AssessmentActualStartDate><AssessmentAuthorisationDate>2015-07-01</AssessmentAuthorisationDate>
                <FactorsIdentifiedAtAssessment><AssessmentFactors>2A</AssessmentFactors></FactorsIdentifiedAtAssessment></Assessments>
              <ChildProtectionPlans><CPPstartDate>2015-08-01</CPPstartDate><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
                <Reviews><CPPreviewDate>2015-10-20</CPPreviewDate><CPPreviewDate>2016-03-15</CPPreviewDate></Reviews></ChildProtectionPlans>
            </CINdetails>
            """)));
        var result = ReturnFiles.Read(ReturnKind.Cin, file);
        Assert.Empty(result.Errors);
        var batch = Assert.Single(result.Batches);
        Assert.Equal(2015, batch.Year);
        var cin = batch.Census!;
        var referral = Assert.Single(cin.Referrals);
        Assert.Equal(new DateOnly(2015, 7, 1), Assert.Single(referral.Assessments).Authorised);
        Assert.Equal([new DateOnly(2015, 10, 20), new DateOnly(2016, 3, 15)], Assert.Single(referral.ProtectionPlans).Reviews);
    }

    [Fact]
    public void An_unknown_cin_element_and_a_bad_date_are_reported_by_line_and_element()
    {
        var file = Path.Combine(_folder, "cin.xml");
        Directory.CreateDirectory(_folder);
        File.WriteAllText(file, ReturnFolders.CinXml(2016, ReturnFolders.CinChild("C1", """
            <CINdetails>
              <CINreferralDate>01/06/2015</CINreferralDate><Colour>blue</Colour>
            </CINdetails>
            """)));
        var errors = ReturnFiles.Read(ReturnKind.Cin, file).Errors.Select(e => e.ToString()).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("cin.xml:", StringComparison.Ordinal) && e.Contains(": CINreferralDate: \"01/06/2015\" is not a date; expected yyyy-mm-dd", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(": Colour: unknown element under CINdetails", StringComparison.Ordinal));
    }
}
