using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Data;
using Outturn.Application.Finance;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Finance;

/// <summary>Upload of a ledger extract, capital programme, commentary or department list: imports are the performance officer's.</summary>
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
            return Page();
        }
        // Keep the user's file name (errors cite it), in a folder of its own under the data directory.
        var folder = Path.Combine(settings.DataDirectory, "uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(file.FileName));
        try
        {
            await using (var stream = System.IO.File.Create(path)) await file.CopyToAsync(stream, ct);
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
        return Page();
    }
}
