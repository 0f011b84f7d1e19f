using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Plans;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Plans;

/// <summary>The plan as its plan folder, zipped: the files `outturn export plan` writes, retired items included.</summary>
[Authorize(Policy = Policies.PerformanceOfficer)]
public sealed class FolderModel(PlanExport export) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string planRef, CancellationToken ct)
    {
        var files = await export.FilesAsync(planRef, ct);
        if (files is null) return this.NotFoundWith($"No plan has the reference \"{planRef}\".");
        return File(PlanExport.Zip(files), "application/zip", planRef + ".zip");
    }
}
