namespace Outturn.Application.Data;

/// <summary>
/// Files that hold child-level data or secrets: uploads being imported and key files. They live under the data
/// directory, readable by the service's own user only (folders 0700, files 0600), never in the shared temp folder.
/// </summary>
public static class PrivateFiles
{
    public const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Where uploads wait while they are imported; emptied at start-up, as anything there was orphaned.</summary>
    public static string UploadsRoot(string dataDirectory) => Path.Combine(dataDirectory, "uploads");

    /// <summary>A new private folder for one upload. The caller deletes it in a <c>finally</c>.</summary>
    public static string NewUploadFolder(string dataDirectory)
    {
        var root = CreatePrivateFolder(UploadsRoot(dataDirectory));
        return CreatePrivateFolder(Path.Combine(root, Guid.NewGuid().ToString("N")));
    }

    public static string CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else
        {
            Directory.CreateDirectory(path, OwnerOnlyFolder);
            File.SetUnixFileMode(path, OwnerOnlyFolder); // an existing folder, or one made under a permissive umask
        }
        return path;
    }

    /// <summary>Creates (or replaces) a file only its owner can read.</summary>
    public static FileStream Create(string path)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        var stream = new FileStream(path, options);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, OwnerOnlyFile);
        return stream;
    }

    public static void WriteAllText(string path, string text)
    {
        using var stream = Create(path);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    /// <summary>
    /// The name an uploaded file is stored under: the browser's name without any folder, or "upload" when nothing
    /// usable is left (".", "..", blank), so a hostile name can never point outside the upload's folder.
    /// </summary>
    public static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = string.Concat(name.Where(c => !Path.GetInvalidFileNameChars().Contains(c) && !char.IsControl(c))).Trim();
        return name.Length == 0 || name.Trim('.').Length == 0 ? "upload" : name;
    }

    /// <summary>Deletes what an earlier process left behind when it died mid-import.</summary>
    public static void SweepUploads(string dataDirectory)
    {
        var root = UploadsRoot(dataDirectory);
        if (!Directory.Exists(root)) return;
        foreach (var dir in Directory.GetDirectories(root))
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        foreach (var file in Directory.GetFiles(root))
            try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
