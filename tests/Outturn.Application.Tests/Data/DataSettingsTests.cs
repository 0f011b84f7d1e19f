using Outturn.Application.Data;

namespace Outturn.Application.Tests.Data;

public sealed class DataSettingsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "outturn-settings-" + Guid.NewGuid().ToString("N"));

    public DataSettingsTests()
    {
        Directory.CreateDirectory(Path.Combine(_root, "checkout", "src", "Outturn.Web"));
        File.WriteAllText(Path.Combine(_root, "checkout", "Outturn.slnx"), "<Solution />");
        Directory.CreateDirectory(Path.Combine(_root, "elsewhere"));
    }

    public void Dispose() => Directory.Delete(_root, true);

    [Fact]
    public void In_a_checkout_a_relative_data_directory_is_taken_from_the_repository_root_so_web_and_cli_share_it()
    {
        var fromWebProject = DataSettings.ResolveDataDirectory("data", Path.Combine(_root, "checkout", "src", "Outturn.Web"));
        Assert.Equal(Path.Combine(_root, "checkout", "data"), fromWebProject);
    }

    [Fact]
    public void Outside_a_checkout_a_relative_data_directory_is_taken_from_the_working_folder()
    {
        Assert.Equal(Path.Combine(_root, "elsewhere", "data"), DataSettings.ResolveDataDirectory("data", Path.Combine(_root, "elsewhere")));
    }

    [Fact]
    public void An_absolute_data_directory_is_used_as_given()
    {
        Assert.Equal(Path.Combine(_root, "x"), DataSettings.ResolveDataDirectory(Path.Combine(_root, "x"), Path.Combine(_root, "checkout")));
    }
}
