using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Returns;
using Outturn.Domain.Periods;
using Outturn.Domain.Returns;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Returns;

/// <summary>Upload a statutory return: all of it is imported, or on any structural error nothing, with every error listed.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
// A national census is about 570 MB.
[RequestSizeLimit(1024L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 1024L * 1024 * 1024)]
public sealed class UploadModel(ReturnsUpload upload, AnnexAImport annexA) : PageModel
{
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public IReadOnlyList<string> Imported { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(string? kind, string? year, List<IFormFile> files, CancellationToken ct)
    {
        ReturnKind? k = kind switch { "ssda903" => ReturnKind.Ssda903, "cin" => ReturnKind.Cin, "annexa" => ReturnKind.AnnexA, _ => null };
        int? y = null;
        var problems = new List<string>();
        if (k is null) problems.Add("Choose which return the files are.");
        if (files.Count == 0) problems.Add("Choose the files to upload.");
        if (!string.IsNullOrWhiteSpace(year))
        {
            if (Period.TryParseFinancialYear(year, out var p)) y = p.Year;
            else problems.Add(Period.NotAFinancialYear(year));
        }
        if (problems.Count > 0)
        {
            Errors = problems;
            return Page();
        }
        var uploaded = files.Select(f => new UploadedFile(f.FileName, f.OpenReadStream())).ToList();
        try
        {
            if (k == ReturnKind.AnnexA)
            {
                var single = uploaded[0];
                var annex = await annexA.ImportAsync(single.Name, single.Content, ct);
                Errors = annex.Errors.Select(e => e.ToString()).ToList();
                Imported = annex.Report;
            }
            else
            {
                var result = await upload.ImportAsync(k!.Value, uploaded, y, ct);
                Errors = result.Errors.Select(e => e.ToString()).ToList();
                Imported = result.Imported;
            }
        }
        finally
        {
            foreach (var u in uploaded) await u.Content.DisposeAsync();
        }
        return Page();
    }
}
