using Microsoft.Extensions.Configuration;
using Outturn.Application.Data;
using Outturn.Application.Returns;

namespace Outturn.Application.Tests.Data;

/// <summary>Uploads and key files are readable by the service's own user only, and uploads do not outlive a crash.</summary>
public sealed class PrivateFilesTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "outturn-private-files", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try { Directory.Delete(_data, true); } catch (IOException) { }
    }

    private const UnixFileMode Rwx = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute; // 0700
    private const UnixFileMode Rw = UnixFileMode.UserRead | UnixFileMode.UserWrite; // 0600

    [Fact]
    public void An_upload_folder_is_0700_under_the_data_directory_and_its_files_are_0600()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = PrivateFiles.NewUploadFolder(_data);
        var file = Path.Combine(folder, "census.xml");
        using (var stream = PrivateFiles.Create(file)) stream.WriteByte(1);

        Assert.StartsWith(Path.Combine(_data, "uploads") + Path.DirectorySeparatorChar, folder);
        Assert.Equal(Rwx, File.GetUnixFileMode(Path.Combine(_data, "uploads")));
        Assert.Equal(Rwx, File.GetUnixFileMode(folder));
        Assert.Equal(Rw, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Uploads_left_by_a_process_that_died_are_swept()
    {
        var orphan = PrivateFiles.NewUploadFolder(_data);
        File.WriteAllText(Path.Combine(orphan, "children.csv"), "child-level data");
        PrivateFiles.SweepUploads(_data);
        Assert.Empty(Directory.GetFileSystemEntries(PrivateFiles.UploadsRoot(_data)));
    }

    [Theory]
    [InlineData("..", "upload")]
    [InlineData(".", "upload")]
    [InlineData("", "upload")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("C:\\Users\\ann\\ledger.xlsx", "ledger.xlsx")]
    [InlineData("Q2 ledger.csv", "Q2 ledger.csv")]
    public void An_uploaded_name_never_leaves_its_folder(string given, string stored) =>
        Assert.Equal(stored, PrivateFiles.SafeName(given));

    [Fact]
    public void The_pseudonym_key_file_is_0600_even_when_an_earlier_version_left_it_readable()
    {
        if (OperatingSystem.IsWindows()) return;
        var settings = new ReturnsSettings(new ConfigurationBuilder().Build(), new DataSettings(_data, DatabaseProvider.Sqlite, ""));
        Assert.Equal(32, settings.PseudonymKey.Length);
        var key = Path.Combine(_data, "returns-pseudonym.key");
        Assert.Equal(Rw, File.GetUnixFileMode(key));

        File.SetUnixFileMode(key, Rw | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var again = new ReturnsSettings(new ConfigurationBuilder().Build(), new DataSettings(_data, DatabaseProvider.Sqlite, ""));
        Assert.Equal(settings.PseudonymKey, again.PseudonymKey);
        Assert.Equal(Rw, File.GetUnixFileMode(key));
    }
}
