using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Outturn.Application.Finance;
using Outturn.Domain.Periods;
using Outturn.Web.Features.Shared;
using Outturn.Web.Security;

namespace Outturn.Web.Features.Finance;

/// <summary>One department's financial summary for a period: the published section 7.0 figures, so public.</summary>
[Authorize(Policy = Policies.Public)]
public sealed class SummaryModel(FinanceQuery query) : PageModel
{
    public FinancialSummary Summary { get; private set; } = null!;
    public IReadOnlyList<Period> OtherPeriods { get; private set; } = [];

    public static string Href(string department, Period period) => $"/finance/{Uri.EscapeDataString(department)}/{period.ToSlug()}";

    public async Task<IActionResult> OnGetAsync(string department, Period period, CancellationToken ct)
    {
        var p = period;
        var d = await query.DepartmentAsync(department, ct);
        if (d is null) return this.NotFoundWith($"No department is named \"{department}\".");
        Summary = await query.SummaryAsync(d, p, ct);
        OtherPeriods = (await query.PeriodsAsync(d.Id, ct)).Where(x => x != p).ToList();
        return Page();
    }
}
