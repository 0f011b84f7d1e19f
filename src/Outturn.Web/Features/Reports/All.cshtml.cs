using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Reports;

/// <summary>Every plan's board documents, one link each: the service navigation's "Reports".</summary>
[Authorize(Policy = Policies.Public)]
public sealed class AllModel(OutturnDbContext db) : PageModel
{
    public IReadOnlyList<(string Ref, string Title)> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Plans = (await db.Plans.AsNoTracking().Select(p => new { p.Ref, p.Title }).ToListAsync(ct))
            .OrderBy(p => p.Ref, StringComparer.Ordinal).Select(p => (p.Ref, p.Title)).ToList();
}
