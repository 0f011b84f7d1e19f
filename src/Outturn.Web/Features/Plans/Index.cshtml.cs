using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Web.Security;
using Microsoft.EntityFrameworkCore;
using Outturn.Application.Data;
using Outturn.Domain.Plans;

namespace Outturn.Web.Features.Plans;

[Authorize(Policy = Policies.Public)]
public sealed class IndexModel(OutturnDbContext db) : PageModel
{
    public sealed record PlanSummary(string Ref, string Title, string Kind, string Span, string Status, int Objectives, int Milestones, int Measures);

    public IReadOnlyList<PlanSummary> Plans { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking()
            .Select(p => new { Plan = p, Objectives = p.Objectives.Count, Milestones = p.Milestones.Count, Measures = p.Indicators.Count })
            .ToListAsync(ct);
        Plans = plans.OrderBy(p => p.Plan.Ref, StringComparer.Ordinal)
            .Select(p => new PlanSummary(p.Plan.Ref, p.Plan.Title, p.Plan.Kind.ToWords(), p.Plan.Span, p.Plan.Status.ToString(), p.Objectives, p.Milestones, p.Measures))
            .ToList();
    }
}
