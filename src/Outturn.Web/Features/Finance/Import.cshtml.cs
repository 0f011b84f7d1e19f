using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Data;
using Outturn.Application.Finance;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Finance;

/// <summary>Upload of a ledger extract, capital programme, commentary or department list: imports are the performance officer's.</summary>
// A ledger or a round workbook is kilobytes to a few megabytes.
[RequestSizeLimit(32L * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 32L * 1024 * 1024)]
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class ImportModel(FinanceImport import, DataSettings settings) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label)> Kinds =
    [
        ("ledger", "Ledger extract (revenue lines and printed totals)"),
        ("capital", "Capital programme"),
        ("finance-comments", "Commentary"),
        ("departments", "Departments"),
    ];

    [BindProperty] public string Kind { get; set; } = "ledger";
    public FinanceImportResult? Result { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Result = FinanceImportResult.Rejected(["No file was chosen: choose a .csv or .xlsx file."], []);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        // Keep the user's file name (errors cite it), in a folder of its own under the data directory.
        var folder = PrivateFiles.NewUploadFolder(settings.DataDirectory);
        var path = Path.Combine(folder, PrivateFiles.SafeName(file.FileName));
        try
        {
            await using (var stream = PrivateFiles.Create(path)) await file.CopyToAsync(stream, ct);
            Result = Kind switch
            {
                "capital" => await import.ImportCapitalAsync(path, ct),
                "finance-comments" => await import.ImportCommentsAsync(path, ct),
                "departments" => await import.ImportDepartmentsAsync(path, ct),
                _ => await import.ImportLedgerAsync(path, ct),
            };
        }
        finally
        {
            try { Directory.Delete(folder, true); } catch (IOException) { }
        }
        // A rejected file is the sender's error: say so in the status as well as on the page.
        if (!Result.Imported) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
