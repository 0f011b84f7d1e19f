using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Risks;
using Outturn.Domain.Risks;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Risks;

[Authorize(Policy = Policies.Council)]
public sealed class DetailsModel(RiskQuery query, TimeProvider clock) : PageModel
{
    public Risk Risk { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(string riskRef, CancellationToken ct)
    {
        var risk = await query.RiskAsync(riskRef, ct);
        if (risk is null) return this.NotFoundWith($"No risk has the reference \"{riskRef}\".");
        Risk = risk;
        Today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return Page();
    }
}
