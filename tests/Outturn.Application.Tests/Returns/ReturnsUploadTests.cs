using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Outturn.Application.Data;
using Outturn.Application.Returns;
using Outturn.Domain.Returns;

namespace Outturn.Application.Tests.Returns;

public sealed class ReturnsUploadTests : IntegrationTest
{
    public ReturnsUploadTests() : base(DatabaseProvider.Sqlite) { }

    private ReturnsUpload Upload(IServiceProvider sp, bool retain)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Outturn:Returns:RetainUploads"] = retain ? "true" : "false", ["Outturn:Returns:RetentionDays"] = "30",
        }).Build();
        var settings = new ReturnsSettings(configuration, sp.GetRequiredService<DataSettings>());
        return new ReturnsUpload(sp.GetRequiredService<ReturnsImport>(), settings, TimeProvider.System);
    }

    private static List<UploadedFile> Files() =>
    [
        new("header.csv", new MemoryStream(Encoding.UTF8.GetBytes(ReturnFolders.HeaderColumns + "\nA,1,01/06/2008,WBRI,UN1,,\n"))),
        new("episodes.csv", new MemoryStream(Encoding.UTF8.GetBytes(ReturnFolders.EpisodeColumns + "\nA,01/05/2015,S,C2,N1,U1,PR1,,,,,,\n"))),
    ];

    private string UploadsFolder(IServiceProvider sp) => Path.Combine(sp.GetRequiredService<DataSettings>().DataDirectory, "returns-uploads");

    [Fact]
    public async Task Uploaded_files_are_not_kept_after_processing_by_default()
    {
        var (result, kept) = await WithScope(async sp => (await Upload(sp, retain: false).ImportAsync(ReturnKind.Ssda903, Files(), null), Directory.Exists(UploadsFolder(sp))));
        Assert.True(result.Ok, string.Join("\n", result.Errors));
        Assert.False(kept);
    }

    [Fact]
    public async Task With_retention_on_uploads_are_kept_and_purged_after_the_retention_period()
    {
        var folder = await WithScope(async sp =>
        {
            var result = await Upload(sp, retain: true).ImportAsync(ReturnKind.Ssda903, Files(), null);
            Assert.True(result.Ok);
            return UploadsFolder(sp);
        });
        var kept = Assert.Single(Directory.GetDirectories(folder));
        Assert.True(File.Exists(Path.Combine(kept, "episodes.csv")));
        Directory.SetCreationTimeUtc(kept, DateTime.UtcNow.AddDays(-31));
        await WithScope(sp => { Upload(sp, retain: true).Purge(); return Task.FromResult(0); });
        Assert.Empty(Directory.GetDirectories(folder));
    }

    [Fact]
    public async Task A_rejected_upload_is_not_kept_even_with_retention_on()
    {
        var bad = new List<UploadedFile> { new("header.csv", new MemoryStream(Encoding.UTF8.GetBytes(ReturnFolders.HeaderColumns + "\nA,1,01/06/2008,WBRI,UN1,,\n"))) };
        var (result, kept) = await WithScope(async sp => (await Upload(sp, retain: true).ImportAsync(ReturnKind.Ssda903, bad, 2015), Directory.Exists(UploadsFolder(sp))));
        Assert.Equal("the uploaded files: missing table Episodes: no file has its columns (" + ReturnFolders.EpisodeColumns + ")", Assert.Single(result.Errors).ToString());
        Assert.False(kept);
    }
}
