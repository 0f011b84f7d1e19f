using Outturn.Application.Data;
using Outturn.Domain.Returns;

namespace Outturn.Application.Returns;

public sealed record UploadedFile(string Name, Stream Content);

/// <summary>
/// Imports uploaded return files: they are written to a private folder under the data directory (PrivateFiles), imported (all or nothing), then
/// deleted — unless the administrator has turned retention on (Outturn:Returns:RetainUploads), when they are kept
/// under the data folder for Outturn:Returns:RetentionDays days, after which any upload purges them.
/// </summary>
public sealed class ReturnsUpload(ReturnsImport import, ReturnsSettings settings, TimeProvider clock)
{
    public async Task<ReturnsImportResult> ImportAsync(ReturnKind kind, IReadOnlyList<UploadedFile> files, int? year, CancellationToken ct = default)
    {
        Purge();
        var folder = PrivateFiles.NewUploadFolder(settings.DataDirectory);
        try
        {
            foreach (var f in files)
            {
                var name = PrivateFiles.SafeName(f.Name);
                await using var target = PrivateFiles.Create(Path.Combine(folder, name));
                await f.Content.CopyToAsync(target, ct);
            }
            var result = await import.ImportAsync(kind, files.Count == 1 && kind == ReturnKind.Cin ? Path.Combine(folder, PrivateFiles.SafeName(files[0].Name)) : folder, year, ct);
            if (result.Ok && settings.RetainUploads)
            {
                Directory.CreateDirectory(settings.UploadsFolder);
                Directory.Move(folder, Path.Combine(settings.UploadsFolder, clock.GetUtcNow().ToString("yyyyMMddHHmmss") + "-" + Path.GetFileName(folder)));
            }
            // Errors about the set as a whole name the temporary folder; name the upload instead.
            var id = Path.GetFileName(folder);
            return result with { Errors = result.Errors.Select(e => e.File == id ? e with { File = "the uploaded files" } : e).ToList() };
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, true);
        }
    }

    /// <summary>Deletes kept uploads older than the retention period.</summary>
    public void Purge()
    {
        if (!Directory.Exists(settings.UploadsFolder)) return;
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-settings.RetentionDays);
        foreach (var dir in Directory.GetDirectories(settings.UploadsFolder))
            if (Directory.GetCreationTimeUtc(dir) < cutoff) Directory.Delete(dir, true);
    }
}
